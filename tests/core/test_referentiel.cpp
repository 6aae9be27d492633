// SPDX-License-Identifier: MPL-2.0
// The référentiel des métiers territoriaux (data/referentiel/*.csv): every row is complete and
// every code it uses exists and is scored by the ILO.
#include "test_support.hpp"

#include "cartoia/csv.hpp"
#include "cartoia/reference_build.hpp"
#include "cartoia/text_fold.hpp"

#include <cmath>
#include <regex>
#include <set>

#include <gtest/gtest.h>

using namespace cartoia;
using cartoia::test::sharedData;
using cartoia::test::sourcePath;

namespace {

const CsvTable& referentiel()
{
    static const CsvTable t = CsvTable::fromFile(sourcePath("data/referentiel/metiers_territoriaux.csv"));
    return t;
}

} // namespace

TEST(Referentiel, HasAboutTwoHundredFiftyMetiers)
{
    EXPECT_GE(referentiel().rows().size(), 240u);
    EXPECT_EQ(sharedData().metiers.size(), referentiel().rows().size());
}

TEST(Referentiel, EveryRowIsComplete)
{
    const CsvTable& t = referentiel();
    for (const char* col :
         {"id", "metier", "famille", "filieres", "categories", "isco", "rome", "source", "rationale"}) {
        size_t c = t.column(col);
        for (const CsvRow& r : t.rows())
            EXPECT_FALSE(trimText(CsvTable::field(r, c)).empty()) << CsvTable::field(r, 0) << " has no " << col;
    }
}

TEST(Referentiel, CodesAreScoredAndWeightsSumToOne)
{
    const CsvTable& t = referentiel();
    size_t cId = t.column("id"), cIsco = t.column("isco");
    for (const CsvRow& r : t.rows()) {
        double total = 0;
        for (const auto& [code, w] : parseWeightedCodes(CsvTable::field(r, cIsco))) {
            EXPECT_EQ(code.size(), 4u) << CsvTable::field(r, cId);
            EXPECT_NE(sharedData().exposure.occupation(code), nullptr)
                << CsvTable::field(r, cId) << " uses " << code << ", which the ILO did not score";
            EXPECT_GT(w, 0.0);
            total += w;
        }
        EXPECT_NEAR(total, 1.0, 1e-6) << CsvTable::field(r, cId);
    }
}

TEST(Referentiel, RomeCodesAreWellFormed)
{
    const std::regex rome("[A-N][0-9]{4}");
    const CsvTable& t = referentiel();
    size_t cId = t.column("id"), cRome = t.column("rome");
    for (const CsvRow& r : t.rows())
        for (const auto& [code, w] : parseWeightedCodes(CsvTable::field(r, cRome)))
            EXPECT_TRUE(std::regex_match(code, rome)) << CsvTable::field(r, cId) << ": " << code;
}

TEST(Referentiel, SourcesCiteSharedData)
{
    const CsvTable& t = referentiel();
    size_t cId = t.column("id"), cSource = t.column("source");
    for (const CsvRow& r : t.rows()) {
        const std::string& s = CsvTable::field(r, cSource);
        EXPECT_TRUE(s.find("ESCO") != std::string::npos || s.find("ROME") != std::string::npos)
            << CsvTable::field(r, cId) << ": " << s;
    }
}

TEST(Referentiel, IdsAndNamesAreUnique)
{
    const CsvTable& t = referentiel();
    std::set<std::string> ids, names;
    for (const CsvRow& r : t.rows()) {
        EXPECT_TRUE(ids.insert(CsvTable::field(r, t.column("id"))).second) << CsvTable::field(r, 0);
        EXPECT_TRUE(names.insert(foldText(CsvTable::field(r, t.column("metier")))).second) << CsvTable::field(r, 1);
    }
}

TEST(Referentiel, StudyAnchors)
{
    // The published study's examples (etude INET Lyon): the référentiel must follow them.
    const std::pair<const char*, const char*> anchors[] = {
        {"Policier ou policière municipal(e)", "5412"},
        {"Assistant ou assistante de gestion ressources humaines", "4110"},
        {"Chargé ou chargée d'accueil", "4225"},
        {"Directeur ou directrice général(e) des services", "1120"},
    };
    for (const auto& [name, code] : anchors) {
        const Metier* found = nullptr;
        for (const Metier& m : sharedData().metiers)
            if (m.name == name)
                found = &m;
        ASSERT_NE(found, nullptr) << name;
        ASSERT_FALSE(found->isco.empty());
        EXPECT_EQ(found->isco.front().first, code) << name;
    }
}

TEST(Abbreviations, EveryEntryHasAnExpansion)
{
    CsvTable t = CsvTable::fromFile(sourcePath("data/referentiel/sigles.csv"));
    EXPECT_GE(t.rows().size(), 60u);
    for (const CsvRow& r : t.rows())
        EXPECT_FALSE(trimText(CsvTable::field(r, t.column("expansion"))).empty()) << CsvTable::field(r, 0);
    EXPECT_EQ(sharedData().abbreviations.size(), t.rows().size());
}

TEST(Synonyms, EveryRowHasAFormAndAnEquivalent)
{
    CsvTable t = CsvTable::fromFile(sourcePath("data/referentiel/synonymes.csv"));
    ASSERT_FALSE(t.rows().empty());
    std::set<std::string> forms;
    for (const CsvRow& r : t.rows()) {
        const std::string form = trimText(CsvTable::field(r, t.column("forme")));
        const std::string equivalent = trimText(CsvTable::field(r, t.column("equivalent")));
        EXPECT_FALSE(form.empty());
        EXPECT_FALSE(equivalent.empty()) << form;
        EXPECT_NE(foldText(form), foldText(equivalent)) << form;
        EXPECT_TRUE(forms.insert(foldText(form)).second) << form << " twice";
    }
    EXPECT_EQ(sharedData().synonyms.size(), t.rows().size());
}

TEST(Synonyms, NeverHideALabelOfTheReferentiel)
{
    // An old wording the référentiel already lists (name or appellation) keeps its own row.
    const TitleMatcher& m = cartoia::test::sharedMatcher();
    std::set<std::string> labels;
    for (const RefLabel& l : sharedData().labels)
        if (l.source == LabelSource::Referentiel)
            labels.insert(m.normalizer().key(l.text));
    for (const Synonym& s : sharedData().synonyms)
        EXPECT_EQ(labels.count(m.normalizer().key(s.form)), 0u) << s.form;
}

TEST(RoleWords, EveryRowHasAKnownRole)
{
    CsvTable t = CsvTable::fromFile(sourcePath("data/referentiel/mots.csv"));
    ASSERT_FALSE(t.rows().empty());
    for (const CsvRow& r : t.rows()) {
        EXPECT_FALSE(trimText(CsvTable::field(r, t.column("mot"))).empty());
        EXPECT_TRUE(wordRoleFromName(trimText(CsvTable::field(r, t.column("role")))))
            << CsvTable::field(r, t.column("role"));
    }
    EXPECT_EQ(sharedData().roleWords.size(), t.rows().size());
}

TEST(Referentiel, HeadsOfServiceHaveAManagerOrSupervisorCode)
{
    // A métier heading a service ("Responsable des espaces verts", "Directeur des finances"; not
    // "Chef d'équipe", "Chef de projet") is coded with managers (1xxx) or a supervisors' group.
    // Two rows say why not: the RSSI is an expert post (2529, information security), and "chef de
    // service de police municipale" is a cadre d'emplois of police officers (5412).
    const std::set<std::string> experts = {"M071", "M257"};
    const std::set<std::string> supervisors = {"3121", "3122", "3123", "3341", "3434", "5151", "5222"};
    const TitleNormalizer& n = cartoia::test::sharedMatcher().normalizer();
    int heads = 0;
    for (const Metier& m : sharedData().metiers) {
        if (!n.leadsService(n.weightedTerms(m.name)) || experts.count(m.id))
            continue;
        ++heads;
        auto main = std::max_element(m.isco.begin(), m.isco.end(),
                                     [](const auto& a, const auto& b) { return a.second < b.second; });
        EXPECT_TRUE(main->first[0] == '1' || supervisors.count(main->first))
            << m.id << " " << m.name << ": " << main->first;
    }
    EXPECT_GE(heads, 30);
}
