// SPDX-License-Identifier: MPL-2.0
// Turns a French job title into comparable terms: folded, de-gendered, de-pluralised,
// abbreviations expanded, stop words and noise (H/F, grades) removed.
#pragma once
#include "cartoia/reference_data.hpp"

#include <cstdint>
#include <optional>
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
    static constexpr float kPlaceWeight = 0.25f; // a place or service word in the context, and a place's name
    static constexpr float kGradeWeight = 0.3f;  // a grade beside a job ("Adjoint d'animation périscolaire")

    TitleNormalizer() = default;
    explicit TitleNormalizer(const std::vector<Abbreviation>& abbreviations, const std::vector<Grade>& grades = {},
                             const std::vector<Synonym>& synonyms = {}, const std::vector<RoleWord>& roleWords = {});

    // What a title says of a grade in its main part (filled when asked for).
    struct GradeFound {
        bool grade = false;    // the main part is a grade, or holds one (see `inside`)
        bool job = false;      // ... and a job goes with it ("Adjoint administratif - accueil")
        std::string categorie; // the grade's catégorie ("C"…), or empty
        std::string key;       // key() of the grade part
        bool inside = false;   // the grade stands beside the job in the main part (queryTerms only)
    };
    // Terms of a title, in order, without duplicates. Words after " - " or inside parentheses are
    // context; an acronym's expansion shares the weight of one word (each gets 1/√n), an
    // abbreviation of several words ("Adj. tech.") as many words as it has. When the main part is
    // only a grade ("Adjoint administratif - accueil"), the context is the job: they swap.
    // swapGrade = false keeps a grade with a job as written (the grade as the job, the rest as context).
    std::vector<WeightedTerm> weightedTerms(std::string_view title, GradeFound* grade = nullptr,
                                            bool swapGrade = true) const;
    // The terms of a title to look up (labels are read with weightedTerms): besides, old wordings
    // become current ones (synonyms); a place or service written after the job ("… groupe scolaire
    // Jaurès") is context and weighs little, as does the name after a place; a person word ("dame
    // de …") does not head the title; a grade beside a job weighs kGradeWeight (swapGrade = true).
    // asWritten, when given, receives the terms as swapGrade = false would give them when the title
    // holds a grade word (else it is left empty).
    std::vector<WeightedTerm> queryTerms(std::string_view title, GradeFound* grade = nullptr, bool swapGrade = true,
                                         std::vector<WeightedTerm>* asWritten = nullptr) const;
    // The same terms without weights.
    std::vector<std::string> terms(std::string_view title) const;
    // A key equal for titles that differ only by case, accents, gender, plural, order or noise.
    std::string key(std::string_view title) const;

    // The two parts of a title that may name two jobs ("Agent d'accueil / standardiste", "Menuisier -
    // ébéniste", "Agent d'entretien et de restauration"), split at its first " / ", "/", " - ", " et "
    // or " & " outside parentheses; nullopt when there is no such split (one part without terms, or
    // the second a gender form of the first: "Agent / Agente de…").
    struct JobPair {
        std::string first, second;
        bool weak = false; // joined by "et" or "&", which more often join two tasks of one job
    };
    std::optional<JobPair> jobPair(std::string_view title) const;

    // Terms (head first) of a title heading a service: "Responsable du service X", "Chef de service",
    // "Directeur de…"; not a team ("Chef d'équipe").
    bool leadsService(const std::vector<WeightedTerm>& terms) const;

    // Light French stemmer for gender and number: "policières" → "policier",
    // "directrice" → "directeur", "agente" → "agent", "chargée" → "charg".
    static std::string stem(std::string_view folded);

private:
    std::vector<WeightedTerm> rawTerms(std::string_view title, bool query) const;
    const std::string& stemOf(const std::string& word) const; // "" for a word that is never a term
    std::vector<WeightedTerm> withGrade(std::vector<WeightedTerm> t, GradeFound* found, bool swapGrade,
                                        bool inside) const;
    std::vector<WeightedTerm> rewrite(std::vector<WeightedTerm> terms) const;
    size_t wordsOf(const std::string& word) const;

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
    struct GradeRun {
        std::vector<std::string> terms; // in order
        std::string categorie;
        std::string key;
    };
    std::vector<GradeRun> gradeRuns_; // longest first
    struct Rewrite {
        std::vector<std::string> form, equivalent; // stems
    };
    std::unordered_map<std::string, std::vector<Rewrite>> synonyms_; // first stem of the form → rewrites, longest first
    struct Place {
        std::vector<std::string> stems;
        WordRole role;
    };
    std::unordered_map<std::string, std::vector<Place>> places_; // first stem → places and services, longest first
    std::unordered_set<uint32_t> placePrefixes_;                 // first three letters of those first stems
    std::unordered_set<std::string> managerTerms_, teamTerms_, personTerms_;
};

} // namespace cartoia
