// SPDX-License-Identifier: MPL-2.0
// What the cartography workbook shows, computed without LibreOffice: the study's four classes and
// the per-occupation list that tells where to send training resources.
#pragma once
#include "cartoia/exposure.hpp"

#include <string>
#include <vector>

namespace cartoia {

// The study's classes, from the ILO 2023 category (its published shares match one class per
// category): Not affected → pas concerné, Augmentation → peu concerné, Big unknown → concerné,
// Automation → très concerné.
enum class StudyClass { PasConcerne = 0, PeuConcerne = 1, Concerne = 2, TresConcerne = 3 };
StudyClass studyClassFromLevel2023(int level2023);
const std::string& studyClassLabel(StudyClass c); // "pas concerné" …

// One post of the staff table once mapped (code empty when not mapped).
struct MappedPost {
    std::string code;
    std::string metier;
    double etp = 1;
};

// One ISCO occupation present in the staff table.
struct OccupationSummary {
    std::string code;
    std::vector<std::string> metiers; // distinct, in order of appearance
    int posts = 0;
    double etp = 0;
    double score = 0; // mean task score of the chosen edition (NaN for a 1–3 digit code)
    int level = -1;   // ILO level of the chosen edition, -1 when none
    double scoreTimesEtp = 0;
};

// Groups posts by code, sorted by score × ETP (then posts, then code). Unmapped posts are left out.
std::vector<OccupationSummary> summariseOccupations(const std::vector<MappedPost>& posts, const ExposureDb& db,
                                                    Edition edition);

} // namespace cartoia
