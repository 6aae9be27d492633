// SPDX-License-Identifier: MPL-2.0
// Reads a French local government's staff table ("tableau des effectifs") exported as CSV:
// detects the encoding, the separator, the header row and which column holds which field,
// and reports in French what it could not understand.
#pragma once
#include <array>
#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace cartoia {

// Cout (annual cost of the post, optional) comes last so that the other fields keep their index.
enum class StaffField { Intitule, Metier, Categorie, Filiere, Direction, Service, Etp, Identifiant, Cout };
inline constexpr std::size_t kStaffFieldCount = 9;

// All fields, in declaration order.
const std::array<StaffField, kStaffFieldCount>& allStaffFields();
// French label for messages: "intitulé", "métier", "catégorie", "filière", "direction",
// "service", "ETP", "identifiant", "coût annuel".
const char* staffFieldLabel(StaffField field);

// Every field without a column (-1).
constexpr std::array<int, kStaffFieldCount> noColumns()
{
    std::array<int, kStaffFieldCount> columns{};
    for (int& c : columns)
        c = -1;
    return columns;
}

// Which header column holds which field.
struct ColumnMapping {
    std::array<int, kStaffFieldCount> columns = noColumns(); // index or -1
    std::vector<std::string> unmappedColumns;                // names of the columns used for no field
    std::vector<std::string> warnings;                       // French, e.g. duplicate header names

    int column(StaffField field) const { return columns[static_cast<std::size_t>(field)]; }
    bool has(StaffField field) const { return column(field) >= 0; }
    int mappedCount() const;
};

// Maps header names to fields, case- and accent-insensitively ("Intitulé du poste", "Métier CNFPT",
// "Cat.", "Quotité", "N° de poste", "Coût annuel chargé"...). An exact synonym beats a header that
// merely contains a synonym's words (longer synonyms beat shorter ones); each column serves one field
// at most; a repeated header name only counts once (first column) and gives a warning.
// The cost: "Coût annuel", "Coût chargé", "Coût", "Masse salariale", "Rémunération annuelle",
// "Traitement brut annuel", "Salaire annuel", "Coût employeur", "Budget du poste", "Montant annuel"…
// A header naming a monthly, hourly or daily amount ("Coût mensuel", "Salaire brut mensuel") or one
// whose period is unknown ("Salaire", "Traitement indiciaire", "Rémunération") is not taken for the
// annual cost; a header about money ("Coût du poste", "Salaire du service") is never taken for
// another field either.
ColumnMapping detectColumns(const std::vector<std::string>& header);

// One line for the user: "Intitulé du poste → intitulé ; Métier → métier ; … Non trouvées : filière.
// Ignorées : Grade, Statut." The annual cost is optional: listed when found, never as missing.
std::string describeMapping(const ColumnMapping& mapping, const std::vector<std::string>& header);

// A money amount read from a cell (parseAmountCell).
enum class AmountStatus {
    Empty,   // nothing given (blank cell, or no cost column)
    Ok,      // `value` is the amount in euros, >= 0
    Invalid, // something that is not a positive amount: text, negative, ambiguous ("32,500")
};
struct Amount {
    double value = std::numeric_limits<double>::quiet_NaN(); // NaN unless status is Ok
    AmountStatus status = AmountStatus::Empty;
    bool ok() const { return status == AmountStatus::Ok; }
};

struct StaffTable {
    std::vector<std::string> header;            // trimmed, trailing unnamed columns removed
    std::vector<std::vector<std::string>> rows; // trimmed cells, each row exactly header.size()
    std::vector<int> rowLines;                  // 1-based file line where each row starts
    int headerLine = 0;                         // 1-based file line of the header (0: none)
    char separator = ';';
    std::string encoding; // "UTF-8", "Windows-1252", "UTF-16LE", "UTF-16BE"
    ColumnMapping mapping;
    std::vector<std::string> warnings; // French, for the user

    // Cell of a row for a field; empty when the field has no column.
    const std::string& value(std::size_t row, StaffField field) const;
    // ETP of a row: parseEtp of its cell, 1 when the cell is not a number.
    double etp(std::size_t row) const;
    // Annual cost of a row in euros (parseAmountCell of its cell); status Empty when the table has
    // no cost column. Never 0 for a cell that is not a number: the reader warns about those.
    Amount costAmount(std::size_t row) const;
    // The same as a number: NaN when not given (no column, blank cell) or not readable.
    double cost(std::size_t row) const;
};

// Reads CSV bytes as exported from Excel or Calc. Never throws on malformed content: an empty
// header means nothing usable was found, and `warnings` says why.
StaffTable readStaffTable(std::string_view bytes);
// Same from a file; throws std::runtime_error when it cannot be opened.
StaffTable readStaffTableFile(const std::string& path);

// ETP (full-time equivalent) of a cell: "1", "0,8", "0.8", "80 %", "100" (a bare number above 1.5
// and up to 100 is a percentage), "28/35", "17h30" (weekly hours out of 35), "temps complet".
// Empty → 1 (default). Anything else, negative or a bare number above 100 → NaN (caller warns).
double parseEtp(std::string_view text);

// A money amount in euros as French tables write it: "32 500", "32 500 €", "32 500,50 €", "32500.5",
// "32.500,50", "1 234 567" (thousands grouped by spaces, no-break spaces U+00A0, narrow no-break
// spaces U+202F or thin spaces U+2009, or by dots/commas when the other mark is the decimal one),
// "32 500 EUR", "32 500 euros", "38,5 k€" / "38,5 kEUR" (thousands of euros).
// A lone comma is the decimal mark ("32500,5"); a lone dot followed by exactly three digits groups
// thousands ("32.500" → 32 500), otherwise it is a decimal point ("32500.5"). "32,500" (a comma then
// three digits, no k€) is ambiguous between 32 500 and 32,5 and is Invalid; so are negative amounts
// ("-500", "−500", "(500)"), text, malformed groups ("325 00") and more than 15 digits.
// Blank (spaces only) → Empty.
Amount parseAmountCell(std::string_view text);
// parseAmountCell(text).value: NaN for both Empty and Invalid (parseAmountCell tells them apart).
double parseAmount(std::string_view text);

// "A", "cat. B", "Catégorie C", "A+" → "A"/"B"/"C"; "hors catégorie", empty or anything else → "".
std::string normaliseCategorie(std::string_view text);

} // namespace cartoia
