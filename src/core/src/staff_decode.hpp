// SPDX-License-Identifier: MPL-2.0
// Bytes of a staff table → UTF-8 text: byte order marks, UTF-16, UTF-8 or Windows-1252.
#pragma once
#include <string>
#include <string_view>

namespace cartoia::staff {

struct Decoded {
    std::string text;     // UTF-8, without byte order mark
    std::string encoding; // "UTF-8", "Windows-1252", "UTF-16LE", "UTF-16BE"
    std::string warning;  // French, empty when the bytes were clean
};

// UTF-16 with a byte order mark; else UTF-8 when its valid multi-byte sequences outnumber the
// invalid bytes (a few damaged bytes do not turn a UTF-8 file into Windows-1252 text), invalid
// bytes then replaced by U+FFFD and reported; else Windows-1252.
Decoded decode(std::string_view bytes);

} // namespace cartoia::staff
