// SPDX-License-Identifier: MPL-2.0
#include "cartoia/title_normalizer.hpp"

#include "cartoia/text_fold.hpp"
#include "cartoia/text_util.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace cartoia {
namespace {

// Folded words carrying no job meaning.
const std::unordered_set<std::string> kStopWords = {
    "de",  "du",   "des", "la",  "le",   "les",  "et", "ou",  "en", "au", "aux", "a",  "pour", "sur",
    "par", "avec", "un",  "une", "dans", "chez", "sa", "ses", "hf", "fh", "mf",  "fm", "x", // not "son": "technicien
                                                                                            // son"
};

// Grade and contract words of staff tables that do not change the job.
const std::unordered_set<std::string> kNoise = {
    "principal",
    "principale",
    "ppal",
    "classe",
    "cl",
    "hors",
    "echelon",
    "titulaire",
    "contractuel",
    "contractuelle",
    "cdd",
    "cdi",
    "eme",
    "ere",
    "nd",
    "nde",
    "er",
    // employment statuses: say how, not what
    "stagiaire",
    "vacataire",
    "apprenti",
    "apprentie",
    "remplacant",
    "remplacante",
    "saisonnier",
    "saisonniere",
    "interimaire",
    "alternant",
    "alternante",
    "alternance",
    "pec", // parcours emploi compétences
    "vacant",
    "vacante",
    "vacance",
    "poste",
    "postes",
    "pourvoir",
};

// Word runs (stems, stop words left out) that say a contract, a status or a grade step, not a job:
// "Contrat PEC", "Service civique", "de classe exceptionnelle". Dropped wherever they stand.
const std::vector<std::vector<std::string>> kNoisePhrases = {
    {"contrat", "pec"},
    {"contrat", "cui"},
    {"contrat", "cae"},
    {"contrat", "aid"},
    {"contrat", "avenir"},
    {"contrat", "apprentissag"},
    {"contrat", "projet"},
    {"contrat", "uniqu", "insertion"},
    {"emploi", "aid"},
    {"emploi", "avenir"},
    {"parcour", "emploi", "competenc"},
    {"servic", "civiqu"},
    {"volontair", "servic", "civiqu"},
    {"class", "superieur"},
    {"class", "exceptionnel"},
    {"class", "normal"},
    {"cl", "sup"},
    {"cl", "exc"},
    {"cl", "except"},
};

// Written-apart gender endings: "policier·ère", "agent(e)", "directeur/rice", "technicien-ne".
const std::unordered_set<std::string> kGenderEndings = {
    "e",   "es",   "ere",   "eres", "iere", "ieres", "rice",  "rices", "trice", "trices",
    "ice", "euse", "euses", "ne",   "nes",  "enne",  "ennes", "le",    "lle",   "lles",
    "te",  "tes",  "ive",   "ives", "ee",   "ees",   "fe",    "ffe",   "se",
};

const size_t kLongestGenderEnding = [] {
    size_t n = 0;
    for (const std::string& e : kGenderEndings)
        n = std::max(n, e.size());
    return n;
}();

// Acronyms this long are still recognised after one slip of the keyboard.
constexpr size_t kMinSlipAcronym = 5;
constexpr size_t kLongestSigleWords = 3; // "BRIG CHEF PRINC"

// One slip of the keyboard, no letter changed: two neighbours swapped ("atsme" / "atsem"), one letter
// doubled or added ("atseem", "bnsssa") or left out ("atem").
bool isOneSlip(const std::string& w, const std::string& a)
{
    size_t i = 0;
    while (i < w.size() && i < a.size() && w[i] == a[i])
        ++i;
    if (w.size() == a.size())
        return i + 1 < w.size() && w[i] == a[i + 1] && w[i + 1] == a[i] &&
               w.compare(i + 2, std::string::npos, a, i + 2) == 0;
    if (w.size() == a.size() + 1)
        return w.compare(i + 1, std::string::npos, a, i) == 0;
    if (w.size() + 1 == a.size())
        return a.compare(i + 1, std::string::npos, w, i) == 0;
    return false;
}

// Letters that are initials of the expansion's words, in order: "atsem" for "agent territorial
// spécialisé des écoles maternelles"; not "gestionn" for "gestionnaire" (a truncation).
bool isAcronymOf(const std::string& k, const std::vector<std::string>& expansion)
{
    size_t next = 0;
    for (const std::string& w : expansion)
        if (next < k.size() && !w.empty() && w[0] == k[next])
            ++next;
    return next == k.size();
}

// The folded word appears in capitals in the title as typed ("ATSME" in "ATSME - école").
bool writtenInCapitals(std::string_view title, const std::string& w)
{
    std::string upper = w;
    for (char& c : upper)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    return title.find(upper) != std::string_view::npos;
}

void replaceEnd(std::string& s, size_t n, std::string_view with)
{
    s.resize(s.size() - n);
    s.append(with);
}

bool isNumberOrOrdinal(const std::string& w);

// The first three letters of a word as one number (0 for a shorter word).
uint32_t prefix3(const std::string& w)
{
    return w.size() < 3
               ? 0
               : static_cast<uint32_t>(static_cast<unsigned char>(w[0])) << 16 |
                     static_cast<uint32_t>(static_cast<unsigned char>(w[1])) << 8 | static_cast<unsigned char>(w[2]);
}

struct Word {
    std::string text;
    bool context;
    bool dotted = false; // written with a final period: "Aux.", "Resp."
    bool light = false;  // a place or service word in the context, or a place's name: weighs kPlaceWeight
};

// A word that is never a term: one letter, stop word, noise, number.
bool isEmptyWord(const std::string& w)
{
    return w.size() < 2 || kStopWords.count(w) || kNoise.count(w) || isNumberOrOrdinal(w);
}

// Stems of the words of a plain phrase of the data files ("groupe scolaire" → group, scolair).
std::vector<std::string> phraseStems(std::string_view text)
{
    std::vector<std::string> out;
    for (const std::string& w : splitWords(foldText(text)))
        if (!isEmptyWord(w))
            out.push_back(TitleNormalizer::stem(w));
    return out;
}

// Digits, optionally followed by an ordinal or unit ending: "2", "2eme", "1re", "35h". Not "3d".
bool isNumberOrOrdinal(const std::string& w)
{
    size_t i = 0;
    while (i < w.size() && isDigit(w[i]))
        ++i;
    if (i == 0)
        return false;
    static const std::unordered_set<std::string> kEndings = {"", "e", "eme", "er", "ere", "re", "nd", "nde", "h", "hr"};
    return kEndings.count(w.substr(i)) > 0;
}

// "a.s.v.p." → "asvp": dotted acronyms become one word.
std::string joinDottedAcronyms(const std::string& s)
{
    std::string out;
    size_t i = 0;
    while (i < s.size()) {
        // a run of single letters each followed by '.', at a word start
        size_t j = i, letters = 0;
        if (i == 0 || !isWordChar(s[i - 1])) {
            while (j + 1 < s.size() && s[j] >= 'a' && s[j] <= 'z' && s[j + 1] == '.' &&
                   (j + 2 >= s.size() || !isWordChar(s[j + 2]) ||
                    (j + 3 >= s.size() || s[j + 3] == '.' || !isWordChar(s[j + 3])))) {
                j += 2;
                ++letters;
                if (j < s.size() && !(s[j] >= 'a' && s[j] <= 'z'))
                    break;
            }
        }
        if (letters >= 2) {
            for (size_t k = i; k < j; k += 2)
                out += s[k];
            i = j;
        } else {
            out += s[i++];
        }
    }
    return out;
}

// Words of a folded title; those after " - " or inside parentheses are marked as context.
std::vector<Word> splitContextWords(const std::string& foldedIn)
{
    const std::string folded = foldedIn.find('.') == std::string::npos ? foldedIn : joinDottedAcronyms(foldedIn);
    std::vector<Word> words;
    words.reserve(12);
    std::string cur;
    int depth = 0;
    bool afterDash = false;
    auto flush = [&] {
        if (!cur.empty()) {
            words.push_back({std::move(cur), depth > 0 || afterDash});
            cur.clear();
        }
    };
    for (size_t i = 0; i < folded.size(); ++i) {
        char c = folded[i];
        if (isWordChar(c)) {
            cur += c;
            continue;
        }
        flush();
        if (c == '.' && !words.empty() && i > 0 && isWordChar(folded[i - 1]))
            words.back().dotted = true;
        if (c == '(' || c == '[')
            ++depth;
        else if ((c == ')' || c == ']') && depth > 0)
            --depth;
        else if ((c == '-' || c == ':') && i > 0 && folded[i - 1] == ' ' && i + 1 < folded.size() &&
                 folded[i + 1] == ' ' && !words.empty())
            afterDash = true;
    }
    flush();
    return words;
}

// Drops the runs of kNoisePhrases from the words (stop words inside a run are dropped with it).
void dropNoisePhrases(std::vector<Word>& words)
{
    static const std::unordered_set<std::string> firsts = [] {
        std::unordered_set<std::string> f;
        for (const auto& p : kNoisePhrases)
            f.insert(p[0]);
        return f;
    }();
    auto stemOfWord = [](const std::string& w) { return TitleNormalizer::stem(w); };
    auto mayStart = [](const std::string& w) { // cheap test first: the first two letters of a run
        static const char* const kStarts[] = {"cl", "co", "em", "pa", "se", "vo"};
        return w.size() >= 2 && w.size() <= 12 &&
               std::any_of(std::begin(kStarts), std::end(kStarts),
                           [&](const char* s) { return w.compare(0, 2, s) == 0; });
    };
    for (size_t i = 0; i < words.size(); ++i) {
        if (!mayStart(words[i].text) || !firsts.count(stemOfWord(words[i].text)))
            continue;
        for (const auto& p : kNoisePhrases) {
            size_t j = i, k = 0;
            for (; j < words.size() && k < p.size(); ++j) {
                if (k > 0 && (words[j].text.size() < 2 || kStopWords.count(words[j].text)))
                    continue;
                if (stemOfWord(words[j].text) != p[k])
                    break;
                ++k;
            }
            if (k == p.size()) {
                words.erase(words.begin() + static_cast<std::ptrdiff_t>(i),
                            words.begin() + static_cast<std::ptrdiff_t>(j));
                --i;
                break;
            }
        }
    }
}

} // namespace

TitleNormalizer::TitleNormalizer(const std::vector<Abbreviation>& abbreviations, const std::vector<Grade>& grades,
                                 const std::vector<Synonym>& synonyms, const std::vector<RoleWord>& roleWords)
{
    for (const Abbreviation& a : abbreviations) {
        const std::vector<std::string> parts = splitWords(foldText(a.sigle));
        std::string k = join(parts, "");
        std::vector<std::string> exp = splitWords(foldText(a.expansion));
        if (k.empty() || exp.empty())
            continue;
        if (parts.size() > 1 && parts.size() <= kLongestSigleWords) { // "Adj. tech.", "Aux puér."
            std::string spaced = join(parts);
            size_t kept = 0; // words that will stay terms
            for (const std::string& e : exp)
                kept += e.size() > 1 && !kStopWords.count(e);
            sigleFirstWords_.insert(parts[0]);
            phrases_.emplace(std::move(spaced), Phrase{exp, parts.size(), std::max<size_t>(kept, 1)});
        }
        if (kStopWords.count(k)) { // "AUX": only written "Aux." or first in the title
            stopWordSigles_.emplace(k, std::move(exp));
            continue;
        }
        longestSigle_ = std::max(longestSigle_, k.size());
        if (k.size() >= kMinSlipAcronym && isAcronymOf(k, exp) && !expansions_.count(k))
            longAcronyms_.push_back(k);
        expansions_.emplace(k, std::move(exp)); // the first entry of a sigle wins
    }
    for (const Grade& g : grades) {
        std::string k = key(g.name);
        if (k.empty())
            continue;
        std::vector<std::string> run = terms(g.name);
        for (const std::string& w : run)
            gradeWords_.insert(w);
        gradeRuns_.push_back({std::move(run), g.categorie, k});
        gradeKeys_.emplace(std::move(k), g.categorie);
    }
    std::stable_sort(gradeRuns_.begin(), gradeRuns_.end(),
                     [](const GradeRun& a, const GradeRun& b) { return a.terms.size() > b.terms.size(); });
    for (const Synonym& y : synonyms) {
        Rewrite r{phraseStems(y.form), phraseStems(y.equivalent)};
        if (!r.form.empty() && !r.equivalent.empty())
            synonyms_[r.form[0]].push_back(std::move(r));
    }
    for (auto& [first, list] : synonyms_)
        std::stable_sort(list.begin(), list.end(),
                         [](const Rewrite& a, const Rewrite& b) { return a.form.size() > b.form.size(); });
    for (const RoleWord& w : roleWords) {
        std::vector<std::string> stems = phraseStems(w.word);
        if (stems.empty())
            continue;
        if (w.role == WordRole::Encadrement)
            managerTerms_.insert(stems.begin(), stems.end());
        else if (w.role == WordRole::Equipe)
            teamTerms_.insert(stems.begin(), stems.end());
        else if (w.role == WordRole::Personne)
            personTerms_.insert(stems.begin(), stems.end());
        else {
            places_[stems[0]].push_back({stems, w.role});
            placePrefixes_.insert(prefix3(stems[0]));
        }
    }
    for (auto& [first, list] : places_)
        std::stable_sort(list.begin(), list.end(),
                         [](const Place& a, const Place& b) { return a.stems.size() > b.stems.size(); });
}

std::string TitleNormalizer::stem(std::string_view folded)
{
    std::string s(folded);
    if (s.size() <= 3)
        return s;
    // number
    if (endsWith(s, "eaux"))
        s.pop_back(); // bureaux → bureau
    else if (endsWith(s, "aux") && s.size() > 4)
        replaceEnd(s, 3, "al");
    else if ((endsWith(s, "s") && !endsWith(s, "ss")) || endsWith(s, "x"))
        s.pop_back();
    // gender
    if (endsWith(s, "trice"))
        replaceEnd(s, 5, "teur");
    else if (endsWith(s, "euse"))
        replaceEnd(s, 4, "eur");
    else if (endsWith(s, "iere"))
        replaceEnd(s, 4, "ier");
    else if (endsWith(s, "ere") && s.size() > 4)
        replaceEnd(s, 3, "er");
    else if (endsWith(s, "enne") || endsWith(s, "onne") || endsWith(s, "elle") || endsWith(s, "ette"))
        replaceEnd(s, 2, "");
    else if (endsWith(s, "ive"))
        replaceEnd(s, 3, "if");
    else if (endsWith(s, "ffe"))
        replaceEnd(s, 2, "");
    else if (endsWith(s, "tesse") || endsWith(s, "tresse"))
        replaceEnd(s, 3, ""); // hôtesse → hôte, maîtresse → maître
    // final e (agente, adjointe, chargee, service: both sides lose it alike)
    while (s.size() > 3 && endsWith(s, "e"))
        s.pop_back();
    return s;
}

// What a word becomes (its stem, or nothing for stop words, noise and numbers), remembered per
// thread: staff tables and label lists repeat the same few thousand words.
const std::string& TitleNormalizer::stemOf(const std::string& word) const
{
    thread_local std::unordered_map<std::string, std::string> stems;
    auto known = stems.find(word);
    if (known != stems.end())
        return known->second;
    if (stems.size() > 100000)
        stems.clear();
    return stems.emplace(word, isEmptyWord(word) ? std::string() : stem(word)).first->second;
}

// Words a title's word stands for in the job part: an acronym its expansion's, a stop word none.
size_t TitleNormalizer::wordsOf(const std::string& word) const
{
    if (isEmptyWord(word))
        return 0;
    auto it = word.size() <= longestSigle_ ? expansions_.find(word) : expansions_.end();
    if (it == expansions_.end())
        return 1;
    size_t n = 0;
    for (const std::string& e : it->second)
        n += !isEmptyWord(e);
    return std::max<size_t>(n, 1);
}

std::vector<WeightedTerm> TitleNormalizer::rawTerms(std::string_view title, bool query) const
{
    std::vector<Word> words = splitContextWords(foldText(title));
    dropNoisePhrases(words);
    if (query && !places_.empty()) {
        // A place or service named after the job ("Agent d'entretien groupe scolaire Jaurès"; not
        // "Secrétaire de mairie") begins the context. In the context it weighs little, and so does
        // the name that follows a place ("école Jaurès"; after a service comes its field).
        auto placeAt = [&](size_t i, size_t& len) -> const Place* {
            if (!placePrefixes_.count(prefix3(words[i].text)))
                return nullptr; // cheap test first: a stem keeps its word's first three letters
            const std::string& first = stemOf(words[i].text);
            auto it = first.empty() ? places_.end() : places_.find(first);
            if (it == places_.end())
                return nullptr;
            for (const Place& p : it->second) {
                size_t j = i, k = 0;
                for (; k < p.stems.size() && j < words.size(); ++j) {
                    const std::string& st = stemOf(words[j].text);
                    if (st.empty())
                        continue;
                    if (st != p.stems[k])
                        break;
                    ++k;
                }
                if (k == p.stems.size()) {
                    len = j - i;
                    return &p;
                }
            }
            return nullptr;
        };
        // Words of the job before word i, an acronym counting its expansion's.
        auto jobWords = [&](size_t i) {
            size_t n = 0;
            for (size_t k = 0; k < i; ++k)
                n += words[k].context ? 0 : wordsOf(words[k].text);
            return n;
        };
        bool inName = false;
        for (size_t i = 0; i < words.size(); ++i) {
            size_t len = 0;
            const Place* p = placeAt(i, len);
            if (!words[i].context) {
                inName = false;
                const bool juxtaposed = i > 0 && words[i - 1].text.size() > 1 && !kStopWords.count(words[i - 1].text);
                if (!p || !juxtaposed || jobWords(i) < 2)
                    continue;
                for (size_t k = i; k < words.size() && !words[k].context; ++k)
                    words[k].context = true;
            }
            if (p) {
                for (size_t k = i; k < i + len; ++k)
                    words[k].light = true;
                inName = p->role == WordRole::Lieu;
                i += len - 1;
            } else if (inName) {
                words[i].light = true;
            }
        }
    }
    std::vector<WeightedTerm> expanded;
    expanded.reserve(words.size() + 4);
    for (size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i].text;
        const float base = words[i].light ? kPlaceWeight : words[i].context ? kContextWeight : 1.0f;
        // "h/f", "f/h", "(e)": one-letter words
        if (w.size() == 1)
            continue;
        if (i > 0 && w.size() <= kLongestGenderEnding && kGenderEndings.count(w))
            continue;
        // Abbreviations of several words, longest first: "Adj. tech." is "adjoint technique".
        if (sigleFirstWords_.count(w)) {
            const Phrase* phrase = nullptr;
            for (size_t n = std::min(kLongestSigleWords, words.size() - i); n >= 2 && !phrase; --n) {
                std::string k = w;
                for (size_t p = 1; p < n; ++p)
                    k += ' ' + words[i + p].text;
                auto ph = phrases_.find(k);
                if (ph != phrases_.end())
                    phrase = &ph->second;
            }
            if (phrase) {
                // as many words as written keep their full weight ("Adj. pat." is "adjoint patrimoine")
                const float share =
                    base *
                    std::min(1.0f, std::sqrt(static_cast<float>(phrase->words) / static_cast<float>(phrase->kept)));
                for (const std::string& e : phrase->expansion)
                    expanded.push_back({e, share});
                i += phrase->words - 1;
                continue;
            }
        }
        const std::vector<std::string>* expansion = nullptr;
        auto it = w.size() <= longestSigle_ ? expansions_.find(w) : expansions_.end();
        if (it == expansions_.end() && w.size() >= kMinSlipAcronym)
            for (const std::string& a : longAcronyms_) // "ATSME", "ATSEEM" for "ATSEM" (not "étapes": ETAPS)
                if (isOneSlip(w, a) && writtenInCapitals(title, w)) {
                    it = expansions_.find(a);
                    break;
                }
        if (it != expansions_.end())
            expansion = &it->second;
        else if (words[i].dotted || (i == 0 && words.size() > 1)) {
            auto sw = stopWordSigles_.find(w);
            if (sw != stopWordSigles_.end())
                expansion = &sw->second;
        }
        if (expansion) {
            const float share = base / std::sqrt(static_cast<float>(expansion->size()));
            for (const std::string& e : *expansion)
                expanded.push_back({e, share});
        } else {
            expanded.push_back({w, base});
        }
    }
    std::vector<WeightedTerm> stemmed;
    stemmed.reserve(expanded.size());
    for (WeightedTerm& w : expanded) {
        const std::string& st = stemOf(w.term); // "de", "principal", "2eme", "35h", "1re", "2024": none
        if (!st.empty())
            stemmed.push_back({st, w.weight});
    }
    if (query)
        stemmed = rewrite(std::move(stemmed));
    std::vector<WeightedTerm> out;
    out.reserve(stemmed.size());
    for (WeightedTerm& w : stemmed) {
        auto same = std::find_if(out.begin(), out.end(), [&](const WeightedTerm& o) { return o.term == w.term; });
        if (same == out.end())
            out.push_back(std::move(w));
        else
            same->weight = std::max(same->weight, w.weight);
    }
    // The head of a title is its first main (non-context) term: move it first. In a query, a person
    // word ("dame", "homme") gives way to the next main term.
    auto isMain = [](const WeightedTerm& t) { return t.weight >= 1.0f; };
    auto head = std::find_if(out.begin(), out.end(), isMain);
    if (query && head != out.end() && personTerms_.count(head->term)) {
        auto next = std::find_if(head + 1, out.end(), isMain);
        if (next != out.end())
            head = next;
    }
    if (head != out.end() && head != out.begin())
        std::rotate(out.begin(), head, head + 1);
    return out;
}

// Old wordings replaced by current ones, longest form first ("dame de service" → agent entretien).
std::vector<WeightedTerm> TitleNormalizer::rewrite(std::vector<WeightedTerm> t) const
{
    if (std::none_of(t.begin(), t.end(), [&](const WeightedTerm& w) { return synonyms_.count(w.term) > 0; }))
        return t;
    std::vector<WeightedTerm> out;
    out.reserve(t.size() + 4);
    for (size_t k = 0; k < t.size();) {
        const Rewrite* hit = nullptr;
        auto it = synonyms_.find(t[k].term);
        if (it != synonyms_.end())
            for (const Rewrite& r : it->second)
                if (k + r.form.size() <= t.size() &&
                    std::equal(r.form.begin(), r.form.end(), t.begin() + static_cast<std::ptrdiff_t>(k),
                               [](const std::string& a, const WeightedTerm& b) { return a == b.term; })) {
                    hit = &r;
                    break;
                }
        if (!hit) {
            out.push_back(std::move(t[k++]));
            continue;
        }
        float w = 0;
        for (size_t j = 0; j < hit->form.size(); ++j)
            w = std::max(w, t[k + j].weight);
        for (const std::string& e : hit->equivalent)
            out.push_back({e, w});
        k += hit->form.size();
    }
    return out;
}

std::vector<WeightedTerm> TitleNormalizer::weightedTerms(std::string_view title, GradeFound* found,
                                                         bool swapGrade) const
{
    return withGrade(rawTerms(title, false), found, swapGrade, false);
}

std::vector<WeightedTerm> TitleNormalizer::queryTerms(std::string_view title, GradeFound* found, bool swapGrade,
                                                      std::vector<WeightedTerm>* asWritten) const
{
    std::vector<WeightedTerm> t = rawTerms(title, true);
    if (asWritten) { // what withGrade(…, swapGrade = false) returns, needed only with a grade
        asWritten->clear();
        if (std::any_of(t.begin(), t.end(), [&](const WeightedTerm& w) { return gradeWords_.count(w.term) > 0; }))
            *asWritten = t;
    }
    return withGrade(std::move(t), found, swapGrade, true);
}

std::vector<WeightedTerm> TitleNormalizer::withGrade(std::vector<WeightedTerm> t, GradeFound* found, bool swapGrade,
                                                     bool inside) const
{
    if (found)
        *found = GradeFound{};
    if (gradeKeys_.empty())
        return t;
    // "Adjoint administratif - accueil": the main part is a grade, the context is the job.
    size_t mainAt[16]; // indices in t of the main terms (a title of more main terms has no grade)
    size_t mains = 0, gradeTerms = 0;
    bool hasContext = false;
    for (size_t k = 0; k < t.size(); ++k) {
        if (t[k].weight < 1.0f) {
            hasContext = true;
            continue;
        }
        if (mains == std::size(mainAt))
            return t;
        gradeTerms += gradeWords_.count(t[k].term);
        mainAt[mains++] = k;
    }
    if (mains == 0 || gradeTerms == 0)
        return t;
    if (gradeTerms < mains) {
        if (!inside || mains < 2)
            return t;
        // "Adjoint d'animation périscolaire": a grade beside the job, as written in order.
        const GradeRun* run = nullptr;
        size_t at = 0;
        for (size_t s = 0; s < mains; ++s)
            for (const GradeRun& g : gradeRuns_) {
                if (run && g.terms.size() <= run->terms.size())
                    break;
                size_t n = 0;
                while (n < g.terms.size() && s + n < mains && t[mainAt[s + n]].term == g.terms[n])
                    ++n;
                if (n == g.terms.size()) {
                    run = &g;
                    at = s;
                    break;
                }
            }
        if (!run || run->terms.size() >= mains)
            return t;
        if (found)
            *found = GradeFound{true, true, run->categorie, run->key, true};
        if (!swapGrade)
            return t;
        for (size_t k = at; k < at + run->terms.size(); ++k)
            t[mainAt[k]].weight = kGradeWeight;
        auto head = std::find_if(t.begin(), t.end(), [](const WeightedTerm& w) { return w.weight >= 1.0f; });
        std::rotate(t.begin(), head, head + 1);
        return t;
    }
    std::vector<std::string> main;
    for (size_t k = 0; k < mains; ++k)
        main.push_back(t[mainAt[k]].term);
    std::sort(main.begin(), main.end());
    std::string k = join(main);
    auto grade = gradeKeys_.find(k);
    if (grade == gradeKeys_.end())
        return t;
    if (found)
        *found = GradeFound{true, hasContext, grade->second, k, false};
    if (!hasContext || !swapGrade)
        return t;
    std::vector<WeightedTerm> swapped;
    for (const WeightedTerm& w : t)
        if (w.weight < 1.0f)
            swapped.push_back({w.term, std::min(1.0f, w.weight / kContextWeight)});
    for (const WeightedTerm& w : t)
        if (w.weight >= 1.0f)
            swapped.push_back({w.term, kContextWeight});
    // The job's first full word heads it (not a place word of the context).
    auto head = std::find_if(swapped.begin(), swapped.end(), [](const WeightedTerm& w) { return w.weight >= 1.0f; });
    if (head != swapped.end())
        std::rotate(swapped.begin(), head, head + 1);
    return swapped;
}

std::optional<TitleNormalizer::JobPair> TitleNormalizer::jobPair(std::string_view title) const
{
    static const std::string_view kMarks[] = {" / ", "/",    " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                              " + ", " et ", " & "};
    static constexpr size_t kFirstWeak = 6; // " et ", " & "
    std::string lower(title);
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    auto letterAt = [&](size_t k) { return k < lower.size() && isWordChar(lower[k]); };
    // The stems of words (as terms() has them, without expanding sigles), at most `most`.
    auto stems = [&](const std::vector<std::string>& words, size_t most) {
        std::vector<std::string> out;
        for (const std::string& w : words)
            if (out.size() < most && !(out.size() > 0 && kGenderEndings.count(w)) && !stemOf(w).empty())
                out.push_back(stemOf(w));
        return out;
    };
    int depth = 0;
    for (size_t i = 0; i < lower.size(); ++i) {
        const char c = lower[i];
        if (c == '(' || c == '[')
            ++depth;
        else if ((c == ')' || c == ']') && depth > 0)
            --depth;
        if (depth > 0 || (c != ' ' && c != '/'))
            continue;
        for (size_t mark = 0; mark < std::size(kMarks); ++mark) {
            const std::string_view m = kMarks[mark];
            if (std::string_view(lower).substr(i, m.size()) != m)
                continue;
            const size_t at = i, next = i + m.size();
            i = next - 1; // a rejected " / " is not tried again as "/"
            // "H/F": letters joined by a bare slash
            if (m == "/" && (at == 0 || (letterAt(at - 1) && (at == 1 || !letterAt(at - 2))) ||
                             (letterAt(next) && !letterAt(next + 1))))
                break;
            const std::string a = trimText(title.substr(0, at));
            const std::vector<std::string> ta = stems(splitWords(foldText(a)), SIZE_MAX);
            // Enough of the second part to compare: as many words as the first has, and a few more.
            const std::string_view rest = title.substr(next);
            size_t cut = 0;
            for (size_t spaces = 0; cut < rest.size() && spaces <= ta.size() + 2; ++cut)
                spaces += rest[cut] == ' ';
            const std::vector<std::string> wb = splitWords(foldText(rest.substr(0, cut)));
            if (!wb.empty() && kGenderEndings.count(wb[0])) // "Directeur/rice"
                break;
            const std::vector<std::string> tb = stems(wb, ta.size() + 1);
            // "Agent / Agente de …", "Monteur incorporateur / Monteuse incorporatrice …": one job
            const bool repeated = ta.size() <= tb.size() && std::equal(ta.begin(), ta.end(), tb.begin());
            if (!ta.empty() && !tb.empty() && !repeated)
                return JobPair{a, trimText(rest), mark >= kFirstWeak};
            break;
        }
    }
    return std::nullopt;
}

bool TitleNormalizer::leadsService(const std::vector<WeightedTerm>& terms) const
{
    return !terms.empty() && managerTerms_.count(terms[0].term) &&
           !(terms.size() > 1 && teamTerms_.count(terms[1].term));
}

std::vector<std::string> TitleNormalizer::terms(std::string_view title) const
{
    std::vector<std::string> out;
    for (WeightedTerm& t : weightedTerms(title))
        out.push_back(std::move(t.term));
    return out;
}

std::string TitleNormalizer::key(std::string_view title) const
{
    std::vector<std::string> t = terms(title);
    std::sort(t.begin(), t.end());
    return join(t);
}

} // namespace cartoia
