// SPDX-License-Identifier: MPL-2.0
// Minimal RFC 4180 CSV reader: quoted fields, doubled quotes, embedded newlines.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace cartoia {

using CsvRow = std::vector<std::string>;

// Parses the whole text. `sep` is the field separator (',' or ';').
// A trailing newline does not produce an empty row; blank lines give rows with one empty field.
std::vector<CsvRow> parseCsv(std::string_view text, char sep = ',');

// Reads a file; throws std::runtime_error when it cannot be opened.
std::string readFile(const std::string& path);

// A parsed CSV with a header: column lookup by name.
class CsvTable {
public:
    CsvTable(std::vector<CsvRow> rows);
    static CsvTable fromFile(const std::string& path, char sep = ',', int skipLines = 0);
    // Index of a header column; throws std::runtime_error when missing.
    size_t column(std::string_view name) const;
    // Index of an optional column, or npos.
    size_t findColumn(std::string_view name) const;
    const std::vector<CsvRow>& rows() const { return rows_; }
    const CsvRow& header() const { return header_; }
    // Field of a row, empty when the row is short.
    static const std::string& field(const CsvRow& row, size_t col);

private:
    CsvRow header_;
    std::vector<CsvRow> rows_;
};

} // namespace cartoia
