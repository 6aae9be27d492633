// SPDX-License-Identifier: MPL-2.0
#include "cartoia/text_fold.hpp"

#include <memory>
#include <mutex>

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace cartoia {
namespace {

bool isAscii(std::string_view s)
{
    for (unsigned char c : s)
        if (c >= 0x80)
            return false;
    return true;
}

std::string foldAscii(std::string_view s)
{
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
        else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            c = ' ';
    }
    return out;
}

// ICU's Latin-ASCII transliterator; instances are not thread-safe, so one per thread.
icu::Transliterator* latinAscii()
{
    thread_local std::unique_ptr<icu::Transliterator> tr;
    thread_local bool tried = false;
    if (!tried) {
        tried = true;
        UErrorCode status = U_ZERO_ERROR;
        tr.reset(icu::Transliterator::createInstance("Latin-ASCII", UTRANS_FORWARD, status));
        if (U_FAILURE(status))
            tr.reset();
    }
    return tr.get();
}

} // namespace

std::string foldText(std::string_view utf8)
{
    if (isAscii(utf8))
        return foldAscii(utf8);

    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
    icu::UnicodeString src = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    icu::UnicodeString decomposed = U_SUCCESS(status) ? nfkd->normalize(src, status) : src;
    if (U_FAILURE(status))
        decomposed = src;

    icu::UnicodeString kept;
    for (int32_t i = 0; i < decomposed.length();) {
        UChar32 cp = decomposed.char32At(i);
        i += U16_LENGTH(cp);
        int8_t type = u_charType(cp);
        if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || cp == 0xFFFD)
            continue;
        if (type == U_CONTROL_CHAR || type == U_FORMAT_CHAR || u_isUWhiteSpace(cp))
            cp = ' ';
        kept.append(cp);
    }
    kept.foldCase();
    if (icu::Transliterator* tr = latinAscii())
        tr->transliterate(kept);
    std::string out;
    kept.toUTF8String(out);
    return out;
}

std::string trimText(std::string_view utf8)
{
    // Decode only the ends: leading/trailing ASCII spaces and U+00A0/U+202F (UTF-8 C2 A0, E2 80 AF).
    auto isSpaceAt = [&](size_t pos, bool fromEnd, size_t& len) {
        std::string_view s = utf8;
        auto match = [&](std::string_view seq) {
            if (fromEnd ? (pos >= seq.size() && s.substr(pos - seq.size(), seq.size()) == seq)
                        : s.substr(pos, seq.size()) == seq) {
                len = seq.size();
                return true;
            }
            return false;
        };
        for (std::string_view seq : {std::string_view(" "), std::string_view("\t"), std::string_view("\n"),
                                     std::string_view("\r"), std::string_view("\xC2\xA0"),
                                     std::string_view("\xE2\x80\xAF")})
            if (match(seq))
                return true;
        return false;
    };
    size_t b = 0, e = utf8.size(), len = 0;
    while (b < e && isSpaceAt(b, false, len))
        b += len;
    while (e > b && isSpaceAt(e, true, len))
        e -= len;
    return std::string(utf8.substr(b, e - b));
}

} // namespace cartoia
