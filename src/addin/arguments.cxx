/* SPDX-License-Identifier: MPL-2.0 */
#include "arguments.hxx"

#include <cmath>

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/uno/Sequence.hxx>
#include <rtl/math.hxx>

using com::sun::star::uno::Any;
using com::sun::star::uno::Sequence;
using com::sun::star::uno::TypeClass_VOID;

namespace cartoia::uno {

std::string toUtf8(const rtl::OUString& s)
{
    return std::string(rtl::OUStringToOString(s, RTL_TEXTENCODING_UTF8).getStr());
}

rtl::OUString fromUtf8(const std::string& s)
{
    return rtl::OUString(s.data(), static_cast<sal_Int32>(s.size()), RTL_TEXTENCODING_UTF8);
}

void throwIllegal(const char* message, sal_Int16 pos)
{
    throw com::sun::star::lang::IllegalArgumentException(rtl::OUString::fromUtf8(message), nullptr, pos);
}

namespace {

std::string numberText(double d)
{
    if (std::floor(d) == d && std::fabs(d) < 1e15)
        return std::to_string(static_cast<long long>(d));
    return toUtf8(
        rtl::math::doubleToUString(d, rtl_math_StringFormat_Automatic, rtl_math_DecimalPlaces_Max, '.', true));
}

// A one-cell reference arrives as a 1×1 array: use its value.
Any scalar(const Any& a)
{
    Sequence<Sequence<Any>> rows;
    if ((a >>= rows) && rows.getLength() == 1 && rows[0].getLength() == 1)
        return rows[0][0];
    return a;
}

} // namespace

std::string cellText(const Any& a, sal_Int16 pos)
{
    rtl::OUString s;
    double d = 0;
    if (!a.hasValue())
        return {};
    if (a >>= s) {
        if (s.getLength() > kMaxTextLength)
            throwIllegal("text too long", pos);
        return toUtf8(s);
    }
    if (a >>= d)
        return numberText(d);
    throwIllegal("unexpected cell content", pos);
}

std::optional<std::string> optionalText(const Any& arg, sal_Int16 pos, bool numbersAsText)
{
    const Any a = scalar(arg);
    if (a.getValueTypeClass() == TypeClass_VOID)
        return std::nullopt;
    rtl::OUString s;
    if (a >>= s) {
        if (s.getLength() > kMaxTextLength)
            throwIllegal("text too long", pos);
        if (s.trim().isEmpty())
            return std::nullopt; // a blank settings cell means "default"
        return toUtf8(s);
    }
    double d = 0;
    if (a >>= d) {
        if (numbersAsText)
            return numberText(d);
        if (d == 0)
            return std::nullopt; // Calc passes an empty cell as 0: "default"
    }
    throwIllegal("a text is expected", pos);
}

std::optional<int> optionalRank(const Any& arg, sal_Int16 pos)
{
    const Any a = scalar(arg);
    double d = 0;
    rtl::OUString s;
    if (a.getValueTypeClass() == TypeClass_VOID)
        return std::nullopt;
    if (a >>= s) {
        s = s.trim();
        if (s.isEmpty())
            return std::nullopt;
        if (s.getLength() > 9)
            throwIllegal("rank must be a whole number", pos);
        for (sal_Int32 i = 0; i < s.getLength(); ++i)
            if (s[i] < '0' || s[i] > '9')
                throwIllegal("rank must be a whole number", pos);
        d = s.toDouble();
    } else if (!(a >>= d)) {
        throwIllegal("rank must be a whole number", pos);
    }
    if (d < 0 || d != std::floor(d) || d > 1e9)
        throwIllegal("rank must be a whole number", pos);
    if (d == 0)
        return std::nullopt;
    return static_cast<int>(d);
}

Edition optionalEdition(const Any& arg, sal_Int16 pos)
{
    const Any a = scalar(arg);
    if (a.getValueTypeClass() == TypeClass_VOID)
        return Edition::Y2025;
    double year = 0;
    rtl::OUString s;
    if (a >>= year) {
        if (year == 0)
            return Edition::Y2025; // empty cell
    } else if (a >>= s) {
        s = s.trim();
        if (s.isEmpty())
            return Edition::Y2025; // blank cell: default
        if (s.getLength() != 4)
            throwIllegal("edition must be 2023 or 2025", pos);
        year = s.toDouble();
    } else {
        throwIllegal("edition must be 2023 or 2025", pos);
    }
    std::optional<Edition> e = editionFromYear(year);
    if (!e)
        throwIllegal("edition must be 2023 or 2025", pos);
    return *e;
}

Any toAny(const Value& v)
{
    switch (v.kind) {
    case Value::Kind::Number:
        return Any(v.number);
    case Value::Kind::Text:
        return Any(fromUtf8(v.text));
    case Value::Kind::None:
        break;
    }
    return Any(); // shown as #N/A
}

} // namespace cartoia::uno
