// SPDX-License-Identifier: MPL-2.0
// TitleNormalizer: one test per normalisation rule, plus stem() and key().
#include "cartoia/title_normalizer.hpp"

#include <cmath>

#include <gtest/gtest.h>

using cartoia::Abbreviation;
using cartoia::Grade;
using cartoia::TitleNormalizer;
using Terms = std::vector<std::string>;

namespace {

Terms terms(std::string_view title)
{
    static const TitleNormalizer plain;
    return plain.terms(title);
}

} // namespace

TEST(Normalizer, CaseAndAccents)
{
    EXPECT_EQ(terms("ÉDUCATEUR Sportif"), (Terms{"educateur", "sportif"}));
    EXPECT_EQ(terms("Éducateur sportif"), terms("educateur SPORTIF"));
    EXPECT_EQ(terms("Agent d’accueil"), terms("agent d'accueil"));
}

TEST(Normalizer, SlashBetweenGenderForms)
{
    EXPECT_EQ(terms("Policier / Policière"), (Terms{"policier"}));
    EXPECT_EQ(terms("Agent / Agente de police municipale"), terms("Agent de police municipal"));
}

TEST(Normalizer, ParenthesisedEnding)
{
    EXPECT_EQ(terms("Agent(e)"), (Terms{"agent"}));
    EXPECT_EQ(terms("Animateur(trice)"), (Terms{"animateur"}));
    EXPECT_EQ(terms("Policier ou policière municipal(e)"), (Terms{"policier", "municipal"}));
}

TEST(Normalizer, MiddleDotEnding)
{
    EXPECT_EQ(terms("policier·ère"), (Terms{"policier"}));
    EXPECT_EQ(terms("Chargé·e"), (Terms{"charg"}));
    EXPECT_EQ(terms("directeur·rice"), (Terms{"directeur"}));
    EXPECT_EQ(terms("Chef·fe de projet"), terms("Chef de projet"));
}

TEST(Normalizer, HyphenEnding)
{
    EXPECT_EQ(terms("technicien-ne"), (Terms{"technicien"}));
    EXPECT_EQ(terms("Technicien-ne territorial-e"), terms("Technicien territorial"));
}

TEST(Normalizer, EndingIsNotDroppedAsFirstWord)
{
    // A written-apart ending is only dropped after another word.
    EXPECT_EQ(terms("Rice cultivateur"), (Terms{"ric", "cultivateur"}));
    EXPECT_EQ(terms("cultivateur rice"), (Terms{"cultivateur"}));
}

TEST(Normalizer, MasculineOrFeminine)
{
    EXPECT_EQ(terms("Chargé ou chargée d'accueil"), (Terms{"charg", "accueil"}));
    EXPECT_EQ(terms("Chargé ou chargée d'accueil"), terms("Chargée d'accueil"));
    EXPECT_EQ(terms("Directeur ou directrice général(e) des services"), terms("Directeur général des services"));
}

TEST(Normalizer, HfNoise)
{
    EXPECT_EQ(terms("Assistant RH H/F"), (Terms{"assistant", "rh"}));
    EXPECT_EQ(terms("Assistant RH (F/H)"), terms("Assistant RH"));
    EXPECT_EQ(terms("Assistant RH - HF"), terms("Assistant RH"));
    EXPECT_EQ(terms("Assistant RH (H/F/X)"), terms("Assistant RH"));
    EXPECT_TRUE(terms("H/F").empty());
}

TEST(Normalizer, Plurals)
{
    EXPECT_EQ(terms("services"), terms("service"));
    EXPECT_EQ(terms("locaux"), terms("local"));
    EXPECT_EQ(terms("Agent d'entretien des locaux"), terms("Agent d'entretien du local"));
    EXPECT_EQ(terms("espaces verts"), terms("espace vert"));
    EXPECT_EQ(terms("policières municipales"), (Terms{"policier", "municipal"}));
}

TEST(Normalizer, PluralEauxKeepsEau)
{
    Terms plural = terms("réseaux"), singular = terms("réseau");
    Terms plural2 = terms("bureaux"), singular2 = terms("bureau");
    EXPECT_EQ(plural, singular);
    EXPECT_EQ(plural2, singular2);
    EXPECT_EQ(TitleNormalizer::stem("locaux"), TitleNormalizer::stem("local"));
}

TEST(Normalizer, FeminineInEsse)
{
    // "Hôte / Hôtesse d'accueil", "Maître / Maîtresse-nageuse": the key should ignore gender.
    TitleNormalizer n;
    std::string hote = n.key("Hôte d'accueil"), hotesse = n.key("Hôtesse d'accueil");
    std::string maitre = n.key("Maître-nageur"), maitresse = n.key("Maîtresse-nageuse");
    EXPECT_EQ(hote, hotesse);
    EXPECT_EQ(maitre, maitresse);
}

TEST(Normalizer, StopWords)
{
    EXPECT_EQ(terms("Responsable de la voirie et des réseaux pour les usagers"),
              terms("Responsable voirie réseaux usagers"));
    EXPECT_TRUE(terms("de la des du et ou en au aux pour sur par avec un une dans chez").empty());
}

TEST(Normalizer, GradeNoise)
{
    EXPECT_EQ(terms("Adjoint administratif principal de 2ème classe"), (Terms{"adjoint", "administratif"}));
    EXPECT_EQ(terms("Adjoint technique principal de 1ère classe"), terms("Adjoint technique"));
    EXPECT_EQ(terms("Rédacteur hors classe titulaire"), terms("Rédacteur"));
    EXPECT_EQ(terms("Agent contractuel CDD"), terms("Agent"));
    EXPECT_EQ(terms("Attaché 2 ème classe"), terms("Attaché"));
    EXPECT_EQ(terms("Rédacteur ppal 1ère cl."), terms("Rédacteur")); // abbreviated "principal de 1ère classe"
}

TEST(Normalizer, ContractAndGradeStepPhrasesDropped)
{
    // A contract type or a grade step says how the post is held, not what it is.
    EXPECT_TRUE(terms("Contrat PEC").empty());
    EXPECT_TRUE(terms("Service civique").empty());
    EXPECT_TRUE(terms("Contrat d'apprentissage").empty());
    EXPECT_EQ(terms("Jardinier - contrat aidé"), terms("Jardinier"));
    EXPECT_EQ(terms("Alternante - cuisinière"), terms("Cuisinier"));
    EXPECT_EQ(terms("Infirmier de classe supérieure"), terms("Infirmier"));
    EXPECT_EQ(terms("Éducatrice cl. exc."), terms("Éducateur"));
    // Each word alone keeps its meaning.
    EXPECT_EQ(terms("Service des contrats"), (Terms{"servic", "contrat"}));
    EXPECT_EQ(terms("Classe de découverte"), (Terms{"decouvert"}));
}

TEST(Normalizer, DigitsDropped)
{
    EXPECT_EQ(terms("Agent d'accueil 35h"), terms("Agent d'accueil"));
    EXPECT_EQ(terms("Poste 2024 jardinier"), terms("Poste jardinier"));
    EXPECT_TRUE(terms("4110").empty());
}

TEST(Normalizer, ShortWordsDropped)
{
    EXPECT_EQ(terms("Agent d accueil"), (Terms{"agent", "accueil"}));
    EXPECT_EQ(terms("Agent l'accueil"), terms("agent accueil"));
}

TEST(Normalizer, TermsAreUniqueAndInOrder)
{
    EXPECT_EQ(terms("Jardinier jardinière paysagiste"), (Terms{"jardinier", "paysagist"}));
    EXPECT_EQ(terms("paysagiste jardinier"), (Terms{"paysagist", "jardinier"}));
}

TEST(Normalizer, StemNumberAndGender)
{
    EXPECT_EQ(TitleNormalizer::stem("directrice"), "directeur"); // trice → teur
    EXPECT_EQ(TitleNormalizer::stem("animatrices"), "animateur");
    EXPECT_EQ(TitleNormalizer::stem("vendeuse"), "vendeur");     // euse → eur
    EXPECT_EQ(TitleNormalizer::stem("jardiniere"), "jardinier"); // ière → ier
    EXPECT_EQ(TitleNormalizer::stem("policieres"), "policier");
    EXPECT_EQ(TitleNormalizer::stem("bouchere"), "boucher"); // ère → er
    EXPECT_EQ(TitleNormalizer::stem("conseillere"), "conseiller");
    EXPECT_EQ(TitleNormalizer::stem("technicienne"), "technicien"); // enne → en
    EXPECT_EQ(TitleNormalizer::stem("professionnelle"), "professionnel");
    EXPECT_EQ(TitleNormalizer::stem("administrative"), "administratif"); // ive → if
    EXPECT_EQ(TitleNormalizer::stem("cheffe"), "chef");
    EXPECT_EQ(TitleNormalizer::stem("agente"), "agent"); // final e
    EXPECT_EQ(TitleNormalizer::stem("chargee"), "charg");
    EXPECT_EQ(TitleNormalizer::stem("charge"), "charg");
    EXPECT_EQ(TitleNormalizer::stem("locaux"), "local"); // aux → al
    EXPECT_EQ(TitleNormalizer::stem("services"), "servic");
}

TEST(Normalizer, StemLeavesShortWordsAlone)
{
    EXPECT_EQ(TitleNormalizer::stem("rue"), "rue");
    EXPECT_EQ(TitleNormalizer::stem("ses"), "ses");
    EXPECT_EQ(TitleNormalizer::stem(""), "");
    EXPECT_EQ(TitleNormalizer::stem("agent"), "agent");
    EXPECT_EQ(TitleNormalizer::stem("stress"), "stress"); // "ss" is not a plural
}

TEST(Normalizer, AbbreviationsFromATable)
{
    TitleNormalizer n(std::vector<Abbreviation>{{"ATSEM", "agent territorial spécialisé des écoles maternelles"},
                                                {"Resp.", "responsable"}});
    EXPECT_EQ(n.terms("ATSEM"), (Terms{"agent", "territorial", "specialis", "ecol", "maternel"}));
    EXPECT_EQ(n.terms("atsem principale de 1ère classe"),
              n.terms("Agent territorial spécialisé des écoles maternelles"));
    EXPECT_EQ(n.terms("Resp. accueil"), (Terms{"responsabl", "accueil"}));
    EXPECT_EQ(n.terms("RESP accueil"), n.terms("Responsable accueil"));
    // Without the table the sigle stays a plain word.
    EXPECT_EQ(terms("ATSEM"), (Terms{"atsem"}));
    EXPECT_EQ(terms("Resp. accueil"), (Terms{"resp", "accueil"}));
}

TEST(Normalizer, LongAcronymsAfterOneSlip)
{
    TitleNormalizer n(std::vector<Abbreviation>{{"ATSEM", "agent territorial spécialisé des écoles maternelles"},
                                                {"DGS", "directeur général des services"},
                                                {"GESTIONN", "gestionnaire"},
                                                {"Techn.", "technicien"}});
    EXPECT_EQ(n.terms("ATSME"), n.terms("ATSEM")); // swapped
    EXPECT_EQ(n.terms("TASEM - école Jaurès"), n.terms("ATSEM - école Jaurès"));
    EXPECT_EQ(n.terms("Tasem"), (Terms{"tasem"})); // only as written in capitals: an acronym
    EXPECT_EQ(n.terms("Étapes"), (Terms{"etap"}));
    EXPECT_EQ(n.terms("ATSEEM"), n.terms("ATSEM"));    // doubled
    EXPECT_EQ(n.terms("ATEM"), (Terms{"atem"}));       // too short once slipped
    EXPECT_EQ(n.terms("ASTME"), (Terms{"astm"}));      // two swaps: not recognised
    EXPECT_EQ(n.terms("DSG"), (Terms{"dsg"}));         // short acronyms are too close to each other
    EXPECT_EQ(n.terms("Tehcn."), (Terms{"tehcn"}));    // truncations are not acronyms...
    EXPECT_EQ(n.terms("Gestion"), (Terms{"gestion"})); // ...even in capitals
    EXPECT_EQ(n.terms("GESTIONN"), (Terms{"gestionnair"}));
}

TEST(Normalizer, AbbreviationsOfSeveralWords)
{
    TitleNormalizer n(std::vector<Abbreviation>{{"ADJ TECH", "adjoint technique"},
                                                {"ADJ", "adjoint"},
                                                {"AUX PUÉR", "auxiliaire de puériculture"},
                                                {"AUX", "auxiliaire"},
                                                {"BRIG CHEF PRINC", "brigadier-chef principal"}});
    EXPECT_EQ(n.terms("Adj. tech. - écoles"), n.terms("Adjoint technique - écoles"));
    // As many words as written keep their full weight, stop words of the expansion aside.
    for (const auto& [abbr, full] : {std::pair<const char*, const char*>{"Aux. puér.", "Auxiliaire de puériculture"},
                                     {"Adj tech - écoles", "Adjoint technique - écoles"}}) {
        auto a = n.weightedTerms(abbr), f = n.weightedTerms(full);
        ASSERT_EQ(a.size(), f.size()) << abbr;
        for (size_t k = 0; k < a.size(); ++k) {
            EXPECT_EQ(a[k].term, f[k].term) << abbr;
            EXPECT_FLOAT_EQ(a[k].weight, f[k].weight) << abbr << " " << a[k].term;
        }
    }
    EXPECT_EQ(n.terms("adj tech"), n.terms("adjoint technique"));
    EXPECT_EQ(n.terms("Adj. administratif"), n.terms("Adjoint administratif")); // the one-word entry
    EXPECT_EQ(n.terms("Aux. puér."), n.terms("Auxiliaire de puériculture"));
    EXPECT_EQ(n.terms("Brig. chef princ."), n.terms("Brigadier-chef principal"));
    // "aux" is also a word: only "Aux." or a title's first word is the abbreviation.
    EXPECT_EQ(n.terms("Aux. de vie sociale"), n.terms("Auxiliaire de vie sociale"));
    EXPECT_EQ(n.terms("Aux puériculture"), n.terms("Auxiliaire puériculture"));
    EXPECT_EQ(n.terms("Agent aux écoles"), (Terms{"agent", "ecol"}));
    EXPECT_EQ(n.terms("Aux"), (Terms{})); // alone, a stop word
}

TEST(Normalizer, AbbreviationFirstEntryWinsAndStopWordSiglesIgnored)
{
    TitleNormalizer n(std::vector<Abbreviation>{
        {"DST", "directeur des services techniques"}, {"DST", "something else"}, {"ET", "emploi temporaire"}});
    EXPECT_EQ(n.terms("DST"), (Terms{"directeur", "servic", "techniqu"}));
    EXPECT_EQ(n.terms("agent et adjoint"), (Terms{"agent", "adjoint"})); // "et" stays a stop word
}

TEST(Normalizer, KeyIgnoresOrderGenderCaseAndNoise)
{
    TitleNormalizer n;
    EXPECT_EQ(n.key("Policière municipale"), n.key("MUNICIPAL POLICIER"));
    EXPECT_EQ(n.key("Chargée d'accueil H/F"), n.key("accueil chargé"));
    EXPECT_EQ(n.key("Directrice des Services"), n.key("service directeur"));
    EXPECT_EQ(n.key("Policier municipal"), "municipal policier");
    EXPECT_NE(n.key("Policier municipal"), n.key("Agent municipal"));
    EXPECT_EQ(n.key(""), "");
    EXPECT_EQ(n.key("H/F"), "");
}

namespace {

// Weight of a term in weightedTerms(), or -1 when absent.
float weightOf(const std::vector<cartoia::WeightedTerm>& terms, const std::string& term)
{
    for (const auto& t : terms)
        if (t.term == term)
            return t.weight;
    return -1;
}

} // namespace

TEST(NormalizerWeights, MainWordsWeighOne)
{
    TitleNormalizer n;
    auto w = n.weightedTerms("Agent d'accueil");
    ASSERT_EQ(w.size(), 2u);
    EXPECT_FLOAT_EQ(w[0].weight, 1.0f);
    EXPECT_FLOAT_EQ(w[1].weight, 1.0f);
}

TEST(NormalizerWeights, ContextAfterSpacedDashOrColon)
{
    TitleNormalizer n;
    auto w = n.weightedTerms("Agent d'accueil - Mairie annexe");
    EXPECT_FLOAT_EQ(weightOf(w, "agent"), 1.0f);
    EXPECT_FLOAT_EQ(weightOf(w, "accueil"), 1.0f);
    EXPECT_FLOAT_EQ(weightOf(w, "mairi"), TitleNormalizer::kContextWeight);
    EXPECT_FLOAT_EQ(weightOf(w, "annex"), TitleNormalizer::kContextWeight);
    EXPECT_FLOAT_EQ(weightOf(n.weightedTerms("Jardinier : cimetière"), "cimetier"), TitleNormalizer::kContextWeight);
    // A hyphen inside a word is not a separator.
    EXPECT_FLOAT_EQ(weightOf(n.weightedTerms("Agent polyvalent-entretien"), "entretien"), 1.0f);
    // A leading dash has nothing before it.
    EXPECT_FLOAT_EQ(weightOf(n.weightedTerms("- Jardinier"), "jardinier"), 1.0f);
}

TEST(NormalizerWeights, ContextInParentheses)
{
    TitleNormalizer n;
    auto w = n.weightedTerms("Jardinier (site Nord) paysagiste");
    EXPECT_FLOAT_EQ(weightOf(w, "jardinier"), 1.0f);
    EXPECT_FLOAT_EQ(weightOf(w, "sit"), TitleNormalizer::kContextWeight);
    EXPECT_FLOAT_EQ(weightOf(w, "nord"), TitleNormalizer::kContextWeight);
    EXPECT_FLOAT_EQ(weightOf(w, "paysagist"), 1.0f); // after the closing parenthesis
    EXPECT_FLOAT_EQ(weightOf(n.weightedTerms("Cuisinier [cantine]"), "cantin"), TitleNormalizer::kContextWeight);
}

TEST(NormalizerWeights, DuplicateKeepsTheHigherWeight)
{
    TitleNormalizer n;
    auto w = n.weightedTerms("Jardinier (jardinier) - jardinière");
    ASSERT_EQ(w.size(), 1u);
    EXPECT_FLOAT_EQ(w[0].weight, 1.0f);
}

TEST(NormalizerWeights, HeadComesFirst)
{
    TitleNormalizer n;
    auto w = n.weightedTerms("(Mairie) Jardinier paysagiste");
    ASSERT_EQ(w.size(), 3u);
    EXPECT_EQ(w[0].term, "jardinier");
    EXPECT_EQ(n.terms("(Mairie) Jardinier paysagiste"), (Terms{"jardinier", "mairi", "paysagist"}));
}

TEST(NormalizerWeights, AcronymExpansionSharesOneWordWeight)
{
    TitleNormalizer n(std::vector<Abbreviation>{{"RH", "ressources humaines"}});
    auto w = n.weightedTerms("Assistant RH");
    EXPECT_FLOAT_EQ(weightOf(w, "assistant"), 1.0f);
    EXPECT_FLOAT_EQ(weightOf(w, "ressourc"), 1.0f / std::sqrt(2.0f));
    EXPECT_FLOAT_EQ(weightOf(w, "humain"), 1.0f / std::sqrt(2.0f));
    // In context, the share is taken from the context weight.
    auto c = n.weightedTerms("Assistant (RH)");
    EXPECT_FLOAT_EQ(weightOf(c, "humain"), TitleNormalizer::kContextWeight / std::sqrt(2.0f));
}

TEST(NormalizerWeights, TermsMatchWeightedTerms)
{
    TitleNormalizer n;
    for (const char* title : {"Agent d'accueil - Mairie", "(x) Chef de projet", "Policier·ère municipal(e) H/F"}) {
        Terms plain;
        for (const auto& t : n.weightedTerms(title))
            plain.push_back(t.term);
        EXPECT_EQ(n.terms(title), plain) << title;
    }
}

TEST(NormalizerWeights, EnDashIsASeparatorToo)
{
    TitleNormalizer n;
    float w = weightOf(n.weightedTerms("Agent d'accueil \xE2\x80\x93 Mairie"), "mairi"); // U+2013
    EXPECT_FLOAT_EQ(w, TitleNormalizer::kContextWeight);
}

TEST(NormalizerWeights, GradeThenJobSwapsMainAndContext)
{
    TitleNormalizer n(std::vector<Abbreviation>{},
                      {Grade{"adjoint administratif", "C"}, Grade{"adjoint technique", "C"}});
    auto w = n.weightedTerms("Adjoint administratif - accueil");
    ASSERT_FALSE(w.empty());
    EXPECT_EQ(w[0].term, "accueil"); // the job becomes the head
    EXPECT_FLOAT_EQ(weightOf(w, "accueil"), 1.0f);
    EXPECT_FLOAT_EQ(weightOf(w, "adjoint"), TitleNormalizer::kContextWeight);
    // A grade alone, or a job that is not a grade, stays as it is.
    EXPECT_FLOAT_EQ(n.weightedTerms("Adjoint administratif")[0].weight, 1.0f);
    auto job = n.weightedTerms("Agent d'accueil - mairie annexe");
    EXPECT_EQ(job[0].term, "agent");
    EXPECT_FLOAT_EQ(weightOf(job, "mairi"), TitleNormalizer::kContextWeight);
}

TEST(NormalizerWeights, GradeGivesItsCategorie)
{
    TitleNormalizer n(std::vector<Abbreviation>{},
                      {Grade{"adjoint du patrimoine", "C"}, Grade{"rédacteur", "B"}, Grade{"agent territorial", ""}});
    TitleNormalizer::GradeFound g;
    n.weightedTerms("Adjoint du patrimoine - médiathèque", &g);
    EXPECT_TRUE(g.grade);
    EXPECT_TRUE(g.job);
    EXPECT_EQ(g.categorie, "C");
    n.weightedTerms("REDACTRICE principale de 1re classe", &g); // a grade alone, feminine, with noise
    EXPECT_TRUE(g.grade);
    EXPECT_FALSE(g.job);
    EXPECT_EQ(g.categorie, "B");
    // Kept as written on request: the grade stays the head.
    TitleNormalizer::GradeFound kept;
    auto asWritten = n.weightedTerms("Adjoint du patrimoine - médiathèque", &kept, false);
    EXPECT_EQ(asWritten[0].term, "adjoint");
    EXPECT_FLOAT_EQ(weightOf(asWritten, "mediathequ"), TitleNormalizer::kContextWeight);
    EXPECT_TRUE(kept.grade && kept.job);
    EXPECT_EQ(kept.key, n.key("Adjoint du patrimoine"));
    n.weightedTerms("Agent territorial - voirie", &g);
    EXPECT_TRUE(g.grade && g.job);
    EXPECT_EQ(g.categorie, "");
    for (const char* job : {"Rédacteur en chef", "Bibliothécaire - rédacteur", "Agent d'accueil"}) {
        n.weightedTerms(job, &g); // more than the grade, or the grade only as context: a job
        EXPECT_FALSE(g.grade) << job;
        EXPECT_EQ(g.categorie, "") << job;
    }
}

TEST(Normalizer, DottedAcronymsAreOneWord)
{
    TitleNormalizer n(std::vector<Abbreviation>{{"ASVP", "agent de surveillance de la voie publique"}});
    EXPECT_EQ(n.terms("A.S.V.P."), n.terms("ASVP"));
    EXPECT_EQ(terms("C.C.A.S"), terms("CCAS"));
    EXPECT_EQ(terms("Resp. service"), (Terms{"resp", "servic"})); // a truncation, not an acronym
}

TEST(Normalizer, EmploymentStatusWordsAreNoise)
{
    EXPECT_EQ(terms("Jardinier stagiaire"), terms("Jardinier"));
    EXPECT_EQ(terms("Animateur vacataire saisonnier"), terms("Animateur"));
    EXPECT_TRUE(terms("Poste vacant").empty());
}

// ---- query readings (queryTerms): synonyms, places, person words, grades beside the job ----

namespace {

using cartoia::RoleWord;
using cartoia::Synonym;
using cartoia::WordRole;

const TitleNormalizer& queryNormalizer()
{
    static const TitleNormalizer n(
        std::vector<Abbreviation>{{"ATSEM", "agent territorial spécialisé des écoles maternelles"}},
        {Grade{"adjoint d'animation", "C"}, Grade{"adjoint technique", "C"}, Grade{"rédacteur", "B"}},
        {Synonym{"dame de service", "agent d'entretien"}, Synonym{"cantinier", "agent de restauration scolaire"}},
        {RoleWord{"responsable", WordRole::Encadrement}, RoleWord{"chef", WordRole::Encadrement},
         RoleWord{"équipe", WordRole::Equipe}, RoleWord{"école", WordRole::Lieu},
         RoleWord{"groupe scolaire", WordRole::Lieu}, RoleWord{"mairie", WordRole::Lieu},
         RoleWord{"service", WordRole::Service}, RoleWord{"dame", WordRole::Personne}});
    return n;
}

Terms termsOf(const std::vector<cartoia::WeightedTerm>& w)
{
    Terms t;
    for (const auto& x : w)
        t.push_back(x.term);
    return t;
}

} // namespace

TEST(NormalizerQuery, OldWordingsBecomeCurrentOnes)
{
    const TitleNormalizer& n = queryNormalizer();
    EXPECT_EQ(termsOf(n.queryTerms("Dame de service")), n.terms("Agent d'entretien"));
    EXPECT_EQ(termsOf(n.queryTerms("DAMES DE SERVICE")), n.terms("Agent d'entretien")); // case, plural
    EXPECT_EQ(termsOf(n.queryTerms("Cantinière")), n.terms("Agent de restauration scolaire"));
    // Inside a longer title, with the words around kept.
    EXPECT_EQ(termsOf(n.queryTerms("Dame de service école")), n.terms("Agent d'entretien école"));
    // Labels and keys are read as written: an override for "Dame de service" stays its own.
    EXPECT_EQ(n.terms("Dame de service"), TitleNormalizer().terms("Dame de service"));
    EXPECT_NE(n.key("Dame de service"), n.key("Agent d'entretien"));
}

TEST(NormalizerQuery, APlaceAfterTheJobIsContextAndItsNameWeighsLittle)
{
    const TitleNormalizer& n = queryNormalizer();
    auto w = n.queryTerms("Agent d'entretien groupe scolaire Jean Jaurès");
    EXPECT_FLOAT_EQ(weightOf(w, "agent"), 1.0f);
    EXPECT_FLOAT_EQ(weightOf(w, "entretien"), 1.0f);
    EXPECT_FLOAT_EQ(weightOf(w, "group"), TitleNormalizer::kPlaceWeight);
    EXPECT_FLOAT_EQ(weightOf(w, "scolair"), TitleNormalizer::kPlaceWeight);
    EXPECT_FLOAT_EQ(weightOf(w, "jaur"), TitleNormalizer::kPlaceWeight);
    // After " - ": the place and its name weigh little; a service's field stays context.
    auto c = n.queryTerms("Secrétaire - mairie du Bourg");
    EXPECT_FLOAT_EQ(weightOf(c, "mairi"), TitleNormalizer::kPlaceWeight);
    EXPECT_FLOAT_EQ(weightOf(c, "bourg"), TitleNormalizer::kPlaceWeight);
    auto s = n.queryTerms("Agent d'entretien - service urbanisme");
    EXPECT_FLOAT_EQ(weightOf(s, "servic"), TitleNormalizer::kPlaceWeight);
    EXPECT_FLOAT_EQ(weightOf(s, "urbanism"), TitleNormalizer::kContextWeight);
}

TEST(NormalizerQuery, APlaceNamedWithAPrepositionOrAfterOneWordIsPartOfTheJob)
{
    const TitleNormalizer& n = queryNormalizer();
    // "de mairie" completes the job; so does a place right after a one-word job.
    EXPECT_FLOAT_EQ(weightOf(n.queryTerms("Secrétaire de mairie"), "mairi"), 1.0f);
    EXPECT_FLOAT_EQ(weightOf(n.queryTerms("Secrétaire mairie"), "mairi"), 1.0f);
    EXPECT_FLOAT_EQ(weightOf(n.queryTerms("Agent d'entretien des écoles"), "ecol"), 1.0f);
    // An acronym counts its expansion's words: "ATSEM groupe scolaire X" names a place.
    EXPECT_FLOAT_EQ(weightOf(n.queryTerms("ATSEM groupe scolaire Pasteur"), "scolair"), TitleNormalizer::kPlaceWeight);
    // Without role words nothing changes.
    TitleNormalizer plain;
    EXPECT_FLOAT_EQ(weightOf(plain.queryTerms("Agent d'entretien groupe scolaire"), "scolair"), 1.0f);
}

TEST(NormalizerQuery, APersonWordDoesNotHeadTheTitle)
{
    const TitleNormalizer& n = queryNormalizer();
    EXPECT_EQ(n.queryTerms("Dame de compagnie")[0].term, "compagni");
    EXPECT_EQ(n.queryTerms("Dame")[0].term, "dam");                 // nothing else: it stays
    EXPECT_EQ(n.weightedTerms("Dame de compagnie")[0].term, "dam"); // labels as written
}

TEST(NormalizerQuery, AGradeBesideTheJobWeighsLittle)
{
    const TitleNormalizer& n = queryNormalizer();
    TitleNormalizer::GradeFound g;
    auto w = n.queryTerms("Adjoint d'animation périscolaire", &g);
    EXPECT_EQ(w[0].term, "periscolair"); // the job heads the title
    EXPECT_FLOAT_EQ(weightOf(w, "adjoint"), TitleNormalizer::kGradeWeight);
    EXPECT_FLOAT_EQ(weightOf(w, "animation"), TitleNormalizer::kGradeWeight);
    EXPECT_TRUE(g.grade && g.job && g.inside);
    EXPECT_EQ(g.categorie, "C");
    // With noise around the grade, and the grade after the job.
    auto j = n.queryTerms("Jardinier adjoint technique principal de 2e classe", &g);
    EXPECT_EQ(j[0].term, "jardinier");
    EXPECT_FLOAT_EQ(weightOf(j, "techniqu"), TitleNormalizer::kGradeWeight);
    EXPECT_TRUE(g.inside);
    // As written on request; grade words out of order are not the grade.
    EXPECT_FLOAT_EQ(weightOf(n.queryTerms("Adjoint d'animation périscolaire", &g, false), "adjoint"), 1.0f);
    EXPECT_TRUE(g.inside);
    n.queryTerms("Responsable technique adjoint", &g);
    EXPECT_FALSE(g.grade);
    // A grade alone is still a grade alone; labels never split a grade from the job.
    n.queryTerms("Adjoint d'animation principal de 2e classe", &g);
    EXPECT_TRUE(g.grade && !g.job && !g.inside);
    n.weightedTerms("Adjoint d'animation périscolaire", &g);
    EXPECT_FALSE(g.grade);
}

TEST(NormalizerQuery, HeadsOfServiceAreNotTeamLeaders)
{
    const TitleNormalizer& n = queryNormalizer();
    EXPECT_TRUE(n.leadsService(n.queryTerms("Responsable du service des sports")));
    EXPECT_TRUE(n.leadsService(n.queryTerms("Cheffe de service voirie")));
    EXPECT_FALSE(n.leadsService(n.queryTerms("Chef d'équipe voirie")));
    EXPECT_FALSE(n.leadsService(n.queryTerms("Agent de voirie")));
    EXPECT_FALSE(n.leadsService({}));
}

TEST(NormalizerPairs, TwoJobsSplitAtTheFirstJoin)
{
    TitleNormalizer n;
    auto p = n.jobPair("Agent d'accueil / standardiste");
    ASSERT_TRUE(p);
    EXPECT_EQ(p->first, "Agent d'accueil");
    EXPECT_EQ(p->second, "standardiste");
    EXPECT_FALSE(p->weak);
    auto d = n.jobPair("Menuisier \xE2\x80\x93 ébéniste"); // en dash
    ASSERT_TRUE(d);
    EXPECT_EQ(d->second, "ébéniste");
    auto e = n.jobPair("Agent d'entretien ET de restauration");
    ASSERT_TRUE(e);
    EXPECT_EQ(e->first, "Agent d'entretien");
    EXPECT_TRUE(e->weak);
    auto h = n.jobPair("Agent d'accueil H/F / standardiste"); // "H/F" is no split
    ASSERT_TRUE(h);
    EXPECT_EQ(h->second, "standardiste");
    auto q = n.jobPair("Jardinier (espaces verts / serres) - chauffeur"); // not inside parentheses
    ASSERT_TRUE(q);
    EXPECT_EQ(q->second, "chauffeur");
}

TEST(NormalizerPairs, GenderFormsAndEmptyPartsAreOneJob)
{
    TitleNormalizer n;
    for (const char* title : {"Agent / Agente de police municipale", "Directeur/rice des finances", "Policier/ère",
                              "Monteur incorporateur / Monteuse incorporatrice en industrie graphique", "Jardinier H/F",
                              "Jardinier -", "- Jardinier", "Jardinier / 35h", "Jardinier"})
        EXPECT_FALSE(n.jobPair(title)) << title;
}
