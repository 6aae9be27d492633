// SPDX-License-Identifier: MPL-2.0
// The accompaniment plan: directions and their services ranked by ETP concerned, with the themes of
// exposed tasks and the métiers that weigh most in each (what the generation writes beside the
// plan's live figures).
#pragma once
#include "cartoia/exposure.hpp"

#include <string>
#include <vector>

namespace cartoia {

// One post as the plan sees it: where it is, its code (empty when not mapped) and its métier.
struct PlanPost {
    std::string direction;
    std::string service;
    std::string code;
    std::string metier; // the text mapped (métier, else title)
    double etp = 1;
};

// A direction (service empty) or one of its services.
struct PlanRow {
    std::string direction;
    std::string service;                // empty on the direction's own row
    double etp = 0;
    double etpConcerned = 0;            // ETP in the classes of the headline (peu concerné and above)
    std::vector<std::string> themes;    // theme labels, heaviest first (at most `topCount`)
    std::vector<std::string> metiers;   // métiers of concerned posts, most ETP first (at most `topCount`)
    int moreMetiers = 0;                // concerned métiers not listed
};

// The study class index (0 pas concerné … 3 très concerné) of a code under the edition's documented
// rule (workbook contract); -1 when the code has no ILO level (unmapped, 1–3 digits, not scored).
int studyClassIndex(const ExposureDb& db, const std::string& code, Edition edition);

// Directions ranked by ETP concerned (then ETP, then name), each followed by its named services ranked
// the same way. Posts without direction go to `noDirection`. A theme weighs, for a post, its ETP times
// the edition's scores of the occupation's tasks in that theme divided by its number of tasks: the
// ETP-weighted share of exposure the theme carries. Only concerned posts count for themes and métiers.
std::vector<PlanRow> accompanimentPlan(const std::vector<PlanPost>& posts, const ExposureDb& db, Edition edition,
                                       const std::string& noDirection, std::size_t topCount = 3);

} // namespace cartoia
