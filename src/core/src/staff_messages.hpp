// SPDX-License-Identifier: MPL-2.0
// Pieces of the staff table reader's French messages.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace cartoia::staff {

inline constexpr std::size_t kListedLines = 10; // line numbers quoted in one message

// "3 valeurs" / "1 valeur": French uses the singular for 0 and 1.
inline std::string counted(std::size_t n, const std::string& singular, const std::string& plural)
{
    return std::to_string(n) + " " + (n > 1 ? plural : singular);
}

// "(ligne 12)" or "(lignes 12, 40, 41, …)".
inline std::string lineList(const std::vector<int>& lines)
{
    std::string out = lines.size() > 1 ? "(lignes " : "(ligne ";
    for (std::size_t i = 0; i < lines.size() && i < kListedLines; ++i)
        out += (i ? ", " : "") + std::to_string(lines[i]);
    if (lines.size() > kListedLines)
        out += ", …";
    return out + ")";
}

inline std::string quoted(const std::string& name) { return "« " + name + " »"; }

} // namespace cartoia::staff
