// SPDX-License-Identifier: MPL-2.0
// Turns a French job title into comparable terms: folded, de-gendered, de-pluralised,
// abbreviations expanded, stop words and noise (H/F, grades) removed.
#pragma once
#include "cartoia/reference_data.hpp"

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace cartoia {

struct WeightedTerm {
    std::string term;
    float weight; // 1 for the job itself; less for context (" - service", "(site)") and acronym expansions
};

class TitleNormalizer {
public:
    static constexpr float kContextWeight = 0.5f;

    TitleNormalizer() = default;
    explicit TitleNormalizer(const std::vector<Abbreviation>& abbreviations, const std::vector<Grade>& grades = {});

    // What a title says of a grade in its main part (filled when asked for).
    struct GradeFound {
        bool grade = false;    // the main part is a grade
        bool job = false;      // ... and a job follows it ("Adjoint administratif - accueil")
        std::string categorie; // the grade's catégorie ("C"…), or empty
        std::string key;       // key() of the grade part
    };
    // Terms of a title, in order, without duplicates. Words after " - " or inside parentheses are
    // context; an acronym's expansion shares the weight of one word (each gets 1/√n), an
    // abbreviation of several words ("Adj. tech.") as many words as it has. When the main part is
    // only a grade ("Adjoint administratif - accueil"), the context is the job: they swap.
    // swapGrade = false keeps a grade with a job as written (the grade as the job, the rest as context).
    std::vector<WeightedTerm> weightedTerms(std::string_view title, GradeFound* grade = nullptr,
                                            bool swapGrade = true) const;
    // The same terms without weights.
    std::vector<std::string> terms(std::string_view title) const;
    // A key equal for titles that differ only by case, accents, gender, plural, order or noise.
    std::string key(std::string_view title) const;

    // Light French stemmer for gender and number: "policières" → "policier",
    // "directrice" → "directeur", "agente" → "agent", "chargée" → "charg".
    static std::string stem(std::string_view folded);

private:
    std::vector<WeightedTerm> rawTerms(std::string_view title) const;

    struct Phrase {
        std::vector<std::string> expansion;
        size_t words; // of the abbreviation
        size_t kept;  // of the expansion that stay terms (no stop words)
    };
    std::unordered_map<std::string, std::vector<std::string>> expansions_;
    std::unordered_map<std::string, std::vector<std::string>> stopWordSigles_; // "aux" → auxiliaire
    std::unordered_map<std::string, Phrase> phrases_;                          // "adj tech" → adjoint technique
    std::unordered_set<std::string> sigleFirstWords_;                          // "adj", "aux"…
    size_t longestSigle_ = 0;
    std::vector<std::string> longAcronyms_; // keys of acronyms of 5 letters or more (letters = initials)
    std::unordered_map<std::string, std::string> gradeKeys_; // key() of each grade → its catégorie
    std::unordered_set<std::string> gradeWords_;             // terms of the grades
};

} // namespace cartoia
