// SPDX-License-Identifier: MPL-2.0
// Small byte-level text helpers: prefixes, suffixes, digits, and the words of folded text
// (foldText output: lower-case ASCII).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cartoia {

inline bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

inline bool endsWith(std::string_view s, std::string_view suffix)
{
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Length of the common beginning of a and b.
inline std::size_t commonPrefix(std::string_view a, std::string_view b)
{
    std::size_t n = 0;
    while (n < a.size() && n < b.size() && a[n] == b[n])
        ++n;
    return n;
}

inline bool isDigit(char c) { return c >= '0' && c <= '9'; }

// True for an empty string too.
inline bool allDigits(std::string_view s)
{
    for (char c : s)
        if (!isDigit(c))
            return false;
    return true;
}

// A character of a word in folded text: 'a'–'z' or '0'–'9'.
inline bool isWordChar(char c) { return (c >= 'a' && c <= 'z') || isDigit(c); }

// The words (runs of word characters) of folded text: "agent d'accueil" → agent, d, accueil.
std::vector<std::string> splitWords(std::string_view folded);

// The parts with `separator` between them: join({"a", "b"}, ", ") → "a, b".
std::string join(const std::vector<std::string>& parts, std::string_view separator = " ");

// The key of a function option's keyword: folded (foldText), trimmed, '-' and '_' read as spaces
// ("Catégorie-EN" → "categorie en").
std::string keywordKey(std::string_view text);

// Folded text with every run of non-word characters turned into one space, none at the ends:
// "N° de poste" → "n de poste".
std::string wordKey(std::string_view text);

// `words` appears in `key` as whole words (both in wordKey form): ("date d entree", "date") → true.
bool containsWords(std::string_view key, std::string_view words);

} // namespace cartoia
