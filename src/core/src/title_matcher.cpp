// SPDX-License-Identifier: MPL-2.0
#include "cartoia/title_matcher.hpp"

#include "cartoia/text_fold.hpp"
#include "cartoia/text_util.hpp"

#include <algorithm>
#include <cmath>

namespace cartoia {
namespace {

// Edits turning a into b, or into the closest beginning of b when b may go on ("jardini" is 0 from
// "jardinier"): Levenshtein with a free tail of b. Short words: two rows on the stack are enough.
size_t prefixEditDistance(std::string_view a, std::string_view b)
{
    if (a.size() > 63 || b.size() > 63)
        return std::max(a.size(), b.size());
    size_t prev[64], cur[64];
    for (size_t j = 0; j <= b.size(); ++j)
        prev[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::copy(cur, cur + b.size() + 1, prev);
    }
    return *std::min_element(prev, prev + b.size() + 1);
}

constexpr size_t kMinTypoLength = 5;
constexpr float kOtherCategorie = 0.7f; // weight of a label whose catégories exclude the title's grade

// A code for those who head a service: managers (major group 1), and the unit groups ISCO-08 gives
// to supervisors (mining, manufacturing, construction, office, head chefs, cleaning, shops).
bool isManagerialCode(std::string_view code)
{
    static const char* const kSupervisors[] = {"3121", "3122", "3123", "3341", "3434", "5151", "5222"};
    return (!code.empty() && code[0] == '1') ||
           std::any_of(std::begin(kSupervisors), std::end(kSupervisors), [&](const char* c) { return code == c; });
}

// "A | B" → bits 1 | 2; "C" → 4.
uint8_t categoryBits(std::string_view s)
{
    uint8_t bits = 0;
    for (char c : s)
        bits |= c == 'A' ? 1 : c == 'B' ? 2 : c == 'C' ? 4 : 0;
    return bits;
}
constexpr size_t kFrequentTerm = 300; // postings beyond which a term only scores labels found otherwise
constexpr float kFarBelow = 0.3f;     // labels scoring below this share of the best are not ranked (see codeScores)

// Raw score → share of right answers, read off a held-out fifth of the ROME appellations that is
// not the one the evaluation reports on (bench/eval_matcher fold=1). Monotone, piecewise linear.
double calibrate(double raw)
{
    static const double kX[] = {0.0, 0.35, 0.45, 0.55, 0.65, 0.75, 0.9, 1.0};
    static const double kY[] = {0.0, 0.37, 0.48, 0.75, 0.86, 0.90, 0.95, 1.0};
    raw = std::clamp(raw, 0.0, 1.0);
    for (size_t i = 1; i < sizeof kX / sizeof kX[0]; ++i)
        if (raw <= kX[i])
            return kY[i - 1] + (kY[i] - kY[i - 1]) * (raw - kX[i - 1]) / (kX[i] - kX[i - 1]);
    return 1.0;
}
constexpr size_t kCacheLimit = 200000;
constexpr float kAlternativeShare = 0.5f; // an alternative scores at least this share of the chosen code

// a and b differ by at most one insertion, deletion, substitution or swap of two neighbours.
bool withinOneEdit(std::string_view a, std::string_view b)
{
    if (a.size() > b.size())
        std::swap(a, b);
    if (b.size() - a.size() > 1)
        return false;
    size_t i = 0;
    while (i < a.size() && a[i] == b[i])
        ++i;
    if (i == a.size())
        return true;
    if (a.size() < b.size())
        return a.substr(i) == b.substr(i + 1);
    return a.substr(i + 1) == b.substr(i + 1) ||
           (i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2));
}

} // namespace

std::string alternativesText(const MatchResult& r, const ExposureDb& db)
{
    std::string out;
    for (const Alternative& a : r.alternatives) {
        if (!out.empty())
            out += " \xC2\xB7 "; // " · "
        out += a.code;
        if (const IscoGroup* g = db.group(a.code))
            out += ' ' + (g->titleFr.empty() ? g->titleEn : g->titleFr);
    }
    return out;
}

bool TitleMatcher::isFound(const Found& f) const
{
    return f.label >= 0 && f.precision > 0 && f.confidence >= opt_.confidenceFloor;
}

bool Overrides::add(std::string_view title, std::string_view code)
{
    std::string c = trimText(code);
    if (c.empty() || c.size() > 4 || !allDigits(c))
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

TitleMatcher::TitleMatcher(const ReferenceData& data, MatcherOptions options)
    : data_(data), opt_(options), norm_(data.abbreviations, data.grades, data.synonyms, data.roleWords)
{
    std::unordered_map<std::string, uint8_t> metierCategories;
    std::unordered_map<std::string, int32_t> metierIndex;
    for (const Metier& m : data.metiers) {
        metierCategories.emplace(m.id, categoryBits(m.categories));
        metierIndex.emplace(m.id, static_cast<int32_t>(metierCodes_.size()));
        // Its codes by weight, heaviest first (the others are alternatives).
        std::vector<std::pair<uint32_t, float>> codes;
        for (const auto& [code, w] : m.isco) {
            auto [it, isNew] = codeIds_.emplace(code, static_cast<uint32_t>(codes_.size()));
            if (isNew)
                codes_.push_back(code);
            codes.emplace_back(it->second, static_cast<float>(w));
        }
        std::stable_sort(codes.begin(), codes.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
        metierCodes_.push_back(std::move(codes));
    }
    labelMetier_.assign(data.labels.size(), -1);
    for (uint32_t i = 0; i < data.labels.size(); ++i)
        if (data.labels[i].source == LabelSource::Referentiel) {
            auto it = metierIndex.find(data.labels[i].ref);
            if (it != metierIndex.end())
                labelMetier_[i] = it->second;
        }
    // A label's catégories: its métier's, else those usual for its ISCO major group (managers and
    // professionals A or B, technicians any, clerks and service workers B or C, manual workers C).
    auto categories = [&](const RefLabel& l) -> uint8_t {
        auto it = l.source == LabelSource::Referentiel ? metierCategories.find(l.ref) : metierCategories.end();
        if (it != metierCategories.end())
            return it->second;
        static const char* const kByMajorGroup[] = {"", "A B", "A B", "", "B C", "B C", "C", "C", "C", "C"};
        return l.isco.empty() || l.isco[0] < '0' || l.isco[0] > '9' ? 0 : categoryBits(kByMajorGroup[l.isco[0] - '0']);
    };
    // One entry per distinct normalised label (same terms, same head); labels sharing it pool their targets.
    std::unordered_map<std::string, uint32_t> entryByKey;
    std::vector<std::vector<std::pair<uint32_t, float>>> entryTerms; // (term, weight), head first
    std::vector<std::vector<Target>> entryTargets;
    for (uint32_t i = 0; i < data.labels.size(); ++i) {
        const RefLabel& l = data.labels[i];
        if (opt_.referentielOnly && l.source != LabelSource::Referentiel)
            continue;
        TitleNormalizer::GradeFound g;
        std::vector<WeightedTerm> terms = norm_.weightedTerms(l.text, &g);
        if (l.source == LabelSource::Referentiel && g.grade && !g.job)
            gradeMetierKeys_.insert(g.key); // a grade that is also the usual name of one métier
        if (terms.empty())
            continue;
        std::vector<std::string> rest;
        for (size_t k = 1; k < terms.size(); ++k)
            rest.push_back(terms[k].term + ':' + std::to_string(static_cast<int>(terms[k].weight * 100)));
        std::sort(rest.begin(), rest.end());
        std::string k = terms[0].term + '|';
        for (const std::string& t : rest)
            k += t + ' ';
        auto [it, inserted] = entryByKey.emplace(k, static_cast<uint32_t>(entries_.size()));
        if (inserted) {
            std::vector<std::pair<uint32_t, float>> ids;
            for (const WeightedTerm& t : terms) {
                auto [v, isNew] = vocab_.emplace(t.term, static_cast<uint32_t>(vocab_.size()));
                if (isNew) {
                    postings_.emplace_back();
                    terms_.push_back(t.term);
                }
                ids.emplace_back(v->second, t.weight);
            }
            Entry e;
            e.terms = static_cast<uint32_t>(ids.size());
            entries_.push_back(e);
            entryTerms.push_back(std::move(ids));
            entryTargets.emplace_back();
        }
        Entry& e = entries_[it->second];
        std::vector<Target>& targets = entryTargets[it->second];
        if (e.terms == 1 && l.source == LabelSource::Referentiel)
            e.referentielWord = true;
        e.manager = norm_.leadsService(terms);
        float w = (opt_.useLinkWeights ? static_cast<float>(l.weight) : 1.0f) * prior(l.source);
        // Keep the strongest target per code.
        auto [codeIt, newCode] = codeIds_.emplace(l.isco, static_cast<uint32_t>(codes_.size()));
        if (newCode)
            codes_.push_back(l.isco);
        const uint32_t code = codeIt->second;
        const Target target{i, code, w, categories(l), l.source == LabelSource::Referentiel, isManagerialCode(l.isco)};
        auto same = std::find_if(targets.begin(), targets.end(), [&](const Target& t) { return t.code == code; });
        if (same == targets.end())
            targets.push_back(target);
        else if (w > same->weight)
            *same = target;
    }
    // Document frequencies, then weighted postings and entry norms.
    std::vector<uint32_t> df(vocab_.size(), 0);
    for (const auto& ids : entryTerms)
        for (const auto& [t, w] : ids)
            ++df[t];
    const float n = static_cast<float>(entries_.size());
    idf_.resize(vocab_.size());
    for (size_t t = 0; t < vocab_.size(); ++t)
        idf_[t] = std::log((n + 1) / (static_cast<float>(df[t]) + 0.5f));
    unknownIdf_ = std::log(n + 1) * opt_.unknownFactor;
    for (uint32_t e = 0; e < entries_.size(); ++e) {
        float s = 0;
        for (size_t k = 0; k < entryTerms[e].size(); ++k) {
            auto [t, tw] = entryTerms[e][k];
            float w = idf_[t] * tw * (k == 0 ? opt_.headBoost : 1.0f);
            postings_[t].push_back({e, w});
            s += w * w;
        }
        entries_[e].firstTerm = static_cast<uint32_t>(entryTerms_.size());
        for (size_t k = 0; k < entryTerms[e].size(); ++k)
            entryTerms_.emplace_back(entryTerms[e][k].first, postings_[entryTerms[e][k].first].back().weight);
        invNorms_.push_back(s > 0 ? 1.0f / std::sqrt(s) : 0.0f);
        heads_.push_back(entryTerms[e][0].first);
        entries_[e].target = entryTargets[e][0];
        entries_[e].firstTarget = static_cast<uint32_t>(targets_.size());
        if (entryTargets[e].size() > UINT16_MAX)
            throw std::runtime_error("too many ISCO codes for one label");
        entries_[e].targetCount = static_cast<uint16_t>(entryTargets[e].size());
        targets_.insert(targets_.end(), entryTargets[e].begin() + 1, entryTargets[e].end());
    }
    for (const auto& [term, id] : vocab_) {
        if (term.size() >= opt_.minPrefix)
            prefixes_[term.substr(0, opt_.minPrefix)].push_back(id);
        if (term.size() < kMinTypoLength)
            continue;
        for (size_t i = 0; i < term.size(); ++i)
            deletions_.emplace(term.substr(0, i) + term.substr(i + 1), id);
    }
}

float TitleMatcher::prior(LabelSource s) const
{
    switch (s) {
    case LabelSource::Referentiel:
        return opt_.priorReferentiel;
    case LabelSource::Rome:
        return opt_.priorRome;
    case LabelSource::Esco:
        return opt_.priorEsco;
    }
    return 1.0f;
}

// A known term sharing a long prefix with an unknown one ("ostreiculteur" → "ostreicol").
int TitleMatcher::prefixTerm(const std::string& term, size_t* edits) const
{
    if (term.size() < opt_.minPrefix + 1)
        return -1;
    auto it = prefixes_.find(term.substr(0, opt_.minPrefix));
    if (it == prefixes_.end())
        return -1;
    const size_t need = std::max(opt_.minPrefix, term.size() * 6 / 10);
    // Among the terms sharing enough of a prefix: the fewest edits to reach one of their beginnings
    // ("bibliothequair" is "bibliothecair", not "bibliothequ"; "jardini" is "jardinier", not
    // "jardin"), then the longest shared prefix, then the most used.
    int best = -1;
    size_t bestLen = 0, bestDistance = 0;
    for (uint32_t id : it->second) {
        size_t cp = commonPrefix(term, terms_[id]);
        if (cp < need)
            continue;
        const size_t d = prefixEditDistance(std::string_view(term).substr(cp), std::string_view(terms_[id]).substr(cp));
        if (best < 0 || d < bestDistance || (d == bestDistance && cp > bestLen) ||
            (d == bestDistance && cp == bestLen && postings_[id].size() > postings_[best].size())) {
            best = static_cast<int>(id);
            bestLen = cp;
            bestDistance = d;
        }
    }
    *edits = bestDistance;
    return best;
}

int TitleMatcher::termId(const std::string& term) const
{
    auto it = vocab_.find(term);
    return it == vocab_.end() ? -1 : static_cast<int>(it->second);
}

// A vocabulary term at edit distance one (insertion, deletion, substitution, transposition); two
// words sharing a one-letter deletion may be two edits apart ("plomier", "pompier"): checked.
int TitleMatcher::typoTerm(const std::string& term) const
{
    if (term.size() < kMinTypoLength)
        return -1;
    int best = -1;
    auto consider = [&](int id) {
        if (id >= 0 && (best < 0 || postings_[id].size() > postings_[best].size()) && withinOneEdit(term, terms_[id]))
            best = id;
    };
    auto range = deletions_.equal_range(term); // the user dropped a letter
    for (auto it = range.first; it != range.second; ++it)
        consider(static_cast<int>(it->second));
    for (size_t i = 0; i < term.size(); ++i) {
        std::string del = term.substr(0, i) + term.substr(i + 1);
        consider(termId(del));                // the user added a letter
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
            return result(it->second);
    }
    const Found f = compute(title);
    std::lock_guard<std::mutex> lock(cacheMutex_);
    if (cache_.size() >= kCacheLimit)
        cache_.clear();
    if (cache_.empty())
        cache_.reserve(4096);
    cache_.emplace(std::move(key), f);
    return result(f);
}

MatchResult TitleMatcher::result(const Found& f) const
{
    MatchResult r;
    if (f.label < 0)
        return r;
    const RefLabel& label = data_.labels[static_cast<size_t>(f.label)];
    r.bestCode = codes_[f.code];
    r.code = r.bestCode.substr(0, f.precision);
    r.label = label.text;
    r.source = sourceName(label.source);
    r.ref = label.ref;
    r.similarity = f.similarity;
    r.confidence = f.confidence;
    r.precision = f.precision;
    r.found = isFound(f);
    for (uint8_t k = 0; k < f.alternativeCount; ++k)
        r.alternatives.push_back({codes_[f.alternatives[k]], f.alternativeScores[k]});
    return r;
}

// Two jobs joined ("Agent d'accueil / standardiste", "Menuisier - ébéniste", "Agent d'entretien et
// de restauration"): the first one, unless the whole title agrees with it, or is surer with a label
// naming the first job only, more precisely ("Gardien / agent d'entretien gymnase": "Gardien de
// gymnase"). When the first is unknown: the surer of the whole title and the second. Joined by "et",
// the parts are read alone only when the whole title is not found at 4 digits or its label names the
// second job only.
TitleMatcher::Found TitleMatcher::compute(std::string_view title) const
{
    TitleNormalizer::GradeFound g;
    Found whole = computeOne(title, &g);
    if ((g.grade && !g.inside) || !opt_.splitPairs) // "Adjoint administratif - accueil": a grade, then the job
        return whole;
    const auto pair = norm_.jobPair(title);
    if (!pair)
        return whole;
    const bool wholeFound = isFound(whole);
    double coversFirst = -1, coversSecond = -1; // computed when needed
    auto namesFirstOnly = [&] {
        if (coversFirst < 0) {
            coversFirst = covers(whole, pair->first);
            coversSecond = covers(whole, pair->second);
        }
        return coversFirst >= 0.5 && coversSecond < 0.5;
    };
    auto namesSecondOnly = [&] {
        namesFirstOnly();
        return coversFirst < 0.5 && coversSecond >= 0.5;
    };
    if (pair->weak && wholeFound && whole.precision == 4 && !namesSecondOnly())
        return whole;
    Found first = computeOne(pair->first, nullptr);
    if (isFound(first)) {
        const bool keepWhole =
            whole.code == first.code || (whole.confidence >= first.confidence && wholeFound && namesFirstOnly());
        return wholeFound && whole.precision == 4 && keepWhole ? whole : first;
    }
    Found second = computeOne(pair->second, nullptr);
    return isFound(second) && (!wholeFound || second.confidence > whole.confidence) ? second : whole;
}

// Share of a part's known terms (by idf, its head boosted) that the best label of f has.
double TitleMatcher::covers(const Found& f, std::string_view part) const
{
    if (f.entry < 0)
        return 0;
    const Entry& e = entries_[static_cast<size_t>(f.entry)];
    const auto* begin = entryTerms_.data() + e.firstTerm;
    const auto* end = begin + e.terms;
    double all = 0, in = 0;
    const std::vector<WeightedTerm> terms = norm_.queryTerms(part);
    for (size_t k = 0; k < terms.size(); ++k) {
        const int id = termId(terms[k].term);
        if (id < 0)
            continue;
        const double w = idf_[id] * terms[k].weight * (k == 0 ? opt_.headBoost : 1.0f);
        all += w;
        if (std::any_of(begin, end, [&](const auto& et) { return et.first == static_cast<uint32_t>(id); }))
            in += w;
    }
    return all > 0 ? in / all : 0;
}

TitleMatcher::Found TitleMatcher::computeOne(std::string_view title, TitleNormalizer::GradeFound* grade) const
{
    TitleNormalizer::GradeFound own;
    TitleNormalizer::GradeFound& g = grade ? *grade : own;
    std::vector<WeightedTerm> written;
    std::vector<WeightedTerm> terms = norm_.queryTerms(title, &g, true, &written);
    if (!g.grade)
        return rank(terms, 0);
    const bool metier = !g.inside && gradeMetierKeys_.count(g.key) > 0; // the référentiel names a métier with the grade
    if (!g.job)
        return metier ? rank(terms, 0) : Found{}; // a grade alone says the status, not the job
    // "Grade - job" or a grade beside the job: the job, with the grade's catégorie. When the grade
    // may be the job itself ("Assistant socio-éducatif - CCAS", "Technicien informatique"),
    // reading it as written may fit better: the surer wins.
    Found asJob = rank(terms, categoryBits(g.categorie));
    if (!metier && !g.inside)
        return asJob;
    Found asWritten = rank(written, 0);
    // The job part picks one of the codes of the métier the grade names ("Professeur
    // d'enseignement artistique - danse": the dance teacher of a music-or-arts métier).
    if (isFound(asJob) && asJob.code != asWritten.code && asWritten.label >= 0 &&
        labelMetier_[static_cast<size_t>(asWritten.label)] >= 0) {
        const auto& codes = metierCodes_[static_cast<size_t>(labelMetier_[static_cast<size_t>(asWritten.label)])];
        if (std::any_of(codes.begin(), codes.end(), [&](const auto& c) { return c.first == asJob.code; }))
            return asJob;
    }
    return asWritten.confidence > asJob.confidence ? asWritten : asJob;
}

// The vocabulary term a title's term stands for: itself, else a typo ("jardiner" → jardinier), else
// the closest word sharing a long prefix; -1 for none. `factor` is lowered for a corrected term.
int TitleMatcher::knownTerm(const std::string& term, float& factor) const
{
    int id = termId(term);
    if (id >= 0)
        return id;
    // A typo that only drops the last letter ("jardini" → jardin) gives way to a known word that
    // begins like the term ("jardinier").
    size_t edits = 0;
    if ((id = typoTerm(term)) >= 0) {
        factor = opt_.typoFactor;
        if (id == termId(term.substr(0, term.size() - 1))) {
            const int prefix = prefixTerm(term, &edits);
            if (prefix >= 0 && edits == 0)
                id = prefix, factor = opt_.prefixFactor;
        }
    } else if ((id = prefixTerm(term, &edits)) >= 0) {
        factor = opt_.prefixFactor;
    }
    return id;
}

// Query terms: known or corrected, weighted by idf; unknown ones only count in the norm.
TitleMatcher::Query TitleMatcher::query(const std::vector<WeightedTerm>& terms) const
{
    Query q;
    q.terms.reserve(terms.size());
    for (size_t k = 0; k < terms.size(); ++k) {
        const float head = (k == 0 ? opt_.headBoost : 1.0f) * terms[k].weight;
        float factor = 1.0f;
        const int id = knownTerm(terms[k].term, factor);
        if (id < 0) {
            if (k == 0 || terms[k].weight >= 1.0f) // an unknown word of the context is a name: it says nothing
                q.norm2 += unknownIdf_ * unknownIdf_ * head * head;
            continue;
        }
        if (std::any_of(q.terms.begin(), q.terms.end(),
                        [&](const QueryTerm& t) { return t.id == static_cast<uint32_t>(id); }))
            continue;
        const float w = idf_[id] * head;
        q.terms.push_back({static_cast<uint32_t>(id), w * factor});
        q.norm2 += w * w;
    }
    return q;
}

// Work arrays of rank(), one set per thread: dense per entry and per code, with the lists of what
// was touched, to reset cheaply.
struct TitleMatcher::Scratch {
    std::vector<float> dot; // per entry: dot product, then similarity
    std::vector<uint32_t> touched;
    std::vector<float> best, second; // per code: best and second-best label scores
    std::vector<uint32_t> bestLabel, bestEntry, codesTouched;
    std::vector<std::pair<uint32_t, float>> ranked;
    float referentielBest = 0;     // score of the best référentiel label
    uint32_t referentielLabel = 0; // ... that label

    void prepare(size_t entries, size_t codes)
    {
        if (dot.size() != entries)
            dot.assign(entries, 0.0f);
        if (best.size() != codes) {
            best.assign(codes, 0.0f);
            second.assign(codes, 0.0f);
            bestLabel.assign(codes, 0);
            bestEntry.assign(codes, 0);
        }
        touched.clear();
        codesTouched.clear();
        referentielBest = 0;
    }
};

// Dot products of the query with every entry sharing a term, into sc.dot and sc.touched.
// Rare terms first (`terms` is sorted so). A frequent term ("agent", "responsable") only adds to
// labels that a rarer term already found: a label sharing nothing but that word cannot come first.
void TitleMatcher::addDotProducts(std::vector<QueryTerm>& terms, Scratch& sc) const
{
    std::sort(terms.begin(), terms.end(), [this](const QueryTerm& a, const QueryTerm& b) {
        return postings_[a.id].size() < postings_[b.id].size();
    });
    for (const QueryTerm& q : terms) {
        const bool onlyTouched = !sc.touched.empty() && postings_[q.id].size() > kFrequentTerm;
        if (onlyTouched && sc.touched.size() * 8 < postings_[q.id].size()) {
            // Cheaper to look for the term in the few labels already found than to walk its postings.
            for (uint32_t e : sc.touched) {
                const auto* t = entryTerms_.data() + entries_[e].firstTerm;
                for (const auto* end = t + entries_[e].terms; t != end; ++t)
                    if (t->first == q.id) {
                        sc.dot[e] += q.weight * t->second;
                        break;
                    }
            }
            continue;
        }
        for (const Posting& p : postings_[q.id]) {
            if (sc.dot[p.entry] == 0.0f) {
                if (onlyTouched)
                    continue;
                sc.touched.push_back(p.entry);
            }
            sc.dot[p.entry] += q.weight * p.weight;
        }
    }
}

// Turns the touched entries' dot products into cosine similarities; returns the best.
// Labels a one-word title may not match get -1 (always below the cut of codeScores).
float TitleMatcher::similarities(const Query& q, bool oneWord, bool vague, Scratch& sc) const
{
    const float invQnorm = 1.0f / std::sqrt(q.norm2);
    float bestSim = 0;
    for (uint32_t e : sc.touched) {
        const bool allowed = !(oneWord && heads_[e] != q.terms[0].id) && !(vague && !entries_[e].referentielWord);
        const float sim = allowed ? sc.dot[e] * invQnorm * invNorms_[e] : -1.0f;
        sc.dot[e] = sim;
        bestSim = std::max(bestSim, sim);
    }
    return bestSim;
}

// Per ISCO code: best and second-best label scores (the second adds support), from the targets of
// the labels close enough to the best; clears sc.dot.
// A label below kFarBelow × the best cannot give the best code (even with its support); skipping
// it only drops a little support or a distant runner-up, which moves some confidences slightly
// (about 0.1 % of found/not found flips over 37 000 reference titles; eval and calibration unchanged).
// It makes distinct titles ~15 % faster.
// A label heading a service (by its head word) is less likely for a worker's title; for the title
// of a head of service, a label is less likely unless it heads a service too and, when it does not
// come from the référentiel, has a managerial code (ROME and ESCO often give "Responsable X" the
// specialist's code).
void TitleMatcher::codeScores(float bestSim, uint8_t grade, bool manager, Scratch& sc) const
{
    const float cut = bestSim * kFarBelow;
    for (uint32_t e : sc.touched) {
        const float sim = sc.dot[e];
        sc.dot[e] = 0.0f;
        if (sim < cut)
            continue;
        const Entry& entry = entries_[e];
        const Target* more = targets_.data() + entry.firstTarget;
        for (uint32_t k = 0; k < entry.targetCount; ++k) {
            const Target& t = k == 0 ? entry.target : more[k - 1];
            const float role = entry.manager != manager                     ? opt_.roleMismatch
                               : manager && !t.referentiel && !t.managerial ? opt_.notManagerial
                                                                            : 1.0f;
            // A grade says the level: a métier of another catégorie is less likely.
            const float s =
                sim * role * t.weight * (grade && t.categories && !(t.categories & grade) ? kOtherCategorie : 1.0f);
            if (t.referentiel && s > sc.referentielBest) {
                sc.referentielBest = s;
                sc.referentielLabel = t.label;
            }
            if (sc.best[t.code] == 0.0f && sc.second[t.code] == 0.0f)
                sc.codesTouched.push_back(t.code);
            if (s > sc.best[t.code]) {
                sc.second[t.code] = sc.best[t.code];
                sc.best[t.code] = s;
                sc.bestLabel[t.code] = t.label;
                sc.bestEntry[t.code] = e;
            } else if (s > sc.second[t.code]) {
                sc.second[t.code] = s;
            }
        }
    }
}

// The best code of the touched ones, its digits agreed by near-ties, and the confidence from its
// lead over the runner-up, lowered when the référentiel's métier for the same words gives another
// code; then the alternatives. Clears the per-code arrays.
TitleMatcher::Found TitleMatcher::pickCode(float bestSim, Scratch& sc) const
{
    std::vector<std::pair<uint32_t, float>>& ranked = sc.ranked;
    ranked.clear();
    for (uint32_t c : sc.codesTouched)
        ranked.emplace_back(c, std::min(1.0f, sc.best[c] + opt_.supportBonus * sc.second[c] * (1.0f - sc.best[c])));
    // Best codes first (ties: smallest code); only the few needed are sorted.
    auto better = [this](const std::pair<uint32_t, float>& a, const std::pair<uint32_t, float>& b) {
        return a.second != b.second ? a.second > b.second : codes_[a.first] < codes_[b.first];
    };
    const size_t top = std::min(ranked.size(), kMaxAlternatives + 1);
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(top), ranked.end(), better);
    const uint32_t bestLabelOf0 = sc.bestLabel[ranked[0].first];
    const uint32_t bestEntryOf0 = sc.bestEntry[ranked[0].first];
    for (uint32_t c : sc.codesTouched)
        sc.best[c] = sc.second[c] = 0.0f;
    const float s1 = ranked[0].second;
    const float s2 = ranked.size() > 1 ? ranked[1].second : 0.0f;

    // Near-ties that disagree: keep only the digits they share.
    size_t prefix = 4;
    for (size_t i = 1; i < ranked.size(); ++i)
        if (ranked[i].second >= s1 * 0.985f)
            prefix = std::min(prefix, commonPrefix(codes_[ranked[0].first], codes_[ranked[i].first]));

    const double ratio = s1 > 0 ? s2 / s1 : 1.0;
    Found result;
    result.label = static_cast<int32_t>(bestLabelOf0);
    result.entry = static_cast<int32_t>(bestEntryOf0);
    result.code = ranked[0].first;
    result.precision = static_cast<int>(prefix);
    result.confidence = calibrate(static_cast<double>(s1) * (1.0 - 0.5 * ratio * ratio));
    result.similarity = bestSim;
    // The référentiel's métier for nearly the same words gives another code: less sure.
    if (data_.labels[bestLabelOf0].source != LabelSource::Referentiel &&
        sc.referentielBest >= opt_.nearReferentiel * s1) {
        const int32_t m = labelMetier_[sc.referentielLabel];
        const uint32_t code = ranked[0].first;
        if (m >= 0 &&
            std::none_of(metierCodes_[static_cast<size_t>(m)].begin(), metierCodes_[static_cast<size_t>(m)].end(),
                         [&](const auto& c) { return c.first == code; }))
            result.confidence *= opt_.disagreement;
    }
    addAlternatives(result, ranked);
    return result;
}

// Up to kMaxAlternatives other codes: first the other codes of the chosen label's métier, by their
// weight in it (scored as that share of the best), then the runners-up scoring at least
// kAlternativeShare of the best, best first.
void TitleMatcher::addAlternatives(Found& f, const std::vector<std::pair<uint32_t, float>>& ranked) const
{
    const float s1 = ranked[0].second;
    std::pair<uint32_t, float> alt[2 * kMaxAlternatives];
    size_t n = 0;
    if (const int32_t m = labelMetier_[static_cast<size_t>(f.label)]; m >= 0) {
        const auto& codes = metierCodes_[static_cast<size_t>(m)];
        for (const auto& [code, w] : codes)
            if (code != f.code && codes.front().second > 0 && n < kMaxAlternatives)
                alt[n++] = {code, s1 * w / codes.front().second};
    }
    const size_t top = std::min(ranked.size(), kMaxAlternatives + 1);
    for (size_t i = 1; i < top; ++i)
        if (ranked[i].second >= kAlternativeShare * s1 &&
            std::none_of(alt, alt + n, [&](const auto& a) { return a.first == ranked[i].first; }))
            alt[n++] = ranked[i];
    for (size_t k = 0; k < n && f.alternativeCount < kMaxAlternatives; ++k) {
        f.alternatives[f.alternativeCount] = alt[k].first;
        f.alternativeScores[f.alternativeCount++] = s1 > 0 ? std::min(1.0f, alt[k].second / s1) : 0.0f;
    }
}

TitleMatcher::Found TitleMatcher::rank(const std::vector<WeightedTerm>& terms, uint8_t grade) const
{
    if (terms.empty())
        return {};
    Query q = query(terms);
    if (q.terms.empty())
        return {};
    // A one-word title must name the job itself: a frequent word alone ("Agent", "Responsable")
    // is too vague, and the word must head the label it matches ("Bibliothécaire", not "test" in
    // "Opérateur de test").
    // A frequent word is accepted alone only as a one-word métier of the référentiel ("Secrétaire").
    const bool oneWord = terms.size() == 1;
    const bool vague = oneWord && postings_[q.terms[0].id].size() * 100 > entries_.size();

    // Cosine similarity of weighted term vectors, then the best code of the labels found.
    thread_local Scratch sc;
    sc.prepare(entries_.size(), codes_.size());
    addDotProducts(q.terms, sc);
    const float bestSim = similarities(q, oneWord, vague, sc);
    codeScores(bestSim, grade, norm_.leadsService(terms), sc);
    if (sc.codesTouched.empty())
        return {};
    return pickCode(bestSim, sc);
}

} // namespace cartoia
