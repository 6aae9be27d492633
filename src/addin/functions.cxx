/* SPDX-License-Identifier: MPL-2.0 */
#include "functions.hxx"

#include "arguments.hxx"
#include "shared_data.hxx"

#include "cartoia/text_fold.hpp"
#include "cartoia/text_util.hpp"

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <cppuhelper/supportsservice.hxx>

#include <cstdint>
#include <iterator>
#include <mutex>

using com::sun::star::uno::Any;
using com::sun::star::uno::Sequence;
using rtl::OUString;

namespace cartoia::uno {
namespace {

// The value of a keyword argument (a table of function_table.hxx); omitted or blank: the default;
// unknown: Err:502.
template <class E, std::size_t N>
E keywordArgument(const Any& arg, sal_Int16 pos, const Keyword<E> (&table)[N], E fallback, const char* error)
{
    std::optional<std::string> text = optionalText(arg, pos);
    if (!text)
        return fallback;
    const std::string key = keywordKey(*text);
    for (const Keyword<E>& k : table)
        if (key == k.folded)
            return k.value;
    throwIllegal(error, pos);
}

Measure coreMeasure(MeasureKeyword k)
{
    switch (k) {
    case MeasureKeyword::Mean:
        return Measure::Mean;
    case MeasureKeyword::Sd:
        return Measure::Sd;
    case MeasureKeyword::Category:
        return Measure::Category;
    case MeasureKeyword::CategoryEn:
        return Measure::CategoryEn;
    case MeasureKeyword::Level:
        return Measure::Level;
    case MeasureKeyword::Tasks:
        return Measure::Tasks;
    case MeasureKeyword::Max:
        return Measure::Max;
    }
    return Measure::Mean;
}

// FNV-1a over what Calc passed for the overrides range (value types and contents), so that an
// unchanged range is recognised without converting its text.
std::uint64_t rangeHash(const Sequence<Sequence<Any>>& rows)
{
    std::uint64_t h = 1469598103934665603ull;
    auto mix = [&h](const void* data, std::size_t n) {
        const auto* p = static_cast<const unsigned char*>(data);
        for (std::size_t i = 0; i < n; ++i)
            h = (h ^ p[i]) * 1099511628211ull;
    };
    for (const Sequence<Any>& row : rows) {
        const sal_Int32 width = row.getLength();
        mix(&width, sizeof width);
        for (const Any& cell : row) {
            const auto type = static_cast<int>(cell.getValueTypeClass());
            mix(&type, sizeof type);
            if (type == static_cast<int>(com::sun::star::uno::TypeClass_STRING)) {
                const auto* text = static_cast<const rtl_uString* const*>(cell.getValue());
                mix((*text)->buffer, static_cast<std::size_t>((*text)->length) * sizeof(sal_Unicode));
            } else if (type == static_cast<int>(com::sun::star::uno::TypeClass_DOUBLE)) {
                mix(cell.getValue(), sizeof(double));
            }
        }
    }
    return h;
}

struct OverridesEntry {
    std::uint64_t hash = 0;
    std::shared_ptr<const Overrides> overrides; // null when the range has no usable row
    double badRows = 0;                         // rows with a code that is not an ISCO code, or no title
};

// Reads the rows title → code; a malformed row is counted, never fatal.
OverridesEntry buildOverrides(const Sequence<Sequence<Any>>& rows, const SharedData& shared)
{
    OverridesEntry e;
    auto o = std::make_shared<Overrides>(shared.matcher().normalizer());
    for (const Sequence<Any>& row : rows) {
        if (row.getLength() != 2)
            throwIllegal("a two-column range is expected", 2);
        std::string title, code;
        try {
            title = trimText(cellText(row[0], 2));
            code = trimText(cellText(row[1], 2));
        } catch (const com::sun::star::lang::IllegalArgumentException&) {
            ++e.badRows; // text too long or not a value
            continue;
        }
        if (code.empty())
            continue; // a title not corrected yet
        // Same reading of codes as AI_EXPOSURE (a number 110 is 0110).
        std::optional<std::string> c;
        try {
            c = shared.data.exposure.resolveCode(code);
        } catch (const InvalidArgument&) {
        }
        if (title.empty() || !c || !o->add(title, *c))
            ++e.badRows;
    }
    if (o->size() > 0)
        e.overrides = std::move(o);
    return e;
}

// Overrides of a range, built once per distinct range content (a few ranges are remembered: a
// workbook usually passes the same one from every cell).
OverridesEntry overridesFor(const Any& range, const SharedData& shared)
{
    if (range.getValueTypeClass() == com::sun::star::uno::TypeClass_VOID)
        return {};
    Sequence<Sequence<Any>> rows;
    if (!(range >>= rows))
        throwIllegal("a two-column range is expected", 2);
    const std::uint64_t h = rangeHash(rows);
    static std::mutex m;
    static std::vector<OverridesEntry> recent; // most recent last
    constexpr std::size_t kRemembered = 4;
    {
        std::lock_guard<std::mutex> lock(m);
        for (auto it = recent.begin(); it != recent.end(); ++it)
            if (it->hash == h) {
                OverridesEntry hit = *it;
                recent.erase(it);
                recent.push_back(hit);
                return hit;
            }
    }
    OverridesEntry built = buildOverrides(rows, shared);
    built.hash = h;
    std::lock_guard<std::mutex> lock(m);
    recent.push_back(built);
    if (recent.size() > kRemembered)
        recent.erase(recent.begin());
    return built;
}

} // namespace

Any Functions::aiExposure(const OUString& isco, const Any& measure, const Any& edition)
{
    if (isco.getLength() > kMaxTextLength)
        throwIllegal("ISCO code too long", 0);
    const Measure m =
        coreMeasure(keywordArgument(measure, 1, kMeasureKeywordKeywords, kMeasureKeywordDefault, "unknown measure"));
    Edition e = optionalEdition(edition, 2);
    try {
        return toAny(sharedData().data.exposure.exposure(toUtf8(isco), m, e));
    } catch (const InvalidArgument& ex) {
        throwIllegal(ex.what(), 0);
    }
}

Any Functions::aiTask(const OUString& isco, const Any& n, const Any& field, const Any& edition)
{
    if (isco.getLength() > kMaxTextLength)
        throwIllegal("ISCO code too long", 0);
    const std::optional<int> rank = optionalRank(n, 1);
    const TaskField f = keywordArgument(field, 2, kTaskFieldKeywords, kTaskFieldDefault, "unknown field");
    const Edition e = optionalEdition(edition, 3);
    const ExposureDb& db = sharedData().data.exposure;
    std::optional<std::string> code;
    try {
        code = db.resolveCode(toUtf8(isco));
    } catch (const InvalidArgument& ex) {
        throwIllegal(ex.what(), 0);
    }
    const Occupation* occ = code ? db.occupation(*code) : nullptr;
    if (!occ || !rank || *rank > static_cast<int>(occ->tasks.size()))
        return Any(); // #N/A: unknown or unscored occupation, no such task
    const Task& t = occ->tasks[static_cast<size_t>(*rank - 1)];
    const std::optional<double> score = e == Edition::Y2023 ? t.score2023 : std::optional<double>(t.score2025);
    switch (f) {
    case TaskField::Text:
        return Any(fromUtf8(t.textFr));
    case TaskField::TextEn:
        return Any(fromUtf8(t.text));
    case TaskField::Score:
        return score ? Any(*score) : Any();
    case TaskField::Theme:
        return Any(fromUtf8(db.themeLabel(t.theme)));
    case TaskField::Band:
        return score ? Any(fromUtf8(taskBandLabel(*score))) : Any();
    }
    return Any();
}

Any Functions::iscoLabel(const OUString& isco, const Any& lang)
{
    if (isco.getLength() > kMaxTextLength)
        throwIllegal("ISCO code too long", 0);
    const bool french =
        keywordArgument(lang, 1, kLangKeywords, kLangDefault, "lang must be \"fr\" or \"en\"") == Lang::French;
    try {
        return toAny(sharedData().data.exposure.label(toUtf8(isco), french));
    } catch (const InvalidArgument& ex) {
        throwIllegal(ex.what(), 0);
    }
}

Any Functions::iscoMap(const OUString& title, const Any& field, const Any& overrides)
{
    if (title.getLength() > kMaxTextLength)
        throwIllegal("title too long", 0);
    MapField f = keywordArgument(field, 1, kMapFieldKeywords, kMapFieldDefault, "unknown field");
    const SharedData& shared = sharedData();
    const OverridesEntry ov = overridesFor(overrides, shared);
    if (f == MapField::OverridesErrors)
        return Any(ov.badRows);
    MatchResult r = shared.matcher().match(toUtf8(title), ov.overrides.get());
    if (!r.found)
        return Any();
    switch (f) {
    case MapField::Code:
        return Any(fromUtf8(r.code));
    case MapField::Label:
        return Any(fromUtf8(r.label));
    case MapField::Source:
        return Any(fromUtf8(r.source));
    case MapField::Confidence:
        return Any(r.confidence);
    case MapField::Precision:
        return Any(static_cast<double>(r.precision));
    case MapField::Title:
        return toAny(shared.data.exposure.label(r.code, true));
    case MapField::Alternatives: // "4222 Employés de centre d'appels · 4225 …"; none: #N/A
        return r.alternatives.empty() ? Any() : Any(fromUtf8(alternativesText(r, shared.data.exposure)));
    case MapField::Alternative:
        return r.alternatives.empty() ? Any() : Any(fromUtf8(r.alternatives.front().code));
    case MapField::OverridesErrors:
        break;
    }
    return Any();
}

Any Functions::metierMap(const OUString& title, const Any& field)
{
    if (title.getLength() > kMaxTextLength)
        throwIllegal("title too long", 0);
    MetierField f = keywordArgument(field, 1, kMetierFieldKeywords, kMetierFieldDefault, "unknown field");
    const SharedData& shared = sharedData();
    MatchResult r = shared.metierMatcher().match(toUtf8(title));
    const Metier* m = r.found ? findMetier(shared.data, r.ref) : nullptr;
    if (!m)
        return Any();
    switch (f) {
    case MetierField::Name:
        return Any(fromUtf8(m->name));
    case MetierField::Id:
        return Any(fromUtf8(m->id));
    case MetierField::Famille:
        return Any(fromUtf8(m->famille));
    case MetierField::Filieres:
        return Any(fromUtf8(m->filieres));
    case MetierField::Categories:
        return Any(fromUtf8(m->categories));
    case MetierField::Isco:
        return Any(fromUtf8(r.bestCode));
    case MetierField::Rome:
        return Any(fromUtf8(m->rome));
    case MetierField::Confidence:
        return Any(r.confidence);
    }
    return Any();
}

OUString Functions::getImplementationName() { return OUString::createFromAscii(kFunctionsName); }

sal_Bool Functions::supportsService(const OUString& name) { return cppu::supportsService(this, name); }

Sequence<OUString> Functions::getSupportedServiceNames() { return asciiNames(kFunctionsServices); }

} // namespace cartoia::uno
