/* SPDX-License-Identifier: MPL-2.0 */
// The decision sheets of a generated workbook: « Plan d'accompagnement » (directions and services
// ranked by ETP concerned; the live figures are the template's formulas, the generation writes the
// rows, themes and métiers) and the class chart of « Note aux élus ».
#pragma once

#include "review_sheets.hxx"
#include "workbook.hxx"

#include "cartoia/exposure.hpp"

namespace cartoia::uno {

// One row per direction, then its services, from the posts written on Postes and their codes.
void writePlan(const Workbook& wb, const ReviewRows& review, const Rows& postesValues, Edition edition);
// Posts per class as coloured bars, on the Note aux élus.
void addNoteChart(const Workbook& wb);

} // namespace cartoia::uno
