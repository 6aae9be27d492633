// SPDX-License-Identifier: MPL-2.0
// Maps a French job title to an ISCO-08 code by weighted term retrieval over reference labels
// (référentiel first, then ROME appellations, then ESCO labels), with typo tolerance.
#pragma once
#include "cartoia/reference_data.hpp"
#include "cartoia/title_normalizer.hpp"

#include <array>
#include <cstdint>
#include <initializer_list>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace cartoia {

// Another code a title could have.
struct Alternative {
    std::string code; // 4 digits
    double score = 0; // its score as a share of the chosen code's (0..1)
};

constexpr size_t kMaxAlternatives = 3;

// At most kMaxAlternatives, held in place: a result is built on every call, cached or not.
class AlternativeList {
public:
    AlternativeList() = default;
    AlternativeList(std::initializer_list<Alternative> list)
    {
        for (const Alternative& a : list)
            push_back(a);
    }
    void push_back(Alternative a)
    {
        if (n_ < kMaxAlternatives)
            items_[n_++] = std::move(a);
    }
    size_t size() const { return n_; }
    bool empty() const { return n_ == 0; }
    const Alternative& front() const { return items_[0]; }
    const Alternative& operator[](size_t k) const { return items_[k]; }
    const Alternative* begin() const { return items_.data(); }
    const Alternative* end() const { return items_.data() + n_; }

private:
    std::array<Alternative, kMaxAlternatives> items_{};
    size_t n_ = 0;
};

struct MatchResult {
    bool found = false;
    std::string code;      // at `precision` digits (common prefix when candidates disagree)
    std::string bestCode;  // best 4-digit candidate
    std::string label;     // reference label that matched
    std::string source;    // "référentiel", "ROME", "ESCO" or "utilisateur"
    std::string ref;       // métier id, ROME code or ESCO URI
    double confidence = 0; // 0..1
    int precision = 0;     // 4, 3, 2 or 1 digits
    double similarity = 0; // raw score of the best label (diagnostics)
    // Other likely 4-digit codes than bestCode, distinct, at most kMaxAlternatives: first the other
    // codes of the référentiel métier that matched (by weight), then those of other labels scoring at
    // least half the best (best first). Empty for a user's override.
    AlternativeList alternatives;
};

// "4222 Employés de centre d'appels · 4225 Employés de guichet…": each alternative's code and
// French ISCO title, separated by " · "; empty when there is none.
std::string alternativesText(const MatchResult& r, const ExposureDb& db);

// The user's own "intitulé → code" pairs; they win over everything built in.
class Overrides {
public:
    explicit Overrides(const TitleNormalizer& norm) : norm_(&norm) {}
    // Returns false when the code is not 1–4 digits (the pair is ignored).
    bool add(std::string_view title, std::string_view code);
    const std::pair<std::string, std::string>* find(std::string_view title) const; // (title, code)
    size_t size() const { return byKey_.size(); }

private:
    const TitleNormalizer* norm_;
    std::unordered_map<std::string, std::pair<std::string, std::string>> byKey_;
};

// Tuning knobs, with the defaults measured best by bench/eval_matcher.
struct MatcherOptions {
    float headBoost = 1.5f;      // weight of a title's first term (its head noun: agent, chef…)
    float typoFactor = 0.8f;     // weight of a term corrected at edit distance one
    float prefixFactor = 0.6f;   // weight of an unknown term matched by a long shared prefix
    size_t minPrefix = 6;        // shortest shared prefix accepted
    float unknownFactor = 0.5f;  // share of the largest idf counted for a term nobody knows
    float supportBonus = 0.6f;   // share of a code's second-best label added to its score
    bool useLinkWeights = false; // trust of each label → code link (ROME relation type)
    float priorReferentiel = 1.0f, priorRome = 0.95f, priorEsco = 0.9f;
    float roleMismatch = 0.75f;    // weight of a label heading a service for a worker's title, or the reverse
    float notManagerial = 0.8f;    // weight of a ROME or ESCO label without a managerial code for a head of service
    float disagreement = 0.85f;    // confidence kept when the référentiel's métier for the title gives another code
    float nearReferentiel = 0.8f;  // ... that is, its best label scores at least this share of the best one
    bool splitPairs = true;        // two jobs joined ("X / Y"): map the first known one
    double confidenceFloor = 0.30; // below: not found (#N/A)
    bool referentielOnly = false;  // index only the référentiel (METIER_MAP)
};

class TitleMatcher {
public:
    explicit TitleMatcher(const ReferenceData& data, MatcherOptions options = {});

    // Results below the confidence floor come back with found = false.
    MatchResult match(std::string_view title) const;
    MatchResult match(std::string_view title, const Overrides* overrides) const;

    const TitleNormalizer& normalizer() const { return norm_; }
    const ReferenceData& data() const { return data_; }
    static constexpr double kConfidenceFloor = MatcherOptions{}.confidenceFloor;

private:
    struct Target {
        uint32_t label;           // index in data.labels
        uint32_t code;            // index in codes_
        float weight;             // link trust × source prior
        uint8_t categories;       // catégories A/B/C of the label's métier (bits 1/2/4; 0: not known)
        bool referentiel = false; // a label of the référentiel
        bool managerial = false;  // a code of managers or supervisors
    };
    struct Entry {
        uint32_t terms = 0;       // number of terms
        Target target{};          // its first target (most labels have one), read with the entry
        uint32_t firstTarget = 0; // its other targets: targets_[firstTarget, firstTarget + targetCount - 1)
        uint32_t firstTerm = 0;   // its terms: entryTerms_[firstTerm, firstTerm + terms)
        uint16_t targetCount = 0;
        bool referentielWord = false; // a one-term label of the référentiel
        bool manager = false;         // headed by a word of encadrement (responsable, chef, directeur…)
    };
    struct Posting {
        uint32_t entry;
        float weight; // term weight in that entry (idf, boosted for the head)
    };

    // What a match found, compactly (cached per title); label < 0: nothing.
    struct Found {
        int32_t label = -1; // index in data.labels of the best label
        uint32_t code = 0;  // index in codes_ of the best code
        int32_t entry = -1; // index in entries_ of the best label's entry
        int precision = 0;
        double confidence = 0;
        double similarity = 0;
        uint32_t alternatives[kMaxAlternatives] = {}; // indices in codes_
        float alternativeScores[kMaxAlternatives] = {};
        uint8_t alternativeCount = 0;
    };
    bool isFound(const Found& f) const;
    Found compute(std::string_view title) const;
    Found computeOne(std::string_view title, TitleNormalizer::GradeFound* grade) const;
    Found rank(const std::vector<WeightedTerm>& terms, uint8_t gradeCategories) const;
    double covers(const Found& f, std::string_view part) const;

    // The steps of rank().
    struct QueryTerm {
        uint32_t id;
        float weight;
    };
    struct Query {
        std::vector<QueryTerm> terms;
        float norm2 = 0; // squared length, unknown terms included
    };
    struct Scratch; // per-thread work arrays
    Query query(const std::vector<WeightedTerm>& terms) const;
    int knownTerm(const std::string& term, float& factor) const;
    void addDotProducts(std::vector<QueryTerm>& terms, Scratch& sc) const;
    float similarities(const Query& q, bool oneWord, bool vague, Scratch& sc) const;
    void codeScores(float bestSim, uint8_t gradeCategories, bool manager, Scratch& sc) const;
    Found pickCode(float bestSim, Scratch& sc) const;
    void addAlternatives(Found& f, const std::vector<std::pair<uint32_t, float>>& ranked) const;

    MatchResult result(const Found& f) const;
    int termId(const std::string& term) const;
    int typoTerm(const std::string& term) const;
    int prefixTerm(const std::string& term, size_t* edits) const;
    float prior(LabelSource s) const;

    const ReferenceData& data_;
    MatcherOptions opt_;
    TitleNormalizer norm_;
    std::unordered_map<std::string, uint32_t> vocab_;
    std::vector<std::string> terms_; // id → term
    std::vector<std::string> codes_; // ISCO codes met in the labels
    std::unordered_map<std::string, uint32_t> codeIds_;
    std::vector<float> idf_;
    std::vector<std::vector<Posting>> postings_;                      // term → entries
    std::unordered_map<std::string, std::vector<uint32_t>> prefixes_; // minPrefix-letter prefix → terms
    std::unordered_multimap<std::string, uint32_t> deletions_;        // one-deletion variant → term
    std::vector<Entry> entries_;
    std::vector<Target> targets_;                        // all entries' targets, contiguous
    std::vector<float> invNorms_;                        // per entry: 1 / length of its weighted term vector
    std::vector<uint32_t> heads_;                        // per entry: its first term
    std::vector<std::pair<uint32_t, float>> entryTerms_; // all entries' (term, posting weight), contiguous
    float unknownIdf_ = 0;
    std::unordered_set<std::string> gradeMetierKeys_;                  // référentiel labels that are a grade alone
    std::vector<std::vector<std::pair<uint32_t, float>>> metierCodes_; // per métier: (code, weight), heaviest first
    std::vector<int32_t> labelMetier_;                                 // per label: its métier, or -1

    mutable std::mutex cacheMutex_;
    mutable std::unordered_map<std::string, Found> cache_;
};

} // namespace cartoia
