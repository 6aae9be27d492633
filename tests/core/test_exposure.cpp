// SPDX-License-Identifier: MPL-2.0
// ExposureDb API: code parsing, roll-ups, unscored codes, measure names, labels.
#include "cartoia/exposure.hpp"
#include "cartoia/text_util.hpp"
#include "test_support.hpp"

#include <algorithm>
#include <stdexcept>

#include <gtest/gtest.h>

using namespace cartoia;

namespace {

const ExposureDb& db() { return test::sharedData().exposure; }

const char* const kUnscored[] = {"0110", "0210", "0310", "1439", "3139", "3435", "5249", "7319", "8189"};

} // namespace

TEST(ExposureCodes, ResolveWellFormedCodes)
{
    EXPECT_EQ(db().resolveCode("4110"), "4110");
    EXPECT_EQ(db().resolveCode(" 4110 "), "4110");
    EXPECT_EQ(db().resolveCode("\xC2\xA0"
                               "4110"),
              "4110"); // NBSP from a pasted cell
    EXPECT_EQ(db().resolveCode("41"), "41");
    EXPECT_EQ(db().resolveCode("4"), "4");
    EXPECT_EQ(db().resolveCode("0110"), "0110");
    EXPECT_EQ(db().resolveCode("110"), "0110"); // number cell lost the leading zero
    EXPECT_EQ(db().resolveCode("11"), "11");    // a real sub-major group, no zero added
}

TEST(ExposureCodes, UnknownOrEmptyCodesAreNone)
{
    EXPECT_EQ(db().resolveCode("9999"), std::nullopt);
    EXPECT_EQ(db().resolveCode(""), std::nullopt);
    EXPECT_EQ(db().resolveCode("   "), std::nullopt);
    EXPECT_TRUE(db().exposure("9999", Measure::Mean, Edition::Y2025).isNone());
    EXPECT_TRUE(db().exposure("", Measure::Mean, Edition::Y2025).isNone());
    EXPECT_TRUE(db().label("9999", true).isNone());
    EXPECT_TRUE(db().label("", false).isNone());
}

TEST(ExposureCodes, MalformedCodesThrow)
{
    for (const char* bad : {"41.5", "abc", "12345", "-411", "4110a", "41 10", "+411"}) {
        EXPECT_THROW(db().resolveCode(bad), InvalidArgument) << bad;
        EXPECT_THROW(db().exposure(bad, Measure::Mean, Edition::Y2025), InvalidArgument) << bad;
        EXPECT_THROW(db().label(bad, true), InvalidArgument) << bad;
    }
}

TEST(ExposureCodes, TrimmedCodeGivesSameScore)
{
    Value a = db().exposure("4110", Measure::Mean, Edition::Y2025);
    Value b = db().exposure(" 4110 ", Measure::Mean, Edition::Y2025);
    ASSERT_EQ(a.kind, Value::Kind::Number);
    ASSERT_EQ(b.kind, Value::Kind::Number);
    EXPECT_DOUBLE_EQ(a.number, 0.60);
    EXPECT_DOUBLE_EQ(b.number, a.number);
}

TEST(ExposureCodes, ArmedForcesExistButAreUnscored)
{
    EXPECT_NE(db().group("0110"), nullptr);
    EXPECT_EQ(db().occupation("0110"), nullptr);
    EXPECT_TRUE(db().exposure("0110", Measure::Mean, Edition::Y2025).isNone());
    EXPECT_TRUE(db().exposure("110", Measure::Mean, Edition::Y2023).isNone());
    EXPECT_FALSE(db().label("110", false).isNone());
}

TEST(ExposureCodes, UnscoredCodesHaveTitlesButNoScores)
{
    for (const char* code : kUnscored) {
        SCOPED_TRACE(code);
        for (Edition e : {Edition::Y2023, Edition::Y2025}) {
            EXPECT_TRUE(db().exposure(code, Measure::Mean, e).isNone());
            EXPECT_TRUE(db().exposure(code, Measure::Max, e).isNone());
            EXPECT_TRUE(db().exposure(code, Measure::Level, e).isNone());
        }
        Value fr = db().label(code, true), en = db().label(code, false);
        ASSERT_EQ(fr.kind, Value::Kind::Text);
        ASSERT_EQ(en.kind, Value::Kind::Text);
        EXPECT_FALSE(fr.text.empty());
        EXPECT_FALSE(en.text.empty());
    }
}

TEST(ExposureCodes, AllIscoUnitGroupsAreKnown)
{
    // 427 scored + 9 unscored = 436 unit groups (SOURCES.md).
    size_t units = 0;
    for (const IscoGroup& g : db().groups())
        units += g.code.size() == 4;
    EXPECT_EQ(units, 436u);
}

TEST(ExposureRollUp, OnlyMeanAndMaxOnShortCodes)
{
    for (const char* code : {"4", "41", "411"}) {
        SCOPED_TRACE(code);
        for (Edition e : {Edition::Y2023, Edition::Y2025}) {
            EXPECT_EQ(db().exposure(code, Measure::Mean, e).kind, Value::Kind::Number);
            EXPECT_EQ(db().exposure(code, Measure::Max, e).kind, Value::Kind::Number);
            for (Measure m : {Measure::Sd, Measure::Category, Measure::CategoryEn, Measure::Level, Measure::Tasks})
                EXPECT_TRUE(db().exposure(code, m, e).isNone());
        }
    }
}

TEST(ExposureRollUp, ArmedForcesRollUpsAreNone)
{
    // Groups 0, 01, 011 exist but no unit group below them is scored.
    for (const char* code : {"0", "01", "011"}) {
        EXPECT_TRUE(db().exposure(code, Measure::Mean, Edition::Y2025).isNone()) << code;
        EXPECT_TRUE(db().exposure(code, Measure::Max, Edition::Y2025).isNone()) << code;
    }
}

TEST(ExposureRollUp, MaxOfAUnitGroupIsItsHighestTask)
{
    const Occupation* o = db().occupation("4110");
    ASSERT_NE(o, nullptr);
    double best = 0;
    for (const Task& t : o->tasks)
        best = std::max(best, t.score2025);
    EXPECT_DOUBLE_EQ(db().exposure("4110", Measure::Max, Edition::Y2025).number, best);
    EXPECT_DOUBLE_EQ(o->maxTask(Edition::Y2025), best);
}

// Option keywords (AI_EXPOSURE "mesure", ISCO_MAP "champ"…) are matched on this key; the accepted
// words themselves are in registry/functions.json (golden sheets check them through Calc).
TEST(KeywordKey, FoldsCaseAccentsSpacesAndSeparators)
{
    EXPECT_EQ(cartoia::keywordKey("\xC3\x89"
                                  "CART-TYPE"),
              "ecart type"); // ÉCART-TYPE
    EXPECT_EQ(cartoia::keywordKey("Catégorie-EN"), "categorie en");
    EXPECT_EQ(cartoia::keywordKey("nb_tâches"), "nb taches");
    EXPECT_EQ(cartoia::keywordKey(" Max "), "max");
    EXPECT_EQ(cartoia::keywordKey("moyennes"), "moyennes");
    EXPECT_EQ(cartoia::keywordKey(""), "");
}

TEST(ExposureMeasures, EditionFromYear)
{
    EXPECT_EQ(editionFromYear(2023), Edition::Y2023);
    EXPECT_EQ(editionFromYear(2025), Edition::Y2025);
    EXPECT_EQ(editionFromYear(2024), std::nullopt);
    EXPECT_EQ(editionFromYear(2023.5), std::nullopt);
    EXPECT_EQ(editionFromYear(0), std::nullopt);
    EXPECT_EQ(editionYear(Edition::Y2023), 2023);
    EXPECT_EQ(editionYear(Edition::Y2025), 2025);
}

TEST(ExposureMeasures, CategoryLabels)
{
    EXPECT_EQ(levelCount(Edition::Y2023), 4);
    EXPECT_EQ(levelCount(Edition::Y2025), 6);
    EXPECT_EQ(categoryLabel(Edition::Y2025, 0, true), "Non exposé");
    EXPECT_EQ(categoryLabel(Edition::Y2025, 0, false), "Not Exposed");
    EXPECT_EQ(categoryLabel(Edition::Y2025, 1, false), "Minimal Exposure");
    EXPECT_EQ(categoryLabel(Edition::Y2025, 5, true), "Exposé – gradient 4");
    EXPECT_EQ(categoryLabel(Edition::Y2025, 5, false), "Exposed: Gradient 4");
    EXPECT_EQ(categoryLabel(Edition::Y2023, 0, false), "Not affected");
    EXPECT_EQ(categoryLabel(Edition::Y2023, 2, true), "Grande inconnue");
    EXPECT_EQ(categoryLabel(Edition::Y2023, 3, false), "Automation Potential");
    EXPECT_THROW(categoryLabel(Edition::Y2023, 4, true), std::out_of_range);
    EXPECT_THROW(categoryLabel(Edition::Y2025, -1, false), std::out_of_range);
}

TEST(ExposureMeasures, LevelFromIloLabel)
{
    EXPECT_EQ(levelFromIloLabel(Edition::Y2023, "The Big Uknown"), 2); // upstream typo
    EXPECT_EQ(levelFromIloLabel(Edition::Y2023, "The Big Unknown"), 2);
    EXPECT_EQ(levelFromIloLabel(Edition::Y2025, "Exposed: Gradient 3"), 4);
    EXPECT_EQ(levelFromIloLabel(Edition::Y2025, "Not affected"), -1); // wrong edition
    EXPECT_EQ(levelFromIloLabel(Edition::Y2025, "Exposed: Gradient 5"), -1);
}

TEST(ExposureMeasures, CategoryOf4110)
{
    // 4110: mean 0.60 → Gradient 4 in 2025 (SOURCES.md).
    EXPECT_EQ(db().exposure("4110", Measure::Level, Edition::Y2025).number, 5);
    EXPECT_EQ(db().exposure("4110", Measure::Category, Edition::Y2025).text, "Exposé – gradient 4");
    EXPECT_EQ(db().exposure("4110", Measure::CategoryEn, Edition::Y2025).text, "Exposed: Gradient 4");
}

TEST(ExposureLabels, FrenchAndEnglish)
{
    EXPECT_EQ(db().label("4110", true).text, "Employés de bureau, fonctions générales");
    EXPECT_EQ(db().label("4110", false).text, "General office clerks");
    EXPECT_EQ(db().label("41", true).text, "Employés de bureau");
    EXPECT_EQ(db().label("41", false).text, "General and keyboard clerks");
    EXPECT_EQ(db().label("4", true).text, "Employés de type administratif");
    EXPECT_EQ(db().label("4", false).text, "Clerical support workers");
    EXPECT_EQ(db().label(" 4110 ", true).kind, Value::Kind::Text);
}
