// SPDX-License-Identifier: MPL-2.0
#include "cartoia/text_util.hpp"

#include "cartoia/text_fold.hpp"

namespace cartoia {

std::vector<std::string> splitWords(std::string_view folded)
{
    std::vector<std::string> words;
    std::string cur;
    for (char c : folded) {
        if (isWordChar(c)) {
            cur += c;
        } else if (!cur.empty()) {
            words.push_back(std::move(cur));
            cur.clear();
        }
    }
    if (!cur.empty())
        words.push_back(std::move(cur));
    return words;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator)
{
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i)
            out += separator;
        out += parts[i];
    }
    return out;
}

std::string wordKey(std::string_view text)
{
    std::string folded = foldText(text);
    std::string out;
    out.reserve(folded.size());
    for (char c : folded) {
        if (isWordChar(c))
            out += c;
        else if (!out.empty() && out.back() != ' ')
            out += ' ';
    }
    if (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

bool containsWords(std::string_view key, std::string_view words)
{
    std::string paddedKey = " ";
    paddedKey.append(key).append(" ");
    std::string paddedWords = " ";
    paddedWords.append(words).append(" ");
    return paddedKey.find(paddedWords) != std::string::npos;
}

std::string keywordKey(std::string_view text)
{
    std::string key = foldText(trimText(text));
    for (char& c : key)
        if (c == '-' || c == '_')
            c = ' ';
    return key;
}

} // namespace cartoia
