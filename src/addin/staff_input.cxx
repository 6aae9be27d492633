/* SPDX-License-Identifier: MPL-2.0 */
#include "staff_input.hxx"

#include "arguments.hxx"

namespace cartoia::uno {
namespace {

std::string csvQuote(const std::string& s)
{
    std::string q = "\"";
    for (char c : s)
        q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

} // namespace

StaffTable tableFromRows(const Rows& rows)
{
    std::string csv;
    for (const auto& row : rows) {
        for (sal_Int32 c = 0; c < row.getLength(); ++c) {
            rtl::OUString s;
            double d = 0;
            std::string cell;
            if (row[c] >>= s)
                cell = toUtf8(s);
            else if (row[c] >>= d)
                cell = toUtf8(rtl::OUString::number(d)); // '.' decimal: parseEtp reads it
            csv += (c ? ";" : "") + csvQuote(cell);
        }
        csv += "\n";
    }
    return readStaffTable(csv);
}

} // namespace cartoia::uno
