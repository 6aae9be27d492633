// SPDX-License-Identifier: MPL-2.0
// ExposureDb from the compiled data file, checked row by row against the ILO occupation CSV.
#include "cartoia/csv.hpp"
#include "cartoia/exposure.hpp"
#include "test_support.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include <gtest/gtest.h>

using namespace cartoia;

namespace {

const CsvTable& iloTable()
{
    static const CsvTable t = CsvTable::fromFile(test::sourcePath("data/ilo/ilo_genai_occupation_scores.csv"));
    return t;
}

double num(const CsvRow& r, const char* column) { return std::stod(CsvTable::field(r, iloTable().column(column))); }

const std::string& text(const CsvRow& r, const char* column) { return CsvTable::field(r, iloTable().column(column)); }

// Levels as written in the CSV, mapped by hand (independent of levelFromIloLabel).
int expectedLevel2025(const std::string& category)
{
    static const std::map<std::string, int> m = {{"Not Exposed", 0},         {"Minimal Exposure", 1},
                                                 {"Exposed: Gradient 1", 2}, {"Exposed: Gradient 2", 3},
                                                 {"Exposed: Gradient 3", 4}, {"Exposed: Gradient 4", 5}};
    auto it = m.find(category);
    return it == m.end() ? -1 : it->second;
}

int expectedLevel2023(const std::string& category)
{
    static const std::map<std::string, int> m = {
        {"Not affected", 0}, {"Augmentation Potential", 1}, {"The Big Unknown", 2}, {"Automation Potential", 3}};
    auto it = m.find(category);
    return it == m.end() ? -1 : it->second;
}

// "Category rules" of data/ilo/SOURCES.md, on the published 2-decimal values.
int ruleLevel2025(double m, double s)
{
    if (m + s < 0.40)
        return 0;
    if (m + s < 0.50)
        return 1;
    if (m < 0.40)
        return 2;
    if (m < 0.50)
        return 3;
    if (m < 0.60)
        return 4;
    return 5;
}

int ruleLevel2023(double m, double s)
{
    if (m < 0.40)
        return m + s > 0.50 ? 1 : 0;
    return m - s > 0.50 ? 3 : 2;
}

double number(const Value& v)
{
    EXPECT_EQ(v.kind, Value::Kind::Number);
    return v.number;
}

} // namespace

TEST(ExposureData, HasAllScoredOccupations)
{
    EXPECT_EQ(iloTable().rows().size(), 427u);
    EXPECT_EQ(test::sharedData().exposure.occupations().size(), 427u);
}

TEST(ExposureData, EveryRowMatchesTheCsv)
{
    const ExposureDb& db = test::sharedData().exposure;
    int checked = 0;
    for (const CsvRow& r : iloTable().rows()) {
        const std::string& code = text(r, "isco08");
        SCOPED_TRACE(code);
        ASSERT_NE(db.occupation(code), nullptr);
        EXPECT_DOUBLE_EQ(number(db.exposure(code, Measure::Mean, Edition::Y2023)), num(r, "mean_2023"));
        EXPECT_DOUBLE_EQ(number(db.exposure(code, Measure::Sd, Edition::Y2023)), num(r, "sd_2023"));
        EXPECT_DOUBLE_EQ(number(db.exposure(code, Measure::Mean, Edition::Y2025)), num(r, "mean_2025"));
        EXPECT_DOUBLE_EQ(number(db.exposure(code, Measure::Sd, Edition::Y2025)), num(r, "sd_2025"));

        const int l23 = expectedLevel2023(text(r, "category_2023"));
        const int l25 = expectedLevel2025(text(r, "category_2025"));
        ASSERT_GE(l23, 0) << text(r, "category_2023");
        ASSERT_GE(l25, 0) << text(r, "category_2025");
        EXPECT_EQ(number(db.exposure(code, Measure::Level, Edition::Y2023)), l23);
        EXPECT_EQ(number(db.exposure(code, Measure::Level, Edition::Y2025)), l25);
        // The English label is the ILO's own wording.
        EXPECT_EQ(db.exposure(code, Measure::CategoryEn, Edition::Y2023).text, text(r, "category_2023"));
        EXPECT_EQ(db.exposure(code, Measure::CategoryEn, Edition::Y2025).text, text(r, "category_2025"));
        EXPECT_EQ(db.exposure(code, Measure::Category, Edition::Y2025).text, categoryLabel(Edition::Y2025, l25, true));

        EXPECT_EQ(number(db.exposure(code, Measure::Tasks, Edition::Y2025)), num(r, "n_tasks"));
        EXPECT_EQ(number(db.exposure(code, Measure::Tasks, Edition::Y2023)), num(r, "n_tasks"));
        EXPECT_NEAR(number(db.exposure(code, Measure::Max, Edition::Y2025)), num(r, "max_task_2025"), 1e-9);
        ++checked;
    }
    EXPECT_EQ(checked, 427);
}

TEST(ExposureData, CategoryRulesReproduceEveryLevel)
{
    const ExposureDb& db = test::sharedData().exposure;
    int agree2025 = 0, agree2023 = 0;
    for (const CsvRow& r : iloTable().rows()) {
        const std::string& code = text(r, "isco08");
        int rule25 = ruleLevel2025(num(r, "mean_2025"), num(r, "sd_2025"));
        int rule23 = ruleLevel2023(num(r, "mean_2023"), num(r, "sd_2023"));
        int lvl25 = static_cast<int>(db.exposure(code, Measure::Level, Edition::Y2025).number);
        int lvl23 = static_cast<int>(db.exposure(code, Measure::Level, Edition::Y2023).number);
        EXPECT_EQ(rule25, lvl25) << code;
        EXPECT_EQ(rule23, lvl23) << code;
        agree2025 += rule25 == lvl25;
        agree2023 += rule23 == lvl23;
    }
    EXPECT_EQ(agree2025, 427);
    EXPECT_EQ(agree2023, 427);
}

TEST(ExposureData, FloatEdgeCasesOfTheRules)
{
    // SOURCES.md: 0.36+0.04 and 0.29+0.11 fall just below 0.40, 0.34+0.06 does not.
    const ExposureDb& db = test::sharedData().exposure;
    for (const char* code : {"1213", "3134", "3152"})
        EXPECT_EQ(db.exposure(code, Measure::Level, Edition::Y2025).number, 0) << code;
    EXPECT_EQ(db.exposure("1323", Measure::Level, Edition::Y2025).number, 1);
}

TEST(ExposureData, CategoryCountsMatchSources)
{
    // Counts published in data/ilo/SOURCES.md.
    const int expected2025[6] = {231, 84, 17, 44, 38, 13};
    const int expected2023[4] = {262, 63, 82, 20};
    int got2025[6] = {}, got2023[4] = {};
    for (const Occupation& o : test::sharedData().exposure.occupations()) {
        ASSERT_TRUE(o.level[1] >= 0 && o.level[1] < 6);
        ASSERT_TRUE(o.level[0] >= 0 && o.level[0] < 4);
        ++got2025[o.level[1]];
        ++got2023[o.level[0]];
    }
    for (int i = 0; i < 6; ++i)
        EXPECT_EQ(got2025[i], expected2025[i]) << "2025 level " << i;
    for (int i = 0; i < 4; ++i)
        EXPECT_EQ(got2023[i], expected2023[i]) << "2023 level " << i;
}

TEST(ExposureData, RollUpMeansAreUnweightedMeansOfUnitGroups)
{
    const ExposureDb& db = test::sharedData().exposure;
    for (const std::string prefix : {"41", "4", "411", "2"}) {
        for (Edition e : {Edition::Y2023, Edition::Y2025}) {
            const char* column = e == Edition::Y2023 ? "mean_2023" : "mean_2025";
            double sum = 0, best = -1;
            int n = 0;
            for (const CsvRow& r : iloTable().rows()) {
                if (text(r, "isco08").compare(0, prefix.size(), prefix) != 0)
                    continue;
                sum += num(r, column);
                ++n;
                if (e == Edition::Y2025)
                    best = std::max(best, num(r, "max_task_2025"));
            }
            ASSERT_GT(n, 0) << prefix;
            SCOPED_TRACE(prefix + " " + std::to_string(editionYear(e)));
            EXPECT_NEAR(number(db.exposure(prefix, Measure::Mean, e)), sum / n, 1e-12);
            if (e == Edition::Y2025) {
                EXPECT_NEAR(number(db.exposure(prefix, Measure::Max, e)), best, 1e-9);
            }
        }
    }
}

TEST(ExposureData, RollUpOf41ByHand)
{
    // 4110 0.60, 4120 0.58, 4131 0.65, 4132 0.70 (mean_2025 in the CSV).
    Value v = test::sharedData().exposure.exposure("41", Measure::Mean, Edition::Y2025);
    ASSERT_EQ(v.kind, Value::Kind::Number);
    EXPECT_NEAR(v.number, (0.60 + 0.58 + 0.65 + 0.70) / 4, 1e-12);
}
