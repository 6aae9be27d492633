/* SPDX-License-Identifier: MPL-2.0 */
#include "plan_sheets.hxx"

#include "arguments.hxx"
#include "shared_data.hxx"

#include "cartoia/plan.hpp"
#include "cartoia/text_util.hpp"
#include "cartoia/workbook_contract.hxx"

#include <iterator>
#include <map>
#include <utility>

#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/awt/Point.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>

namespace cartoia::uno {

using namespace com::sun::star;
using com::sun::star::uno::Any;
using com::sun::star::uno::Reference;
using com::sun::star::uno::Sequence;
using com::sun::star::uno::UNO_QUERY_THROW;

namespace {

namespace L = contract::plan;
namespace P = contract::postes;

std::string joined(const std::vector<std::string>& parts, int more)
{
    return join(parts, " ; ") + (more > 0 ? " (+" + std::to_string(more) + ")" : std::string());
}

std::string text(const Any& a)
{
    rtl::OUString s;
    return (a >>= s) ? toUtf8(s) : std::string();
}

} // namespace

void writePlan(const Workbook& wb, const ReviewRows& review, const Rows& postesValues, Edition edition)
{
    if (!wb.hasSheet(contract::sheet::plan))
        return;
    std::vector<PlanPost> posts;
    for (sal_Int32 i = 0; i < postesValues.getLength(); ++i) {
        PlanPost p;
        p.direction = text(postesValues[i][P::direction]);
        p.service = text(postesValues[i][P::service]);
        postesValues[i][P::etp] >>= p.etp;
        const int row = review.rowOfPost[static_cast<size_t>(i)];
        if (row >= 0) {
            p.code = review.codes[static_cast<size_t>(row)];
            p.metier = review.texts[static_cast<size_t>(row)];
        }
        posts.push_back(std::move(p));
    }
    const std::vector<PlanRow> plan = accompanimentPlan(posts, sharedData().data.exposure, edition, L::noDirection);
    if (plan.empty())
        return;

    // The slice of Postes (sheet rows, first and last) of each direction and of each of its services:
    // Postes lists the posts by direction and service.
    std::map<std::pair<std::string, std::string>, std::pair<sal_Int32, sal_Int32>> slices;
    for (size_t i = 0; i < posts.size(); ++i) {
        const std::string d = posts[i].direction.empty() ? L::noDirection : posts[i].direction;
        const sal_Int32 row = P::modelRow + 1 + static_cast<sal_Int32>(i);
        slices.try_emplace({d, std::string()}, row, row).first->second.second = row;
        if (!posts[i].service.empty()) // a post without service only counts for its direction
            slices.try_emplace({d, posts[i].service}, row, row).first->second.second = row;
    }
    static_assert(L::service == L::direction + 1 && L::metiers == L::themes + 1 && L::premiere == L::metiers + 1 &&
                      L::derniere == L::premiere + 1,
                  "written columns side by side");
    const sal_Int32 n = static_cast<sal_Int32>(plan.size());
    Rows names(n), notes(n);
    for (sal_Int32 i = 0; i < n; ++i) {
        const PlanRow& r = plan[static_cast<size_t>(i)];
        const auto slice = slices.at({r.direction, r.service});
        const Any name[] = {Any(fromUtf8(r.direction)),
                            Any(fromUtf8(r.service.empty() ? L::wholeDirection : r.service))};
        const Any note[] = {Any(fromUtf8(joined(r.themes, 0))), Any(fromUtf8(joined(r.metiers, r.moreMetiers))),
                            Any(static_cast<double>(slice.first)), Any(static_cast<double>(slice.second))};
        names[i] = Sequence<Any>(name, 2);
        notes[i] = Sequence<Any>(note, 4);
    }
    Reference<sheet::XSpreadsheet> sheet = wb.sheet(contract::sheet::plan);
    const sal_Int32 last = L::firstRow + n - 1;
    const Workbook::RowHeightHold hold(sheet, L::firstRow, last);
    Workbook::write(sheet, L::direction, L::firstRow, names);
    Workbook::write(sheet, L::themes, L::firstRow, notes);
    Workbook::fillRuns(sheet, L::formulaRuns, L::firstRow, n);
    // A direction's own row in bold; on its services' rows, its name in grey.
    for (sal_Int32 i = 0; i < n; ++i) {
        const sal_Int32 r = L::firstRow + i;
        if (plan[static_cast<size_t>(i)].service.empty())
            Reference<beans::XPropertySet>(sheet->getCellRangeByPosition(0, r, L::columnCount - 1, r), UNO_QUERY_THROW)
                ->setPropertyValue("CharWeight", Any(awt::FontWeight::BOLD));
        else
            Reference<beans::XPropertySet>(sheet->getCellByPosition(L::direction, r), UNO_QUERY_THROW)
                ->setPropertyValue("CharColor", Any(sal_Int32(0x8C8C8C)));
    }
    Workbook::alignTop(sheet, table::CellRangeAddress(0, 0, L::firstRow, L::columnCount - 1, last));
}

void addNoteChart(const Workbook& wb)
{
    table::CellRangeAddress range;
    table::CellAddress at;
    if (!wb.namedRange(contract::names::note_classes, range) || !wb.namedCell(contract::names::chart_note, at))
        return;
    Reference<sheet::XSpreadsheet> sheet = wb.sheetAt(at);
    std::vector<sal_Int32> colors(std::begin(contract::classColors), std::end(contract::classColors));
    colors.push_back(0xBDBDBD); // non classé
    const awt::Point p = Workbook::position(sheet, at);
    wb.addBarChart(sheet, "NoteClasses", range, p.X + 200, p.Y + 100, 17600, 5000, "Postes par classe d'exposition",
                   colors);
}

} // namespace cartoia::uno
