// SPDX-License-Identifier: MPL-2.0
// Values of staff table cells: ETP (parseEtp), catégorie (normaliseCategorie), amounts (parseAmount).
#include "staff_values.hpp"

#include "cartoia/staff_table.hpp"
#include "cartoia/text_fold.hpp"
#include "cartoia/text_util.hpp"

#include <algorithm>
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

// ---------- amounts ----------

constexpr size_t kMaxAmountDigits = 15; // beyond, a double no longer holds every digit

// The amount's text in ASCII: white space of every kind (no-break, narrow no-break, thin) → ' ',
// "€" → "eur", "−" (minus sign) → '-', letters lower-cased; other non-ASCII bytes are kept (and
// refused later).
std::string amountText(std::string_view text)
{
    static const std::pair<std::string_view, std::string_view> kReplaced[] = {
        {"\xC2\xA0", " "},       // no-break space
        {"\xE2\x80\xAF", " "},   // narrow no-break space (Calc, recent Excel)
        {"\xE2\x80\x89", " "},   // thin space
        {"\xE2\x80\x87", " "},   // figure space
        {"\xE2\x82\xAC", "eur"}, // €
        {"\xE2\x88\x92", "-"},   // minus sign
    };
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        bool replaced = false;
        for (const auto& [from, to] : kReplaced)
            if (text.substr(i, from.size()) == from) {
                out += to;
                i += from.size();
                replaced = true;
                break;
            }
        if (replaced)
            continue;
        const char c = text[i++];
        out += c == '\t' ? ' ' : (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

void trimSpaces(std::string& s)
{
    const size_t first = s.find_first_not_of(' ');
    if (first == std::string::npos) {
        s.clear();
        return;
    }
    s.erase(s.find_last_not_of(' ') + 1);
    s.erase(0, first);
}

// Removes the unit: "eur", "euro", "euros" (after or before the number), then a "k" for thousands.
// Returns the multiplier (1 or 1000).
double stripUnit(std::string& s)
{
    trimSpaces(s);
    bool currency = false;
    for (std::string_view unit : {"euros", "euro", "eur"})
        if (endsWith(s, unit)) {
            s.erase(s.size() - unit.size());
            currency = true;
            break;
        }
    if (!currency && startsWith(s, "eur")) {
        s.erase(0, 3);
        currency = true;
    }
    trimSpaces(s);
    if (!s.empty() && s.back() == 'k') {
        s.pop_back();
        trimSpaces(s);
        return 1000;
    }
    return 1;
}

// Digits grouped by thousands with one separator ("1 234 567", "32.500") or none ("32500").
bool parseGroupedInteger(std::string_view s, double& out, size_t& digits)
{
    char separator = 0;
    size_t groupLength = 0, groups = 1;
    out = 0;
    digits = 0;
    for (char c : s) {
        if (isDigit(c)) {
            out = out * 10 + (c - '0');
            ++digits;
            ++groupLength;
            continue;
        }
        if (separator != 0 && c != separator)
            return false; // "1 234.567": one kind of separator only
        separator = c;
        // The first group has 1 to 3 digits, the others exactly 3.
        if (groupLength == 0 || groupLength > 3 || (groups > 1 && groupLength != 3))
            return false;
        ++groups;
        groupLength = 0;
    }
    if (groups > 1 && groupLength != 3)
        return false;
    return digits <= kMaxAmountDigits;
}

} // namespace

Amount parseAmountCell(std::string_view text)
{
    Amount result;
    std::string s = amountText(trimText(text));
    trimSpaces(s);
    if (s.empty())
        return result; // Empty
    result.status = AmountStatus::Invalid;
    const double multiplier = stripUnit(s);
    if (s.empty() || s.find_first_not_of("0123456789 .,") != std::string::npos)
        return result; // text, a sign, brackets, another unit
    const size_t commas = static_cast<size_t>(std::count(s.begin(), s.end(), ','));
    const size_t dots = static_cast<size_t>(std::count(s.begin(), s.end(), '.'));
    // The decimal mark, if any: the last of two different marks, a lone comma, or a lone dot not
    // followed by exactly three digits ("32.500" groups thousands as in "32.500,50").
    size_t decimal = std::string::npos;
    if (commas > 0 && dots > 0) {
        decimal = std::max(s.rfind(','), s.rfind('.'));
        if ((s[decimal] == ',' ? commas : dots) > 1)
            return result;
    } else if (commas == 1 || dots == 1) {
        decimal = s.find(commas == 1 ? ',' : '.');
        const size_t fraction = s.size() - decimal - 1;
        const bool shortInteger = decimal >= 1 && decimal <= 3 && s.find(' ') == std::string::npos;
        if (fraction == 3 && shortInteger && multiplier == 1) {
            if (commas == 1)
                return result;           // "32,500": 32 500 written the English way, or 32,5?
            decimal = std::string::npos; // "32.500": thousands
        }
    }
    std::string_view integer = std::string_view(s).substr(0, decimal);
    double value = 0, fraction = 0;
    size_t digits = 0;
    if (decimal != std::string::npos) {
        std::string_view decimals = std::string_view(s).substr(decimal + 1);
        if (decimals.empty() || decimals.size() > kMaxAmountDigits || !allDigits(decimals))
            return result;
        double scale = 1;
        for (char c : decimals) {
            fraction = fraction * 10 + (c - '0');
            scale *= 10;
        }
        fraction /= scale;
        if (integer.empty()) { // ",5"
            result = {fraction * multiplier, AmountStatus::Ok};
            return result;
        }
    }
    if (!parseGroupedInteger(integer, value, digits) || digits == 0)
        return result;
    result = {(value + fraction) * multiplier, AmountStatus::Ok};
    return result;
}

double parseAmount(std::string_view text) { return parseAmountCell(text).value; }

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
