/* SPDX-License-Identifier: MPL-2.0 */
#include "workbook.hxx"

#include "arguments.hxx"

#include <com/sun/star/awt/Rectangle.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/chart/XChartDocument.hpp>
#include <com/sun/star/chart/XDiagram.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/table/CellVertJustify2.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/document/XEmbeddedObjectSupplier.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/DataPilotFieldOrientation.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/FormulaResult.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XCellRangeReferrer.hpp>
#include <com/sun/star/sheet/XCellSeries.hpp>
#include <com/sun/star/lang/IndexOutOfBoundsException.hpp>
#include <com/sun/star/sheet/XDataPilotDescriptor.hpp>
#include <com/sun/star/sheet/XDataPilotField.hpp>
#include <com/sun/star/sheet/XDataPilotTable.hpp>
#include <com/sun/star/sheet/XDataPilotTables.hpp>
#include <com/sun/star/sheet/DataPilotFieldReference.hpp>
#include <com/sun/star/sheet/DataPilotFieldReferenceType.hpp>
#include <com/sun/star/sheet/XDataPilotTablesSupplier.hpp>
#include <com/sun/star/sheet/XNamedRanges.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/sheet/FillDirection.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/table/XTableChart.hpp>
#include <com/sun/star/table/XTableCharts.hpp>
#include <com/sun/star/table/XTableChartsSupplier.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextRange.hpp>

namespace cartoia::uno {

using namespace com::sun::star;
using com::sun::star::uno::Any;
using com::sun::star::uno::Reference;
using com::sun::star::uno::Sequence;
using com::sun::star::uno::UNO_QUERY;
using com::sun::star::uno::UNO_QUERY_THROW;
using rtl::OUString;

Workbook::Workbook(const Reference<sheet::XSpreadsheetDocument>& doc) : doc_(doc) {}

bool Workbook::hasSheet(const char* name) const { return doc_->getSheets()->hasByName(fromUtf8(name)); }

Reference<sheet::XSpreadsheet> Workbook::sheet(const char* name) const
{
    Reference<sheet::XSpreadsheet> s(doc_->getSheets()->getByName(fromUtf8(name)), UNO_QUERY_THROW);
    return s;
}

bool Workbook::namedRange(const char* name, table::CellRangeAddress& range) const
{
    Reference<beans::XPropertySet> props(doc_, UNO_QUERY_THROW);
    Reference<container::XNameAccess> names(props->getPropertyValue(ascii("NamedRanges")), UNO_QUERY_THROW);
    if (!names->hasByName(ascii(name)))
        return false;
    Reference<sheet::XCellRangeReferrer> ref(names->getByName(ascii(name)), UNO_QUERY_THROW);
    Reference<sheet::XCellRangeAddressable> addr(ref->getReferredCells(), UNO_QUERY_THROW);
    range = addr->getRangeAddress();
    return true;
}

bool Workbook::namedCell(const char* name, table::CellAddress& cell) const
{
    table::CellRangeAddress r;
    if (!namedRange(name, r))
        return false;
    cell = table::CellAddress(r.Sheet, r.StartColumn, r.StartRow);
    return true;
}

void Workbook::setNamedCell(const char* name, const Any& value) const
{
    table::CellAddress a;
    if (!namedCell(name, a))
        return;
    Reference<container::XIndexAccess> sheets(doc_->getSheets(), UNO_QUERY_THROW);
    Reference<table::XCellRange> s(sheets->getByIndex(a.Sheet), UNO_QUERY_THROW);
    Reference<table::XCell> cell = s->getCellByPosition(a.Column, a.Row);
    OUString text;
    double number = 0;
    if (value >>= text)
        cell->setFormula(text.startsWith("=") ? "'" + text : text);
    else if (value >>= number)
        cell->setValue(number);
}

void Workbook::write(const Reference<sheet::XSpreadsheet>& sheet, sal_Int32 col, sal_Int32 row, const Rows& values)
{
    if (values.getLength() == 0 || values[0].getLength() == 0)
        return;
    Reference<sheet::XCellRangeData> data(
        sheet->getCellRangeByPosition(col, row, col + values[0].getLength() - 1, row + values.getLength() - 1),
        UNO_QUERY_THROW);
    data->setDataArray(values);
}

Rows Workbook::read(const Reference<sheet::XSpreadsheet>& sheet, const table::CellRangeAddress& r)
{
    Reference<sheet::XCellRangeData> data(
        sheet->getCellRangeByPosition(r.StartColumn, r.StartRow, r.EndColumn, r.EndRow), UNO_QUERY_THROW);
    return data->getDataArray();
}

Rows toRows(const std::vector<Sequence<Any>>& rows)
{
    Rows all(static_cast<sal_Int32>(rows.size()));
    for (size_t i = 0; i < rows.size(); ++i)
        all[static_cast<sal_Int32>(i)] = rows[i];
    return all;
}

Reference<sheet::XSpreadsheet> Workbook::sheetAt(const table::CellAddress& at) const
{
    Reference<container::XIndexAccess> sheets(doc_->getSheets(), UNO_QUERY_THROW);
    return Reference<sheet::XSpreadsheet>(sheets->getByIndex(at.Sheet), UNO_QUERY_THROW);
}

awt::Point Workbook::position(const Reference<sheet::XSpreadsheet>& sheet, const table::CellAddress& at)
{
    Reference<beans::XPropertySet> cell(sheet->getCellByPosition(at.Column, at.Row), UNO_QUERY_THROW);
    awt::Point p;
    cell->getPropertyValue(ascii("Position")) >>= p;
    return p;
}

Workbook::RowHeightHold::RowHeightHold(const Reference<sheet::XSpreadsheet>& sheet, sal_Int32 first, sal_Int32 last)
{
    if (last < first)
        return;
    rows_.set(
        Reference<table::XColumnRowRange>(sheet->getCellRangeByPosition(0, first, 0, last), UNO_QUERY_THROW)->getRows(),
        UNO_QUERY_THROW);
    rows_->setPropertyValue(ascii("Height"), Any(static_cast<sal_Int32>(452)));
}

Workbook::RowHeightHold::~RowHeightHold()
{
    if (!rows_.is())
        return;
    try {
        rows_->setPropertyValue(ascii("OptimalHeight"), Any(true));
    } catch (const com::sun::star::uno::Exception&) {
        // the document is being closed
    }
}

void Workbook::alignTop(const Reference<sheet::XSpreadsheet>& sheet, const table::CellRangeAddress& range)
{
    Reference<beans::XPropertySet>(
        sheet->getCellRangeByPosition(range.StartColumn, range.StartRow, range.EndColumn, range.EndRow),
        UNO_QUERY_THROW)
        ->setPropertyValue(ascii("VertJustify"), Any(table::CellVertJustify2::TOP));
}

void Workbook::fillDown(const Reference<sheet::XSpreadsheet>& sheet, sal_Int32 first, sal_Int32 last,
                        sal_Int32 modelRow, sal_Int32 lastRow)
{
    if (lastRow <= modelRow)
        return;
    Reference<sheet::XCellSeries> series(sheet->getCellRangeByPosition(first, modelRow, last, lastRow),
                                         UNO_QUERY_THROW);
    series->fillAuto(sheet::FillDirection_TO_BOTTOM, 1);
}

table::CellRangeAddress Workbook::addPivot(const Reference<sheet::XSpreadsheet>& target, const char* name,
                                           const table::CellAddress& at, const table::CellRangeAddress& source,
                                           sal_Int32 rowField, sal_Int32 columnField,
                                           const std::vector<DataField>& data,
                                           const std::vector<std::string>& columnOrder) const
{
    Reference<sheet::XDataPilotTablesSupplier> supplier(target, UNO_QUERY_THROW);
    Reference<sheet::XDataPilotTables> tables = supplier->getDataPilotTables();
    Reference<sheet::XDataPilotDescriptor> desc = tables->createDataPilotDescriptor();
    desc->setSourceRange(source);
    Reference<container::XIndexAccess> fields = desc->getDataPilotFields();
    auto orient = [&](sal_Int32 col, sheet::DataPilotFieldOrientation o) {
        Reference<beans::XPropertySet> f(fields->getByIndex(col), UNO_QUERY_THROW);
        f->setPropertyValue(ascii("Orientation"), Any(o));
        return f;
    };
    orient(rowField, sheet::DataPilotFieldOrientation_ROW);
    if (columnField >= 0) {
        orient(columnField, sheet::DataPilotFieldOrientation_COLUMN);
        // Item order set on the descriptor, before the table exists (changing the items of an
        // inserted table crashed LibreOffice 7.4 now and then).
        Reference<sheet::XDataPilotField> field(fields->getByIndex(columnField), UNO_QUERY_THROW);
        Reference<container::XNameAccess> items(field->getItems(), UNO_QUERY);
        sal_Int32 pos = 0;
        for (const std::string& name : columnOrder)
            if (items.is() && items->hasByName(fromUtf8(name))) {
                Reference<beans::XPropertySet> item(items->getByName(fromUtf8(name)), UNO_QUERY_THROW);
                item->setPropertyValue(ascii("Position"), Any(pos++));
            }
    }
    for (const DataField& d : data) {
        // A field can serve as data twice (e.g. count and sum): the second use gets a new field.
        Reference<beans::XPropertySet> f(fields->getByIndex(d.column), UNO_QUERY_THROW);
        sheet::DataPilotFieldOrientation current;
        f->getPropertyValue(ascii("Orientation")) >>= current;
        if (current == sheet::DataPilotFieldOrientation_DATA)
            throw com::sun::star::uno::RuntimeException(ascii("a DataPilot data field is used twice"));
        f->setPropertyValue(ascii("Orientation"), Any(sheet::DataPilotFieldOrientation_DATA));
        f->setPropertyValue(ascii("Function"), Any(d.function));
        if (d.rowShare) {
            sheet::DataPilotFieldReference share;
            share.ReferenceType = sheet::DataPilotFieldReferenceType::ROW_PERCENTAGE;
            f->setPropertyValue(ascii("Reference"), Any(share));
        }
    }
    Reference<beans::XPropertySet> dprops(desc, UNO_QUERY);
    if (dprops.is()) {
        dprops->setPropertyValue(ascii("ShowFilterButton"), Any(false));
        dprops->setPropertyValue(ascii("DrillDownOnDoubleClick"), Any(false));
        dprops->setPropertyValue(ascii("GrandTotalName"), Any(fromUtf8("Total")));
    }
    tables->insertNewByName(ascii(name), at, desc);
    Reference<sheet::XDataPilotTable> table(tables->getByName(ascii(name)), UNO_QUERY_THROW);
    const table::CellRangeAddress out = table->getOutputRange();
    Reference<table::XColumnRowRange> cols(
        target->getCellRangeByPosition(out.StartColumn, out.StartRow, out.EndColumn, out.EndRow), UNO_QUERY_THROW);
    Reference<container::XIndexAccess> colAccess(cols->getColumns(), UNO_QUERY_THROW);
    for (sal_Int32 c = 0; c < colAccess->getCount(); ++c) {
        Reference<beans::XPropertySet> col(colAccess->getByIndex(c), UNO_QUERY_THROW);
        sal_Int32 width = 0;
        col->getPropertyValue(ascii("Width")) >>= width;
        const sal_Int32 wanted = c == 0 ? 7000 : 2800; // labels column; "très concerné" fits in 2.8 cm
        if (width < wanted)
            col->setPropertyValue(ascii("Width"), Any(wanted));
    }
    return out;
}

namespace {

// A chart of one cell range (first row: series names; first column: categories when
// `rowHeaders`), of the given diagram service, titled, with or without a legend.
Reference<chart::XDiagram> newChart(const Reference<sheet::XSpreadsheet>& target, const char* name,
                                    const table::CellRangeAddress& range, const awt::Rectangle& at, bool rowHeaders,
                                    const char* diagramService, const std::string& title, bool legend)
{
    Reference<table::XTableChartsSupplier> supplier(target, UNO_QUERY_THROW);
    Reference<table::XTableCharts> charts = supplier->getCharts();
    Sequence<table::CellRangeAddress> ranges(1);
    ranges[0] = range;
    charts->addNewByName(ascii(name), at, ranges, true, rowHeaders);
    Reference<document::XEmbeddedObjectSupplier> embedded(charts->getByName(ascii(name)), UNO_QUERY_THROW);
    Reference<chart::XChartDocument> chart(embedded->getEmbeddedObject(), UNO_QUERY_THROW);
    Reference<lang::XMultiServiceFactory> factory(chart, UNO_QUERY_THROW);
    Reference<chart::XDiagram> diagram(factory->createInstance(ascii(diagramService)), UNO_QUERY_THROW);
    chart->setDiagram(diagram);
    Reference<beans::XPropertySet> cprops(chart, UNO_QUERY_THROW);
    cprops->setPropertyValue(ascii("HasMainTitle"), Any(true));
    cprops->setPropertyValue(ascii("HasLegend"), Any(legend));
    Reference<beans::XPropertySet>(chart->getTitle(), UNO_QUERY_THROW)
        ->setPropertyValue(ascii("String"), Any(fromUtf8(title)));
    return diagram;
}

} // namespace

void Workbook::addStackedBarChart(const Reference<sheet::XSpreadsheet>& target, const char* name,
                                  const table::CellRangeAddress& range, sal_Int32 x, sal_Int32 y, sal_Int32 width,
                                  sal_Int32 height, const std::string& title,
                                  const std::vector<sal_Int32>& colors) const
{
    Reference<chart::XDiagram> diagram = newChart(target, name, range, awt::Rectangle(x, y, width, height), true,
                                                  "com.sun.star.chart.BarDiagram", title, true);
    Reference<beans::XPropertySet> dprops(diagram, UNO_QUERY_THROW);
    dprops->setPropertyValue(ascii("Vertical"), Any(true)); // horizontal bars: long labels stay readable
    dprops->setPropertyValue(ascii("Stacked"), Any(true));
    for (size_t i = 0; i < colors.size(); ++i) {
        try {
            Reference<beans::XPropertySet> series = diagram->getDataRowProperties(static_cast<sal_Int32>(i));
            series->setPropertyValue(ascii("FillColor"), Any(colors[i]));
        } catch (const lang::IndexOutOfBoundsException&) {
            break;
        }
    }
}

void Workbook::addBarChart(const Reference<sheet::XSpreadsheet>& target, const char* name,
                           const table::CellRangeAddress& range, sal_Int32 x, sal_Int32 y, sal_Int32 width,
                           sal_Int32 height, const std::string& title, const std::vector<sal_Int32>& pointColors) const
{
    Reference<chart::XDiagram> diagram = newChart(target, name, range, awt::Rectangle(x, y, width, height), true,
                                                  "com.sun.star.chart.BarDiagram", title, false);
    Reference<beans::XPropertySet>(diagram, UNO_QUERY_THROW)->setPropertyValue(ascii("Vertical"), Any(true));
    for (size_t i = 0; i < pointColors.size(); ++i) {
        try {
            diagram->getDataPointProperties(static_cast<sal_Int32>(i), 0)
                ->setPropertyValue(ascii("FillColor"), Any(pointColors[i]));
        } catch (const lang::IndexOutOfBoundsException&) {
            break;
        }
    }
}

void Workbook::addBubbleChart(const Reference<sheet::XSpreadsheet>& target, const char* name,
                              const table::CellRangeAddress& range, sal_Int32 x, sal_Int32 y, sal_Int32 width,
                              sal_Int32 height, const std::string& title) const
{
    newChart(target, name, range, awt::Rectangle(x, y, width, height), false, "com.sun.star.chart.BubbleDiagram", title,
             false);
}

void Workbook::freeze() const
{
    // Formula cells only (DataPilot output is not formulas and must not be written over).
    // Errors stay errors everywhere: they become =NA(), which every spreadsheet understands.
    Reference<container::XIndexAccess> sheets(doc_->getSheets(), UNO_QUERY_THROW);
    for (sal_Int32 i = 0; i < sheets->getCount(); ++i) {
        Reference<sheet::XCellRangesQuery> query(sheets->getByIndex(i), UNO_QUERY_THROW);
        Reference<sheet::XSheetCellRanges> values =
            query->queryFormulaCells(sheet::FormulaResult::VALUE | sheet::FormulaResult::STRING);
        Reference<container::XIndexAccess> ranges(values, UNO_QUERY_THROW);
        for (sal_Int32 k = 0; k < ranges->getCount(); ++k) {
            Reference<sheet::XCellRangeData> data(ranges->getByIndex(k), UNO_QUERY_THROW);
            data->setDataArray(data->getDataArray());
        }
        Reference<container::XIndexAccess> errors(query->queryFormulaCells(sheet::FormulaResult::ERROR),
                                                  UNO_QUERY_THROW);
        for (sal_Int32 k = 0; k < errors->getCount(); ++k) {
            Reference<sheet::XCellRangeFormula> f(errors->getByIndex(k), UNO_QUERY_THROW);
            Sequence<Sequence<OUString>> formulas = f->getFormulaArray();
            for (auto& row : formulas)
                for (OUString& cell : row)
                    cell = ascii("=NA()");
            f->setFormulaArray(formulas);
        }
    }
}

} // namespace cartoia::uno
