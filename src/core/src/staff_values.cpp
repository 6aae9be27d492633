// SPDX-License-Identifier: MPL-2.0
// Values of staff table cells: ETP (parseEtp) and catégorie (normaliseCategorie).
#include "staff_values.hpp"

#include "cartoia/staff_table.hpp"
#include "cartoia/text_fold.hpp"
#include "cartoia/text_util.hpp"

#include <limits>
#include <string>

namespace cartoia {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kWeeklyHours = 35.0; // full time in the French civil service

// "12", "0.8", ".5", "12." with '.' or ',' as decimal separator.
bool parseDecimal(std::string_view s, double& out)
{
    double value = 0, scale = 1;
    bool digits = false, point = false;
    for (char c : s) {
        if (isDigit(c)) {
            digits = true;
            if (point) {
                scale /= 10;
                value += (c - '0') * scale;
            } else {
                value = value * 10 + (c - '0');
            }
        } else if ((c == '.' || c == ',') && !point) {
            point = true;
        } else {
            return false;
        }
    }
    out = value;
    return digits;
}

// "17h30", "17h", "17,5h", "17,5" → hours.
bool parseHours(std::string_view s, double& out)
{
    size_t h = s.find('h');
    if (h == std::string_view::npos)
        return parseDecimal(s, out);
    double hours = 0, minutes = 0;
    if (!parseDecimal(s.substr(0, h), hours))
        return false;
    std::string_view rest = s.substr(h + 1);
    if (!rest.empty() && (!parseDecimal(rest, minutes) || minutes >= 60))
        return false;
    out = hours + minutes / 60;
    return true;
}

// "28/35", "28/35e", "28/35ème", "17h30/35h".
bool parseFraction(std::string_view s, double& out)
{
    size_t slash = s.find('/');
    if (slash == std::string_view::npos)
        return false;
    std::string_view denom = s.substr(slash + 1);
    for (std::string_view suffix : {"ieme", "eme", "e"})
        if (endsWith(denom, suffix)) {
            denom.remove_suffix(suffix.size());
            break;
        }
    double a = 0, b = 0;
    if (!parseHours(s.substr(0, slash), a) || !parseHours(denom, b) || b <= 0)
        return false;
    out = a / b;
    return true;
}

} // namespace

double parseEtp(std::string_view text)
{
    std::string s;
    for (char c : foldText(text))
        if (c != ' ')
            s += c;
    if (s.empty())
        return 1.0;
    if (s == "tempscomplet" || s == "tempsplein" || s == "tc")
        return 1.0;
    double v = 0;
    if (s.back() == '%')
        return parseDecimal(std::string_view(s).substr(0, s.size() - 1), v) ? v / 100 : kNaN;
    if (s.find('/') != std::string::npos)
        return parseFraction(s, v) ? v : kNaN;
    if (s.find('h') != std::string::npos)
        return parseHours(s, v) && v <= kWeeklyHours * 1.5 ? v / kWeeklyHours : kNaN;
    if (!parseDecimal(s, v))
        return kNaN;
    if (v > 1.5)
        return v <= 100 ? v / 100 : kNaN;
    return v;
}

std::string normaliseCategorie(std::string_view text)
{
    std::string key = wordKey(text);
    for (std::string_view prefix : {"categorie", "cat"})
        if (startsWith(key, prefix)) {
            key.erase(0, prefix.size());
            break;
        }
    if (!key.empty() && key.front() == ' ')
        key.erase(0, 1);
    // The first word: "a", or a letter with a pay scale digit ("C1" → C).
    const std::string first = key.substr(0, key.find(' '));
    const bool letter = !first.empty() && first[0] >= 'a' && first[0] <= 'c';
    if (letter && (first.size() == 1 || (first.size() == 2 && first[1] >= '1' && first[1] <= '3')))
        return std::string(1, static_cast<char>(first[0] - 'a' + 'A'));
    return "";
}

namespace staff {

bool isNoCategory(std::string_view cell)
{
    std::string key = wordKey(cell);
    return containsWords(key, "hors") || key == "hc" || key == "nc" || key == "sans" || key.empty();
}

} // namespace staff

} // namespace cartoia
