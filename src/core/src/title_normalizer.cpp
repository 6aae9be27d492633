// SPDX-License-Identifier: MPL-2.0
#include "cartoia/title_normalizer.hpp"

#include "cartoia/text_fold.hpp"
#include "cartoia/text_util.hpp"

#include <algorithm>
#include <cmath>

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
    "vacant",
    "vacante",
    "vacance",
    "poste",
    "postes",
    "pourvoir",
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

struct Word {
    std::string text;
    bool context;
    bool dotted = false; // written with a final period: "Aux.", "Resp."
};

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

} // namespace

TitleNormalizer::TitleNormalizer(const std::vector<Abbreviation>& abbreviations, const std::vector<Grade>& grades)
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
        for (std::string& w : terms(g.name))
            gradeWords_.insert(std::move(w));
        gradeKeys_.emplace(std::move(k), g.categorie);
    }
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

std::vector<WeightedTerm> TitleNormalizer::rawTerms(std::string_view title) const
{
    std::vector<Word> words = splitContextWords(foldText(title));
    std::vector<WeightedTerm> expanded;
    expanded.reserve(words.size() + 4);
    for (size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i].text;
        const float base = words[i].context ? kContextWeight : 1.0f;
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
    // What each word becomes (its stem, or nothing for stop words, noise and numbers), remembered
    // per thread: staff tables and label lists repeat the same few thousand words.
    thread_local std::unordered_map<std::string, std::string> stems;
    if (stems.size() > 100000)
        stems.clear();
    std::vector<WeightedTerm> out;
    out.reserve(expanded.size());
    for (WeightedTerm& w : expanded) {
        auto known = stems.find(w.term);
        if (known == stems.end()) {
            std::string st;
            if (!(w.term.size() < 2 || kStopWords.count(w.term) || kNoise.count(w.term) || isNumberOrOrdinal(w.term)))
                st = stem(w.term); // else dropped: "de", "principal", "2eme", "35h", "1re", "2024"
            known = stems.emplace(w.term, std::move(st)).first;
        }
        if (known->second.empty())
            continue;
        const std::string& st = known->second;
        auto same = std::find_if(out.begin(), out.end(), [&](const WeightedTerm& o) { return o.term == st; });
        if (same == out.end())
            out.push_back({st, w.weight});
        else
            same->weight = std::max(same->weight, w.weight);
    }
    // The head of a title is its first main (non-context) term: move it first.
    auto head = std::find_if(out.begin(), out.end(), [](const WeightedTerm& t) { return t.weight >= 1.0f; });
    if (head != out.end() && head != out.begin())
        std::rotate(out.begin(), head, head + 1);
    return out;
}

std::vector<WeightedTerm> TitleNormalizer::weightedTerms(std::string_view title, GradeFound* found,
                                                         bool swapGrade) const
{
    if (found)
        *found = GradeFound{};
    std::vector<WeightedTerm> t = rawTerms(title);
    if (gradeKeys_.empty())
        return t;
    // "Adjoint administratif - accueil": the main part is a grade, the context is the job.
    std::vector<std::string> main;
    bool hasContext = false;
    for (const WeightedTerm& w : t) {
        if (w.weight < 1.0f)
            hasContext = true;
        else if (!gradeWords_.count(w.term))
            return t; // a word no grade has: the main part is not a grade
        else
            main.push_back(w.term);
    }
    if (main.empty())
        return t;
    std::sort(main.begin(), main.end());
    std::string k = join(main);
    auto grade = gradeKeys_.find(k);
    if (grade == gradeKeys_.end())
        return t;
    if (found)
        *found = GradeFound{true, hasContext, grade->second, k};
    if (!hasContext || !swapGrade)
        return t;
    std::vector<WeightedTerm> swapped;
    for (const WeightedTerm& w : t)
        if (w.weight < 1.0f)
            swapped.push_back({w.term, std::min(1.0f, w.weight / kContextWeight)});
    for (const WeightedTerm& w : t)
        if (w.weight >= 1.0f)
            swapped.push_back({w.term, kContextWeight});
    return swapped;
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
