// SPDX-License-Identifier: MPL-2.0
// CSV reader: RFC 4180 quoting, line endings, BOM, separators, CsvTable.
#include "cartoia/csv.hpp"
#include "test_support.hpp"

#include <fstream>
#include <stdexcept>

#include <gtest/gtest.h>

using cartoia::CsvRow;
using cartoia::CsvTable;
using cartoia::parseCsv;

namespace {

void writeText(const std::string& path, const std::string& text)
{
    std::ofstream out(path, std::ios::binary);
    out << text;
}

} // namespace

TEST(Csv, PlainFields)
{
    auto rows = parseCsv("a,b,c\n1,2,3\n");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0], (CsvRow{"a", "b", "c"}));
    EXPECT_EQ(rows[1], (CsvRow{"1", "2", "3"}));
}

TEST(Csv, QuotedFieldKeepsSeparator)
{
    auto rows = parseCsv("a,\"b,c\",d\n");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0], (CsvRow{"a", "b,c", "d"}));
}

TEST(Csv, DoubledQuotesBecomeOneQuote)
{
    auto rows = parseCsv("\"say \"\"hi\"\"\",\"\"\"\"\n");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0], (CsvRow{"say \"hi\"", "\""}));
}

TEST(Csv, EmbeddedNewlinesInQuotes)
{
    auto rows = parseCsv("id,text\n1,\"line one\nline two\r\nline three\"\n2,x\n");
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[1][1], "line one\nline two\r\nline three");
    EXPECT_EQ(rows[2], (CsvRow{"2", "x"}));
}

TEST(Csv, CrLfLineEndings)
{
    auto rows = parseCsv("a,b\r\nc,d\r\n");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0], (CsvRow{"a", "b"}));
    EXPECT_EQ(rows[1], (CsvRow{"c", "d"})); // no stray '\r' in the last field
}

TEST(Csv, LoneCrIsALineEnd)
{
    auto rows = parseCsv("a\rb\r");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0], (CsvRow{"a"}));
    EXPECT_EQ(rows[1], (CsvRow{"b"}));
}

TEST(Csv, Utf8BomIsSkipped)
{
    auto rows = parseCsv("\xEF\xBB\xBFid,name\n1,Zo\xC3\xA9\n");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0][0], "id");
    EXPECT_EQ(rows[1][1], "Zo\xC3\xA9");
}

TEST(Csv, BomOnlyAtStart)
{
    // A BOM-like sequence elsewhere is data.
    auto rows = parseCsv("a\n\xEF\xBB\xBF"
                         "b\n");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[1][0], "\xEF\xBB\xBF"
                          "b");
}

TEST(Csv, SemicolonSeparator)
{
    auto rows = parseCsv("a;\"b;c\";d,e\n", ';');
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0], (CsvRow{"a", "b;c", "d,e"}));
}

TEST(Csv, MissingTrailingNewline)
{
    auto rows = parseCsv("a,b\nc,d");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[1], (CsvRow{"c", "d"}));

    auto quoted = parseCsv("a,\"b\"");
    ASSERT_EQ(quoted.size(), 1u);
    EXPECT_EQ(quoted[0], (CsvRow{"a", "b"}));
}

TEST(Csv, TrailingEmptyFieldWithoutNewline)
{
    auto rows = parseCsv("a,");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0], (CsvRow{"a", ""}));

    auto empty = parseCsv("\"\"");
    ASSERT_EQ(empty.size(), 1u);
    EXPECT_EQ(empty[0], (CsvRow{""}));
}

TEST(Csv, TrailingNewlineGivesNoEmptyRowButBlankLinesDo)
{
    EXPECT_TRUE(parseCsv("").empty());
    auto rows = parseCsv("a\n\nb\n");
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[1], (CsvRow{""}));
}

TEST(CsvTable, ColumnLookupAndShortRows)
{
    CsvTable t(parseCsv("id,name,extra\n1,un\n2,deux,x\n"));
    EXPECT_EQ(t.header(), (CsvRow{"id", "name", "extra"}));
    EXPECT_EQ(t.column("id"), 0u);
    EXPECT_EQ(t.column("extra"), 2u);
    ASSERT_EQ(t.rows().size(), 2u);
    EXPECT_EQ(CsvTable::field(t.rows()[0], t.column("name")), "un");
    EXPECT_EQ(CsvTable::field(t.rows()[0], t.column("extra")), ""); // short row
    EXPECT_EQ(CsvTable::field(t.rows()[1], t.column("extra")), "x");
}

TEST(CsvTable, ColumnErrors)
{
    CsvTable t(parseCsv("id,name\n1,a\n"));
    EXPECT_THROW(t.column("missing"), std::runtime_error);
    EXPECT_THROW(t.column("ID"), std::runtime_error); // exact, case-sensitive names
    EXPECT_THROW(t.column(""), std::runtime_error);
}

TEST(CsvTable, FindOptionalColumn)
{
    CsvTable t(parseCsv("id,name\n1,a\n"));
    EXPECT_EQ(t.findColumn("name"), 1u);
    EXPECT_EQ(t.findColumn("appellations"), std::string::npos);
}

TEST(CsvTable, EmptyInputHasNoHeader) { EXPECT_THROW(CsvTable(std::vector<CsvRow>{}), std::runtime_error); }

TEST(CsvTable, FromFileWithPreambleAndSeparator)
{
    cartoia::test::TempDir dir;
    std::string path = dir.file("t.csv");
    writeText(path, "# comment line\n# another\n\xEF\xBB\xBFk;v\r\na;1\r\nb;\"2;3\"");
    CsvTable t = CsvTable::fromFile(path, ';', 2);
    EXPECT_EQ(t.column("v"), 1u);
    ASSERT_EQ(t.rows().size(), 2u);
    EXPECT_EQ(t.rows()[1], (CsvRow{"b", "2;3"}));

    EXPECT_THROW(CsvTable::fromFile(path, ';', 10), std::runtime_error); // preamble too long
    EXPECT_THROW(CsvTable::fromFile(dir.file("missing.csv")), std::runtime_error);
}

TEST(CsvTable, ReadsTheIloOccupationFile)
{
    CsvTable t = CsvTable::fromFile(cartoia::test::sourcePath("data/ilo/ilo_genai_occupation_scores.csv"));
    EXPECT_EQ(t.rows().size(), 427u);
    EXPECT_EQ(t.header().front(), "isco08");
    for (const CsvRow& r : t.rows())
        ASSERT_EQ(r.size(), t.header().size()) << "row " << r.front();
}

TEST(Csv, QuoteInsideAFieldIsAPlainCharacter)
{
    // Excel only opens a quoted field at its start: an inch mark must not swallow the file.
    auto rows = cartoia::parseCsv("Ecran 12\" agent;x\nb;c\n", ';');
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0][0], "Ecran 12\" agent");
    EXPECT_EQ(rows[1][1], "c");
}
