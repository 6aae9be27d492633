// SPDX-License-Identifier: MPL-2.0
#include "test_support.hpp"

#include "cartoia/cartography.hpp"

#include <cmath>

#include <gtest/gtest.h>

using namespace cartoia;
using cartoia::test::sharedData;

TEST(StudyClass, OneClassPerIlo2023Category)
{
    EXPECT_EQ(studyClassLabel(studyClassFromLevel2023(0)), "pas concerné");
    EXPECT_EQ(studyClassLabel(studyClassFromLevel2023(1)), "peu concerné");
    EXPECT_EQ(studyClassLabel(studyClassFromLevel2023(2)), "concerné");
    EXPECT_EQ(studyClassLabel(studyClassFromLevel2023(3)), "très concerné");
    EXPECT_THROW(studyClassFromLevel2023(4), std::out_of_range);
    EXPECT_THROW(studyClassFromLevel2023(-1), std::out_of_range);
}

TEST(StudyClass, StudyAnchorsFallWhereThePaperSays)
{
    // Office clerks are among the most affected; police officers are not affected.
    const ExposureDb& db = sharedData().exposure;
    EXPECT_EQ(studyClassFromLevel2023(db.occupation("5412")->level[0]), StudyClass::PasConcerne);
    EXPECT_GE(static_cast<int>(studyClassFromLevel2023(db.occupation("4110")->level[0])),
              static_cast<int>(StudyClass::Concerne));
}

TEST(SummariseOccupations, GroupsSortsAndSkipsUnmapped)
{
    const ExposureDb& db = sharedData().exposure;
    std::vector<MappedPost> posts = {
        {"4110", "Assistant de gestion", 1.0}, {"4110", "Agent administratif", 0.5},
        {"5412", "Policier municipal", 1.0},   {"", "Inconnu", 1.0},
        {"4110", "Assistant de gestion", 1.0}, {"41", "Employé", 1.0},
    };
    auto s = summariseOccupations(posts, db, Edition::Y2025);
    ASSERT_EQ(s.size(), 3u);
    EXPECT_EQ(s[0].code, "4110");
    EXPECT_EQ(s[0].posts, 3);
    EXPECT_DOUBLE_EQ(s[0].etp, 2.5);
    EXPECT_EQ(s[0].metiers, (std::vector<std::string>{"Assistant de gestion", "Agent administratif"}));
    EXPECT_DOUBLE_EQ(s[0].score, db.occupation("4110")->mean[1]);
    EXPECT_DOUBLE_EQ(s[0].scoreTimesEtp, 2.5 * db.occupation("4110")->mean[1]);
    EXPECT_EQ(s[1].code, "5412");
    EXPECT_EQ(s[2].code, "41"); // a roll-up code has no score: last
    EXPECT_TRUE(std::isnan(s[2].score));
    EXPECT_EQ(s[2].level, -1);
}

TEST(SummariseOccupations, EditionChangesScores)
{
    const ExposureDb& db = sharedData().exposure;
    auto a = summariseOccupations({{"2511", "Dev", 1}}, db, Edition::Y2023);
    auto b = summariseOccupations({{"2511", "Dev", 1}}, db, Edition::Y2025);
    EXPECT_DOUBLE_EQ(a[0].score, db.occupation("2511")->mean[0]);
    EXPECT_DOUBLE_EQ(b[0].score, db.occupation("2511")->mean[1]);
}
