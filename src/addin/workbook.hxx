/* SPDX-License-Identifier: MPL-2.0 */
// Small helpers over a Calc document: sheets, named cells, bulk writes, DataPilot tables, charts.
#pragma once

#include <string>
#include <vector>

#include <com/sun/star/awt/Point.hpp>
#include <com/sun/star/sheet/GeneralFunction.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/table/CellAddress.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/uno/Any.hxx>
#include <com/sun/star/uno/Sequence.hxx>

namespace cartoia::uno {

using Rows = com::sun::star::uno::Sequence<com::sun::star::uno::Sequence<com::sun::star::uno::Any>>;

// Rows built one by one, as one block for Workbook::write.
Rows toRows(const std::vector<com::sun::star::uno::Sequence<com::sun::star::uno::Any>>& rows);

class Workbook {
public:
    explicit Workbook(const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheetDocument>& doc);

    com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheet> sheet(const char* name) const;
    bool hasSheet(const char* name) const;
    // The sheet an address is on.
    com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheet>
    sheetAt(const com::sun::star::table::CellAddress& at) const;
    // Sheet and cell of a named range's first cell; false when the name does not exist.
    bool namedCell(const char* name, com::sun::star::table::CellAddress& cell) const;
    bool namedRange(const char* name, com::sun::star::table::CellRangeAddress& range) const;
    void setNamedCell(const char* name, const com::sun::star::uno::Any& value) const;

    // Writes a block of values with one call (rows must all have the same length).
    static void write(const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheet>& sheet, sal_Int32 col,
                      sal_Int32 row, const Rows& values);
    static Rows read(const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheet>& sheet,
                     const com::sun::star::table::CellRangeAddress& range);
    // Top-left corner of a cell (1/100 mm), where a chart is placed.
    static com::sun::star::awt::Point
    position(const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheet>& sheet,
             const com::sun::star::table::CellAddress& at);
    // Rows first..last at a fixed height while they are filled (Calc would otherwise measure their
    // wrapped texts again after each write), then at their optimal height once, when it goes.
    class RowHeightHold {
    public:
        RowHeightHold(const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheet>& sheet, sal_Int32 first,
                      sal_Int32 last);
        ~RowHeightHold();
        RowHeightHold(const RowHeightHold&) = delete;
        RowHeightHold& operator=(const RowHeightHold&) = delete;

    private:
        com::sun::star::uno::Reference<com::sun::star::beans::XPropertySet> rows_;
    };
    // Every cell of the range at the top of its row: numbers beside wrapped texts.
    static void alignTop(const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheet>& sheet,
                         const com::sun::star::table::CellRangeAddress& range);
    // Copies the formulas of row `modelRow` (columns first..last) down to `lastRow` (fillAuto).
    static void fillDown(const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheet>& sheet,
                         sal_Int32 first, sal_Int32 last, sal_Int32 modelRow, sal_Int32 lastRow);
    // fillDown for each run of formula columns (first, last) of a contract table, over `rows` rows.
    template <size_t N>
    static void fillRuns(const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheet>& sheet,
                         const int (&runs)[N][2], sal_Int32 modelRow, sal_Int32 rows)
    {
        for (size_t k = 0; k < N; ++k)
            fillDown(sheet, runs[k][0], runs[k][1], modelRow, modelRow + rows - 1);
    }

    // DataPilot over `source`: rows by `rowField`, optional columns by `columnField` (its items in
    // `columnOrder` when given), one data field per (column, function) pair. Returns the output range.
    struct DataField {
        sal_Int32 column;
        com::sun::star::sheet::GeneralFunction function;
        bool rowShare = false; // shown as the share of its row's total
    };
    com::sun::star::table::CellRangeAddress
    addPivot(const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheet>& target, const char* name,
             const com::sun::star::table::CellAddress& at, const com::sun::star::table::CellRangeAddress& source,
             sal_Int32 rowField, sal_Int32 columnField, const std::vector<DataField>& data,
             const std::vector<std::string>& columnOrder = {}) const;

    // A stacked horizontal bar chart of `range` (first row and column are labels); series colours in order.
    void addStackedBarChart(const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheet>& target,
                            const char* name, const com::sun::star::table::CellRangeAddress& range, sal_Int32 x,
                            sal_Int32 y, sal_Int32 width, sal_Int32 height, const std::string& title,
                            const std::vector<sal_Int32>& colors = {}) const;

    // A horizontal bar chart of `range` (first row and column are labels), one colour per bar.
    void addBarChart(const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheet>& target,
                     const char* name, const com::sun::star::table::CellRangeAddress& range, sal_Int32 x, sal_Int32 y,
                     sal_Int32 width, sal_Int32 height, const std::string& title,
                     const std::vector<sal_Int32>& pointColors) const;

    // A bubble chart of `range`: columns x, y and bubble size, first row headers (one series).
    void addBubbleChart(const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheet>& target,
                        const char* name, const com::sun::star::table::CellRangeAddress& range, sal_Int32 x,
                        sal_Int32 y, sal_Int32 width, sal_Int32 height, const std::string& title) const;

    // Replaces every formula by its value, sheet by sheet.
    void freeze() const;

    const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheetDocument>& doc() const { return doc_; }

private:
    com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheetDocument> doc_;
};

} // namespace cartoia::uno
