// SPDX-License-Identifier: MPL-2.0
#include "cartoia/title_matcher.hpp"

#include "cartoia/text_fold.hpp"

#include <algorithm>
#include <cmath>

namespace cartoia {
namespace {

float sourcePrior(LabelSource s)
{
    switch (s) {
    case LabelSource::Referentiel:
        return 1.0f;
    case LabelSource::Rome:
        return 0.96f;
    case LabelSource::Esco:
        return 0.93f;
    }
    return 0.9f;
}

size_t commonPrefix(const std::string& a, const std::string& b)
{
    size_t n = 0;
    while (n < a.size() && n < b.size() && a[n] == b[n])
        ++n;
    return n;
}

constexpr size_t kMinTypoLength = 5;
constexpr size_t kCacheLimit = 200000;

} // namespace

bool Overrides::add(std::string_view title, std::string_view code)
{
    std::string c = trimText(code);
    if (c.empty() || c.size() > 4 || !std::all_of(c.begin(), c.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
        return false;
    std::string k = norm_->key(title);
    if (k.empty())
        return false;
    byKey_.emplace(std::move(k), std::make_pair(trimText(title), std::move(c)));
    return true;
}

const std::pair<std::string, std::string>* Overrides::find(std::string_view title) const
{
    if (byKey_.empty())
        return nullptr;
    auto it = byKey_.find(norm_->key(title));
    return it == byKey_.end() ? nullptr : &it->second;
}

TitleMatcher::TitleMatcher(const ReferenceData& data)
    : data_(data), norm_(data.abbreviations)
{
    // One entry per distinct normalised label; labels sharing a key pool their targets.
    std::unordered_map<std::string, uint32_t> entryByKey;
    for (uint32_t i = 0; i < data.labels.size(); ++i) {
        const RefLabel& l = data.labels[i];
        std::vector<std::string> terms = norm_.terms(l.text);
        if (terms.empty())
            continue;
        std::vector<std::string> sorted = terms;
        std::sort(sorted.begin(), sorted.end());
        std::string k;
        for (const std::string& t : sorted)
            k += t + ' ';
        auto [it, inserted] = entryByKey.emplace(k, static_cast<uint32_t>(entries_.size()));
        if (inserted) {
            Entry e;
            for (const std::string& t : sorted) {
                auto [v, isNew] = vocab_.emplace(t, static_cast<uint32_t>(vocab_.size()));
                if (isNew)
                    postings_.emplace_back();
                e.terms.push_back(v->second);
                postings_[v->second].push_back(static_cast<uint32_t>(entries_.size()));
            }
            entries_.push_back(std::move(e));
        }
        Entry& e = entries_[it->second];
        float w = static_cast<float>(l.weight) * sourcePrior(l.source);
        // Keep the strongest target per code.
        auto same = std::find_if(e.targets.begin(), e.targets.end(),
                                 [&](const Target& t) { return data.labels[t.label].isco == l.isco; });
        if (same == e.targets.end())
            e.targets.push_back({i, w});
        else if (w > same->weight)
            *same = {i, w};
    }
    const float n = static_cast<float>(entries_.size());
    idf_.resize(vocab_.size());
    for (size_t t = 0; t < vocab_.size(); ++t)
        idf_[t] = std::log((n + 1) / (static_cast<float>(postings_[t].size()) + 0.5f));
    unknownIdf_ = std::log(n + 1) * 0.5f;
    for (Entry& e : entries_) {
        float s = 0;
        for (uint32_t t : e.terms)
            s += idf_[t] * idf_[t];
        e.norm = std::sqrt(s);
    }
    for (const auto& [term, id] : vocab_) {
        if (term.size() < kMinTypoLength)
            continue;
        for (size_t i = 0; i < term.size(); ++i)
            deletions_.emplace(term.substr(0, i) + term.substr(i + 1), id);
    }
}

int TitleMatcher::termId(const std::string& term) const
{
    auto it = vocab_.find(term);
    return it == vocab_.end() ? -1 : static_cast<int>(it->second);
}

// A vocabulary term at edit distance one (insertion, deletion, substitution, most transpositions).
int TitleMatcher::typoTerm(const std::string& term) const
{
    if (term.size() < kMinTypoLength)
        return -1;
    int best = -1;
    auto consider = [&](int id) {
        if (id >= 0 && (best < 0 || postings_[id].size() > postings_[best].size()))
            best = id;
    };
    auto range = deletions_.equal_range(term); // the user dropped a letter
    for (auto it = range.first; it != range.second; ++it)
        consider(static_cast<int>(it->second));
    for (size_t i = 0; i < term.size(); ++i) {
        std::string del = term.substr(0, i) + term.substr(i + 1);
        consider(termId(del)); // the user added a letter
        auto r = deletions_.equal_range(del); // substitution / transposition
        for (auto it = r.first; it != r.second; ++it)
            consider(static_cast<int>(it->second));
    }
    return best;
}

MatchResult TitleMatcher::match(std::string_view title) const { return match(title, nullptr); }

MatchResult TitleMatcher::match(std::string_view title, const Overrides* overrides) const
{
    if (overrides) {
        if (const auto* o = overrides->find(title)) {
            MatchResult r;
            r.found = true;
            r.code = r.bestCode = o->second;
            r.label = o->first;
            r.source = "utilisateur";
            r.confidence = 1;
            r.precision = static_cast<int>(o->second.size());
            r.similarity = 1;
            return r;
        }
    }
    std::string key(title);
    {
        std::lock_guard<std::mutex> lock(cacheMutex_);
        auto it = cache_.find(key);
        if (it != cache_.end())
            return it->second;
    }
    MatchResult r = compute(title);
    std::lock_guard<std::mutex> lock(cacheMutex_);
    if (cache_.size() >= kCacheLimit)
        cache_.clear();
    cache_.emplace(std::move(key), r);
    return r;
}

MatchResult TitleMatcher::compute(std::string_view title) const
{
    MatchResult result;
    std::vector<std::string> terms = norm_.terms(title);
    if (terms.empty())
        return result;

    // Query terms: known, corrected (typo, weight 0.8) or unknown (only counted in the norm).
    struct QueryTerm {
        uint32_t id;
        float weight;
    };
    std::vector<QueryTerm> query;
    float qnorm2 = 0;
    for (const std::string& t : terms) {
        int id = termId(t);
        float factor = 1.0f;
        if (id < 0) {
            id = typoTerm(t);
            factor = 0.8f;
        }
        if (id < 0) {
            qnorm2 += unknownIdf_ * unknownIdf_;
            continue;
        }
        if (std::any_of(query.begin(), query.end(), [&](const QueryTerm& q) { return q.id == static_cast<uint32_t>(id); }))
            continue;
        float w = idf_[id] * factor;
        query.push_back({static_cast<uint32_t>(id), w});
        qnorm2 += idf_[id] * idf_[id];
    }
    if (query.empty())
        return result;

    // Cosine similarity (binary term frequency, idf weights) with every entry sharing a term.
    std::unordered_map<uint32_t, float> dot;
    dot.reserve(1024);
    for (const QueryTerm& q : query)
        for (uint32_t e : postings_[q.id])
            dot[e] += q.weight * idf_[q.id];
    const float qnorm = std::sqrt(qnorm2);

    // Best score per ISCO code, remembering the label that gave it.
    struct Candidate {
        float score;
        uint32_t label;
    };
    std::unordered_map<std::string, Candidate> byCode;
    float bestSim = 0;
    for (const auto& [e, d] : dot) {
        const Entry& entry = entries_[e];
        float sim = d / (qnorm * entry.norm);
        bestSim = std::max(bestSim, sim);
        for (const Target& t : entry.targets) {
            float s = sim * t.weight;
            const std::string& code = data_.labels[t.label].isco;
            auto it = byCode.find(code);
            if (it == byCode.end())
                byCode.emplace(code, Candidate{s, t.label});
            else if (s > it->second.score)
                it->second = {s, t.label};
        }
    }
    if (byCode.empty())
        return result;

    std::vector<std::pair<std::string, Candidate>> ranked(byCode.begin(), byCode.end());
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        return a.second.score != b.second.score ? a.second.score > b.second.score : a.first < b.first;
    });
    const float s1 = ranked[0].second.score;
    const float s2 = ranked.size() > 1 ? ranked[1].second.score : 0.0f;

    // Near-ties that disagree: keep only the digits they share.
    size_t prefix = 4;
    for (size_t i = 1; i < ranked.size() && ranked[i].second.score >= s1 * 0.97f; ++i)
        prefix = std::min(prefix, commonPrefix(ranked[0].first, ranked[i].first));

    const RefLabel& label = data_.labels[ranked[0].second.label];
    const double ratio = s1 > 0 ? s2 / s1 : 1.0;
    double confidence = std::clamp(static_cast<double>(s1), 0.0, 1.0) * (1.0 - 0.5 * ratio * ratio);

    result.bestCode = ranked[0].first;
    result.label = label.text;
    result.source = sourceName(label.source);
    result.ref = label.ref;
    result.similarity = bestSim;
    result.confidence = confidence;
    result.precision = static_cast<int>(prefix);
    result.code = ranked[0].first.substr(0, prefix);
    result.found = prefix > 0 && confidence >= kConfidenceFloor;
    return result;
}

} // namespace cartoia
