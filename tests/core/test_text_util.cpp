// SPDX-License-Identifier: MPL-2.0
// Byte-level text helpers shared by the core (text_util.hpp).
#include "cartoia/text_util.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

using namespace cartoia;

TEST(TextUtil, StartsAndEndsWith)
{
    EXPECT_TRUE(startsWith("total general", "total "));
    EXPECT_TRUE(startsWith("abc", ""));
    EXPECT_FALSE(startsWith("ab", "abc"));
    EXPECT_TRUE(endsWith("policiere", "iere"));
    EXPECT_TRUE(endsWith("abc", ""));
    EXPECT_FALSE(endsWith("re", "iere"));
}

TEST(TextUtil, CommonPrefixAndDigits)
{
    EXPECT_EQ(commonPrefix("jardinier", "jardin"), 6u);
    EXPECT_EQ(commonPrefix("2411", "2412"), 3u);
    EXPECT_EQ(commonPrefix("", "abc"), 0u);
    EXPECT_TRUE(allDigits("0110"));
    EXPECT_TRUE(allDigits(""));
    EXPECT_FALSE(allDigits("12a"));
    EXPECT_TRUE(isWordChar('a') && isWordChar('9'));
    EXPECT_FALSE(isWordChar('A') || isWordChar('-') || isWordChar(' '));
}

TEST(TextUtil, SplitAndJoinWords)
{
    EXPECT_EQ(splitWords("agent d'accueil - (h/f)"), (std::vector<std::string>{"agent", "d", "accueil", "h", "f"}));
    EXPECT_TRUE(splitWords(" -- ").empty());
    EXPECT_EQ(join({"a", "b", "c"}), "a b c");
    EXPECT_EQ(join({"a", "b"}, ", "), "a, b");
    EXPECT_EQ(join({"adj", "tech"}, ""), "adjtech");
    EXPECT_EQ(join({}), "");
}

TEST(TextUtil, WordKeyAndContainsWords)
{
    EXPECT_EQ(wordKey("N° de poste"), "n de poste");
    EXPECT_EQ(wordKey("  Intitulé du poste (H/F) "), "intitule du poste h f");
    EXPECT_EQ(wordKey("---"), "");
    EXPECT_TRUE(containsWords("date d entree dans le service", "date"));
    EXPECT_TRUE(containsWords("service d affectation", "service d affectation"));
    EXPECT_FALSE(containsWords("services", "service"));
}
