// SPDX-License-Identifier: MPL-2.0
#include "staff_decode.hpp"

#include "staff_messages.hpp"

#include "cartoia/text_util.hpp"

#include <memory>
#include <stdexcept>
#include <vector>

#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace cartoia::staff {
namespace {

// Invalid UTF-8 byte sequences of a text: how many, where, and the text with each one replaced by
// U+FFFD. `multibyte` counts the valid sequences of two bytes or more (the evidence for UTF-8).
struct Utf8Scan {
    std::string repaired;
    std::size_t multibyte = 0;
    std::size_t invalid = 0;
    std::vector<int> invalidLines; // 1-based, distinct, in file order
};

Utf8Scan scanUtf8(std::string_view bytes)
{
    Utf8Scan s;
    const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
    const auto n = static_cast<int32_t>(bytes.size());
    s.repaired.reserve(bytes.size());
    int line = 1;
    for (int32_t i = 0; i < n;) {
        if (p[i] < 0x80) {
            line += p[i] == '\n';
            s.repaired += static_cast<char>(p[i++]);
            continue;
        }
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(p, i, n, c);
        if (c < 0) {
            ++s.invalid;
            if (s.invalidLines.empty() || s.invalidLines.back() != line)
                s.invalidLines.push_back(line);
            s.repaired += "\xEF\xBF\xBD";
        } else {
            ++s.multibyte;
            s.repaired.append(bytes.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
        }
    }
    return s;
}

std::string convertToUtf8(std::string_view bytes, const char* charset)
{
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, decltype(&ucnv_close)> cnv(ucnv_open(charset, &status), &ucnv_close);
    if (U_FAILURE(status))
        throw std::runtime_error(std::string("ICU converter unavailable: ") + charset);
    icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), cnv.get(), status);
    if (U_FAILURE(status))
        throw std::runtime_error(std::string("cannot convert from ") + charset);
    std::string out;
    text.toUTF8String(out);
    return out;
}

} // namespace

Decoded decode(std::string_view bytes)
{
    if (startsWith(bytes, "\xFF\xFE"))
        return {convertToUtf8(bytes.substr(2), "UTF-16LE"), "UTF-16LE", {}};
    if (startsWith(bytes, "\xFE\xFF"))
        return {convertToUtf8(bytes.substr(2), "UTF-16BE"), "UTF-16BE", {}};
    const bool bom = startsWith(bytes, "\xEF\xBB\xBF");
    Utf8Scan scan = scanUtf8(bom ? bytes.substr(3) : bytes);
    if (scan.invalid == 0)
        return {std::move(scan.repaired), "UTF-8", {}};
    if (bom || scan.multibyte > scan.invalid) {
        std::string w = "Fichier en UTF-8 avec " + std::to_string(scan.invalid) +
                        (scan.invalid > 1 ? " octets invalides" : " octet invalide") +
                        ", remplacés par « \xEF\xBF\xBD » — à vérifier " + lineList(scan.invalidLines) + ".";
        return {std::move(scan.repaired), "UTF-8", std::move(w)};
    }
    return {convertToUtf8(bytes, "windows-1252"), "Windows-1252", {}};
}

} // namespace cartoia::staff
