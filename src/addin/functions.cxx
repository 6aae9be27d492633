/* SPDX-License-Identifier: MPL-2.0 */
#include "functions.hxx"

#include "arguments.hxx"
#include "shared_data.hxx"

#include "cartoia/text_fold.hpp"

#include <cppuhelper/supportsservice.hxx>
#include <mutex>

using com::sun::star::uno::Any;
using com::sun::star::uno::Sequence;
using rtl::OUString;

namespace cartoia::uno {
namespace {

std::string lowerKey(const std::string& s) { return foldText(trimText(s)); }

bool frenchFromLang(const Any& lang)
{
    std::optional<std::string> l = optionalText(lang, 1);
    if (!l)
        return true;
    std::string k = lowerKey(*l);
    if (k == "fr" || k == "francais" || k == "french" || k == "fr-fr")
        return true;
    if (k == "en" || k == "anglais" || k == "english" || k == "en-gb" || k == "en-us")
        return false;
    throwIllegal("lang must be \"fr\" or \"en\"", 1);
}

enum class MapField { Code, Label, Source, Confidence, Precision, Title };

MapField mapField(const Any& field)
{
    std::optional<std::string> f = optionalText(field, 1);
    if (!f)
        return MapField::Code;
    std::string k = lowerKey(*f);
    if (k == "code")
        return MapField::Code;
    if (k == "label" || k == "libelle")
        return MapField::Label;
    if (k == "source")
        return MapField::Source;
    if (k == "confidence" || k == "confiance")
        return MapField::Confidence;
    if (k == "precision")
        return MapField::Precision;
    if (k == "title" || k == "titre")
        return MapField::Title;
    throwIllegal("unknown field", 1);
}

enum class MetierField { Name, Id, Famille, Filieres, Categories, Isco, Rome, Confidence };

MetierField metierField(const Any& field)
{
    std::optional<std::string> f = optionalText(field, 1);
    if (!f)
        return MetierField::Name;
    std::string k = lowerKey(*f);
    if (k == "name" || k == "nom" || k == "metier")
        return MetierField::Name;
    if (k == "id")
        return MetierField::Id;
    if (k == "famille" || k == "family")
        return MetierField::Famille;
    if (k == "filiere" || k == "filieres" || k == "branch")
        return MetierField::Filieres;
    if (k == "categorie" || k == "categories" || k == "category")
        return MetierField::Categories;
    if (k == "isco" || k == "code")
        return MetierField::Isco;
    if (k == "rome")
        return MetierField::Rome;
    if (k == "confidence" || k == "confiance")
        return MetierField::Confidence;
    throwIllegal("unknown field", 1);
}

// The overrides range is usually the same for every cell of a column: keep the last one built.
std::shared_ptr<const Overrides> overridesFor(const Any& range, const SharedData& shared)
{
    std::vector<std::pair<std::string, std::string>> pairs = textPairs(range, 2);
    if (pairs.empty())
        return nullptr;
    static std::mutex m;
    static std::vector<std::pair<std::string, std::string>> lastPairs;
    static std::shared_ptr<const Overrides> last;
    std::lock_guard<std::mutex> lock(m);
    if (last && pairs == lastPairs)
        return last;
    auto o = std::make_shared<Overrides>(shared.matcher().normalizer());
    for (const auto& [title, code] : pairs) {
        // Same reading of codes as AI_EXPOSURE (a number 110 is 0110); malformed or unknown codes are ignored.
        try {
            if (std::optional<std::string> c = shared.data.exposure.resolveCode(code))
                o->add(title, *c);
        } catch (const InvalidArgument&) {
        }
    }
    lastPairs = std::move(pairs);
    last = o;
    return last;
}

} // namespace

Any Functions::aiExposure(const OUString& isco, const Any& measure, const Any& edition)
{
    if (isco.getLength() > kMaxTextLength)
        throwIllegal("ISCO code too long", 0);
    Measure m = Measure::Mean;
    if (std::optional<std::string> name = optionalText(measure, 1)) {
        std::optional<Measure> parsed = parseMeasure(*name);
        if (!parsed)
            throwIllegal("unknown measure", 1);
        m = *parsed;
    }
    Edition e = optionalEdition(edition, 2);
    try {
        return toAny(sharedData().data.exposure.exposure(toUtf8(isco), m, e));
    } catch (const InvalidArgument& ex) {
        throwIllegal(ex.what(), 0);
    }
}

Any Functions::iscoLabel(const OUString& isco, const Any& lang)
{
    if (isco.getLength() > kMaxTextLength)
        throwIllegal("ISCO code too long", 0);
    bool french = frenchFromLang(lang);
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
    MapField f = mapField(field);
    const SharedData& shared = sharedData();
    std::shared_ptr<const Overrides> ov = overridesFor(overrides, shared);
    MatchResult r = shared.matcher().match(toUtf8(title), ov.get());
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
    }
    return Any();
}

Any Functions::metierMap(const OUString& title, const Any& field)
{
    if (title.getLength() > kMaxTextLength)
        throwIllegal("title too long", 0);
    MetierField f = metierField(field);
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

OUString Functions::getImplementationName() { return OUString::createFromAscii(kImplementationName); }

sal_Bool Functions::supportsService(const OUString& name) { return cppu::supportsService(this, name); }

Sequence<OUString> Functions::getSupportedServiceNames()
{
    Sequence<OUString> names(1);
    names[0] = OUString::createFromAscii(kImplementationName);
    return names;
}

} // namespace cartoia::uno
