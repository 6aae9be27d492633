// SPDX-License-Identifier: MPL-2.0
// The project's French text and theme of every ILO task statement (data/ilo/ilo_tasks_fr.csv).
#include "cartoia/csv.hpp"
#include "test_support.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <gtest/gtest.h>

using cartoia::CsvTable;
using cartoia::test::sourcePath;

namespace {

const CsvTable& english()
{
    static const CsvTable t = CsvTable::fromFile(sourcePath("data/ilo/ilo_genai_task_scores.csv"));
    return t;
}

const CsvTable& french()
{
    static const CsvTable t = CsvTable::fromFile(sourcePath("data/ilo/ilo_tasks_fr.csv"));
    return t;
}

const CsvTable& themes()
{
    static const CsvTable t = CsvTable::fromFile(sourcePath("data/ilo/themes.csv"));
    return t;
}

// Words that give away an English sentence, counted as whole lower-case words (bytes of accented
// letters count as letters).
size_t englishWords(const std::string& text)
{
    static const std::set<std::string> giveaways = {"the", "and",  "of",        "with",  "for",  "to",
                                                    "or",  "such", "including", "their", "which"};
    size_t count = 0;
    std::string word;
    for (size_t i = 0; i <= text.size(); ++i) {
        const unsigned char c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
        if (std::isalpha(c) || c >= 0x80) {
            word += static_cast<char>(c);
            continue;
        }
        count += giveaways.count(word);
        word.clear();
    }
    return count;
}

} // namespace

TEST(TaskTexts, EveryTaskHasOneFrenchTextInTheSameOrder)
{
    const CsvTable& en = english();
    const CsvTable& fr = french();
    ASSERT_EQ(fr.rows().size(), en.rows().size());
    ASSERT_EQ(en.rows().size(), 3266u);
    const size_t enCode = en.column("isco08"), enId = en.column("task_id");
    const size_t frCode = fr.column("isco08"), frId = fr.column("task_id");
    for (size_t i = 0; i < en.rows().size(); ++i) {
        ASSERT_EQ(CsvTable::field(fr.rows()[i], frCode), CsvTable::field(en.rows()[i], enCode)) << "row " << i + 2;
        ASSERT_EQ(CsvTable::field(fr.rows()[i], frId), CsvTable::field(en.rows()[i], enId)) << "row " << i + 2;
    }
}

TEST(TaskTexts, FrenchTextsAreFrench)
{
    const CsvTable& en = english();
    const CsvTable& fr = french();
    const size_t enText = en.column("task_text"), frText = fr.column("task_fr");
    size_t checked = 0;
    for (size_t i = 0; i < fr.rows().size() && i < en.rows().size(); ++i) {
        const std::string& f = CsvTable::field(fr.rows()[i], frText);
        const std::string& e = CsvTable::field(en.rows()[i], enText);
        SCOPED_TRACE("row " + std::to_string(i + 2) + ": " + f);
        ASSERT_FALSE(f.empty());
        EXPECT_NE(f, e);
        EXPECT_LT(englishWords(f), 2u) << "still English?";
        // A capital first: an infinitive verb (« Planifier… ») or « Énoncé … » for a defective source.
        const unsigned char first = static_cast<unsigned char>(f[0]);
        EXPECT_TRUE(std::isupper(first) || first >= 0xC3) << "starts with a capital";
        ++checked;
    }
    EXPECT_EQ(checked, 3266u);
}

TEST(TaskTexts, TheCheckCatchesEnglish)
{
    EXPECT_GE(englishWords("Planning and directing the work of staff"), 2u);
    EXPECT_LT(englishWords("Planifier et diriger le travail du personnel, des équipes ou des services ;"), 2u);
}

TEST(TaskTexts, EachTaskHasOneKnownTheme)
{
    std::set<std::string> ids;
    for (const auto& row : themes().rows())
        ids.insert(CsvTable::field(row, themes().column("id")));
    EXPECT_GE(ids.size(), 12u);
    EXPECT_LE(ids.size(), 16u);
    std::map<std::string, size_t> used;
    const size_t col = french().column("theme");
    for (const auto& row : french().rows()) {
        const std::string& t = CsvTable::field(row, col);
        EXPECT_TRUE(ids.count(t)) << "unknown theme " << t;
        ++used[t];
    }
    for (const std::string& id : ids)
        EXPECT_GT(used[id], 0u) << "theme never used: " << id;
}

TEST(TaskTexts, TheStudysFiveThemesAreThere)
{
    std::set<std::string> labels;
    for (const auto& row : themes().rows())
        labels.insert(CsvTable::field(row, themes().column("theme")));
    for (const char* study : {"Tâches administratives et de communication", "Service client et coordination",
                              "Gestion des données et tenue de dossiers, des registres",
                              "Traitement de l'information et services linguistiques",
                              "Fournir des informations et répondre aux demandes de renseignements"})
        EXPECT_TRUE(labels.count(study)) << study;
}
