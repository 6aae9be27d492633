/* SPDX-License-Identifier: MPL-2.0 */
#include "task_sheets.hxx"

#include "arguments.hxx"
#include "shared_data.hxx"

#include "cartoia/workbook_contract.hxx"

#include <algorithm>
#include <cmath>
#include <map>

#include <com/sun/star/awt/Point.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/sheet/TableValidationVisibility.hpp>
#include <com/sun/star/sheet/ValidationType.hpp>
#include <com/sun/star/sheet/XSheetCondition.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>

namespace cartoia::uno {

using namespace com::sun::star;
using com::sun::star::uno::Any;
using com::sun::star::uno::Reference;
using com::sun::star::uno::Sequence;
using com::sun::star::uno::UNO_QUERY_THROW;
using rtl::OUString;

namespace {

namespace T = contract::taches;
namespace H = contract::themes;

// Differences that make a task worth a second look (the ILO explorer's « why a score »).
constexpr double kNotableGap = 0.2;

struct TaskRow {
    const OccupationSummary* occupation;
    const Occupation* scores;
    size_t index;  // in scores->tasks
    double weight; // score 2025 × ETP of the occupation
};

// Tasks shown per theme, and their length, so that Thèmes prints legibly on one page.
constexpr size_t kTopTasks = 2;
constexpr size_t kShownLength = 120;

// The text cut at a word boundary before kShownLength bytes, with "…"; final punctuation dropped.
std::string shortened(std::string text)
{
    while (!text.empty() && (text.back() == ';' || text.back() == '.' || text.back() == ' '))
        text.pop_back();
    if (text.size() <= kShownLength)
        return text;
    size_t cut = text.rfind(' ', kShownLength);
    if (cut == std::string::npos)
        cut = kShownLength;
    while (cut > 0 && (text[cut - 1] == ',' || text[cut - 1] == ' '))
        --cut;
    return text.substr(0, cut) + "…";
}

std::string percent(double score) { return std::to_string(static_cast<int>(std::lround(score * 100))) + " %"; }

std::string reviewFlags(const Task& t)
{
    std::string out;
    if (t.gpt4o && t.gemini && std::fabs(*t.gpt4o - *t.gemini) > kNotableGap)
        out = "modèles en désaccord";
    if (t.score2023 && std::fabs(t.score2025 - *t.score2023) > kNotableGap)
        out +=
            std::string(out.empty() ? "" : " ; ") + (t.score2025 > *t.score2023 ? "hausse" : "baisse") + " depuis 2023";
    return out;
}

std::string shortList(const std::vector<std::string>& names)
{
    std::string out;
    for (size_t k = 0; k < names.size() && k < 3; ++k)
        out += (out.empty() ? "" : " ; ") + names[k];
    if (names.size() > 3)
        out += " (+" + std::to_string(names.size() - 3) + ")";
    return out;
}

std::vector<TaskRow> taskRows(const std::vector<OccupationSummary>& occupations, const ExposureDb& db)
{
    std::vector<TaskRow> rows;
    for (const OccupationSummary& o : occupations)
        if (const Occupation* occ = db.occupation(o.code))
            for (size_t k = 0; k < occ->tasks.size(); ++k)
                rows.push_back({&o, occ, k, occ->tasks[k].score2025 * o.etp});
    std::stable_sort(rows.begin(), rows.end(), [](const TaskRow& a, const TaskRow& b) { return a.weight > b.weight; });
    return rows;
}

Any optionalNumber(const std::optional<double>& v) { return v ? Any(*v) : Any(OUString()); }

// The answers offered in « On souhaite que l'IA le fasse »; anything else is refused with a message.
void offerAnswers(const Reference<sheet::XSpreadsheet>& sheet, sal_Int32 firstRow, sal_Int32 lastRow)
{
    Reference<beans::XPropertySet> range(sheet->getCellRangeByPosition(T::souhaite, firstRow, T::souhaite, lastRow),
                                         UNO_QUERY_THROW);
    Reference<beans::XPropertySet> validation(range->getPropertyValue(ascii("Validation")), UNO_QUERY_THROW);
    std::string list;
    for (const char* a : contract::workshopAnswers)
        list += (list.empty() ? "\"" : ";\"") + std::string(a) + "\"";
    validation->setPropertyValue(ascii("Type"), Any(sheet::ValidationType_LIST));
    validation->setPropertyValue(ascii("ShowList"), Any(sheet::TableValidationVisibility::UNSORTED));
    validation->setPropertyValue(ascii("IgnoreBlankCells"), Any(true));
    validation->setPropertyValue(ascii("ShowErrorMessage"), Any(true));
    validation->setPropertyValue(ascii("ErrorMessage"), Any(fromUtf8("Réponses possibles : Oui, Non, À débattre.")));
    Reference<sheet::XSheetCondition>(validation, UNO_QUERY_THROW)->setFormula1(fromUtf8(list));
    range->setPropertyValue(ascii("Validation"), Any(validation));
}

// Tâches: one row per task of the occupations present. Returns the rows in the order written.
std::vector<TaskRow> writeTasks(const Workbook& wb, const std::vector<OccupationSummary>& occupations)
{
    table::CellAddress at;
    if (!wb.namedCell(contract::names::taches_donnees, at))
        return {};
    const ExposureDb& db = sharedData().data.exposure;
    std::vector<TaskRow> rows = taskRows(occupations, db);
    if (rows.empty())
        return rows;
    Reference<sheet::XSpreadsheet> sheet = wb.sheetAt(at);
    const sal_Int32 n = static_cast<sal_Int32>(rows.size());
    const Workbook::RowHeightHold hold(sheet, T::firstRow, T::firstRow + n - 1);
    Rows values(n), english(n); // the first row is the model row: its formula columns stay as they are
    std::map<std::pair<std::string, std::string>, bool> seen; // (code, theme) already counted
    for (sal_Int32 i = 0; i < n; ++i) {
        const TaskRow& r = rows[static_cast<size_t>(i)];
        const Task& t = r.scores->tasks[r.index];
        Sequence<Any> v(T::premier + 1);
        v[T::code] <<= fromUtf8(r.occupation->code);
        const Value title = db.label(r.occupation->code, true);
        v[T::profession] <<= fromUtf8(title.kind == Value::Kind::Text ? title.text : std::string());
        v[T::numero] <<= static_cast<double>(r.index + 1);
        v[T::tache] <<= fromUtf8(t.textFr);
        v[T::theme] <<= fromUtf8(db.themeLabel(t.theme));
        v[T::score_2025] <<= t.score2025;
        v[T::score_2023] = optionalNumber(t.score2023);
        v[T::bande] <<= fromUtf8(taskBandLabel(t.score2025));
        v[T::gpt4o] = optionalNumber(t.gpt4o);
        v[T::gemini] = optionalNumber(t.gemini);
        v[T::a_examiner] <<= fromUtf8(reviewFlags(t));
        v[T::metiers] <<= fromUtf8(shortList(r.occupation->metiers));
        const bool first = seen.emplace(std::make_pair(r.occupation->code, t.theme), true).second;
        v[T::premier] <<= first ? 1.0 : 0.0;
        values[i] = v;
        Sequence<Any> e(1);
        e[0] <<= fromUtf8(t.text);
        english[i] = e;
    }
    // The codes present, each once: the task rows look their posts and ETP up there.
    std::vector<std::string> codes;
    for (const TaskRow& r : rows)
        if (std::find(codes.begin(), codes.end(), r.occupation->code) == codes.end())
            codes.push_back(r.occupation->code);
    Rows codeCells(static_cast<sal_Int32>(codes.size()));
    for (size_t k = 0; k < codes.size(); ++k) {
        Sequence<Any> c(1);
        c[0] <<= fromUtf8(codes[k]);
        codeCells[static_cast<sal_Int32>(k)] = c;
    }
    Workbook::write(sheet, contract::tachesCodesColumn, T::firstRow, codeCells);
    Workbook::fillDown(sheet, contract::tachesCodesColumn + 1, contract::tachesCodesColumn + 2, T::firstRow,
                       T::firstRow + codeCells.getLength() - 1);
    Workbook::write(sheet, 0, T::firstRow, values);
    Workbook::write(sheet, T::tache_en, T::firstRow, english);
    Workbook::fillDown(sheet, T::firstFormula, T::lastFormula, T::firstRow, T::firstRow + n - 1);
    offerAnswers(sheet, T::firstRow, T::firstRow + n - 1);
    Workbook::alignTop(sheet,
                       table::CellRangeAddress(at.Sheet, 0, T::firstRow, T::columnCount - 1, T::firstRow + n - 1));
    return rows;
}

// Thèmes: every theme of the data, its figures computed from Tâches by the model row's formulas, and
// its tasks of highest 2025 score among the occupations present, with their index.
void writeThemes(const Workbook& wb, const std::vector<TaskRow>& rows)
{
    table::CellAddress at;
    if (!wb.namedCell(contract::names::themes_donnees, at))
        return;
    const ExposureDb& db = sharedData().data.exposure;
    Reference<sheet::XSpreadsheet> sheet = wb.sheetAt(at);
    const std::vector<Theme>& themes = db.themes();
    const sal_Int32 n = static_cast<sal_Int32>(std::min<size_t>(themes.size(), contract::themeCount));
    Rows labels(n), tops(n); // written apart: the first row's formula columns are the model
    for (sal_Int32 i = 0; i < n; ++i) {
        const Theme& theme = themes[static_cast<size_t>(i)];
        std::vector<const Task*> best;
        for (const TaskRow& r : rows) {
            const Task& t = r.scores->tasks[r.index];
            if (t.theme == theme.id &&
                std::none_of(best.begin(), best.end(), [&](const Task* b) { return b->textFr == t.textFr; }))
                best.push_back(&t);
        }
        std::stable_sort(best.begin(), best.end(),
                         [](const Task* a, const Task* b) { return a->score2025 > b->score2025; });
        std::string top;
        for (size_t k = 0; k < best.size() && k < kTopTasks; ++k)
            top += (top.empty() ? "" : "\n") + shortened(best[k]->textFr) + " (" + percent(best[k]->score2025) + ")";
        Sequence<Any> l(1), tp(1);
        l[0] <<= fromUtf8(theme.label);
        tp[0] <<= fromUtf8(top);
        labels[i] = l;
        tops[i] = tp;
    }
    Workbook::write(sheet, H::theme, H::firstRow, labels);
    Workbook::write(sheet, H::top, H::firstRow, tops);
    Workbook::fillDown(sheet, H::firstFormula, H::lastFormula, H::firstRow, H::firstRow + n - 1);
    // Wrapped texts, rows as tall as their three tasks.
    Reference<table::XCellRange> block =
        sheet->getCellRangeByPosition(0, H::firstRow, H::columnCount - 1, H::firstRow + n - 1);
    Reference<beans::XPropertySet>(block, UNO_QUERY_THROW)->setPropertyValue(ascii("IsTextWrapped"), Any(true));
    Reference<beans::XPropertySet>(Reference<table::XColumnRowRange>(block, UNO_QUERY_THROW)->getRows(),
                                   UNO_QUERY_THROW)
        ->setPropertyValue(ascii("OptimalHeight"), Any(true));
}

} // namespace

void writeTaskSheets(const Workbook& wb, const std::vector<OccupationSummary>& occupations)
{
    writeThemes(wb, writeTasks(wb, occupations));
}

void addTaskCharts(const Workbook& wb)
{
    table::CellAddress themesAt, chartAt;
    if (wb.namedCell(contract::names::themes_donnees, themesAt) &&
        wb.namedCell(contract::names::chart_themes, chartAt)) {
        Reference<sheet::XSpreadsheet> sheet = wb.sheetAt(chartAt);
        const awt::Point p = Workbook::position(sheet, chartAt);
        const sal_Int32 n =
            static_cast<sal_Int32>(std::min<size_t>(sharedData().data.exposure.themes().size(), contract::themeCount));
        const table::CellRangeAddress range(themesAt.Sheet, H::theme, H::firstRow - 1, H::etp, H::firstRow + n - 1);
        wb.addStackedBarChart(sheet, "ThemesETP", range, p.X, p.Y, 24000, 11000,
                              "ETP des postes qui portent des tâches de chaque thème", {0x7030A0});
    }
    // Grille: tasks per quadrant, a bar per « l'IA peut / ne peut pas », split by the workshop's answer.
    table::CellRangeAddress counts;
    if (wb.namedRange(contract::names::grille_comptes, counts) &&
        wb.namedCell(contract::names::chart_grille, chartAt)) {
        Reference<sheet::XSpreadsheet> sheet = wb.sheetAt(chartAt);
        const awt::Point p = Workbook::position(sheet, chartAt);
        wb.addStackedBarChart(sheet, "GrilleTaches", counts, p.X, p.Y, 21000, 8000, "Tâches par réponse de l'atelier",
                              {0x2E7D32, 0xC0392B, 0xBDBDBD});
    }
}

} // namespace cartoia::uno
