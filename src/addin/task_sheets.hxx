/* SPDX-License-Identifier: MPL-2.0 */
// The workshop sheets of a generated workbook: Tâches (every ILO task of the occupations present,
// in French, with the two workshop columns), Thèmes (tasks grouped by theme) and the Grille chart.
#pragma once

#include "workbook.hxx"

#include "cartoia/cartography.hpp"

#include <vector>

namespace cartoia::uno {

// Writes the Tâches rows (sorted by score 2025 × ETP of the occupation), copies their formulas down
// and offers the workshop answers as a list; then the Thèmes rows.
void writeTaskSheets(const Workbook& wb, const std::vector<OccupationSummary>& occupations);
// The Thèmes and Grille charts, once their figures are calculated.
void addTaskCharts(const Workbook& wb);

} // namespace cartoia::uno
