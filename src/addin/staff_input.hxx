/* SPDX-License-Identifier: MPL-2.0 */
// Staff tables coming from a file (CSV read directly; spreadsheets opened hidden and read-only) or
// from Calc cells (the sidebar) go through the same detection.
#pragma once

#include "workbook.hxx"

#include "cartoia/staff_table.hpp"

#include <com/sun/star/uno/XComponentContext.hpp>

namespace cartoia::uno {

// Rows of cells (texts and numbers; first rows may be titles) → a detected staff table.
StaffTable tableFromRows(const Rows& rows);

// A staff table file (.csv/.txt, or any spreadsheet LibreOffice opens: first sheet's used area).
// The file is never modified. Throws IllegalArgumentException with a French message (file that does
// not open, password-protected workbook…).
StaffTable tableFromFile(const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& ctx,
                         const rtl::OUString& url);

} // namespace cartoia::uno
