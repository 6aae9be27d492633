// SPDX-License-Identifier: MPL-2.0
// Fuzzes job-title normalisation and matching on the shipped reference data:
// foldText (table fast path against ICU), trimText, TitleNormalizer (weighted terms, key, stem),
// TitleMatcher::match with the ISCO matcher and the référentiel-only one (METIER_MAP), and user
// overrides. Input: a title; "title<TAB>code" also adds that override first.
// The data file is loaded once in LLVMFuzzerInitialize from $CARTOIA_DATA_FILE, else the path
// compiled in (build-fuzz/data/cartoia-data.json).
#include "cartoia/text_fold.hpp"
#include "cartoia/title_matcher.hpp"
#include "cartoia/title_normalizer.hpp"
#include "fuzz_support.hpp"

#include <cmath>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

using namespace cartoia;

namespace {

const TitleMatcher* gMatcher = nullptr;       // ISCO_MAP
const TitleMatcher* gMetierMatcher = nullptr; // METIER_MAP

bool allDigits(const std::string& s)
{
    for (char c : s)
        if (c < '0' || c > '9')
            return false;
    return true;
}

void checkResult(const MatchResult& r)
{
    FUZZ_CHECK(!std::isnan(r.confidence) && r.confidence >= 0 && r.confidence <= 1);
    if (!r.found)
        return;
    FUZZ_CHECK(r.confidence >= TitleMatcher::kConfidenceFloor || r.source == "utilisateur");
    FUZZ_CHECK(r.precision >= 1 && r.precision <= 4);
    FUZZ_CHECK(r.code.size() == static_cast<size_t>(r.precision) && allDigits(r.code));
    FUZZ_CHECK(r.bestCode.compare(0, r.code.size(), r.code) == 0);
    FUZZ_CHECK(!r.source.empty());
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    const ReferenceData& data = fuzz::referenceData();
    gMatcher = new TitleMatcher(data);
    MatcherOptions referentielOnly;
    referentielOnly.referentielOnly = true;
    gMetierMatcher = new TitleMatcher(data, referentielOnly);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string input(reinterpret_cast<const char*>(data), size);
    const size_t tab = input.find('\t');
    const std::string title = tab == std::string::npos ? input : input.substr(0, tab);

    // Folding: the cached table and the fast ASCII path must agree with ICU.
    FUZZ_CHECK(foldText(input) == detail::foldTextIcu(input));
    (void)trimText(input);

    const TitleNormalizer& norm = gMatcher->normalizer();
    for (bool swap : {true, false}) {
        TitleNormalizer::GradeFound grade;
        const std::vector<WeightedTerm> terms = norm.weightedTerms(title, &grade, swap);
        std::set<std::string> seen;
        for (const WeightedTerm& t : terms) {
            FUZZ_CHECK(!t.term.empty());
            FUZZ_CHECK(seen.insert(t.term).second); // no duplicates
            FUZZ_CHECK(std::isfinite(t.weight) && t.weight > 0);
            (void)TitleNormalizer::stem(t.term);
        }
        FUZZ_CHECK(!grade.job || grade.grade);
    }
    (void)norm.terms(title);
    const std::string key = norm.key(title);
    FUZZ_CHECK(norm.key(title) == key);

    const MatchResult r = gMatcher->match(title);
    checkResult(r);
    checkResult(gMatcher->match(title)); // second time from the cache
    const MatchResult m = gMetierMatcher->match(title);
    checkResult(m);
    if (m.found)
        FUZZ_CHECK(m.source == "référentiel");

    if (tab != std::string::npos) {
        Overrides overrides(norm);
        const std::string code = input.substr(tab + 1);
        if (overrides.add(title, code)) {
            const MatchResult o = gMatcher->match(title, &overrides);
            checkResult(o);
            FUZZ_CHECK(o.found && o.source == "utilisateur");
            FUZZ_CHECK(o.code == trimText(code));
        }
    }
    return 0;
}
