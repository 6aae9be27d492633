// SPDX-License-Identifier: MPL-2.0
#include "cartoia/staff_table.hpp"

#include "cartoia/csv.hpp"
#include "cartoia/text_fold.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <stdexcept>
#include <tuple>

#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace cartoia {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kHeaderSearchRows = 30;   // non-blank rows examined for a recognisable header
constexpr size_t kSeparatorSampleLines = 50;
constexpr size_t kListedLines = 10;     // line numbers quoted in one warning
constexpr size_t kDetailedRowWarnings = 5;

// ---------- text helpers ----------

// Folded text with every non-alphanumeric run turned into one space: "N° de poste" → "n de poste".
std::string wordKey(std::string_view text)
{
    std::string folded = foldText(text);
    std::string out;
    out.reserve(folded.size());
    for (char c : folded) {
        bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (alnum)
            out += c;
        else if (!out.empty() && out.back() != ' ')
            out += ' ';
    }
    if (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

bool containsWords(const std::string& key, const std::string& words)
{
    return (" " + key + " ").find(" " + words + " ") != std::string::npos;
}

bool startsWith(std::string_view s, std::string_view prefix)
{
    return s.substr(0, prefix.size()) == prefix;
}

bool endsWith(std::string_view s, std::string_view suffix)
{
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// "valeur" / "valeurs" by count; French uses the singular for 0 and 1.
std::string counted(size_t n, const std::string& singular, const std::string& plural)
{
    return std::to_string(n) + " " + (n > 1 ? plural : singular);
}

// "(ligne 12)" or "(lignes 12, 40, 41, …)".
std::string lineList(const std::vector<int>& lines)
{
    std::string out = lines.size() > 1 ? "(lignes " : "(ligne ";
    for (size_t i = 0; i < lines.size() && i < kListedLines; ++i)
        out += (i ? ", " : "") + std::to_string(lines[i]);
    if (lines.size() > kListedLines)
        out += ", …";
    return out + ")";
}

std::string quoted(const std::string& name)
{
    return "« " + name + " »";
}

// ---------- encoding ----------

// Invalid UTF-8 byte sequences of a text: how many, where, and the text with each one replaced by
// U+FFFD. `multibyte` counts the valid sequences of two bytes or more (the evidence for UTF-8).
struct Utf8Scan {
    std::string repaired;
    std::size_t multibyte = 0;
    std::size_t invalid = 0;
    std::vector<int> invalidLines; // 1-based, distinct, in file order
};

Utf8Scan scanUtf8(std::string_view bytes)
{
    Utf8Scan s;
    const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
    const auto n = static_cast<int32_t>(bytes.size());
    s.repaired.reserve(bytes.size());
    int line = 1;
    for (int32_t i = 0; i < n;) {
        if (p[i] < 0x80) {
            line += p[i] == '\n';
            s.repaired += static_cast<char>(p[i++]);
            continue;
        }
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(p, i, n, c);
        if (c < 0) {
            ++s.invalid;
            if (s.invalidLines.empty() || s.invalidLines.back() != line)
                s.invalidLines.push_back(line);
            s.repaired += "\xEF\xBF\xBD";
        } else {
            ++s.multibyte;
            s.repaired.append(bytes.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
        }
    }
    return s;
}

std::string convertToUtf8(std::string_view bytes, const char* charset)
{
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, decltype(&ucnv_close)> cnv(ucnv_open(charset, &status), &ucnv_close);
    if (U_FAILURE(status))
        throw std::runtime_error(std::string("ICU converter unavailable: ") + charset);
    icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), cnv.get(), status);
    if (U_FAILURE(status))
        throw std::runtime_error(std::string("cannot convert from ") + charset);
    std::string out;
    text.toUTF8String(out);
    return out;
}

struct Decoded {
    std::string text;
    std::string encoding;
    std::string warning; // French, empty when the bytes were clean
};

// UTF-8 when its valid multi-byte sequences outnumber the invalid bytes (a few damaged bytes do not
// turn a UTF-8 file into Windows-1252 text); invalid bytes are then replaced and reported.
Decoded decode(std::string_view bytes)
{
    if (startsWith(bytes, "\xFF\xFE"))
        return {convertToUtf8(bytes.substr(2), "UTF-16LE"), "UTF-16LE", {}};
    if (startsWith(bytes, "\xFE\xFF"))
        return {convertToUtf8(bytes.substr(2), "UTF-16BE"), "UTF-16BE", {}};
    const bool bom = startsWith(bytes, "\xEF\xBB\xBF");
    Utf8Scan scan = scanUtf8(bom ? bytes.substr(3) : bytes);
    if (scan.invalid == 0)
        return {std::move(scan.repaired), "UTF-8", {}};
    if (bom || scan.multibyte > scan.invalid) {
        std::string w = "Fichier en UTF-8 avec " + std::to_string(scan.invalid) +
                        (scan.invalid > 1 ? " octets invalides" : " octet invalide") +
                        ", remplacés par « \xEF\xBF\xBD » — à vérifier " + lineList(scan.invalidLines) + ".";
        return {std::move(scan.repaired), "UTF-8", std::move(w)};
    }
    return {convertToUtf8(bytes, "windows-1252"), "Windows-1252", {}};
}

// ---------- separator ----------

// Excel understands a first line "sep=;" and writes it in some exports.
char excelSeparatorLine(std::string_view text)
{
    if (text.size() >= 5 && startsWith(text, "sep=") &&
        (text.size() == 5 || text[5] == '\n' || text[5] == '\r'))
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
    return std::all_of(row.begin(), row.end(), [](const std::string& cell) {
        return cell.find_first_not_of(" \t") == std::string::npos;
    });
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
        if (c >= '0' && c <= '9')
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

// ---------- columns ----------

struct Synonym {
    StaffField field;
    const char* key; // wordKey() form
};

// Longer synonyms win over shorter ones, so "intitule du metier" is a métier, not an intitulé.
const Synonym kSynonyms[] = {
    {StaffField::Intitule, "intitule"}, {StaffField::Intitule, "intitule du poste"},
    {StaffField::Intitule, "intitule de poste"}, {StaffField::Intitule, "intitule poste"},
    {StaffField::Intitule, "libelle du poste"}, {StaffField::Intitule, "libelle de poste"},
    {StaffField::Intitule, "libelle poste"}, {StaffField::Intitule, "libelle"},
    {StaffField::Intitule, "poste"}, {StaffField::Intitule, "poste occupe"},
    {StaffField::Intitule, "fonction"}, {StaffField::Intitule, "designation du poste"},
    {StaffField::Metier, "metier"}, {StaffField::Metier, "emploi"}, {StaffField::Metier, "emploi type"},
    {StaffField::Metier, "metier cnfpt"}, {StaffField::Metier, "intitule du metier"},
    {StaffField::Metier, "libelle du metier"}, {StaffField::Metier, "libelle metier"},
    {StaffField::Categorie, "categorie"}, {StaffField::Categorie, "cat"},
    {StaffField::Categorie, "categorie statutaire"}, {StaffField::Categorie, "categorie hierarchique"},
    {StaffField::Filiere, "filiere"},
    {StaffField::Direction, "direction"}, {StaffField::Direction, "pole"}, {StaffField::Direction, "dga"},
    {StaffField::Direction, "direction generale adjointe"}, {StaffField::Direction, "departement"},
    {StaffField::Service, "service"}, {StaffField::Service, "unite"}, {StaffField::Service, "unite de travail"},
    {StaffField::Service, "service d affectation"}, {StaffField::Service, "affectation"},
    {StaffField::Etp, "etp"}, {StaffField::Etp, "quotite"}, {StaffField::Etp, "temps de travail"},
    {StaffField::Etp, "taux d emploi"}, {StaffField::Etp, "equivalent temps plein"},
    {StaffField::Etp, "taux d activite"}, {StaffField::Etp, "quotite de travail"},
    {StaffField::Identifiant, "matricule"}, {StaffField::Identifiant, "identifiant"},
    {StaffField::Identifiant, "id"}, {StaffField::Identifiant, "n de poste"}, {StaffField::Identifiant, "n poste"},
    {StaffField::Identifiant, "no de poste"}, {StaffField::Identifiant, "no poste"},
    {StaffField::Identifiant, "numero de poste"}, {StaffField::Identifiant, "numero poste"},
    {StaffField::Identifiant, "num poste"}, {StaffField::Identifiant, "code poste"},
    {StaffField::Identifiant, "code du poste"}, {StaffField::Identifiant, "reference du poste"},
    {StaffField::Identifiant, "ref poste"}, {StaffField::Identifiant, "numero agent"},
    {StaffField::Identifiant, "n agent"},
};

constexpr int kExactScore = 1000;
constexpr int kContainsScore = 100;

// 0: unrelated; kContainsScore+: the header contains the synonym's words; kExactScore+: equal
// (a plural "s" allowed). "Date d'entrée dans le service" is a date, not a service.
int synonymScore(const std::string& key, const std::string& synonym)
{
    const int length = static_cast<int>(synonym.size());
    if (key == synonym || key == synonym + "s")
        return kExactScore + length;
    if (containsWords(key, "date"))
        return 0;
    return containsWords(key, synonym) ? kContainsScore + length : 0;
}

struct Assignment {
    std::array<int, kStaffFieldCount> columns{-1, -1, -1, -1, -1, -1, -1, -1};
    int exactMatches = 0;
};

// Greedy on the best (score, leftmost column) pairs; `usable[c]` false excludes a column.
Assignment assignColumns(const std::vector<std::string>& keys, const std::vector<bool>& usable)
{
    std::vector<std::tuple<int, int, int>> candidates; // -score, column, field
    for (size_t c = 0; c < keys.size(); ++c) {
        if (!usable[c] || keys[c].empty())
            continue;
        std::array<int, kStaffFieldCount> best{};
        for (const Synonym& s : kSynonyms) {
            int& slot = best[static_cast<size_t>(s.field)];
            slot = std::max(slot, synonymScore(keys[c], s.key));
        }
        for (size_t f = 0; f < kStaffFieldCount; ++f)
            if (best[f] > 0)
                candidates.emplace_back(-best[f], static_cast<int>(c), static_cast<int>(f));
    }
    std::sort(candidates.begin(), candidates.end());
    Assignment result;
    std::vector<bool> taken(keys.size(), false);
    for (const auto& [negScore, column, field] : candidates) {
        if (result.columns[static_cast<size_t>(field)] >= 0 || taken[static_cast<size_t>(column)])
            continue;
        result.columns[static_cast<size_t>(field)] = column;
        taken[static_cast<size_t>(column)] = true;
        if (-negScore >= kExactScore)
            ++result.exactMatches;
    }
    return result;
}

std::vector<std::string> headerKeys(const std::vector<std::string>& header)
{
    std::vector<std::string> keys;
    keys.reserve(header.size());
    for (const std::string& name : header)
        keys.push_back(wordKey(name));
    return keys;
}

int mappedFields(const Assignment& a)
{
    return static_cast<int>(std::count_if(a.columns.begin(), a.columns.end(), [](int c) { return c >= 0; }));
}

std::string columnName(const std::vector<std::string>& header, size_t column)
{
    if (column < header.size() && !header[column].empty())
        return header[column];
    return "colonne " + std::to_string(column + 1) + " sans titre";
}

// ---------- header ----------

// Column names rather than values: ≥ 3 names, none numeric, ≥ 2 fields recognised, one exactly.
bool looksLikeHeader(const CsvRow& row)
{
    if (nonEmptyCount(row) < 3 || std::any_of(row.begin(), row.end(), looksNumeric))
        return false;
    Assignment a = assignColumns(headerKeys(row), std::vector<bool>(row.size(), true));
    return mappedFields(a) >= 2 && a.exactMatches >= 1;
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

bool isNoCategory(const std::string& cell)
{
    std::string key = wordKey(cell);
    return containsWords(key, "hors") || key == "hc" || key == "nc" || key == "sans" || key.empty();
}

void checkRowWidths(const std::vector<std::pair<int, size_t>>& bad, size_t width, std::vector<std::string>& warnings)
{
    const std::string expected = std::to_string(width);
    if (bad.size() <= kDetailedRowWarnings) {
        for (const auto& [line, fields] : bad)
            warnings.push_back("Ligne " + std::to_string(line) + " : " + counted(fields, "champ", "champs") +
                               " au lieu de " + expected +
                               (fields > width ? " — champs en trop ignorés" : " — cellules manquantes laissées vides"));
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

void checkCategories(const StaffTable& t, std::vector<std::string>& warnings)
{
    const int col = t.mapping.column(StaffField::Categorie);
    if (col < 0)
        return;
    std::vector<int> unknown;
    for (size_t r = 0; r < t.rows.size(); ++r) {
        const std::string& cell = t.rows[r][static_cast<size_t>(col)];
        if (normaliseCategorie(cell).empty() && !isNoCategory(cell))
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

const std::array<StaffField, kStaffFieldCount>& allStaffFields()
{
    static const std::array<StaffField, kStaffFieldCount> fields{
        StaffField::Intitule, StaffField::Metier,    StaffField::Categorie, StaffField::Filiere,
        StaffField::Direction, StaffField::Service, StaffField::Etp,       StaffField::Identifiant};
    return fields;
}

const char* staffFieldLabel(StaffField field)
{
    switch (field) {
    case StaffField::Intitule: return "intitulé";
    case StaffField::Metier: return "métier";
    case StaffField::Categorie: return "catégorie";
    case StaffField::Filiere: return "filière";
    case StaffField::Direction: return "direction";
    case StaffField::Service: return "service";
    case StaffField::Etp: return "ETP";
    case StaffField::Identifiant: return "identifiant";
    }
    return "";
}

int ColumnMapping::mappedCount() const
{
    return static_cast<int>(std::count_if(columns.begin(), columns.end(), [](int c) { return c >= 0; }));
}

ColumnMapping detectColumns(const std::vector<std::string>& header)
{
    const std::vector<std::string> keys = headerKeys(header);
    // A repeated name is only usable once, at its first column.
    std::vector<bool> usable(header.size(), true);
    std::vector<std::vector<size_t>> repeats(header.size());
    for (size_t c = 0; c < keys.size(); ++c)
        for (size_t first = 0; first < c && !keys[c].empty(); ++first)
            if (usable[first] && keys[first] == keys[c]) {
                usable[c] = false;
                repeats[first].push_back(c);
                break;
            }
    ColumnMapping mapping;
    mapping.columns = assignColumns(keys, usable).columns;
    std::vector<bool> used(header.size(), false);
    for (int c : mapping.columns)
        if (c >= 0)
            used[static_cast<size_t>(c)] = true;
    for (size_t c = 0; c < header.size(); ++c) {
        if (!used[c])
            mapping.unmappedColumns.push_back(columnName(header, c));
        if (!used[c] || repeats[c].empty())
            continue;
        std::string where = std::to_string(c + 1);
        for (size_t i = 0; i < repeats[c].size(); ++i)
            where += (i + 1 == repeats[c].size() ? " et " : ", ") + std::to_string(repeats[c][i] + 1);
        mapping.warnings.push_back("Colonne " + quoted(header[c]) + " présente " +
                                   std::to_string(repeats[c].size() + 1) + " fois (colonnes " + where +
                                   ") : seule la première est utilisée.");
    }
    return mapping;
}

std::string describeMapping(const ColumnMapping& mapping, const std::vector<std::string>& header)
{
    std::string found, missing;
    for (StaffField f : allStaffFields()) {
        const int c = mapping.column(f);
        if (c >= 0)
            found += (found.empty() ? "" : " ; ") + columnName(header, static_cast<size_t>(c)) + " → " +
                     staffFieldLabel(f);
        else
            missing += (missing.empty() ? "" : ", ") + std::string(staffFieldLabel(f));
    }
    std::string out = found.empty() ? "Aucune colonne reconnue." : found + ".";
    if (!found.empty() && !missing.empty())
        out += " Non trouvées : " + missing + ".";
    if (!mapping.unmappedColumns.empty()) {
        out += " Ignorées : ";
        for (size_t i = 0; i < mapping.unmappedColumns.size(); ++i)
            out += (i ? ", " : "") + mapping.unmappedColumns[i];
        out += ".";
    }
    return out;
}

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

StaffTable readStaffTable(std::string_view bytes)
{
    StaffTable t;
    Decoded decoded = decode(bytes);
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
    checkCategories(t, t.warnings);
    return t;
}

StaffTable readStaffTableFile(const std::string& path)
{
    return readStaffTable(readFile(path));
}

// ---------- values ----------

namespace {

// "12", "0.8", ".5", "12." with '.' or ',' as decimal separator.
bool parseDecimal(std::string_view s, double& out)
{
    double value = 0, scale = 1;
    bool digits = false, point = false;
    for (char c : s) {
        if (c >= '0' && c <= '9') {
            digits = true;
            if (point) {
                scale /= 10;
                value += (c - '0') * scale;
            } else {
                value = value * 10 + (c - '0');
            }
        } else if ((c == '.' || c == ',') && !point) {
            point = true;
        } else {
            return false;
        }
    }
    out = value;
    return digits;
}

// "17h30", "17h", "17,5h", "17,5" → hours.
bool parseHours(std::string_view s, double& out)
{
    size_t h = s.find('h');
    if (h == std::string_view::npos)
        return parseDecimal(s, out);
    double hours = 0, minutes = 0;
    if (!parseDecimal(s.substr(0, h), hours))
        return false;
    std::string_view rest = s.substr(h + 1);
    if (!rest.empty() && (!parseDecimal(rest, minutes) || minutes >= 60))
        return false;
    out = hours + minutes / 60;
    return true;
}

// "28/35", "28/35e", "28/35ème", "17h30/35h".
bool parseFraction(std::string_view s, double& out)
{
    size_t slash = s.find('/');
    if (slash == std::string_view::npos)
        return false;
    std::string_view denom = s.substr(slash + 1);
    for (std::string_view suffix : {"ieme", "eme", "e"})
        if (endsWith(denom, suffix)) {
            denom.remove_suffix(suffix.size());
            break;
        }
    double a = 0, b = 0;
    if (!parseHours(s.substr(0, slash), a) || !parseHours(denom, b) || b <= 0)
        return false;
    out = a / b;
    return true;
}

constexpr double kWeeklyHours = 35.0; // full time in the French civil service

} // namespace

double parseEtp(std::string_view text)
{
    std::string s;
    for (char c : foldText(text))
        if (c != ' ')
            s += c;
    if (s.empty())
        return 1.0;
    if (s == "tempscomplet" || s == "tempsplein" || s == "tc")
        return 1.0;
    double v = 0;
    if (s.back() == '%')
        return parseDecimal(std::string_view(s).substr(0, s.size() - 1), v) ? v / 100 : kNaN;
    if (s.find('/') != std::string::npos)
        return parseFraction(s, v) ? v : kNaN;
    if (s.find('h') != std::string::npos)
        return parseHours(s, v) && v <= kWeeklyHours * 1.5 ? v / kWeeklyHours : kNaN;
    if (!parseDecimal(s, v))
        return kNaN;
    if (v > 1.5)
        return v <= 100 ? v / 100 : kNaN;
    return v;
}

std::string normaliseCategorie(std::string_view text)
{
    std::string key = wordKey(text);
    for (std::string_view prefix : {"categorie", "cat"})
        if (startsWith(key, prefix)) {
            key.erase(0, prefix.size());
            break;
        }
    if (!key.empty() && key.front() == ' ')
        key.erase(0, 1);
    // The first word: "a", or a letter with a pay scale digit ("C1" → C).
    const std::string first = key.substr(0, key.find(' '));
    const bool letter = !first.empty() && first[0] >= 'a' && first[0] <= 'c';
    if (letter && (first.size() == 1 || (first.size() == 2 && first[1] >= '1' && first[1] <= '3')))
        return std::string(1, static_cast<char>(first[0] - 'a' + 'A'));
    return "";
}

} // namespace cartoia
