// SPDX-License-Identifier: MPL-2.0
// The staff table reader: separator, rows, header row, checks on values, readStaffTable.
#include "cartoia/staff_table.hpp"

#include "staff_columns.hpp"
#include "staff_decode.hpp"
#include "staff_messages.hpp"
#include "staff_values.hpp"

#include "cartoia/csv.hpp"
#include "cartoia/text_fold.hpp"
#include "cartoia/text_util.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace cartoia {
namespace {

using staff::columnName;
using staff::counted;
using staff::lineList;
using staff::quoted;

constexpr int kHeaderSearchRows = 30; // non-blank rows examined for a recognisable header
constexpr size_t kSeparatorSampleLines = 50;
constexpr size_t kDetailedRowWarnings = 5;

// ---------- separator ----------

// Excel understands a first line "sep=;" and writes it in some exports.
char excelSeparatorLine(std::string_view text)
{
    if (text.size() >= 5 && startsWith(text, "sep=") && (text.size() == 5 || text[5] == '\n' || text[5] == '\r'))
        return text[4];
    return 0;
}

std::string_view firstLines(std::string_view text, size_t count)
{
    size_t pos = 0;
    for (size_t n = 0; n < count; ++n) {
        pos = text.find('\n', pos);
        if (pos == std::string_view::npos)
            return text;
        ++pos;
    }
    return text.substr(0, pos);
}

bool isBlankRow(const CsvRow& row)
{
    return std::all_of(row.begin(), row.end(),
                       [](const std::string& cell) { return cell.find_first_not_of(" \t") == std::string::npos; });
}

// How well a separator splits the sample: rows with the most common field count (above 1).
struct SeparatorScore {
    size_t rows = 0;
    size_t fields = 0;
    bool operator>(const SeparatorScore& o) const { return std::tie(rows, fields) > std::tie(o.rows, o.fields); }
};

SeparatorScore scoreSeparator(std::string_view sample, char sep)
{
    std::map<size_t, size_t> counts;
    for (const CsvRow& row : parseCsv(sample, sep))
        if (!isBlankRow(row) && row.size() > 1)
            ++counts[row.size()];
    SeparatorScore best;
    for (const auto& [fields, rows] : counts)
        if (SeparatorScore{rows, fields} > best)
            best = {rows, fields};
    return best;
}

// ';' first: on a tie it is the likelier in French exports (decimal commas).
char detectSeparator(std::string_view text)
{
    std::string_view sample = firstLines(text, kSeparatorSampleLines);
    char best = ';';
    SeparatorScore bestScore = scoreSeparator(sample, ';');
    for (char sep : {'\t', ','}) {
        SeparatorScore score = scoreSeparator(sample, sep);
        if (score > bestScore) {
            best = sep;
            bestScore = score;
        }
    }
    return best;
}

// ---------- rows ----------

size_t lineBreaks(std::string_view s)
{
    size_t n = 0;
    for (size_t i = 0; i < s.size(); ++i)
        if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == s.size() || s[i + 1] != '\n')))
            ++n;
    return n;
}

// File line where each parsed row starts (quoted fields may span several lines), plus the line
// after the last row (an unclosed quote swallows the final line break, so it comes from the text).
std::vector<int> rowStartLines(const std::vector<CsvRow>& rows, std::string_view text, int firstLine)
{
    std::vector<int> lines;
    lines.reserve(rows.size() + 1);
    int line = firstLine;
    for (const CsvRow& row : rows) {
        lines.push_back(line);
        line += 1;
        for (const std::string& cell : row)
            line += static_cast<int>(lineBreaks(cell));
    }
    const bool unterminated = !text.empty() && text.back() != '\n' && text.back() != '\r';
    lines.push_back(firstLine + static_cast<int>(lineBreaks(text)) + (unterminated ? 1 : 0));
    return lines;
}

// Trimmed cell; line breaks inside a quoted cell (Alt+Enter in Excel) become spaces.
std::string cleanCell(const std::string& cell)
{
    if (cell.find_first_of("\r\n") == std::string::npos)
        return trimText(cell);
    std::string flat;
    flat.reserve(cell.size());
    for (char c : cell) {
        if (c == '\r' || c == '\n') {
            if (!flat.empty() && flat.back() != ' ')
                flat += ' ';
        } else {
            flat += c;
        }
    }
    return trimText(flat);
}

void cleanRow(CsvRow& row)
{
    for (std::string& cell : row)
        cell = cleanCell(cell);
}

bool allEmpty(const CsvRow& row)
{
    return std::all_of(row.begin(), row.end(), [](const std::string& c) { return c.empty(); });
}

size_t nonEmptyCount(const CsvRow& row)
{
    return static_cast<size_t>(std::count_if(row.begin(), row.end(), [](const std::string& c) { return !c.empty(); }));
}

// Number of fields once trailing empty ones are dropped.
size_t usedWidth(const CsvRow& row)
{
    size_t n = row.size();
    while (n > 0 && row[n - 1].empty())
        --n;
    return n;
}

// "12", "0,8", "80 %": a cell that is a value rather than a column name.
bool looksNumeric(const std::string& cell)
{
    bool digit = false;
    for (char c : cell) {
        if (isDigit(c))
            digit = true;
        else if (c != ',' && c != '.' && c != '%' && c != ' ')
            return false;
    }
    return digit;
}

// A "Total" or "Sous-total" line at the bottom of an Excel sheet.
bool isTotalRow(const CsvRow& row)
{
    for (const std::string& cell : row) {
        if (cell.empty())
            continue;
        std::string key = wordKey(cell);
        return key == "total" || startsWith(key, "total ") || startsWith(key, "sous total");
    }
    return false;
}

// ---------- header ----------

// Column names rather than values: ≥ 3 names, none numeric, ≥ 2 fields recognised, one exactly.
bool looksLikeHeader(const CsvRow& row)
{
    if (nonEmptyCount(row) < 3 || std::any_of(row.begin(), row.end(), looksNumeric))
        return false;
    const staff::FieldsRecognised r = staff::recogniseFields(row);
    return r.fields >= 2 && r.exact >= 1;
}

// Fallback: the first row with the most common field count and enough non-empty cells.
size_t fallbackHeaderRow(const std::vector<CsvRow>& rows)
{
    std::map<size_t, size_t> counts;
    for (const CsvRow& row : rows)
        if (!allEmpty(row))
            ++counts[row.size()];
    size_t modal = 0, modalRows = 0;
    for (const auto& [fields, n] : counts)
        if (n >= modalRows) {
            modal = fields;
            modalRows = n;
        }
    const size_t needed = std::min<size_t>(3, modal);
    for (size_t i = 0; i < rows.size(); ++i)
        if (rows[i].size() == modal && nonEmptyCount(rows[i]) >= needed)
            return i;
    for (size_t i = 0; i < rows.size(); ++i)
        if (!allEmpty(rows[i]))
            return i;
    return rows.size();
}

// Index of the header row, or rows.size() when every row is blank; `recognised` tells how.
size_t findHeaderRow(const std::vector<CsvRow>& rows, bool& recognised)
{
    int examined = 0;
    for (size_t i = 0; i < rows.size() && examined < kHeaderSearchRows; ++i) {
        if (allEmpty(rows[i]))
            continue;
        ++examined;
        if (looksLikeHeader(rows[i])) {
            recognised = true;
            return i;
        }
    }
    recognised = false;
    return fallbackHeaderRow(rows);
}

// ---------- checks on values ----------

void checkRowWidths(const std::vector<std::pair<int, size_t>>& bad, size_t width, std::vector<std::string>& warnings)
{
    const std::string expected = std::to_string(width);
    if (bad.size() <= kDetailedRowWarnings) {
        for (const auto& [line, fields] : bad)
            warnings.push_back(
                "Ligne " + std::to_string(line) + " : " + counted(fields, "champ", "champs") + " au lieu de " +
                expected + (fields > width ? " — champs en trop ignorés" : " — cellules manquantes laissées vides"));
        return;
    }
    std::vector<int> lines;
    for (const auto& entry : bad)
        lines.push_back(entry.first);
    warnings.push_back(std::to_string(bad.size()) + " lignes n'ont pas " + expected + " champs " + lineList(lines) +
                       " — champs en trop ignorés, cellules manquantes laissées vides");
}

void checkEtp(const StaffTable& t, std::vector<std::string>& warnings)
{
    const int col = t.mapping.column(StaffField::Etp);
    if (col < 0)
        return;
    std::vector<int> invalid, overOne;
    for (size_t r = 0; r < t.rows.size(); ++r) {
        double v = parseEtp(t.rows[r][static_cast<size_t>(col)]);
        if (std::isnan(v))
            invalid.push_back(t.rowLines[r]);
        else if (v > 1.0 + 1e-9)
            overOne.push_back(t.rowLines[r]);
    }
    const std::string prefix = "Colonne " + quoted(columnName(t.header, static_cast<size_t>(col))) + " : ";
    if (!invalid.empty())
        warnings.push_back(prefix + counted(invalid.size(), "valeur non numérique", "valeurs non numériques") + " " +
                           lineList(invalid) + (invalid.size() > 1 ? " — comptées 1" : " — comptée 1"));
    if (!overOne.empty())
        warnings.push_back(prefix + counted(overOne.size(), "valeur supérieure à 1", "valeurs supérieures à 1") + " " +
                           lineList(overOne) + " — à vérifier");
}

// Never silently 0: an amount that cannot be read is reported and counted as not given.
void checkCosts(const StaffTable& t, std::vector<std::string>& warnings)
{
    const int col = t.mapping.column(StaffField::Cout);
    if (col < 0)
        return;
    std::vector<int> invalid;
    for (size_t r = 0; r < t.rows.size(); ++r)
        if (t.costAmount(r).status == AmountStatus::Invalid)
            invalid.push_back(t.rowLines[r]);
    if (!invalid.empty())
        warnings.push_back(
            "Colonne " + quoted(columnName(t.header, static_cast<size_t>(col))) + " : " +
            counted(invalid.size(), "valeur non reconnue", "valeurs non reconnues") + " " + lineList(invalid) +
            (invalid.size() > 1 ? " — comptées comme non renseignées" : " — comptée comme non renseignée") +
            " (montant positif en euros attendu, par ex. 38 250)");
}

void checkCategories(const StaffTable& t, std::vector<std::string>& warnings)
{
    const int col = t.mapping.column(StaffField::Categorie);
    if (col < 0)
        return;
    std::vector<int> unknown;
    for (size_t r = 0; r < t.rows.size(); ++r) {
        const std::string& cell = t.rows[r][static_cast<size_t>(col)];
        if (normaliseCategorie(cell).empty() && !staff::isNoCategory(cell))
            unknown.push_back(t.rowLines[r]);
    }
    if (!unknown.empty())
        warnings.push_back("Colonne " + quoted(columnName(t.header, static_cast<size_t>(col))) + " : " +
                           counted(unknown.size(), "valeur non reconnue", "valeurs non reconnues") + " " +
                           lineList(unknown) + " — catégorie inconnue (A, B ou C attendu)");
}

void checkTitles(const StaffTable& t, std::vector<std::string>& warnings)
{
    std::vector<int> cols;
    std::string what;
    for (StaffField f : {StaffField::Intitule, StaffField::Metier})
        if (t.mapping.has(f)) {
            cols.push_back(t.mapping.column(f));
            what += (what.empty() ? "sans " : " ni ") + std::string(staffFieldLabel(f));
        }
    if (cols.empty())
        return;
    std::vector<int> lines;
    for (size_t r = 0; r < t.rows.size(); ++r)
        if (std::all_of(cols.begin(), cols.end(), [&](int c) { return t.rows[r][static_cast<size_t>(c)].empty(); }))
            lines.push_back(t.rowLines[r]);
    if (!lines.empty())
        warnings.push_back(counted(lines.size(), "ligne ", "lignes ") + what + " " + lineList(lines));
}

void checkMissingFields(const ColumnMapping& m, std::vector<std::string>& warnings)
{
    if (!m.has(StaffField::Intitule) && !m.has(StaffField::Metier))
        warnings.push_back("Aucune colonne « intitulé du poste » ni « métier » reconnue : "
                           "les postes ne peuvent pas être rattachés à un métier.");
    if (!m.has(StaffField::Etp))
        warnings.push_back("Aucune colonne ETP (quotité) reconnue : chaque poste compte pour 1 ETP.");
    std::string missing;
    for (StaffField f : {StaffField::Categorie, StaffField::Filiere, StaffField::Direction, StaffField::Service})
        if (!m.has(f))
            missing += (missing.empty() ? "" : ", ") + std::string(staffFieldLabel(f));
    if (!missing.empty())
        warnings.push_back("Aucune colonne reconnue pour : " + missing + ".");
}

// ---------- reading ----------

struct ParsedText {
    std::vector<CsvRow> rows;
    std::vector<int> lines; // start line of each row, then the line after the last one
};

ParsedText parseText(std::string_view text, char& separator)
{
    int firstLine = 1;
    if (char sep = excelSeparatorLine(text)) {
        separator = sep;
        size_t eol = text.find('\n');
        text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
        firstLine = 2;
    } else {
        separator = detectSeparator(text);
    }
    ParsedText parsed;
    parsed.rows = parseCsv(text, separator);
    parsed.lines = rowStartLines(parsed.rows, text, firstLine);
    for (CsvRow& row : parsed.rows)
        cleanRow(row);
    return parsed;
}

void takeHeader(StaffTable& t, CsvRow header)
{
    header.resize(usedWidth(header));
    t.header = std::move(header);
}

void takeRows(StaffTable& t, ParsedText& parsed, size_t headerRow)
{
    const size_t width = t.header.size();
    std::vector<std::pair<int, size_t>> badWidth;
    for (size_t i = headerRow + 1; i < parsed.rows.size(); ++i) {
        CsvRow& row = parsed.rows[i];
        const int line = parsed.lines[i];
        if (allEmpty(row))
            continue;
        if (isTotalRow(row)) {
            t.warnings.push_back("Ligne " + std::to_string(line) + " ignorée : ligne de total");
            continue;
        }
        const int span = parsed.lines[i + 1] - line;
        if (span > 1 && row.size() < width)
            t.warnings.push_back("Ligne " + std::to_string(line) + " : guillemet (\") non refermé — lignes " +
                                 std::to_string(line) + " à " + std::to_string(line + span - 1) +
                                 " lues comme une seule ligne");
        else if (usedWidth(row) > width || row.size() < width)
            badWidth.emplace_back(line, row.size());
        row.resize(width);
        t.rows.push_back(std::move(row));
        t.rowLines.push_back(line);
    }
    if (!badWidth.empty())
        checkRowWidths(badWidth, width, t.warnings);
}

} // namespace

const std::string& StaffTable::value(std::size_t row, StaffField field) const
{
    static const std::string empty;
    const int c = mapping.column(field);
    return c >= 0 ? rows.at(row).at(static_cast<size_t>(c)) : empty;
}

double StaffTable::etp(std::size_t row) const
{
    const double v = parseEtp(value(row, StaffField::Etp));
    return std::isnan(v) ? 1.0 : v;
}

Amount StaffTable::costAmount(std::size_t row) const
{
    if (!mapping.has(StaffField::Cout))
        return {};
    return parseAmountCell(value(row, StaffField::Cout));
}

double StaffTable::cost(std::size_t row) const { return costAmount(row).value; }

StaffTable readStaffTable(std::string_view bytes)
{
    StaffTable t;
    staff::Decoded decoded = staff::decode(bytes);
    t.encoding = decoded.encoding;
    if (!decoded.warning.empty())
        t.warnings.push_back(decoded.warning);
    ParsedText parsed = parseText(decoded.text, t.separator);

    bool recognised = false;
    const size_t headerRow = findHeaderRow(parsed.rows, recognised);
    if (headerRow >= parsed.rows.size()) {
        t.warnings.push_back("Le fichier ne contient aucune ligne lisible.");
        return t;
    }
    t.headerLine = parsed.lines[headerRow];
    takeHeader(t, std::move(parsed.rows[headerRow]));
    if (t.header.size() < 2)
        t.warnings.push_back("Séparateur non détecté : le fichier semble n'avoir qu'une colonne "
                             "(séparateurs essayés : point-virgule, virgule, tabulation).");
    if (!recognised)
        t.warnings.push_back("En-tête non reconnu : la ligne " + std::to_string(t.headerLine) +
                             " est prise comme ligne des titres de colonnes.");
    t.mapping = detectColumns(t.header);
    t.warnings.insert(t.warnings.end(), t.mapping.warnings.begin(), t.mapping.warnings.end());
    checkMissingFields(t.mapping, t.warnings);

    takeRows(t, parsed, headerRow);
    if (t.rows.empty())
        t.warnings.push_back("Aucune ligne de données sous l'en-tête (ligne " + std::to_string(t.headerLine) + ").");
    checkTitles(t, t.warnings);
    checkEtp(t, t.warnings);
    checkCosts(t, t.warnings);
    checkCategories(t, t.warnings);
    return t;
}

StaffTable readStaffTableFile(const std::string& path) { return readStaffTable(readFile(path)); }

} // namespace cartoia
