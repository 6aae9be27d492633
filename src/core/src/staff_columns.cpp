// SPDX-License-Identifier: MPL-2.0
// Which header column holds which staff field: synonyms, detectColumns, describeMapping.
#include "staff_columns.hpp"

#include "staff_messages.hpp"

#include "cartoia/staff_table.hpp"
#include "cartoia/text_util.hpp"

#include <algorithm>
#include <iterator>
#include <tuple>

namespace cartoia {
namespace staff {
namespace {

struct Synonym {
    StaffField field;
    const char* key; // wordKey() form
};

// Longer synonyms win over shorter ones, so "intitule du metier" is a métier, not an intitulé.
const Synonym kSynonyms[] = {
    {StaffField::Intitule, "intitule"},
    {StaffField::Intitule, "intitule du poste"},
    {StaffField::Intitule, "intitule de poste"},
    {StaffField::Intitule, "intitule poste"},
    {StaffField::Intitule, "libelle du poste"},
    {StaffField::Intitule, "libelle de poste"},
    {StaffField::Intitule, "libelle poste"},
    {StaffField::Intitule, "libelle"},
    {StaffField::Intitule, "poste"},
    {StaffField::Intitule, "poste occupe"},
    {StaffField::Intitule, "fonction"},
    {StaffField::Intitule, "designation du poste"},
    {StaffField::Metier, "metier"},
    {StaffField::Metier, "emploi"},
    {StaffField::Metier, "emploi type"},
    {StaffField::Metier, "metier cnfpt"},
    {StaffField::Metier, "intitule du metier"},
    {StaffField::Metier, "libelle du metier"},
    {StaffField::Metier, "libelle metier"},
    {StaffField::Categorie, "categorie"},
    {StaffField::Categorie, "cat"},
    {StaffField::Categorie, "categorie statutaire"},
    {StaffField::Categorie, "categorie hierarchique"},
    {StaffField::Filiere, "filiere"},
    {StaffField::Direction, "direction"},
    {StaffField::Direction, "pole"},
    {StaffField::Direction, "dga"},
    {StaffField::Direction, "direction generale adjointe"},
    {StaffField::Direction, "departement"},
    {StaffField::Service, "service"},
    {StaffField::Service, "unite"},
    {StaffField::Service, "unite de travail"},
    {StaffField::Service, "service d affectation"},
    {StaffField::Service, "affectation"},
    {StaffField::Etp, "etp"},
    {StaffField::Etp, "quotite"},
    {StaffField::Etp, "temps de travail"},
    {StaffField::Etp, "taux d emploi"},
    {StaffField::Etp, "equivalent temps plein"},
    {StaffField::Etp, "taux d activite"},
    {StaffField::Etp, "quotite de travail"},
    {StaffField::Identifiant, "matricule"},
    {StaffField::Identifiant, "identifiant"},
    {StaffField::Identifiant, "id"},
    {StaffField::Identifiant, "n de poste"},
    {StaffField::Identifiant, "n poste"},
    {StaffField::Identifiant, "no de poste"},
    {StaffField::Identifiant, "no poste"},
    {StaffField::Identifiant, "numero de poste"},
    {StaffField::Identifiant, "numero poste"},
    {StaffField::Identifiant, "num poste"},
    {StaffField::Identifiant, "code poste"},
    {StaffField::Identifiant, "code du poste"},
    {StaffField::Identifiant, "reference du poste"},
    {StaffField::Identifiant, "ref poste"},
    {StaffField::Identifiant, "numero agent"},
    {StaffField::Identifiant, "n agent"},
    {StaffField::Cout, "cout"},
    {StaffField::Cout, "cout annuel"},
    {StaffField::Cout, "cout charge"},
    {StaffField::Cout, "cout annuel charge"},
    {StaffField::Cout, "cout charge annuel"},
    {StaffField::Cout, "cout total"},
    {StaffField::Cout, "cout complet"},
    {StaffField::Cout, "cout employeur"},
    {StaffField::Cout, "cout salarial"},
    {StaffField::Cout, "cout du poste"},
    {StaffField::Cout, "cout poste"},
    {StaffField::Cout, "masse salariale"},
    {StaffField::Cout, "remuneration annuelle"},
    {StaffField::Cout, "remuneration brute annuelle"},
    {StaffField::Cout, "remuneration annuelle brute"},
    {StaffField::Cout, "traitement annuel"},
    {StaffField::Cout, "traitement brut annuel"},
    {StaffField::Cout, "salaire annuel"},
    {StaffField::Cout, "salaire brut annuel"},
    {StaffField::Cout, "salaire annuel brut"},
    {StaffField::Cout, "budget du poste"},
    {StaffField::Cout, "budget poste"},
    {StaffField::Cout, "montant annuel"},
};

// Words of a header about money: such a header is a cost or nothing, never an intitulé ("Coût du
// poste"), a service ("Coût du service") or a métier ("Coût de l'emploi"). "Rémunération" and
// "traitement" are left out: "Quotité de traitement" is an ETP.
const char* const kMoneyWords[] = {"cout", "couts", "salaire", "salaires", "montant", "budget", "masse salariale"};

// Words of an amount over another period than the year: "Coût mensuel", "Salaire horaire".
const char* const kNotYearlyWords[] = {"mensuel",  "mensuelle",    "mensuels",   "mensuelles", "par mois",
                                       "horaire",  "horaires",     "par heure",  "journalier", "journaliere",
                                       "par jour", "hebdomadaire", "par semaine"};

bool containsAny(const std::string& key, const char* const* words, size_t count)
{
    for (size_t i = 0; i < count; ++i)
        if (containsWords(key, words[i]))
            return true;
    return false;
}

constexpr int kExactScore = 1000;
constexpr int kContainsScore = 100;

// What a header says besides its synonyms' words.
struct HeaderTraits {
    bool date = false;      // "Date d'entrée dans le service" is a date, not a service
    bool money = false;     // "Coût du service" is a cost (or nothing), not a service
    bool notYearly = false; // "Coût mensuel" is not the annual cost
};

HeaderTraits headerTraits(const std::string& key)
{
    return {containsWords(key, "date"), containsAny(key, kMoneyWords, std::size(kMoneyWords)),
            containsAny(key, kNotYearlyWords, std::size(kNotYearlyWords))};
}

// 0: unrelated; kContainsScore+: the header contains the synonym's words; kExactScore+: equal
// (a plural "s" allowed).
int synonymScore(const std::string& key, const HeaderTraits& traits, const Synonym& s)
{
    const std::string_view synonym = s.key;
    const int length = static_cast<int>(synonym.size());
    if (key == synonym || (key.size() == synonym.size() + 1 && startsWith(key, synonym) && key.back() == 's'))
        return kExactScore + length;
    if (traits.date || (s.field == StaffField::Cout ? traits.notYearly : traits.money))
        return 0;
    return containsWords(key, synonym) ? kContainsScore + length : 0;
}

struct Assignment {
    std::array<int, kStaffFieldCount> columns = noColumns();
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
        const HeaderTraits traits = headerTraits(keys[c]);
        for (const Synonym& s : kSynonyms) {
            int& slot = best[static_cast<size_t>(s.field)];
            slot = std::max(slot, synonymScore(keys[c], traits, s));
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

} // namespace

std::string columnName(const std::vector<std::string>& header, size_t column)
{
    if (column < header.size() && !header[column].empty())
        return header[column];
    return "colonne " + std::to_string(column + 1) + " sans titre";
}

FieldsRecognised recogniseFields(const std::vector<std::string>& names)
{
    Assignment a = assignColumns(headerKeys(names), std::vector<bool>(names.size(), true));
    return {mappedFields(a), a.exactMatches};
}

} // namespace staff

const std::array<StaffField, kStaffFieldCount>& allStaffFields()
{
    static const std::array<StaffField, kStaffFieldCount> fields{
        StaffField::Intitule, StaffField::Metier, StaffField::Categorie,   StaffField::Filiere, StaffField::Direction,
        StaffField::Service,  StaffField::Etp,    StaffField::Identifiant, StaffField::Cout};
    return fields;
}

const char* staffFieldLabel(StaffField field)
{
    switch (field) {
    case StaffField::Intitule:
        return "intitulé";
    case StaffField::Metier:
        return "métier";
    case StaffField::Categorie:
        return "catégorie";
    case StaffField::Filiere:
        return "filière";
    case StaffField::Direction:
        return "direction";
    case StaffField::Service:
        return "service";
    case StaffField::Etp:
        return "ETP";
    case StaffField::Identifiant:
        return "identifiant";
    case StaffField::Cout:
        return "coût annuel";
    }
    return "";
}

int ColumnMapping::mappedCount() const
{
    return static_cast<int>(std::count_if(columns.begin(), columns.end(), [](int c) { return c >= 0; }));
}

ColumnMapping detectColumns(const std::vector<std::string>& header)
{
    using staff::columnName;
    using staff::quoted;
    const std::vector<std::string> keys = staff::headerKeys(header);
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
    mapping.columns = staff::assignColumns(keys, usable).columns;
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
            found += (found.empty() ? "" : " ; ") + staff::columnName(header, static_cast<size_t>(c)) + " → " +
                     staffFieldLabel(f);
        else if (f != StaffField::Cout) // optional: its absence is no gap in the table
            missing += (missing.empty() ? "" : ", ") + std::string(staffFieldLabel(f));
    }
    std::string out = found.empty() ? "Aucune colonne reconnue." : found + ".";
    if (!found.empty() && !missing.empty())
        out += " Non trouvées : " + missing + ".";
    if (!mapping.unmappedColumns.empty())
        out += " Ignorées : " + join(mapping.unmappedColumns, ", ") + ".";
    return out;
}

} // namespace cartoia
