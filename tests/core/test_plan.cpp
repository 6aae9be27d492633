// SPDX-License-Identifier: MPL-2.0
#include "test_support.hpp"

#include "cartoia/plan.hpp"

#include <map>

#include <gtest/gtest.h>

using namespace cartoia;
using cartoia::test::sharedData;

namespace {
const char* kNoDirection = "(sans direction)";

// Codes of the shipped data chosen by class under the 2025 rule, so that the tests do not depend
// on particular scores.
std::string codeOfClass(int wanted)
{
    const ExposureDb& db = sharedData().exposure;
    for (const Occupation& o : db.occupations())
        if (studyClassIndex(db, o.code, Edition::Y2025) == wanted && !o.tasks.empty())
            return o.code;
    return {};
}
} // namespace

TEST(StudyClassIndex, FollowsTheEditionRule)
{
    const ExposureDb& db = sharedData().exposure;
    EXPECT_EQ(studyClassIndex(db, "", Edition::Y2025), -1);
    EXPECT_EQ(studyClassIndex(db, "41", Edition::Y2025), -1); // roll-up code: no level
    EXPECT_EQ(studyClassIndex(db, "9999", Edition::Y2025), -1);
    const Occupation* clerks = db.occupation("4110");
    ASSERT_NE(clerks, nullptr);
    EXPECT_EQ(studyClassIndex(db, "4110", Edition::Y2023), clerks->level[0]); // 2023: one class per category
    EXPECT_GE(studyClassIndex(db, "4110", Edition::Y2025), 2);
}

TEST(AccompanimentPlan, RanksDirectionsThenServicesByEtpConcerned)
{
    const std::string none = codeOfClass(0), high = codeOfClass(3);
    ASSERT_FALSE(none.empty());
    ASSERT_FALSE(high.empty());
    const std::vector<PlanPost> posts = {
        {"Technique", "Voirie", none, "Agent de voirie", 1},       {"Technique", "Voirie", none, "Agent de voirie", 1},
        {"Technique", "Bureau", high, "Assistante", 0.5},         {"Ressources", "Paie", high, "Gestionnaire paie", 1},
        {"Ressources", "Carrières", high, "Gestionnaire RH", 0.8}, {"Ressources", "", none, "Directeur", 1},
        {"", "", high, "Secrétaire", 1},
    };
    const auto plan = accompanimentPlan(posts, sharedData().exposure, Edition::Y2025, kNoDirection);
    ASSERT_EQ(plan.size(), 3u + 4u); // 3 directions, services Paie, Carrières, Bureau, Voirie
    EXPECT_EQ(plan[0].direction, "Ressources");
    EXPECT_EQ(plan[0].service, "");
    EXPECT_DOUBLE_EQ(plan[0].etp, 2.8);
    EXPECT_DOUBLE_EQ(plan[0].etpConcerned, 1.8);
    EXPECT_EQ(plan[1].service, "Paie");
    EXPECT_EQ(plan[2].service, "Carrières");
    EXPECT_EQ(plan[3].direction, kNoDirection); // 1 ETP concerned, before Technique's 0.5
    EXPECT_EQ(plan[4].direction, "Technique");
    EXPECT_DOUBLE_EQ(plan[4].etp, 2.5);
    EXPECT_DOUBLE_EQ(plan[4].etpConcerned, 0.5);
    EXPECT_EQ(plan[5].service, "Bureau");
    EXPECT_EQ(plan[6].service, "Voirie");
    EXPECT_DOUBLE_EQ(plan[6].etpConcerned, 0);
    // Only concerned posts give métiers and themes.
    EXPECT_EQ(plan[0].metiers, (std::vector<std::string>{"Gestionnaire paie", "Gestionnaire RH"}));
    EXPECT_FALSE(plan[0].themes.empty());
    EXPECT_TRUE(plan[6].metiers.empty());
    EXPECT_TRUE(plan[6].themes.empty());
}

TEST(AccompanimentPlan, ThemesWeighByEtpAndTaskScores)
{
    const ExposureDb& db = sharedData().exposure;
    const std::string high = codeOfClass(3);
    const Occupation* occ = db.occupation(high);
    ASSERT_NE(occ, nullptr);
    // The heaviest theme of one occupation is the one whose tasks' scores sum highest.
    std::map<std::string, double> sums;
    for (const Task& t : occ->tasks)
        sums[t.theme] += t.score2025;
    std::string best;
    for (const auto& [id, sum] : sums)
        if (best.empty() || sum > sums[best])
            best = id;
    const auto plan = accompanimentPlan({{"D", "", high, "M", 1}}, db, Edition::Y2025, kNoDirection, 1);
    ASSERT_EQ(plan.size(), 1u);
    ASSERT_EQ(plan[0].themes.size(), 1u);
    EXPECT_EQ(plan[0].themes[0], db.themeLabel(best));
}

TEST(AccompanimentPlan, ListsAtMostTopCountMetiersAndCountsTheRest)
{
    const std::string high = codeOfClass(3);
    std::vector<PlanPost> posts;
    for (int i = 0; i < 5; ++i)
        posts.push_back({"D", "S", high, "Métier " + std::to_string(i), 1.0 + i});
    const auto plan = accompanimentPlan(posts, sharedData().exposure, Edition::Y2025, kNoDirection, 3);
    ASSERT_EQ(plan.size(), 2u);
    EXPECT_EQ(plan[0].metiers, (std::vector<std::string>{"Métier 4", "Métier 3", "Métier 2"}));
    EXPECT_EQ(plan[0].moreMetiers, 2);
    EXPECT_TRUE(accompanimentPlan({}, sharedData().exposure, Edition::Y2025, kNoDirection).empty());
}
