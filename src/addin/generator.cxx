/* SPDX-License-Identifier: MPL-2.0 */
#include "generator.hxx"

#include "arguments.hxx"
#include "plan_sheets.hxx"
#include "review_sheets.hxx"
#include "shared_data.hxx"
#include "staff_input.hxx"
#include "task_sheets.hxx"
#include "workbook.hxx"

#include "cartoia/cartography.hpp"
#include "cartoia/plan.hpp"
#include "cartoia/text_util.hpp"
#include "cartoia/workbook_contract.hxx"
#include "cartoia/staff_table.hpp"

#include <algorithm>
#include <numeric>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <iterator>

#include <com/sun/star/awt/Point.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/document/XActionLockable.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/sheet/GeneralFunction.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/sheet/XViewFreezable.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>
#include <cppuhelper/supportsservice.hxx>
#include <osl/file.hxx>

namespace cartoia::uno {

using namespace com::sun::star;
using com::sun::star::uno::Any;
using com::sun::star::uno::Reference;
using com::sun::star::uno::Sequence;
using com::sun::star::uno::UNO_QUERY;
using com::sun::star::uno::UNO_QUERY_THROW;
using rtl::OUString;

namespace {

struct Options {
    Edition edition = Edition::Y2025;
    bool hidden = false;
    Reference<task::XStatusIndicator> status;
    std::vector<int> columns; // forced mapping, StaffField order
};

Options parseOptions(const Sequence<beans::PropertyValue>& options)
{
    Options o;
    for (const beans::PropertyValue& p : options) {
        if (p.Name == "Edition") {
            o.edition = optionalEdition(p.Value, 1);
        } else if (p.Name == "Hidden") {
            p.Value >>= o.hidden;
        } else if (p.Name == "StatusIndicator") {
            p.Value >>= o.status;
        } else if (p.Name == "Columns") {
            Sequence<sal_Int32> cols;
            if (!(p.Value >>= cols) || cols.getLength() != static_cast<sal_Int32>(kStaffFieldCount))
                throwIllegal("Columns must list one column index per staff field", 1);
            for (sal_Int32 c : cols)
                o.columns.push_back(c);
        }
    }
    return o;
}

// Progress in the status bar, when the caller gave an indicator.
class Progress {
public:
    explicit Progress(const Reference<task::XStatusIndicator>& s) : status_(s)
    {
        if (status_.is())
            status_->start(fromUtf8("Cartographie IA : génération…"), 100);
    }
    ~Progress()
    {
        if (status_.is())
            status_->end();
    }
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;
    void step(sal_Int32 value, const char* text)
    {
        if (status_.is()) {
            status_->setText(fromUtf8(text));
            status_->setValue(value);
        }
    }

private:
    Reference<task::XStatusIndicator> status_;
};

// While the workbook is filled: no repaint, no automatic recalculation, no row height adjusted after
// each write (an action lock: heights are adjusted once, at the end); all restored however the
// generation ends.
class EditGuard {
public:
    explicit EditGuard(const Reference<sheet::XSpreadsheetDocument>& doc)
        : model_(doc, UNO_QUERY_THROW), calc_(doc, UNO_QUERY_THROW), lock_(doc, UNO_QUERY_THROW)
    {
        model_->lockControllers();
        calc_->enableAutomaticCalculation(false);
        lock_->addActionLock();
    }
    ~EditGuard() { release(); }
    void release()
    {
        if (!model_.is())
            return;
        try {
            lock_->removeActionLock();
            calc_->enableAutomaticCalculation(true);
            model_->unlockControllers();
        } catch (const com::sun::star::uno::Exception&) {
            // the document is being closed
        }
        model_.clear();
    }
    EditGuard(const EditGuard&) = delete;
    EditGuard& operator=(const EditGuard&) = delete;

private:
    Reference<frame::XModel> model_;
    Reference<sheet::XCalculatable> calc_;
    Reference<document::XActionLockable> lock_;
};

// The reference data, or a French message saying the extension must be reinstalled.
const SharedData& checkedSharedData()
{
    try {
        return sharedData();
    } catch (const com::sun::star::uno::RuntimeException&) {
        throwIllegal(kDamagedDataMessage, 0);
    }
}

std::string today()
{
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%d/%m/%Y", &tm);
    return buf;
}

std::string withEdition(std::string text, Edition edition)
{
    const std::string mark = "{edition}";
    for (size_t at = text.find(mark); at != std::string::npos; at = text.find(mark))
        text.replace(at, mark.size(), std::to_string(editionYear(edition)));
    return text;
}

// The staff table must name a job (title or métier) on each post; a forced column mapping wins.
ColumnMapping checkedMapping(const StaffTable& table, const Options& options)
{
    if (table.header.empty() || table.rows.empty()) {
        std::string why =
            "aucun tableau des effectifs reconnu (il faut une ligne d'en-tête : intitulé, métier, catégorie…)";
        for (const std::string& w : table.warnings)
            why += "; " + w;
        throw lang::IllegalArgumentException(fromUtf8(why), nullptr, 0);
    }
    ColumnMapping mapping = table.mapping;
    if (!options.columns.empty())
        for (size_t f = 0; f < kStaffFieldCount; ++f)
            mapping.columns[f] = options.columns[f] < static_cast<int>(table.header.size()) ? options.columns[f] : -1;
    if (!mapping.has(StaffField::Intitule) && !mapping.has(StaffField::Metier))
        throwIllegal("le tableau n'a ni colonne d'intitulé de poste ni colonne de métier", 0);
    return mapping;
}

// The template, as a new untitled document. It sits in a folder of its own: the Template Manager
// shows it in a "Cartographie IA" category.
Reference<sheet::XSpreadsheetDocument> openTemplate(const Reference<com::sun::star::uno::XComponentContext>& ctx,
                                                    bool hidden)
{
    const std::string tpl = libraryFolder() + "/templates/Cartographie IA/cartographie-ia.ots";
    OUString tplUrl;
    osl::FileBase::getFileURLFromSystemPath(fromUtf8(tpl), tplUrl);
    Reference<frame::XDesktop2> desktop = frame::Desktop::create(ctx);
    Sequence<beans::PropertyValue> props(2);
    props[0] = prop("AsTemplate", Any(true));
    props[1] = prop("Hidden", Any(hidden));
    Reference<sheet::XSpreadsheetDocument> doc(desktop->loadComponentFromURL(tplUrl, ascii("_blank"), 0, props),
                                               UNO_QUERY);
    if (!doc.is())
        throw com::sun::star::uno::RuntimeException(fromUtf8("Carto IA Métiers : modèle introuvable : " + tpl));
    return doc;
}

// The staff table's columns of sheet Postes, one row per post, in the contract's column order.
// Returns the rows written.
Rows writePostes(const Workbook& wb, const StaffTable& table, const ColumnMapping& mapping)
{
    namespace P = contract::postes;
    const sal_Int32 n = static_cast<sal_Int32>(table.rows.size());
    Rows values(n);
    for (sal_Int32 i = 0; i < n; ++i) {
        Sequence<Any> r(P::userColumnCount);
        for (int k = 0; k < P::userColumnCount; ++k) {
            const StaffField f = P::userFields[k];
            const int col = mapping.column(f);
            const std::string v =
                col >= 0 ? table.rows[static_cast<size_t>(i)][static_cast<size_t>(col)] : std::string();
            if (f == StaffField::Etp) {
                double etp = col >= 0 ? parseEtp(v) : 1.0;
                r[k] <<= std::isnan(etp) ? 1.0 : etp;
            } else if (f == StaffField::Cout) {
                const Amount a = parseAmountCell(v); // unreadable: empty (reported), never 0
                if (a.ok())
                    r[k] <<= a.value;
                else
                    r[k] <<= OUString();
            } else if (f == StaffField::Identifiant && v.empty()) {
                r[k] <<= fromUtf8("L" + std::to_string(table.rowLines[static_cast<size_t>(i)]));
            } else if (f == StaffField::Categorie) {
                std::string c = normaliseCategorie(v);
                r[k] <<= fromUtf8(c.empty() ? v : c);
            } else {
                r[k] <<= fromUtf8(v);
            }
        }
        values[i] = r;
    }
    Reference<sheet::XSpreadsheet> postes = wb.sheet(contract::sheet::postes);
    Workbook::write(postes, 0, P::modelRow, values);
    return values;
}

// Column of a staff field among Postes' user columns.
sal_Int32 postesColumn(StaffField field)
{
    namespace P = contract::postes;
    return static_cast<sal_Int32>(std::find(std::begin(P::userFields), std::end(P::userFields), field) -
                                  std::begin(P::userFields));
}

// Occupations present, from the code of each post's text on « À vérifier » (with their posts, ETP
// and métiers).
std::vector<OccupationSummary> occupationsPresent(const ReviewRows& review, const Rows& postesValues, Edition edition)
{
    namespace P = contract::postes;
    std::vector<MappedPost> posts;
    for (sal_Int32 i = 0; i < postesValues.getLength(); ++i) {
        MappedPost p;
        const int row = review.rowOfPost[static_cast<size_t>(i)];
        if (row >= 0)
            p.code = review.codes[static_cast<size_t>(row)];
        OUString text;
        if (postesValues[i][P::metier] >>= text)
            p.metier = toUtf8(text);
        postesValues[i][P::etp] >>= p.etp;
        posts.push_back(std::move(p));
    }
    return summariseOccupations(posts, sharedData().data.exposure, edition);
}

// The study class of a code under the edition's documented rule (the contract's default; the
// workbook's own rule table may be edited later, and Postes follows it).
std::string classOf(const std::string& code, Edition edition)
{
    const int k = studyClassIndex(sharedData().data.exposure, code, edition);
    return k >= 0 ? contract::classLabels[k] : contract::unclassed;
}

// Right of the Métiers list: each scored occupation present by mean score and standard deviation of
// its tasks (the two axes of the ILO's 2025 gradients), as a bubble chart sized by ETP.
void addOccupationChart(const Workbook& wb, const Reference<sheet::XSpreadsheet>& sheet, const table::CellAddress& at,
                        const std::vector<OccupationSummary>& occupations, Edition edition)
{
    namespace M = contract::metiers;
    const ExposureDb& db = sharedData().data.exposure;
    const size_t e = static_cast<size_t>(edition);
    std::vector<Sequence<Any>> rows;
    Sequence<Any> header(4);
    for (sal_Int32 c = 0; c < 4; ++c)
        header[c] <<= fromUtf8(withEdition(M::chartHeaders[c], edition));
    rows.push_back(header);
    for (const OccupationSummary& o : occupations)
        if (const Occupation* occ = db.occupation(o.code)) {
            Sequence<Any> r(4);
            r[0] <<= fromUtf8(o.code);
            r[1] <<= occ->mean[e];
            r[2] <<= occ->sd[e];
            r[3] <<= o.etp;
            rows.push_back(r);
        }
    if (rows.size() < 2)
        return;
    const Rows all = toRows(rows);
    Workbook::write(sheet, M::chartFirstColumn, at.Row, all);
    const awt::Point pos = Workbook::position(sheet, table::CellAddress(at.Sheet, M::chartFirstColumn + 5, at.Row));
    const table::CellRangeAddress range(at.Sheet, M::chartFirstColumn + 1, at.Row, M::chartFirstColumn + 3,
                                        at.Row + all.getLength() - 1);
    wb.addBubbleChart(sheet, "MetiersScoreEcartType", range, pos.X, pos.Y, 18000, 12000,
                      withEdition(M::chartTitle, edition));
}

// The Métiers sheet: one block per occupation present (sorted by score × ETP), its ILO tasks below
// (French text, English original in the last column); its header names the chosen edition.
void writeOccupations(const Workbook& wb, const std::vector<OccupationSummary>& occupations, Edition edition)
{
    namespace M = contract::metiers;
    table::CellAddress at;
    if (!wb.namedCell(contract::names::metiers_donnees, at))
        return;
    Reference<sheet::XSpreadsheet> sheet = wb.sheetAt(at);
    Sequence<Any> header(M::columnCount);
    for (int c = 0; c < M::columnCount; ++c)
        header[c] <<= fromUtf8(withEdition(M::headers[c], edition));
    Workbook::write(sheet, at.Column, at.Row, Rows(&header, 1));

    const ExposureDb& db = sharedData().data.exposure;
    std::vector<Sequence<Any>> rows;
    auto blank = [] {
        Sequence<Any> r(M::columnCount);
        for (Any& a : r)
            a <<= OUString();
        return r;
    };
    for (const OccupationSummary& o : occupations) {
        Sequence<Any> r = blank();
        r[M::code] <<= fromUtf8(o.code);
        const Value title = db.label(o.code, true);
        if (title.kind == Value::Kind::Text)
            r[M::libelle] <<= fromUtf8(title.text);
        // At most three métiers by name, so that rows stay short when printed.
        std::string metiers;
        for (size_t k = 0; k < o.metiers.size() && k < 3; ++k)
            metiers += (metiers.empty() ? "" : " ; ") + o.metiers[k];
        if (o.metiers.size() > 3)
            metiers += " (+" + std::to_string(o.metiers.size() - 3) + ")";
        r[M::metiers] <<= fromUtf8(metiers);
        r[M::postes] <<= static_cast<double>(o.posts);
        r[M::etp] <<= o.etp;
        if (!std::isnan(o.score)) {
            r[M::score] <<= o.score;
            r[M::categorie] <<= fromUtf8(categoryLabel(edition, o.level, true));
            r[M::classe] <<= fromUtf8(classOf(o.code, edition));
            r[M::score_etp] <<= o.scoreTimesEtp;
        }
        rows.push_back(r);
        if (const Occupation* occ = db.occupation(o.code)) {
            for (size_t k = 0; k < occ->tasks.size(); ++k) {
                const Task& t = occ->tasks[k];
                Sequence<Any> tr = blank();
                tr[M::numero_tache] <<= static_cast<double>(k + 1);
                tr[M::tache] <<= fromUtf8(t.textFr);
                tr[M::tache_en] <<= fromUtf8(t.text);
                if (t.score2023)
                    tr[M::tache_score_2023] <<= *t.score2023;
                tr[M::tache_score_2025] <<= t.score2025;
                rows.push_back(tr);
            }
        }
    }
    if (rows.empty())
        return;
    const Rows all = toRows(rows);
    const Workbook::RowHeightHold hold(sheet, at.Row + 1, at.Row + all.getLength());
    Workbook::write(sheet, at.Column, at.Row + 1, all);
    Workbook::alignTop(sheet, table::CellRangeAddress(at.Sheet, at.Column, at.Row + 1, at.Column + M::columnCount - 1,
                                                      at.Row + all.getLength()));
    addOccupationChart(wb, sheet, at, occupations, edition);
}

// One breakdown (catégorie, filière or direction): posts per class as a DataPilot table with its
// stacked bar chart, then ETP per class and the mean score below.
void addBreakdown(const Workbook& wb, const contract::Breakdown& spec, const table::CellRangeAddress& postes,
                  bool hasCost)
{
    namespace P = contract::postes;
    table::CellAddress at;
    if (!wb.namedCell(spec.pivot, at))
        return;
    Reference<sheet::XSpreadsheet> target = wb.sheetAt(at);
    const sal_Int32 fieldCol = postesColumn(spec.field);
    std::vector<std::string> classOrder(std::begin(contract::classLabels), std::end(contract::classLabels));
    const table::CellRangeAddress out = wb.addPivot(target, spec.pivot, at, postes, fieldCol, P::classe,
                                                    {{0, sheet::GeneralFunction_COUNT}}, classOrder);

    // Chart over the pivot body: from the row naming the field (class names as series, field values
    // as categories), without the totals row and column.
    table::CellRangeAddress body(out.Sheet, out.StartColumn, out.StartRow, out.EndColumn - 1, out.EndRow - 1);
    const OUString fieldHeader = fromUtf8(P::headers[fieldCol]);
    for (sal_Int32 r = out.StartRow; r <= out.EndRow; ++r)
        if (target->getCellByPosition(out.StartColumn, r)->getFormula() == fieldHeader) {
            body.StartRow = r;
            break;
        }
    table::CellAddress chartAt;
    awt::Point pos;
    if (wb.namedCell(spec.chart, chartAt))
        pos = Workbook::position(target, chartAt);
    if (body.EndColumn > body.StartColumn && body.EndRow > body.StartRow) {
        // One colour per class, whichever classes are present in this table.
        std::vector<sal_Int32> colors;
        for (sal_Int32 c = body.StartColumn + 1; c <= body.EndColumn; ++c) {
            const std::string label = toUtf8(target->getCellByPosition(c, body.StartRow)->getFormula());
            auto it = std::find(classOrder.begin(), classOrder.end(), label);
            colors.push_back(it == classOrder.end() ? 0x999999 : contract::classColors[it - classOrder.begin()]);
        }
        wb.addStackedBarChart(target, spec.chart, body, pos.X, pos.Y, 19000, 12000, spec.chartTitle, colors);
    }

    const std::string etpName = std::string(spec.pivot) + "_ETP";
    const table::CellRangeAddress etpOut =
        wb.addPivot(target, etpName.c_str(), table::CellAddress(at.Sheet, at.Column, out.EndRow + 3), postes, fieldCol,
                    P::classe, {{P::etp, sheet::GeneralFunction_SUM}}, classOrder);
    const std::string meanName = std::string(spec.pivot) + "_SCORE";
    const table::CellRangeAddress meanOut =
        wb.addPivot(target, meanName.c_str(), table::CellAddress(at.Sheet, at.Column, etpOut.EndRow + 3), postes,
                    fieldCol, -1, {{P::score, sheet::GeneralFunction_AVERAGE}});
    // The payroll per class, as shares of each row's payroll; a note when the table has no cost.
    const table::CellAddress payAt(at.Sheet, at.Column, meanOut.EndRow + 3);
    if (hasCost) {
        const std::string payName = std::string(spec.pivot) + "_MASSE";
        wb.addPivot(target, payName.c_str(), payAt, postes, fieldCol, P::classe,
                    {{P::cout, sheet::GeneralFunction_SUM, true}}, classOrder);
    } else {
        target->getCellByPosition(payAt.Column, payAt.Row)
            ->setFormula(fromUtf8(std::string("Part de la masse salariale par classe : ") + contract::notGiven +
                                  " (aucun coût annuel lisible dans le tableau des effectifs)."));
    }
}

// Frozen header rows/columns (a template converted headless loses its view settings); Synthèse is
// the sheet shown first.
void freezePanes(const Reference<frame::XModel>& model, const Workbook& wb)
{
    Reference<sheet::XSpreadsheetView> view(model->getCurrentController(), UNO_QUERY);
    Reference<sheet::XViewFreezable> freezable(view, UNO_QUERY);
    if (!view.is() || !freezable.is())
        return;
    struct Pane {
        const char* sheet;
        sal_Int32 columns, rows;
    };
    table::CellAddress metiers;
    const sal_Int32 metiersRows = wb.namedCell(contract::names::metiers_donnees, metiers) ? metiers.Row + 1 : 0;
    const Pane panes[] = {{contract::sheet::postes, contract::postes::frozenColumns, contract::postes::frozenRows},
                          {contract::sheet::metiers, 0, metiersRows},
                          {contract::sheet::verifier, 2, contract::verifier::firstRow},
                          {contract::sheet::bareme, 1, contract::bareme::firstRow},
                          {contract::sheet::referentiel, 0, contract::referentielFrozenRows}};
    for (const Pane& p : panes) {
        if (!wb.hasSheet(p.sheet) || (p.columns == 0 && p.rows == 0))
            continue;
        view->setActiveSheet(wb.sheet(p.sheet));
        freezable->freezeAtPosition(p.columns, p.rows);
    }
    if (wb.hasSheet(contract::sheet::synthese))
        view->setActiveSheet(wb.sheet(contract::sheet::synthese));
}

// The posts in the order Postes lists them: by direction, then service (the table's order within a
// service), so that each row of the Plan d'accompagnement counts one slice of Postes.
StaffTable byDirectionAndService(StaffTable table, const ColumnMapping& mapping)
{
    const int dir = mapping.column(StaffField::Direction), svc = mapping.column(StaffField::Service);
    std::vector<size_t> order(table.rows.size());
    std::iota(order.begin(), order.end(), 0);
    auto at = [&](size_t row, int col) -> const std::string& {
        static const std::string none;
        return col >= 0 ? table.rows[row][static_cast<size_t>(col)] : none;
    };
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const int d = at(a, dir).compare(at(b, dir));
        return d != 0 ? d < 0 : at(a, svc) < at(b, svc);
    });
    std::vector<std::vector<std::string>> rows(order.size());
    std::vector<int> lines(order.size());
    for (size_t i = 0; i < order.size(); ++i) { // rows moved, never copied: a 50 000-post table is held once
        rows[i] = std::move(table.rows[order[i]]);
        lines[i] = table.rowLines[order[i]];
    }
    table.rows = std::move(rows);
    table.rowLines = std::move(lines);
    return table;
}

Reference<sheet::XSpreadsheetDocument> build(const Reference<com::sun::star::uno::XComponentContext>& ctx,
                                             StaffTable input, const Options& options)
{
    const ColumnMapping mapping = checkedMapping(input, options);
    StaffTable table = byDirectionAndService(std::move(input), mapping);
    Progress progress(options.status);
    checkedSharedData(); // loads the data now, not in the middle of the recalculation
    Reference<sheet::XSpreadsheetDocument> doc = openTemplate(ctx, options.hidden);
    Workbook wb(doc);
    EditGuard guard(doc);

    progress.step(10, "Cartographie IA : écriture des postes…");
    Rows values = writePostes(wb, table, mapping);
    const sal_Int32 posts = values.getLength();
    const bool hasCost = std::any_of(values.begin(), values.end(), [](const Sequence<Any>& r) {
        double d;
        return (r[contract::postes::cout] >>= d);
    });
    writeScale(wb);
    // « À vérifier » first: calculated alone (Postes has no formulas yet), sorted by stake, then each
    // post gets its row number and Postes' formulas.
    ReviewRows review = reviewRows(table, mapping);
    writeReview(wb, review);
    wb.setNamedCell(contract::names::edition, Any(static_cast<double>(editionYear(options.edition))));
    wb.setNamedCell(contract::names::date_generation, Any(fromUtf8(today())));

    progress.step(40, "Cartographie IA : calcul des expositions…");
    Reference<sheet::XCalculatable> calc(doc, UNO_QUERY_THROW);
    calc->calculate();
    sortReview(wb, review);

    // The occupation and task sheets while the document is still light (no per-post formulas).
    progress.step(50, "Cartographie IA : liste des métiers et des tâches…");
    const std::vector<OccupationSummary> occupations = occupationsPresent(review, values, options.edition);
    writeOccupations(wb, occupations, options.edition);
    writeTaskSheets(wb, occupations);
    writePlan(wb, review, values, options.edition);
    // The staff table's copies are no longer needed: freed before the per-post formulas, the peak of memory.
    values = Rows();
    table = StaffTable();

    progress.step(60, "Cartographie IA : calcul des postes…");
    writePostLinks(wb, review);
    namespace P = contract::postes;
    static_assert(P::code_isco == P::userColumnCount && P::evolution + 1 == P::verifier, "formula columns");
    Workbook::fillDown(wb.sheet(contract::sheet::postes), P::code_isco, P::evolution, P::modelRow,
                       P::modelRow + posts - 1);
    calc->calculateAll();

    Reference<sheet::XCellRangeAddressable> postesAddr(wb.sheet(contract::sheet::postes), UNO_QUERY_THROW);
    const table::CellRangeAddress postes(postesAddr->getRangeAddress().Sheet, 0, 0, contract::postes::columnCount - 1,
                                         posts);
    sal_Int32 step = 70;
    for (const contract::Breakdown& spec : contract::breakdowns) {
        progress.step(step, "Cartographie IA : tableaux croisés et graphiques…");
        addBreakdown(wb, spec, postes, hasCost);
        step += 8;
    }
    progress.step(95, "Cartographie IA : finitions…");
    freezePanes(Reference<frame::XModel>(doc, UNO_QUERY_THROW), wb);
    guard.release(); // automatic calculation back on: the figures the charts show are computed
    addTaskCharts(wb);
    addNoteChart(wb);
    return doc;
}

// « Masse salariale : 52 % dans des postes concernés. », from the calculated Synthèse; says when the
// table gave no cost.
std::string payrollSentence(const Workbook& wb)
{
    table::CellAddress at;
    if (!wb.namedCell(contract::names::synthese_part_masse, at))
        return {};
    Reference<table::XCell> cell = wb.sheetAt(at)->getCellByPosition(at.Column, at.Row);
    Reference<text::XText> shown(cell, UNO_QUERY_THROW);
    const OUString value = shown->getString();
    if (cell->getError() != 0 || value.isEmpty())
        return {};
    if (value == fromUtf8(contract::notGiven))
        return " Masse salariale : non fournie (aucun coût annuel lisible dans le tableau des effectifs).";
    return " Masse salariale : " + std::to_string(std::lround(cell->getValue() * 100)) +
           " % dans des postes concernés.";
}

} // namespace

Generator::Generator(const Reference<com::sun::star::uno::XComponentContext>& context) : context_(context) {}

Reference<sheet::XSpreadsheetDocument> Generator::generateFromFile(const OUString& staffFileUrl,
                                                                   const Sequence<beans::PropertyValue>& options)
{
    Options o = parseOptions(options);
    return build(context_, tableFromFile(context_, staffFileUrl), o);
}

Reference<sheet::XSpreadsheetDocument> Generator::generateFromRows(const Rows& rows,
                                                                   const Sequence<beans::PropertyValue>& options)
{
    Options o = parseOptions(options);
    return build(context_, tableFromRows(rows), o);
}

void Generator::freezeValues(const Reference<sheet::XSpreadsheetDocument>& document)
{
    if (!document.is())
        throwIllegal("no document", 0);
    Workbook wb(document);
    table::CellAddress at;
    double edition = 0;
    if (wb.namedCell(contract::names::edition, at)) {
        Reference<container::XIndexAccess> sheets(document->getSheets(), UNO_QUERY_THROW);
        Reference<sheet::XSpreadsheet> sheet(sheets->getByIndex(at.Sheet), UNO_QUERY_THROW);
        edition = sheet->getCellByPosition(at.Column, at.Row)->getValue();
    }
    wb.freeze();
    std::string state =
        "Classeur figé le " + today() +
        (edition > 0 ? " (édition OIT " + std::to_string(static_cast<int>(edition)) + ")" : std::string()) +
        " : les formules ont été remplacées par leurs valeurs. Pour corriger un code ou recalculer, reprenez "
        "la version vivante du classeur.";
    wb.setNamedCell(contract::names::etat_classeur, Any(fromUtf8(state)));
}

OUString Generator::reviewReport(const Reference<sheet::XSpreadsheetDocument>& document)
{
    if (!document.is())
        throwIllegal("no document", 0);
    const ReviewSummary r = summariseReview(Workbook(document));
    const int sure = static_cast<int>(std::lround(contract::verifier::sureConfidence * 100));
    auto etp = [](double v) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.1f", v);
        std::string s = buf;
        std::replace(s.begin(), s.end(), '.', ',');
        return s + " ETP";
    };
    std::string text = std::to_string(r.texts) + " intitulé(s) ou métier(s) rattaché(s) ; ";
    if (r.unmapped == 0 && r.doubtful == 0) {
        text += "tous ont un code ISCO de confiance d'au moins " + std::to_string(sure) + " %.";
    } else {
        std::vector<std::string> parts;
        if (r.unmapped > 0)
            parts.push_back(std::to_string(r.unmapped) + " sans code ISCO (" + etp(r.etpUnmapped) + ")");
        if (r.doubtful > 0)
            parts.push_back(std::to_string(r.doubtful) + " de confiance inférieure à " + std::to_string(sure) + " % (" +
                            etp(r.etpDoubtful) + ")");
        text += join(parts, " et ") + " : feuille « " + contract::sheet::verifier + " ».";
    }
    return fromUtf8(text + payrollSentence(Workbook(document)));
}

void Generator::exportPdf(const Reference<sheet::XSpreadsheetDocument>& document, const OUString& url,
                          sal_Bool allSheets)
{
    if (!document.is())
        throwIllegal("no document", 0);
    // Hidden sheets are not printed: the long lists are hidden for the export, then shown again.
    Workbook wb(document);
    std::vector<Reference<beans::XPropertySet>> hidden;
    if (!allSheets)
        for (const char* name : contract::pdfLeftOut)
            if (wb.hasSheet(name)) {
                Reference<beans::XPropertySet> sheet(wb.sheet(name), UNO_QUERY_THROW);
                bool visible = true;
                sheet->getPropertyValue(ascii("IsVisible")) >>= visible;
                if (visible) {
                    sheet->setPropertyValue(ascii("IsVisible"), Any(false));
                    hidden.push_back(sheet);
                }
            }
    auto showAgain = [&] {
        for (const Reference<beans::XPropertySet>& sheet : hidden)
            sheet->setPropertyValue(ascii("IsVisible"), Any(true));
    };
    Sequence<beans::PropertyValue> pdf(2);
    pdf[0] = prop("FilterName", Any(ascii("calc_pdf_Export")));
    pdf[1] = prop("Overwrite", Any(true));
    try {
        Reference<frame::XStorable>(document, UNO_QUERY_THROW)->storeToURL(url, pdf);
    } catch (...) {
        showAgain();
        throw;
    }
    showAgain();
}

OUString Generator::getImplementationName() { return OUString::createFromAscii(kGeneratorName); }

sal_Bool Generator::supportsService(const OUString& name) { return cppu::supportsService(this, name); }

Sequence<OUString> Generator::getSupportedServiceNames() { return asciiNames(kGeneratorServices); }

} // namespace cartoia::uno
