// SPDX-License-Identifier: MPL-2.0
// Turns a French job title into comparable terms: folded, de-gendered, de-pluralised,
// abbreviations expanded, stop words and noise (H/F, grades) removed.
#pragma once
#include "cartoia/reference_data.hpp"

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace cartoia {

class TitleNormalizer {
public:
    TitleNormalizer() = default;
    explicit TitleNormalizer(const std::vector<Abbreviation>& abbreviations);

    // Terms of a title, in order, without duplicates.
    std::vector<std::string> terms(std::string_view title) const;
    // A key equal for titles that differ only by case, accents, gender, plural, order or noise.
    std::string key(std::string_view title) const;

    // Light French stemmer for gender and number: "policières" → "policier",
    // "directrice" → "directeur", "agente" → "agent", "chargée" → "charg".
    static std::string stem(std::string_view folded);

private:
    std::unordered_map<std::string, std::vector<std::string>> expansions_;
};

} // namespace cartoia
