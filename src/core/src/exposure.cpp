// SPDX-License-Identifier: MPL-2.0
#include "cartoia/exposure.hpp"

#include "cartoia/text_fold.hpp"
#include "cartoia/text_util.hpp"

#include <cmath>
#include <limits>

namespace cartoia {
namespace {

// Folded (lower-case, no accents) names; '-', '_' and ' ' are equivalent.
const std::string kLabels2025Fr[] = {"Non exposé",          "Exposition minimale", "Exposé – gradient 1",
                                     "Exposé – gradient 2", "Exposé – gradient 3", "Exposé – gradient 4"};
const std::string kLabels2025En[] = {"Not Exposed",         "Minimal Exposure",    "Exposed: Gradient 1",
                                     "Exposed: Gradient 2", "Exposed: Gradient 3", "Exposed: Gradient 4"};
const std::string kLabels2023Fr[] = {"Non affecté", "Potentiel d'augmentation", "Grande inconnue",
                                     "Potentiel d'automatisation"};
const std::string kLabels2023En[] = {"Not affected", "Augmentation Potential", "The Big Unknown",
                                     "Automation Potential"};

} // namespace

std::optional<Edition> editionFromYear(double year)
{
    if (year == 2023)
        return Edition::Y2023;
    if (year == 2025)
        return Edition::Y2025;
    return std::nullopt;
}

int editionYear(Edition e) { return e == Edition::Y2023 ? 2023 : 2025; }

int levelCount(Edition e) { return e == Edition::Y2023 ? 4 : 6; }

const std::string& categoryLabel(Edition e, int level, bool french)
{
    if (level < 0 || level >= levelCount(e))
        throw std::out_of_range("category level");
    if (e == Edition::Y2025)
        return french ? kLabels2025Fr[level] : kLabels2025En[level];
    return french ? kLabels2023Fr[level] : kLabels2023En[level];
}

int levelFromIloLabel(Edition e, std::string_view label)
{
    std::string key = foldText(trimText(label));
    if (e == Edition::Y2025) {
        if (key == "not exposed")
            return 0;
        if (key == "minimal exposure")
            return 1;
        for (int g = 1; g <= 4; ++g)
            if (key == "exposed: gradient " + std::to_string(g))
                return 1 + g;
        return -1;
    }
    if (key == "not affected")
        return 0;
    if (key == "augmentation potential")
        return 1;
    if (key == "the big unknown" || key == "the big uknown")
        return 2;
    if (key == "automation potential")
        return 3;
    return -1;
}

double Occupation::maxTask(Edition e) const
{
    double best = std::numeric_limits<double>::quiet_NaN();
    for (const Task& t : tasks) {
        std::optional<double> s = e == Edition::Y2023 ? t.score2023 : std::optional<double>(t.score2025);
        if (s && (std::isnan(best) || *s > best))
            best = *s;
    }
    return best;
}

void ExposureDb::addGroup(IscoGroup g)
{
    groupIndex_[g.code] = groups_.size();
    groups_.push_back(std::move(g));
}

void ExposureDb::addOccupation(Occupation o)
{
    occIndex_[o.code] = occupations_.size();
    occupations_.push_back(std::move(o));
}

const IscoGroup* ExposureDb::group(const std::string& code) const
{
    auto it = groupIndex_.find(code);
    return it == groupIndex_.end() ? nullptr : &groups_[it->second];
}

const Occupation* ExposureDb::occupation(const std::string& code) const
{
    auto it = occIndex_.find(code);
    return it == occIndex_.end() ? nullptr : &occupations_[it->second];
}

std::optional<std::string> ExposureDb::resolveCode(std::string_view input) const
{
    std::string code = trimText(input);
    if (code.empty())
        return std::nullopt;
    if (code.size() > 4 || !allDigits(code))
        throw InvalidArgument("ISCO-08 code must be 1 to 4 digits");
    if (group(code))
        return code;
    // A number cell loses the leading zero of the armed-forces codes (0110 → 110).
    if (code.size() < 4 && group("0" + code))
        return "0" + code;
    return std::nullopt;
}

Value ExposureDb::exposure(std::string_view input, Measure m, Edition e) const
{
    std::optional<std::string> code = resolveCode(input);
    if (!code)
        return Value::none();
    const size_t ed = static_cast<size_t>(e);

    if (code->size() < 4) {
        if (m != Measure::Mean && m != Measure::Max)
            return Value::none();
        double sum = 0, best = std::numeric_limits<double>::quiet_NaN();
        size_t n = 0;
        for (const Occupation& o : occupations_) {
            if (!startsWith(o.code, *code))
                continue;
            sum += o.mean[ed];
            ++n;
            double mx = o.maxTask(e);
            if (!std::isnan(mx) && (std::isnan(best) || mx > best))
                best = mx;
        }
        if (n == 0)
            return Value::none();
        if (m == Measure::Mean)
            return Value::of(sum / static_cast<double>(n));
        return std::isnan(best) ? Value::none() : Value::of(best);
    }

    const Occupation* o = occupation(*code);
    if (!o)
        return Value::none();
    switch (m) {
    case Measure::Mean:
        return Value::of(o->mean[ed]);
    case Measure::Sd:
        return Value::of(o->sd[ed]);
    case Measure::Category:
        return Value::of(categoryLabel(e, o->level[ed], true));
    case Measure::CategoryEn:
        return Value::of(categoryLabel(e, o->level[ed], false));
    case Measure::Level:
        return Value::of(static_cast<double>(o->level[ed]));
    case Measure::Tasks:
        return Value::of(static_cast<double>(o->tasks.size()));
    case Measure::Max: {
        double mx = o->maxTask(e);
        return std::isnan(mx) ? Value::none() : Value::of(mx);
    }
    }
    return Value::none();
}

Value ExposureDb::label(std::string_view input, bool french) const
{
    std::optional<std::string> code = resolveCode(input);
    if (!code)
        return Value::none();
    const IscoGroup* g = group(*code);
    if (!g)
        return Value::none();
    const std::string& t = french && !g->titleFr.empty() ? g->titleFr : g->titleEn;
    return Value::of(t);
}

TaskBand taskBand(double score)
{
    if (score < 0.25)
        return TaskBand::VeryLow;
    if (score < 0.5)
        return TaskBand::Low;
    if (score < 0.75)
        return TaskBand::Medium;
    return TaskBand::High;
}

const std::string& taskBandLabel(TaskBand band, bool french)
{
    static const std::string fr[] = {"très faible", "faible", "moyenne", "haute"};
    static const std::string en[] = {"Very Low", "Low", "Medium", "High"};
    return (french ? fr : en)[static_cast<int>(band)];
}

const std::string& ExposureDb::themeLabel(const std::string& id) const
{
    for (const Theme& t : themes_)
        if (t.id == id)
            return t.label;
    return id;
}

} // namespace cartoia
