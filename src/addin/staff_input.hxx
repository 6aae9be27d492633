/* SPDX-License-Identifier: MPL-2.0 */
// Staff tables coming from Calc cells (the sidebar, spreadsheet files) go through the same
// detection as CSV files.
#pragma once

#include "workbook.hxx"

#include "cartoia/staff_table.hpp"

namespace cartoia::uno {

// Rows of cells (texts and numbers; first rows may be titles) → a detected staff table.
StaffTable tableFromRows(const Rows& rows);

} // namespace cartoia::uno
