// SPDX-License-Identifier: MPL-2.0
// Accent- and case-insensitive text keys, built on ICU.
#pragma once
#include <string>
#include <string_view>

namespace cartoia {

// Lower-cases, removes diacritics and transliterates remaining Latin letters to ASCII
// (é→e, Œ→oe, ß→ss, ’→'), after Unicode compatibility normalisation (NFKD).
// Control characters become spaces. Invalid UTF-8 bytes are dropped.
// ASCII input takes a fast path with the same result.
std::string foldText(std::string_view utf8);

namespace detail {
// foldText through ICU for every character (foldText uses a table of ICU's results made at first use).
std::string foldTextIcu(std::string_view utf8);
} // namespace detail

// Trims ASCII and Unicode white space (incl. no-break space) at both ends.
std::string trimText(std::string_view utf8);

} // namespace cartoia
