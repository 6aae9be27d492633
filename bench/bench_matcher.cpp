// SPDX-License-Identifier: MPL-2.0
// Throughput of the core title matcher, single thread (not a test: prints numbers, asserts nothing).
// Baseline measured in the same run: ICU folding of the same titles, character by character through
// ICU (detail::foldTextIcu; the least a matcher built on ICU must do).
#include "cartoia/csv.hpp"
#include "cartoia/reference_data.hpp"
#include "cartoia/text_fold.hpp"
#include "cartoia/title_matcher.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

using namespace cartoia;
using Clock = std::chrono::steady_clock;

namespace {

double seconds(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

template <class F>
double timeIt(F&& f)
{
    auto t0 = Clock::now();
    f();
    return seconds(t0, Clock::now());
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: cartoia-bench-matcher DATA.json STAFF.csv [ROME.csv]\n");
        return 2;
    }
    ReferenceData data;
    double tLoad = timeIt([&] { data = loadReferenceData(argv[1]); });

    // Titles of the sample commune (with repeats, like a real staff table)...
    std::vector<std::string> staff;
    for (const CsvRow& r : parseCsv(readFile(argv[2]), ';'))
        if (r.size() > 1)
            staff.push_back(r[1]);
    staff.erase(staff.begin()); // header
    // ...and distinct titles nobody has asked before (ROME appellations), to measure real work.
    std::vector<std::string> distinct;
    if (argc > 3) {
        CsvTable rome = CsvTable::fromFile(argv[3]);
        size_t c = rome.column("libelle_appellation_v460");
        for (const CsvRow& r : rome.rows())
            distinct.push_back(CsvTable::field(r, c) + " H/F");
    }

    std::unique_ptr<TitleMatcher> m;
    double tIndex = timeIt([&] { m = std::make_unique<TitleMatcher>(data); });

    volatile size_t sink = 0;
    // Distinct titles: five rounds, each with a new matcher (empty cache); the median round is
    // reported (this machine's speed varies from one second to the next).
    std::vector<double> foldRounds, matchRounds;
    for (int round = 0; round < 5; ++round) {
        foldRounds.push_back(timeIt([&] {
            for (const std::string& t : distinct)
                sink = sink + detail::foldTextIcu(t).size();
        }));
        if (round > 0)
            m = std::make_unique<TitleMatcher>(data);
        matchRounds.push_back(timeIt([&] {
            for (const std::string& t : distinct)
                sink = sink + m->match(t).code.size();
        }));
    }
    std::sort(foldRounds.begin(), foldRounds.end());
    std::sort(matchRounds.begin(), matchRounds.end());
    const double tFoldDistinct = foldRounds[2], tDistinct = matchRounds[2];
    const int rounds = 100;
    double tFoldStaff = timeIt([&] {
        for (int k = 0; k < rounds; ++k)
            for (const std::string& t : staff)
                sink = sink + detail::foldTextIcu(t).size();
    });
    double tStaff = timeIt([&] {
        for (int k = 0; k < rounds; ++k)
            for (const std::string& t : staff)
                sink = sink + m->match(t).code.size();
    });

    std::printf("data load %.0f ms, index build %.0f ms (%zu labels)\n", tLoad * 1e3, tIndex * 1e3, data.labels.size());
    if (!distinct.empty())
        std::printf("distinct titles (no cache, median of 5 rounds): %zu titles, %.0f titles/s (rounds %.0f–%.0f); "
                    "ICU folding alone %.0f titles/s; ratio matcher/folding %.1f\n",
                    distinct.size(), distinct.size() / tDistinct, distinct.size() / matchRounds.back(),
                    distinct.size() / matchRounds.front(), distinct.size() / tFoldDistinct, tDistinct / tFoldDistinct);
    std::printf("staff table (1 000 titles × %d, cached): %.0f titles/s; ICU folding alone %.0f titles/s; "
                "ratio %.2f\n",
                rounds, staff.size() * rounds / tStaff, staff.size() * rounds / tFoldStaff, tStaff / tFoldStaff);
    return sink == 42 ? 1 : 0;
}
