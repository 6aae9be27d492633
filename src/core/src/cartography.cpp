// SPDX-License-Identifier: MPL-2.0
#include "cartoia/cartography.hpp"
#include "cartoia/workbook_contract.hxx"

#include <algorithm>
#include <iterator>
#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>

namespace cartoia {

StudyClass studyClassFromLevel2023(int level2023)
{
    if (level2023 < 0 || level2023 > 3)
        throw std::out_of_range("ILO 2023 level");
    return static_cast<StudyClass>(level2023);
}

const std::string& studyClassLabel(StudyClass c)
{
    static const std::string labels[] = {contract::classLabels[0], contract::classLabels[1], contract::classLabels[2],
                                         contract::classLabels[3]};
    static_assert(std::size(contract::classLabels) == 4, "four study classes");
    return labels[static_cast<int>(c)];
}

std::vector<OccupationSummary> summariseOccupations(const std::vector<MappedPost>& posts, const ExposureDb& db,
                                                    Edition edition)
{
    std::map<std::string, OccupationSummary> byCode;
    for (const MappedPost& p : posts) {
        if (p.code.empty())
            continue;
        OccupationSummary& s = byCode[p.code];
        s.code = p.code;
        ++s.posts;
        s.etp += p.etp;
        if (!p.metier.empty() && std::find(s.metiers.begin(), s.metiers.end(), p.metier) == s.metiers.end())
            s.metiers.push_back(p.metier);
    }
    std::vector<OccupationSummary> out;
    for (auto& [code, s] : byCode) {
        const size_t e = static_cast<size_t>(edition);
        if (const Occupation* o = db.occupation(code)) {
            s.score = o->mean[e];
            s.level = o->level[e];
        } else {
            s.score = std::numeric_limits<double>::quiet_NaN();
        }
        s.scoreTimesEtp = std::isnan(s.score) ? 0 : s.score * s.etp;
        out.push_back(std::move(s));
    }
    std::sort(out.begin(), out.end(), [](const OccupationSummary& a, const OccupationSummary& b) {
        if (a.scoreTimesEtp != b.scoreTimesEtp)
            return a.scoreTimesEtp > b.scoreTimesEtp;
        if (a.posts != b.posts)
            return a.posts > b.posts;
        return a.code < b.code;
    });
    return out;
}

} // namespace cartoia
