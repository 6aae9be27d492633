// SPDX-License-Identifier: MPL-2.0
#include "cartoia/csv.hpp"

#include "cartoia/text_util.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace cartoia {

std::vector<CsvRow> parseCsv(std::string_view text, char sep)
{
    std::vector<CsvRow> rows;
    CsvRow row;
    std::string field;
    bool inQuotes = false;
    bool rowHasData = false;
    size_t i = 0;
    if (startsWith(text, "\xEF\xBB\xBF"))
        i = 3; // UTF-8 byte order mark
    for (; i < text.size(); ++i) {
        char c = text[i];
        if (inQuotes) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == '"' && field.empty()) {
            // Only a quote at the start of a field opens a quoted field (as in Excel): 'Ecran 12" agent'.
            inQuotes = true;
            rowHasData = true;
        } else if (c == sep) {
            row.push_back(std::move(field));
            field.clear();
            rowHasData = true;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            row.push_back(std::move(field));
            field.clear();
            rows.push_back(std::move(row));
            row.clear();
            rowHasData = false;
        } else {
            field += c;
            rowHasData = true;
        }
    }
    if (rowHasData || !field.empty()) {
        row.push_back(std::move(field));
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot open " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

CsvTable::CsvTable(std::vector<CsvRow> rows)
{
    if (rows.empty())
        throw std::runtime_error("CSV has no header row");
    header_ = std::move(rows.front());
    rows.erase(rows.begin());
    rows_ = std::move(rows);
}

CsvTable CsvTable::fromFile(const std::string& path, char sep, int skipLines)
{
    std::string text = readFile(path);
    size_t pos = 0;
    for (int n = 0; n < skipLines && pos != std::string::npos; ++n) {
        pos = text.find('\n', pos);
        if (pos != std::string::npos)
            ++pos;
    }
    if (pos == std::string::npos)
        throw std::runtime_error("CSV shorter than its preamble: " + path);
    return CsvTable(parseCsv(std::string_view(text).substr(pos), sep));
}

size_t CsvTable::column(std::string_view name) const
{
    for (size_t i = 0; i < header_.size(); ++i)
        if (header_[i] == name)
            return i;
    throw std::runtime_error("CSV column missing: " + std::string(name));
}

size_t CsvTable::findColumn(std::string_view name) const
{
    for (size_t i = 0; i < header_.size(); ++i)
        if (header_[i] == name)
            return i;
    return std::string::npos;
}

const std::string& CsvTable::field(const CsvRow& row, size_t col)
{
    static const std::string empty;
    return col < row.size() ? row[col] : empty;
}

} // namespace cartoia
