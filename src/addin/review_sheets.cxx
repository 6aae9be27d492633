/* SPDX-License-Identifier: MPL-2.0 */
#include "review_sheets.hxx"

#include "arguments.hxx"
#include "shared_data.hxx"

#include "cartoia/exposure.hpp"
#include "cartoia/title_matcher.hpp"
#include "cartoia/workbook_contract.hxx"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include <com/sun/star/sheet/FormulaResult.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <unicode/unistr.h>

namespace cartoia::uno {

using namespace com::sun::star;
using com::sun::star::uno::Any;
using com::sun::star::uno::Reference;
using com::sun::star::uno::Sequence;
using com::sun::star::uno::UNO_QUERY_THROW;
using rtl::OUString;

namespace {

namespace V = contract::verifier;

// Calc compares texts without case (MATCH, COUNTIF): one row per case-folded text.
std::string caseKey(const std::string& text)
{
    std::string out;
    icu::UnicodeString::fromUTF8(text).foldCase().toUTF8String(out);
    return out;
}

bool isNumber(const Any& a, double& d) { return (a >>= d); }

// The columns written by the generation (left of « Code corrigé »), in the contract's order: the
// row's number, text, posts and ETP, and what the automatic mapping proposes for the text.
void writeValues(const Reference<sheet::XSpreadsheet>& sheet, const ReviewRows& rows)
{
    static_assert(V::correction == V::autre_code + 1 && V::formulaRuns[0][0] == V::correction + 1,
                  "written columns first, then the correction, then the formulas");
    const ExposureDb& db = sharedData().data.exposure;
    std::vector<Sequence<Any>> out;
    for (size_t i = 0; i < rows.texts.size(); ++i) {
        const MatchResult& m = rows.matches[i];
        Sequence<Any> r(V::correction);
        for (Any& a : r)
            a <<= OUString();
        r[V::numero] <<= static_cast<double>(i + 1);
        r[V::texte] <<= fromUtf8(rows.texts[i]);
        r[V::rattache] <<= fromUtf8(rows.columns[i]);
        r[V::postes] <<= static_cast<double>(rows.posts[i]);
        r[V::etp] <<= rows.etp[i];
        r[V::confiance] <<= m.found ? m.confidence : 0.0;
        if (m.found) {
            r[V::code_propose] <<= fromUtf8(m.code);
            r[V::libelle_trouve] <<= fromUtf8(m.label);
            r[V::source] <<= fromUtf8(m.source);
            r[V::precision] <<= static_cast<double>(m.precision);
            if (!m.alternatives.empty()) {
                r[V::alternatives] <<= fromUtf8(alternativesText(m, db));
                r[V::autre_code] <<= fromUtf8(m.alternatives.front().code);
            }
        }
        out.push_back(r);
    }
    Workbook::write(sheet, 0, V::firstRow, toRows(out));
}

} // namespace

ReviewRows reviewRows(const StaffTable& table, const ColumnMapping& mapping)
{
    const int title = mapping.column(StaffField::Intitule), metier = mapping.column(StaffField::Metier),
              etpCol = mapping.column(StaffField::Etp);
    const char* titleHeader = contract::postes::headers[contract::postes::intitule];
    const char* metierHeader = contract::postes::headers[contract::postes::metier];
    ReviewRows r;
    std::unordered_map<std::string, int> index;
    for (const std::vector<std::string>& post : table.rows) {
        auto at = [&](int c) { return c >= 0 && static_cast<size_t>(c) < post.size() ? post[c] : std::string(); };
        const std::string m = at(metier);
        const std::string text = m.empty() ? at(title) : m;
        if (text.empty()) {
            r.rowOfPost.push_back(-1);
            continue;
        }
        auto [it, added] = index.emplace(caseKey(text), static_cast<int>(r.texts.size()));
        if (added) {
            // A text longer than any function accepts is not mapped (ISCO_MAP refuses it too), and is
            // shown cut: its posts find their row by number.
            const bool tooLong = fromUtf8(text).getLength() > kMaxTextLength;
            r.matches.push_back(tooLong ? MatchResult() : sharedData().matcher().match(text));
            r.texts.push_back(tooLong ? toUtf8(fromUtf8(text).copy(0, kMaxTextLength)) + "…" : text);
            r.columns.push_back(m.empty() ? titleHeader : metierHeader);
            r.posts.push_back(0);
            r.etp.push_back(0);
        }
        const double etp = etpCol >= 0 ? parseEtp(at(etpCol)) : 1.0;
        r.posts[it->second] += 1;
        r.etp[it->second] += std::isnan(etp) ? 1.0 : etp;
        r.rowOfPost.push_back(it->second);
    }
    return r;
}

void writeReview(const Workbook& wb, const ReviewRows& rows)
{
    const Reference<sheet::XSpreadsheet> sheet = wb.sheet(contract::sheet::verifier);
    if (rows.texts.empty())
        return;
    const sal_Int32 last = V::firstRow + static_cast<sal_Int32>(rows.texts.size()) - 1;
    const Workbook::RowHeightHold hold(sheet, V::firstRow, last);
    writeValues(sheet, rows);
    Workbook::fillRuns(sheet, V::formulaRuns, V::firstRow, static_cast<sal_Int32>(rows.texts.size()));
    Workbook::alignTop(sheet, table::CellRangeAddress(0, 0, V::firstRow, V::columnCount - 1, last));
}

void sortReview(const Workbook& wb, ReviewRows& rows)
{
    const sal_Int32 n = static_cast<sal_Int32>(rows.texts.size());
    std::vector<int> order(static_cast<size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    if (n == 0)
        return;
    const Reference<sheet::XSpreadsheet> sheet = wb.sheet(contract::sheet::verifier);
    const Rows values =
        Workbook::read(sheet, table::CellRangeAddress(0, 0, V::firstRow, V::columnCount - 1, V::firstRow + n - 1));
    std::vector<bool> unmapped(static_cast<size_t>(n));
    for (sal_Int32 i = 0; i < n; ++i)
        unmapped[static_cast<size_t>(i)] = !rows.matches[static_cast<size_t>(i)].found;
    auto stake = [&](int i) {
        double d = 0;
        return isNumber(values[i][V::enjeu], d) ? d : 0.0;
    };
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        if (unmapped[a] != unmapped[b])
            return static_cast<bool>(unmapped[a]);
        const double sa = unmapped[a] ? rows.etp[a] : stake(a), sb = unmapped[b] ? rows.etp[b] : stake(b);
        if (sa != sb)
            return sa > sb;
        return rows.etp[a] > rows.etp[b];
    });
    ReviewRows sorted;
    for (int old : order) {
        OUString code;
        values[old][V::code] >>= code;
        sorted.codes.push_back(unmapped[old] ? std::string() : toUtf8(code));
        sorted.matches.push_back(rows.matches[old]);
        sorted.texts.push_back(rows.texts[old]);
        sorted.columns.push_back(rows.columns[old]);
        sorted.posts.push_back(rows.posts[old]);
        sorted.etp.push_back(rows.etp[old]);
    }
    std::vector<int> newIndex(static_cast<size_t>(n));
    for (int k = 0; k < n; ++k)
        newIndex[order[k]] = k;
    for (int p : rows.rowOfPost)
        sorted.rowOfPost.push_back(p < 0 ? -1 : newIndex[p]);
    rows = std::move(sorted);
    const Workbook::RowHeightHold hold(sheet, V::firstRow, V::firstRow + n - 1);
    writeValues(sheet, rows);
}

void writePostLinks(const Workbook& wb, const ReviewRows& rows)
{
    namespace P = contract::postes;
    static_assert(P::verifier == P::columnCount - 1, "the link is Postes' last column");
    std::vector<Sequence<Any>> out;
    for (int p : rows.rowOfPost) {
        Sequence<Any> r(1);
        if (p >= 0)
            r[0] <<= static_cast<double>(p + 1);
        else
            r[0] <<= OUString();
        out.push_back(r);
    }
    if (!out.empty())
        Workbook::write(wb.sheet(contract::sheet::postes), P::verifier, P::modelRow, toRows(out));
}

void writeScale(const Workbook& wb)
{
    namespace B = contract::bareme;
    const ExposureDb& db = sharedData().data.exposure;
    std::vector<const IscoGroup*> groups;
    for (const IscoGroup& g : db.groups())
        groups.push_back(&g);
    std::sort(groups.begin(), groups.end(), [](const IscoGroup* a, const IscoGroup* b) { return a->code < b->code; });
    std::vector<Sequence<Any>> rows;
    for (const IscoGroup* g : groups) {
        Sequence<Any> r(B::columnCount);
        for (Any& a : r)
            a <<= OUString();
        auto put = [&](int col, Measure m, Edition e) {
            const Value v = db.exposure(g->code, m, e);
            if (!v.isNone())
                r[col] = toAny(v);
        };
        r[B::code] <<= fromUtf8(g->code);
        r[B::libelle] <<= fromUtf8(g->titleFr.empty() ? g->titleEn : g->titleFr);
        put(B::score_2023, Measure::Mean, Edition::Y2023);
        put(B::score_2025, Measure::Mean, Edition::Y2025);
        put(B::ecart_type_2025, Measure::Sd, Edition::Y2025);
        put(B::categorie_2023, Measure::Category, Edition::Y2023);
        put(B::categorie_2025, Measure::Category, Edition::Y2025);
        put(B::niveau_2023, Measure::Level, Edition::Y2023);
        put(B::niveau_2025, Measure::Level, Edition::Y2025);
        r[B::score] = Any(); // formula columns: written by fillDown below
        r[B::classe] = Any();
        rows.push_back(r);
    }
    if (rows.empty())
        return;
    const Reference<sheet::XSpreadsheet> sheet = wb.sheet(contract::sheet::bareme);
    // Values left of the formulas only: the model row's formulas are kept and copied down.
    static_assert(B::formulaRuns[0][0] == B::score && B::formulaRuns[0][1] == B::columnCount - 1, "formulas last");
    std::vector<Sequence<Any>> valueRows;
    for (const Sequence<Any>& r : rows)
        valueRows.emplace_back(r.getConstArray(), B::score);
    const sal_Int32 last = B::firstRow + static_cast<sal_Int32>(rows.size()) - 1;
    const Workbook::RowHeightHold hold(sheet, B::firstRow, last);
    Workbook::write(sheet, 0, B::firstRow, toRows(valueRows));
    Workbook::fillRuns(sheet, B::formulaRuns, B::firstRow, static_cast<sal_Int32>(rows.size()));
    Workbook::alignTop(sheet, table::CellRangeAddress(0, 0, B::firstRow, B::columnCount - 1, last));
    // The ILO category of each level, beside the class rules (2023 rows, then 2025).
    std::vector<Sequence<Any>> categories;
    for (Edition e : {Edition::Y2023, Edition::Y2025})
        for (int level = 0; level < levelCount(e); ++level) {
            Sequence<Any> c(1);
            c[0] <<= fromUtf8(categoryLabel(e, level, true));
            categories.push_back(c);
        }
    static_assert(std::size(contract::classRule2023) + std::size(contract::classRule2025) == 10, "4 + 6 levels");
    Workbook::write(sheet, B::rulesFirstColumn + 2, B::firstRow, toRows(categories));
}

ReviewSummary summariseReview(const Workbook& wb)
{
    ReviewSummary s;
    if (!wb.hasSheet(contract::sheet::verifier))
        return s;
    const Reference<sheet::XSpreadsheet> sheet = wb.sheet(contract::sheet::verifier);
    Reference<sheet::XSheetCellCursor> cursor = sheet->createCursor();
    Reference<sheet::XUsedAreaCursor>(cursor, UNO_QUERY_THROW)->gotoEndOfUsedArea(false);
    const sal_Int32 last = Reference<sheet::XCellRangeAddressable>(cursor, UNO_QUERY_THROW)->getRangeAddress().EndRow;
    if (last < V::firstRow)
        return s;
    const Rows values = Workbook::read(sheet, table::CellRangeAddress(0, 0, V::firstRow, V::columnCount - 1, last));
    std::vector<bool> unmapped(values.getLength(), false);
    Reference<sheet::XCellRangesQuery> query(sheet->getCellRangeByPosition(V::code, V::firstRow, V::code, last),
                                             UNO_QUERY_THROW);
    for (const table::CellRangeAddress& r : query->queryFormulaCells(sheet::FormulaResult::ERROR)->getRangeAddresses())
        for (sal_Int32 row = r.StartRow; row <= r.EndRow; ++row)
            unmapped[static_cast<size_t>(row - V::firstRow)] = true;
    for (sal_Int32 i = 0; i < values.getLength(); ++i) {
        OUString text, correction;
        if (!(values[i][V::texte] >>= text) || text.isEmpty())
            continue;
        ++s.texts;
        double etp = 0, confidence = 0;
        values[i][V::etp] >>= etp;
        values[i][V::confiance] >>= confidence;
        values[i][V::correction] >>= correction;
        double typed = 0;
        const bool corrected = !correction.isEmpty() || (values[i][V::correction] >>= typed);
        if (unmapped[static_cast<size_t>(i)]) {
            ++s.unmapped;
            s.etpUnmapped += etp;
        } else if (!corrected && confidence < V::sureConfidence) {
            ++s.doubtful;
            s.etpDoubtful += etp;
        }
    }
    return s;
}

} // namespace cartoia::uno
