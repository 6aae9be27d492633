// SPDX-License-Identifier: MPL-2.0
// Fuzzes the RFC 4180 reader: parseCsv with each separator, CsvTable's column lookup, and a
// round trip (rows written back fully quoted must parse to the same rows).
// Input: first byte chooses the separator (',' ';' tab '|'), the rest is the CSV text.
#include "cartoia/csv.hpp"
#include "fuzz_support.hpp"

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

using namespace cartoia;

namespace {

std::string writeQuoted(const std::vector<CsvRow>& rows, char sep)
{
    std::string out;
    for (const CsvRow& row : rows) {
        for (size_t i = 0; i < row.size(); ++i) {
            if (i)
                out += sep;
            out += '"';
            for (char c : row[i])
                out += c == '"' ? std::string("\"\"") : std::string(1, c);
            out += '"';
        }
        out += '\n';
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0)
        return 0;
    static const char kSeps[] = {',', ';', '\t', '|'};
    const char sep = kSeps[data[0] % 4];
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);

    const std::vector<CsvRow> rows = parseCsv(text, sep);
    for (const CsvRow& row : rows)
        FUZZ_CHECK(!row.empty()); // every row has at least one (maybe empty) field

    // Round trip through the writer every RFC 4180 reader must accept.
    const std::vector<CsvRow> again = parseCsv(writeQuoted(rows, sep), sep);
    FUZZ_CHECK(again == rows);

    if (rows.empty()) {
        bool thrown = false;
        try {
            CsvTable table(rows);
        } catch (const std::runtime_error&) {
            thrown = true;
        }
        FUZZ_CHECK(thrown); // documented: no header row
        return 0;
    }
    const CsvTable table(rows);
    FUZZ_CHECK(table.header() == rows.front());
    FUZZ_CHECK(table.rows().size() + 1 == rows.size());
    const CsvRow& header = table.header();
    for (size_t i = 0; i < header.size(); ++i) {
        const size_t found = table.findColumn(header[i]);
        FUZZ_CHECK(found <= i && header[found] == header[i]);
        FUZZ_CHECK(table.column(header[i]) == found);
    }
    const std::string missing = "\x01missing column\x01";
    if (table.findColumn(missing) == std::string::npos) {
        bool thrown = false;
        try {
            (void)table.column(missing);
        } catch (const std::runtime_error&) {
            thrown = true;
        }
        FUZZ_CHECK(thrown);
    }
    for (const CsvRow& row : table.rows())
        for (size_t c = 0; c <= header.size() + 1; ++c) {
            const std::string& f = CsvTable::field(row, c);
            FUZZ_CHECK(c < row.size() ? &f == &row[c] : f.empty());
        }
    return 0;
}
