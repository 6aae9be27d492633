/* SPDX-License-Identifier: MPL-2.0 */
#include "generator.hxx"

#include "arguments.hxx"
#include "shared_data.hxx"
#include "staff_input.hxx"
#include "workbook.hxx"

#include "cartoia/cartography.hpp"
#include "cartoia/staff_table.hpp"
#include "cartoia/text_fold.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>

#include <com/sun/star/awt/Point.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XDataPilotTable.hpp>
#include <com/sun/star/sheet/XDataPilotTables.hpp>
#include <com/sun/star/sheet/XDataPilotTablesSupplier.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/sheet/XViewFreezable.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/io/XInputStream.hpp>
#include <com/sun/star/packages/zip/ZipFileAccess.hpp>
#include <com/sun/star/task/PasswordRequest.hpp>
#include <com/sun/star/task/XInteractionAbort.hpp>
#include <com/sun/star/task/XInteractionHandler.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <rtl/ref.hxx>
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

beans::PropertyValue prop(const char* name, const Any& value)
{
    beans::PropertyValue p;
    p.Name = ascii(name);
    p.Value = value;
    return p;
}

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
                throwIllegal("Columns must list 8 column indexes", 1);
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
    void step(sal_Int32 value, const char* text)
    {
        if (const char* log = std::getenv("CARTOIA_TIMING_LOG")) {
            if (FILE* f = std::fopen(log, "a")) {
                std::fprintf(f, "%.3f %s\n", std::chrono::duration<double>(std::chrono::steady_clock::now() - t0_).count(), text);
                std::fclose(f);
            }
        }
        if (status_.is()) {
            status_->setText(fromUtf8(text));
            status_->setValue(value);
        }
    }

private:
    Reference<task::XStatusIndicator> status_;
    std::chrono::steady_clock::time_point t0_ = std::chrono::steady_clock::now();
};

bool endsWithNoCase(const std::string& s, const char* suffix)
{
    std::string f = foldText(s), x(suffix);
    return f.size() >= x.size() && f.compare(f.size() - x.size(), x.size(), x) == 0;
}

// Answers every request of the import filters with "abort", and notes whether a password was asked:
// a protected staff table is refused with a message rather than opened interactively.
class RefusePasswords : public cppu::WeakImplHelper1<task::XInteractionHandler> {
public:
    bool askedPassword = false;
    void SAL_CALL handle(const Reference<task::XInteractionRequest>& request) override
    {
        if (request->getRequest().getValueType().isAssignableFrom(cppu::UnoType<task::PasswordRequest>::get()))
            askedPassword = true;
        for (const Reference<task::XInteractionContinuation>& c : request->getContinuations())
            if (Reference<task::XInteractionAbort> abort{c, UNO_QUERY}; abort.is()) {
                abort->select();
                return;
            }
    }
};

// An encrypted ODF package (its manifest has encryption data) or an encrypted OOXML file (an OLE
// compound file holding an "EncryptionInfo" stream).
bool passwordProtected(const Reference<com::sun::star::uno::XComponentContext>& ctx, const OUString& url,
                       const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::string head(1 << 20, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(in.gcount()));
    if (head.rfind("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 0) == 0) {
        static const char name[] = "E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o\0";
        return head.find(std::string(name, sizeof name - 1)) != std::string::npos;
    }
    if (head.rfind("PK", 0) != 0)
        return false;
    try {
        Reference<container::XNameAccess> zip(packages::zip::ZipFileAccess::createWithURL(ctx, url), UNO_QUERY_THROW);
        const OUString manifest = ascii("META-INF/manifest.xml");
        if (!zip->hasByName(manifest))
            return false;
        Reference<io::XInputStream> stream(zip->getByName(manifest), UNO_QUERY_THROW);
        std::string text;
        Sequence<sal_Int8> chunk;
        while (stream->readBytes(chunk, 65536) > 0 && text.size() < (16u << 20))
            text.append(reinterpret_cast<const char*>(chunk.getConstArray()), static_cast<size_t>(chunk.getLength()));
        return text.find("encryption-data") != std::string::npos;
    } catch (const com::sun::star::uno::Exception&) {
        return false;
    }
}

StaffTable tableFromFile(const Reference<com::sun::star::uno::XComponentContext>& ctx, const OUString& url)
{
    OUString path;
    if (osl::FileBase::getSystemPathFromFileURL(url, path) != osl::FileBase::E_None)
        throwIllegal("chemin de fichier invalide", 0);
    const std::string p = toUtf8(path);
    if (endsWithNoCase(p, ".csv") || endsWithNoCase(p, ".txt")) {
        try {
            return readStaffTableFile(p);
        } catch (const std::exception& e) {
            throw lang::IllegalArgumentException(fromUtf8(e.what()), nullptr, 0);
        }
    }
    // A spreadsheet: opened hidden and read-only, first sheet's used area, closed again.
    Reference<frame::XDesktop2> desktop = frame::Desktop::create(ctx);
    Sequence<beans::PropertyValue> props(4);
    props[0] = prop("Hidden", Any(true));
    props[1] = prop("ReadOnly", Any(true));
    props[2] = prop("MacroExecutionMode", Any(sal_Int16(0)));
    rtl::Reference<RefusePasswords> handler = new RefusePasswords();
    props[3] = prop("InteractionHandler", Any(Reference<task::XInteractionHandler>(handler.get())));
    Reference<lang::XComponent> comp;
    try {
        comp = desktop->loadComponentFromURL(url, ascii("_blank"), 0, props);
    } catch (const com::sun::star::uno::Exception&) {
        // reported below, in French
    }
    Reference<sheet::XSpreadsheetDocument> doc(comp, UNO_QUERY);
    if (!doc.is()) {
        if (comp.is())
            comp->dispose();
        if (handler->askedPassword || passwordProtected(ctx, url, p))
            throwIllegal("le classeur est protégé par un mot de passe : enregistrez-en une copie sans mot de passe "
                         "(Fichier ▸ Enregistrer sous, décocher « Enregistrer avec mot de passe ») et donnez cette copie",
                         0);
        throwIllegal("le tableau des effectifs ne s'ouvre pas comme un classeur (fichier endommagé ou d'un autre type)", 0);
    }
    Rows rows;
    try {
        Reference<container::XIndexAccess> sheets(doc->getSheets(), UNO_QUERY_THROW);
        Reference<sheet::XSpreadsheet> first(sheets->getByIndex(0), UNO_QUERY_THROW);
        Reference<sheet::XSheetCellCursor> cursor = first->createCursor();
        Reference<sheet::XUsedAreaCursor> used(cursor, UNO_QUERY_THROW);
        used->gotoStartOfUsedArea(false);
        used->gotoEndOfUsedArea(true);
        Reference<sheet::XCellRangeData> data(cursor, UNO_QUERY_THROW);
        rows = data->getDataArray();
    } catch (...) {
        Reference<util::XCloseable>(doc, UNO_QUERY_THROW)->close(true);
        throw;
    }
    Reference<util::XCloseable>(doc, UNO_QUERY_THROW)->close(true);
    return tableFromRows(rows);
}

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


// The Métiers sheet: one block per occupation (sorted by score × ETP), its ILO tasks below.
void writeOccupations(const Workbook& wb, const std::vector<OccupationSummary>& list, Edition edition)
{
    table::CellAddress at;
    if (!wb.namedCell("METIERS_DONNEES", at))
        return;
    Reference<container::XIndexAccess> sheets(wb.doc()->getSheets(), UNO_QUERY_THROW);
    Reference<sheet::XSpreadsheet> sheet(sheets->getByIndex(at.Sheet), UNO_QUERY_THROW);
    const std::vector<std::string> header = Workbook::headerRow(sheet, at.Row);
    const sal_Int32 width = static_cast<sal_Int32>(std::max<size_t>(header.size(), 13));
    const ExposureDb& db = sharedData().data.exposure;
    std::vector<Sequence<Any>> rows;
    auto blank = [&] {
        Sequence<Any> r(width);
        for (Any& a : r)
            a <<= OUString();
        return r;
    };
    for (const OccupationSummary& o : list) {
        Sequence<Any> r = blank();
        r[0] <<= fromUtf8(o.code);
        const Value title = db.label(o.code, true);
        if (title.kind == Value::Kind::Text)
            r[1] <<= fromUtf8(title.text);
        // At most three métiers by name, so that rows stay short when printed.
        std::string metiers;
        for (size_t k = 0; k < o.metiers.size() && k < 3; ++k)
            metiers += (metiers.empty() ? "" : " ; ") + o.metiers[k];
        if (o.metiers.size() > 3)
            metiers += " (+" + std::to_string(o.metiers.size() - 3) + ")";
        r[2] <<= fromUtf8(metiers);
        r[3] <<= static_cast<double>(o.posts);
        r[4] <<= o.etp;
        if (!std::isnan(o.score)) {
            r[5] <<= o.score;
            r[6] <<= fromUtf8(categoryLabel(edition, o.level, true));
            if (const Occupation* occ = db.occupation(o.code))
                r[7] <<= fromUtf8(studyClassLabel(studyClassFromLevel2023(occ->level[0])));
            r[8] <<= o.scoreTimesEtp;
        }
        rows.push_back(r);
        if (const Occupation* occ = db.occupation(o.code)) {
            for (size_t k = 0; k < occ->tasks.size(); ++k) {
                const Task& t = occ->tasks[k];
                Sequence<Any> tr = blank();
                tr[9] <<= static_cast<double>(k + 1);
                tr[10] <<= fromUtf8(t.text);
                if (t.score2023)
                    tr[11] <<= *t.score2023;
                tr[12] <<= t.score2025;
                rows.push_back(tr);
            }
        }
    }
    if (rows.empty())
        return;
    Rows all(static_cast<sal_Int32>(rows.size()));
    for (size_t i = 0; i < rows.size(); ++i)
        all[static_cast<sal_Int32>(i)] = rows[i];
    Workbook::write(sheet, at.Column, at.Row + 1, all);
}

// The Métiers list shows the chosen edition's score and category: say so in its header.
void relabelOccupationHeader(const Workbook& wb)
{
    table::CellAddress at;
    if (!wb.namedCell("METIERS_DONNEES", at))
        return;
    Reference<container::XIndexAccess> sheets(wb.doc()->getSheets(), UNO_QUERY_THROW);
    Reference<sheet::XSpreadsheet> sheet(sheets->getByIndex(at.Sheet), UNO_QUERY_THROW);
    for (sal_Int32 c = at.Column + 5; c <= at.Column + 6; ++c) {
        Reference<table::XCell> cell = sheet->getCellByPosition(c, at.Row);
        cell->setFormula(cell->getFormula().replaceAll(ascii("2025"), ascii("2023")));
    }
}

// Frozen header rows/columns (a template converted headless loses its view settings).
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
    const sal_Int32 metiersRows = wb.namedCell("METIERS_DONNEES", metiers) ? metiers.Row + 1 : 0;
    const Pane panes[] = {{"Postes", 2, 1}, {"Métiers", 0, metiersRows}, {"Référentiel", 0, 3}};
    for (const Pane& p : panes) {
        if (!wb.hasSheet(p.sheet) || (p.columns == 0 && p.rows == 0))
            continue;
        view->setActiveSheet(wb.sheet(p.sheet));
        freezable->freezeAtPosition(p.columns, p.rows);
    }
    if (wb.hasSheet("Synthèse"))
        view->setActiveSheet(wb.sheet("Synthèse"));
}

Reference<sheet::XSpreadsheetDocument> build(const Reference<com::sun::star::uno::XComponentContext>& ctx, const StaffTable& table,
                                             const Options& options)
{
    if (table.header.empty() || table.rows.empty()) {
        std::string why = "aucun tableau des effectifs reconnu (il faut une ligne d'en-tête : intitulé, métier, catégorie…)";
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

    Progress progress(options.status);
    const SharedData& shared = checkedSharedData(); // loads the data now, not in the middle of the recalculation

    // The template, as a new untitled document.
    // In a folder of its own: the Template Manager shows it in a "Cartographie IA" category.
    const std::string tpl = libraryFolder() + "/templates/Cartographie IA/cartographie-ia.ots";
    OUString tplUrl;
    osl::FileBase::getFileURLFromSystemPath(fromUtf8(tpl), tplUrl);
    Reference<frame::XDesktop2> desktop = frame::Desktop::create(ctx);
    Sequence<beans::PropertyValue> props(2);
    props[0] = prop("AsTemplate", Any(true));
    props[1] = prop("Hidden", Any(options.hidden));
    Reference<sheet::XSpreadsheetDocument> doc(
        desktop->loadComponentFromURL(tplUrl, ascii("_blank"), 0, props), UNO_QUERY);
    if (!doc.is())
        throw com::sun::star::uno::RuntimeException(fromUtf8("Carto IA Métiers : modèle introuvable : " + tpl));
    Workbook wb(doc);
    Reference<frame::XModel> model(doc, UNO_QUERY_THROW);
    Reference<sheet::XCalculatable> calc(doc, UNO_QUERY_THROW);
    model->lockControllers();
    calc->enableAutomaticCalculation(false);
    try {
        progress.step(10, "Cartographie IA : écriture des postes…");
        Reference<sheet::XSpreadsheet> postes = wb.sheet("Postes");
        const sal_Int32 n = static_cast<sal_Int32>(table.rows.size());
        static const StaffField order[] = {StaffField::Identifiant, StaffField::Intitule, StaffField::Metier,
                                           StaffField::Categorie,   StaffField::Filiere,  StaffField::Direction,
                                           StaffField::Service,     StaffField::Etp};
        Rows values(n);
        for (sal_Int32 i = 0; i < n; ++i) {
            Sequence<Any> r(8);
            for (int k = 0; k < 8; ++k) {
                const StaffField f = order[k];
                const int col = mapping.column(f);
                const std::string v = col >= 0 ? table.rows[static_cast<size_t>(i)][static_cast<size_t>(col)] : std::string();
                if (f == StaffField::Etp) {
                    double etp = col >= 0 ? parseEtp(v) : 1.0;
                    r[k] <<= std::isnan(etp) ? 1.0 : etp;
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
        Workbook::write(postes, 0, 1, values);
        const std::vector<std::string> header = Workbook::headerRow(postes);
        const sal_Int32 lastCol = static_cast<sal_Int32>(header.size()) - 1;
        Workbook::fillDown(postes, 8, lastCol, 1, n);

        wb.setNamedCell("EDITION", Any(static_cast<double>(editionYear(options.edition))));
        wb.setNamedCell("DATE_GENERATION", Any(fromUtf8(today())));

        progress.step(40, "Cartographie IA : calcul des expositions…");
        calc->calculateAll();

        // Occupations present, from the computed codes.
        const int codeCol = Workbook::column(header, "Code ISCO");
        if (codeCol >= 0) {
            Rows codes = Workbook::read(postes, table::CellRangeAddress(0, codeCol, 1, codeCol, n));
            std::vector<MappedPost> posts;
            for (sal_Int32 i = 0; i < n; ++i) {
                MappedPost p;
                OUString code;
                if (codes[i][0] >>= code)
                    p.code = toUtf8(code);
                values[i][2] >>= code;
                p.metier = toUtf8(code);
                values[i][7] >>= p.etp;
                posts.push_back(std::move(p));
            }
            progress.step(60, "Cartographie IA : liste des métiers…");
            writeOccupations(wb, summariseOccupations(posts, shared.data.exposure, options.edition), options.edition);
            if (options.edition == Edition::Y2023)
                relabelOccupationHeader(wb);
        }

        // DataPilot tables and charts: posts per class, by catégorie / filière / direction.
        progress.step(70, "Cartographie IA : tableaux croisés…");
        const int classCol = Workbook::column(header, "Classe");
        const int etpCol = Workbook::column(header, "ETP");
        const bool y2023 = editionYear(options.edition) == 2023;
        const int scoreCol = Workbook::column(header, y2023 ? "Score 2023" : "Score 2025");
        Reference<sheet::XCellRangeAddressable> postesAddr(postes, UNO_QUERY_THROW);
        const sal_Int16 postesSheet = postesAddr->getRangeAddress().Sheet;
        const table::CellRangeAddress source(postesSheet, 0, 0, lastCol, n);
        struct PivotSpec {
            const char* anchor;
            const char* chartAnchor;
            StaffField field; // its Postes column is its place in `order`
            const char* title;
        };
        const PivotSpec specs[] = {
            {"PIVOT_CATEGORIE", "CHART_CATEGORIE", StaffField::Categorie, "Postes par catégorie et classe d'exposition"},
            {"PIVOT_FILIERE", "CHART_FILIERE", StaffField::Filiere, "Postes par filière et classe d'exposition"},
            {"PIVOT_DIRECTION", "CHART_DIRECTION", StaffField::Direction, "Postes par direction et classe d'exposition"},
        };
        std::vector<std::string> classOrder;
        for (int c = 0; c < 4; ++c)
            classOrder.push_back(studyClassLabel(static_cast<StudyClass>(c)));
        // pas concerné → très concerné: grey-green, yellow, orange, red
        const std::vector<sal_Int32> classColors = {0x8FB996, 0xF2C94C, 0xF2994A, 0xC0392B};
        for (int k = 0; k < 3; ++k) {
            table::CellAddress at;
            if (!wb.namedCell(specs[k].anchor, at) || classCol < 0)
                continue;
            Reference<container::XIndexAccess> sheets(doc->getSheets(), UNO_QUERY_THROW);
            Reference<sheet::XSpreadsheet> target(sheets->getByIndex(at.Sheet), UNO_QUERY_THROW);
            const sal_Int32 fieldCol =
                static_cast<sal_Int32>(std::find(std::begin(order), std::end(order), specs[k].field) - std::begin(order));
            const table::CellRangeAddress out = wb.addPivot(target, specs[k].anchor, at, source, fieldCol, classCol,
                                                            {{0, sheet::GeneralFunction_COUNT}}, classOrder);
            progress.step(72 + 8 * k, "Cartographie IA : tableau croisé inséré");
            // Chart over the pivot body: from the row naming the field (class names as series, field
            // values as categories), without the totals row and column.
            table::CellRangeAddress body(out.Sheet, out.StartColumn, out.StartRow, out.EndColumn - 1, out.EndRow - 1);
            for (sal_Int32 r = out.StartRow; r <= out.EndRow; ++r)
                if (target->getCellByPosition(out.StartColumn, r)->getFormula() == fromUtf8(header[static_cast<size_t>(fieldCol)])) {
                    body.StartRow = r;
                    break;
                }
            table::CellAddress chartAt;
            sal_Int32 x = 0, y = 0;
            if (wb.namedCell(specs[k].chartAnchor, chartAt)) {
                Reference<beans::XPropertySet> cell(target->getCellByPosition(chartAt.Column, chartAt.Row), UNO_QUERY_THROW);
                awt::Point pos;
                cell->getPropertyValue(ascii("Position")) >>= pos;
                x = pos.X;
                y = pos.Y;
            }
            if (body.EndColumn > body.StartColumn && body.EndRow > body.StartRow)
            {
                // One colour per class, whichever classes are present in this table.
                std::vector<sal_Int32> colors;
                for (sal_Int32 c = body.StartColumn + 1; c <= body.EndColumn; ++c) {
                    const std::string label = toUtf8(target->getCellByPosition(c, body.StartRow)->getFormula());
                    auto it = std::find(classOrder.begin(), classOrder.end(), label);
                    colors.push_back(it == classOrder.end() ? 0x999999 : classColors[static_cast<size_t>(it - classOrder.begin())]);
                }
                wb.addStackedBarChart(target, specs[k].chartAnchor, body, x, y, 19000, 12000, specs[k].title, colors);
            }
            progress.step(72 + 8 * k, "Cartographie IA : graphique");
            // Below: ETP per class and the mean score, per value of the field.
            if (etpCol >= 0 && scoreCol >= 0) {
                const std::string etpName = std::string(specs[k].anchor) + "_ETP";
                const table::CellRangeAddress etpOut =
                    wb.addPivot(target, etpName.c_str(), table::CellAddress(at.Sheet, at.Column, out.EndRow + 3), source,
                                fieldCol, classCol, {{etpCol, sheet::GeneralFunction_SUM}}, classOrder);
                const std::string meanName = std::string(specs[k].anchor) + "_SCORE";
                wb.addPivot(target, meanName.c_str(), table::CellAddress(at.Sheet, at.Column, etpOut.EndRow + 3), source,
                            fieldCol, -1, {{scoreCol, sheet::GeneralFunction_AVERAGE}});
            }
        }
        progress.step(95, "Cartographie IA : finitions…");
        freezePanes(model, wb);
    } catch (...) {
        calc->enableAutomaticCalculation(true);
        model->unlockControllers();
        throw;
    }
    calc->enableAutomaticCalculation(true);
    model->unlockControllers();
    return doc;
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
    if (wb.namedCell("EDITION", at)) {
        Reference<container::XIndexAccess> sheets(document->getSheets(), UNO_QUERY_THROW);
        Reference<sheet::XSpreadsheet> sheet(sheets->getByIndex(at.Sheet), UNO_QUERY_THROW);
        edition = sheet->getCellByPosition(at.Column, at.Row)->getValue();
    }
    wb.freeze();
    std::string state = "Classeur figé le " + today() + (edition > 0 ? " (édition OIT " + std::to_string(static_cast<int>(edition)) + ")" : std::string()) +
                        " : les formules ont été remplacées par leurs valeurs, il se lit sans l'extension Carto IA "
                        "Métiers. Pour corriger un code ou recalculer, reprenez la version vivante du classeur.";
    wb.setNamedCell("ETAT_CLASSEUR", Any(fromUtf8(state)));
}

void Generator::exportPdf(const Reference<sheet::XSpreadsheetDocument>& document, const OUString& url, sal_Bool allSheets)
{
    if (!document.is())
        throwIllegal("no document", 0);
    // Hidden sheets are not printed: the long lists are hidden for the export, then shown again.
    Workbook wb(document);
    std::vector<Reference<beans::XPropertySet>> hidden;
    if (!allSheets)
        for (const char* name : kListSheets)
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

Sequence<OUString> Generator::getSupportedServiceNames()
{
    Sequence<OUString> names(1);
    names[0] = OUString::createFromAscii(kGeneratorName);
    return names;
}

} // namespace cartoia::uno
