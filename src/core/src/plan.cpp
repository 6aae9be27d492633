// SPDX-License-Identifier: MPL-2.0
#include "cartoia/plan.hpp"

#include "cartoia/workbook_contract.hxx"

#include <algorithm>
#include <iterator>
#include <map>
#include <utility>

namespace cartoia {

int studyClassIndex(const ExposureDb& db, const std::string& code, Edition edition)
{
    const Occupation* occ = code.empty() ? nullptr : db.occupation(code);
    if (!occ)
        return -1;
    const int level = occ->level[static_cast<std::size_t>(edition)];
    const int* rule = edition == Edition::Y2023 ? contract::classRule2023 : contract::classRule2025;
    const int levels = edition == Edition::Y2023 ? static_cast<int>(std::size(contract::classRule2023))
                                                 : static_cast<int>(std::size(contract::classRule2025));
    return level >= 0 && level < levels ? rule[level] : -1;
}

namespace {

constexpr int kHeadlineFrom = 1; // peu concerné and above (the study's headline)

struct Group {
    double etp = 0, etpConcerned = 0;
    std::map<std::string, double> themes;  // theme id → weight
    std::map<std::string, double> metiers; // métier → ETP of concerned posts
};

// Keys by weight (heaviest first, then by key), at most n.
std::vector<std::string> heaviest(const std::map<std::string, double>& weights, std::size_t n, int* more = nullptr)
{
    std::vector<std::pair<std::string, double>> v(weights.begin(), weights.end());
    std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::vector<std::string> out;
    for (std::size_t i = 0; i < v.size() && i < n; ++i)
        if (v[i].second > 0)
            out.push_back(v[i].first);
    if (more)
        *more = static_cast<int>(std::count_if(v.begin(), v.end(), [](const auto& p) { return p.second > 0; })) -
                static_cast<int>(out.size());
    return out;
}

void add(Group& g, const PlanPost& p, const Occupation* occ, bool concerned, Edition edition)
{
    g.etp += p.etp;
    if (!concerned)
        return;
    g.etpConcerned += p.etp;
    g.metiers[p.metier] += p.etp;
    if (!occ || occ->tasks.empty())
        return;
    const double share = p.etp / static_cast<double>(occ->tasks.size());
    for (const Task& t : occ->tasks) {
        const double score = edition == Edition::Y2023 && t.score2023 ? *t.score2023 : t.score2025;
        g.themes[t.theme] += share * score;
    }
}

PlanRow row(const std::string& direction, const std::string& service, const Group& g, const ExposureDb& db,
            std::size_t top)
{
    PlanRow r;
    r.direction = direction;
    r.service = service;
    r.etp = g.etp;
    r.etpConcerned = g.etpConcerned;
    for (const std::string& id : heaviest(g.themes, top))
        r.themes.push_back(db.themeLabel(id));
    r.metiers = heaviest(g.metiers, top, &r.moreMetiers);
    return r;
}

// Entries of a name → group map, most ETP concerned first (then most ETP; names in order otherwise).
template <class Map, class GroupOf>
std::vector<const typename Map::value_type*> ranked(const Map& m, GroupOf groupOf)
{
    std::vector<const typename Map::value_type*> v;
    for (const auto& kv : m)
        v.push_back(&kv);
    std::stable_sort(v.begin(), v.end(), [&](auto a, auto b) {
        const Group& x = groupOf(a->second);
        const Group& y = groupOf(b->second);
        if (x.etpConcerned != y.etpConcerned)
            return x.etpConcerned > y.etpConcerned;
        return x.etp > y.etp;
    });
    return v;
}

} // namespace

std::vector<PlanRow> accompanimentPlan(const std::vector<PlanPost>& posts, const ExposureDb& db, Edition edition,
                                       const std::string& noDirection, std::size_t topCount)
{
    // direction → (its own group, service → group); std::map keeps names sorted for equal ranks.
    std::map<std::string, std::pair<Group, std::map<std::string, Group>>> directions;
    for (const PlanPost& p : posts) {
        const Occupation* occ = p.code.empty() ? nullptr : db.occupation(p.code);
        const bool concerned = studyClassIndex(db, p.code, edition) >= kHeadlineFrom;
        auto& d = directions[p.direction.empty() ? noDirection : p.direction];
        add(d.first, p, occ, concerned, edition);
        if (!p.service.empty())
            add(d.second[p.service], p, occ, concerned, edition);
    }
    std::vector<PlanRow> out;
    for (const auto* d : ranked(directions, [](const auto& v) -> const Group& { return v.first; })) {
        out.push_back(row(d->first, std::string(), d->second.first, db, topCount));
        for (const auto* s : ranked(d->second.second, [](const Group& g) -> const Group& { return g; }))
            out.push_back(row(d->first, s->first, s->second, db, topCount));
    }
    return out;
}

} // namespace cartoia
