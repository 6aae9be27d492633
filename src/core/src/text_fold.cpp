// SPDX-License-Identifier: MPL-2.0
#include "cartoia/text_fold.hpp"

#include <memory>
#include <mutex>
#include <vector>

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
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

// An ASCII character folded: lower case, controls as spaces.
char foldAsciiChar(char c)
{
    if (c >= 'A' && c <= 'Z')
        return static_cast<char>(c - 'A' + 'a');
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
        return ' ';
    return c;
}

std::string foldAscii(std::string_view s)
{
    std::string out(s);
    for (char& c : out)
        c = foldAsciiChar(c);
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

// ICU's result for each code point met in French titles (Latin letters and modifiers below U+0370,
// combining marks, general punctuation), computed once, so that most titles need no ICU call.
struct FoldTable {
    static constexpr UChar32 kLowEnd = 0x370, kPunctBegin = 0x2000, kPunctEnd = 0x2070;
    std::vector<std::string> low, punct;
    FoldTable()
    {
        auto fold = [](UChar32 cp) {
            char buf[U8_MAX_LENGTH];
            int32_t n = 0;
            U8_APPEND_UNSAFE(buf, n, cp);
            return detail::foldTextIcu(std::string_view(buf, static_cast<size_t>(n)));
        };
        for (UChar32 cp = 0; cp < kLowEnd; ++cp)
            low.push_back(cp < 0x80 ? std::string() : fold(cp));
        for (UChar32 cp = kPunctBegin; cp < kPunctEnd; ++cp)
            punct.push_back(fold(cp));
    }
    const std::string* find(UChar32 cp) const
    {
        if (cp >= 0x80 && cp < kLowEnd)
            return &low[static_cast<size_t>(cp)];
        if (cp >= kPunctBegin && cp < kPunctEnd)
            return &punct[static_cast<size_t>(cp - kPunctBegin)];
        return nullptr;
    }
};

} // namespace

std::string foldText(std::string_view utf8)
{
    if (isAscii(utf8))
        return foldAscii(utf8);
    // Code point by code point from the table; anything else (or invalid UTF-8) goes through ICU.
    static const FoldTable table;
    std::string out;
    out.reserve(utf8.size());
    const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
    const int32_t n = static_cast<int32_t>(utf8.size());
    for (int32_t i = 0; i < n;) {
        if (p[i] < 0x80) {
            out += foldAsciiChar(static_cast<char>(p[i++]));
            continue;
        }
        UChar32 cp;
        U8_NEXT(p, i, n, cp);
        const std::string* f = cp < 0 ? nullptr : table.find(cp);
        if (!f)
            return detail::foldTextIcu(utf8);
        out += *f;
    }
    return out;
}

namespace detail {

std::string foldTextIcu(std::string_view utf8)
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
    icu::UnicodeString src =
        icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    icu::UnicodeString decomposed = U_SUCCESS(status) ? nfkd->normalize(src, status) : src;
    if (U_FAILURE(status))
        decomposed = src;

    // Drop marks, turn controls and spaces into ' ', fold case; ASCII goes straight to the output.
    std::string out;
    out.reserve(utf8.size());
    bool ascii = true;
    for (int32_t i = 0; i < decomposed.length();) {
        UChar32 cp = decomposed.char32At(i);
        i += U16_LENGTH(cp);
        int8_t type = u_charType(cp);
        if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || cp == 0xFFFD)
            continue;
        if (type == U_CONTROL_CHAR || type == U_FORMAT_CHAR || u_isUWhiteSpace(cp))
            cp = ' ';
        cp = u_foldCase(cp, U_FOLD_CASE_DEFAULT);
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else {
            ascii = false;
            char buf[U8_MAX_LENGTH];
            int32_t n = 0;
            U8_APPEND_UNSAFE(buf, n, cp);
            out.append(buf, static_cast<size_t>(n));
        }
    }
    // Only letters without an ASCII decomposition (œ, æ, ø, ß, ’, «…) need the transliterator.
    if (!ascii) {
        if (icu::Transliterator* tr = latinAscii()) {
            icu::UnicodeString u = icu::UnicodeString::fromUTF8(out);
            u.foldCase(); // full folding for what simple folding left (ß → ss…)
            tr->transliterate(u);
            out.clear();
            u.toUTF8String(out);
        }
    }
    return out;
}

} // namespace detail

std::string trimText(std::string_view utf8)
{
    // Decode code points at both ends; stop at the first one that is not white space.
    const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
    const int32_t n = static_cast<int32_t>(utf8.size());
    int32_t b = 0, e = n;
    while (b < e) {
        int32_t next = b;
        UChar32 c;
        U8_NEXT(p, next, e, c);
        if (c < 0 || !(u_isUWhiteSpace(c) || c == 0x0B || c == 0x0C))
            break;
        b = next;
    }
    while (e > b) {
        int32_t prev = e;
        UChar32 c;
        U8_PREV(p, b, prev, c);
        if (c < 0 || !(u_isUWhiteSpace(c) || c == 0x0B || c == 0x0C))
            break;
        e = prev;
    }
    return std::string(utf8.substr(static_cast<size_t>(b), static_cast<size_t>(e - b)));
}

} // namespace cartoia
