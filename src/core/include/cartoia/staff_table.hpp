// SPDX-License-Identifier: MPL-2.0
// Reads a French local government's staff table ("tableau des effectifs") exported as CSV:
// detects the encoding, the separator, the header row and which column holds which field,
// and reports in French what it could not understand.
#pragma once
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cartoia {

enum class StaffField { Intitule, Metier, Categorie, Filiere, Direction, Service, Etp, Identifiant };
inline constexpr std::size_t kStaffFieldCount = 8;

// All fields, in declaration order.
const std::array<StaffField, kStaffFieldCount>& allStaffFields();
// French label for messages: "intitulé", "métier", "catégorie", "filière", "direction",
// "service", "ETP", "identifiant".
const char* staffFieldLabel(StaffField field);

// Which header column holds which field.
struct ColumnMapping {
    std::array<int, kStaffFieldCount> columns{-1, -1, -1, -1, -1, -1, -1, -1}; // index or -1
    std::vector<std::string> unmappedColumns;                                  // names of the columns used for no field
    std::vector<std::string> warnings;                                         // French, e.g. duplicate header names

    int column(StaffField field) const { return columns[static_cast<std::size_t>(field)]; }
    bool has(StaffField field) const { return column(field) >= 0; }
    int mappedCount() const;
};

// Maps header names to fields, case- and accent-insensitively ("Intitulé du poste", "Métier CNFPT",
// "Cat.", "Quotité", "N° de poste"...). An exact synonym beats a header that merely contains a
// synonym's words (longer synonyms beat shorter ones); each column serves one field at most;
// a repeated header name only counts once (first column) and gives a warning.
ColumnMapping detectColumns(const std::vector<std::string>& header);

// One line for the user: "Intitulé du poste → intitulé ; Métier → métier ; … Non trouvées : filière.
// Ignorées : Grade, Statut."
std::string describeMapping(const ColumnMapping& mapping, const std::vector<std::string>& header);

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

// "A", "cat. B", "Catégorie C", "A+" → "A"/"B"/"C"; "hors catégorie", empty or anything else → "".
std::string normaliseCategorie(std::string_view text);

} // namespace cartoia
