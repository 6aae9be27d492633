// SPDX-License-Identifier: MPL-2.0
// Fuzzes the reading of ISCO-08 codes as AI_EXPOSURE / ISCO_LABEL / the overrides range do it.
// The add-in (src/addin, UNO) only turns the Calc argument into UTF-8 text (a number cell becomes
// "4110", or "110" for 0110) and calls the core: ExposureDb::resolveCode, ::exposure and ::label.
// Those are fuzzed here on the shipped data, with the text as typed and with the text a number
// cell would give (input read with strtod, or 8 raw bytes as a double, then formatted like the
// add-in's numberText). Also keywordKey, editionFromYear and levelFromIloLabel on the same text.
#include "cartoia/exposure.hpp"
#include "cartoia/text_util.hpp"
#include "cartoia/text_fold.hpp"
#include "fuzz_support.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

using namespace cartoia;

namespace {

const ExposureDb* gDb = nullptr;

// Like numberText() in src/addin/arguments.cxx (rtl::math's shortest form approximated by %.17g).
std::string numberText(double d)
{
    if (std::floor(d) == d && std::fabs(d) < 1e15)
        return std::to_string(static_cast<long long>(d));
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", d);
    return buf;
}

bool allDigits(const std::string& s)
{
    for (char c : s)
        if (c < '0' || c > '9')
            return false;
    return true;
}

void checkValue(const Value& v)
{
    if (v.kind == Value::Kind::Number)
        FUZZ_CHECK(std::isfinite(v.number));
    if (v.kind == Value::Kind::Text)
        FUZZ_CHECK(!v.text.empty());
}

void checkCode(std::string_view input)
{
    std::optional<std::string> code;
    bool invalid = false;
    try {
        code = gDb->resolveCode(input);
    } catch (const InvalidArgument&) {
        invalid = true;
    }
    const std::string trimmed = trimText(input);
    if (trimmed.empty())
        FUZZ_CHECK(!invalid && !code);
    if (code) {
        FUZZ_CHECK(!code->empty() && code->size() <= 4 && allDigits(*code));
        FUZZ_CHECK(gDb->group(*code) != nullptr);
    }
    // exposure() and label() read the code the same way: same error, nothing for unknown codes.
    for (Edition e : {Edition::Y2023, Edition::Y2025})
        for (Measure m : {Measure::Mean, Measure::Sd, Measure::Category, Measure::CategoryEn, Measure::Level,
                          Measure::Tasks, Measure::Max}) {
            try {
                const Value v = gDb->exposure(input, m, e);
                FUZZ_CHECK(!invalid);
                FUZZ_CHECK(code || v.isNone());
                checkValue(v);
            } catch (const InvalidArgument&) {
                FUZZ_CHECK(invalid);
            }
        }
    for (bool french : {true, false}) {
        try {
            const Value v = gDb->label(input, french);
            FUZZ_CHECK(!invalid);
            FUZZ_CHECK(code ? v.kind == Value::Kind::Text : v.isNone());
            checkValue(v);
        } catch (const InvalidArgument&) {
            FUZZ_CHECK(invalid);
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    gDb = &fuzz::referenceData().exposure;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    checkCode(text);

    // A number cell: what Calc would hold for this text, then the add-in's formatting.
    char* end = nullptr;
    const double typed = std::strtod(text.c_str(), &end);
    if (end != text.c_str())
        checkCode(numberText(typed));
    if (size == sizeof(double)) {
        double raw;
        std::memcpy(&raw, data, sizeof raw);
        checkCode(numberText(raw));
    }

    (void)keywordKey(text);
    if (std::optional<Edition> e = editionFromYear(typed)) {
        FUZZ_CHECK(editionYear(*e) == typed);
        for (int level = 0; level < levelCount(*e); ++level) {
            FUZZ_CHECK(!categoryLabel(*e, level, true).empty());
            FUZZ_CHECK(levelFromIloLabel(*e, categoryLabel(*e, level, false)) == level);
        }
    }
    for (Edition e : {Edition::Y2023, Edition::Y2025}) {
        const int level = levelFromIloLabel(e, text);
        FUZZ_CHECK(level >= -1 && level < levelCount(e));
    }
    return 0;
}
