/* SPDX-License-Identifier: MPL-2.0 */
// Conversions between Calc's UNO arguments and plain C++ values. Bad shapes throw
// IllegalArgumentException (Err:502 in Calc).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/uno/Any.hxx>
#include <com/sun/star/uno/Sequence.hxx>
#include <rtl/ustring.hxx>

#include "cartoia/exposure.hpp"

namespace cartoia::uno {

// Longest text accepted as a job title or code (longer → Err:502).
constexpr sal_Int32 kMaxTextLength = 1000;

std::string toUtf8(const rtl::OUString& s);
rtl::OUString fromUtf8(const std::string& s);
inline rtl::OUString ascii(const char* s) { return rtl::OUString::createFromAscii(s); }

// A named value of a media descriptor or an option list.
inline com::sun::star::beans::PropertyValue prop(const char* name, const com::sun::star::uno::Any& value)
{
    com::sun::star::beans::PropertyValue p;
    p.Name = ascii(name);
    p.Value = value;
    return p;
}

// A list of ASCII names (services of an implementation) as UNO strings.
template <std::size_t N>
com::sun::star::uno::Sequence<rtl::OUString> asciiNames(const char* const (&list)[N])
{
    com::sun::star::uno::Sequence<rtl::OUString> result(static_cast<sal_Int32>(N));
    for (sal_Int32 i = 0; i < result.getLength(); ++i)
        result[i] = ascii(list[i]);
    return result;
}

[[noreturn]] void throwIllegal(const char* message, sal_Int16 argumentPosition);

// A text argument; nullopt when omitted (void) or blank. Numbers are refused unless `numbersAsText`.
std::optional<std::string> optionalText(const com::sun::star::uno::Any& a, sal_Int16 pos, bool numbersAsText = false);
// A rank argument (1, 2, … as a number or digits): 0, an empty cell or blank text → nullopt;
// negative, fractional or other text → Err:502.
std::optional<int> optionalRank(const com::sun::star::uno::Any& a, sal_Int16 pos);
// A year argument (2023 / 2025 as number or text), default 2025.
Edition optionalEdition(const com::sun::star::uno::Any& a, sal_Int16 pos);
// A cell's value as text (numbers as Calc shows them without format); empty for an empty cell.
std::string cellText(const com::sun::star::uno::Any& a, sal_Int16 pos);

com::sun::star::uno::Any toAny(const Value& v);

} // namespace cartoia::uno
