// SPDX-License-Identifier: MPL-2.0
// The annual cost of a post: its column (StaffField::Cout), its amounts (parseAmount) and the
// reader's warning about amounts it cannot read.
#include "cartoia/staff_table.hpp"

#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

using cartoia::AmountStatus;
using cartoia::describeMapping;
using cartoia::detectColumns;
using cartoia::parseAmount;
using cartoia::parseAmountCell;
using cartoia::readStaffTable;
using cartoia::StaffField;
using cartoia::StaffTable;

namespace {

std::string allWarnings(const StaffTable& t)
{
    std::string out;
    for (const std::string& w : t.warnings)
        out += w + "\n";
    return out;
}

bool hasWarning(const StaffTable& t, const std::string& text)
{
    return std::any_of(t.warnings.begin(), t.warnings.end(),
                       [&](const std::string& w) { return w.find(text) != std::string::npos; });
}

const char* const kNbsp = "\xC2\xA0";       // U+00A0
const char* const kNarrow = "\xE2\x80\xAF"; // U+202F, as Calc and recent Excel group thousands
const char* const kThin = "\xE2\x80\x89";   // U+2009

} // namespace

// ---------- the column ----------

TEST(CostColumn, FieldIsLastAndLabelled)
{
    EXPECT_EQ(cartoia::kStaffFieldCount, 9u);
    EXPECT_EQ(cartoia::allStaffFields().back(), StaffField::Cout);
    EXPECT_EQ(static_cast<int>(StaffField::Identifiant), 7); // the other fields keep their index
    EXPECT_STREQ(cartoia::staffFieldLabel(StaffField::Cout), "coût annuel");
    cartoia::ColumnMapping none;
    for (int c : none.columns)
        EXPECT_EQ(c, -1);
    EXPECT_EQ(none.mappedCount(), 0);
}

TEST(CostColumn, Synonyms)
{
    for (const char* name : {"Coût annuel",
                             "COUT ANNUEL",
                             "Coût chargé",
                             "Coût annuel chargé",
                             "Coût chargé annuel",
                             "Coût",
                             "Coûts",
                             "Coût annuel chargé (€)",
                             "Coût annuel en euros",
                             "Coût total",
                             "Coût employeur",
                             "Coût employeur annuel",
                             "Coût du poste",
                             "Coût annuel du poste",
                             "Masse salariale",
                             "Masse salariale annuelle",
                             "Rémunération annuelle",
                             "Rémunération brute annuelle",
                             "Rémunération annuelle brute chargée",
                             "Traitement brut annuel",
                             "Traitement annuel",
                             "Salaire annuel",
                             "Salaire annuel brut",
                             "Salaire brut annuel",
                             "Budget du poste",
                             "Montant annuel",
                             "Coût ETP",
                             "Coût annuel / ETP"}) {
        auto m = detectColumns({"Grade", name});
        EXPECT_EQ(m.column(StaffField::Cout), 1) << name;
        EXPECT_EQ(m.mappedCount(), 1) << name;
    }
}

TEST(CostColumn, AmountsOverAnotherPeriodOrWithoutOneAreNotTheAnnualCost)
{
    // Monthly or hourly pay summed as an annual cost would be wrong by a factor of 12 or more;
    // "Salaire", "Traitement indiciaire" and "Rémunération" do not say their period (and the
    // traitement indiciaire is only part of the pay): left for the user to choose.
    for (const char* name :
         {"Salaire", "Traitement indiciaire", "Traitement", "Rémunération", "Coût mensuel", "Coût mensuel chargé",
          "Salaire brut mensuel", "Rémunération mensuelle", "Coût horaire", "Coût par mois", "Coût journalier",
          "Montant", "Budget", "Indice majoré", "Salaire du poste"}) {
        auto m = detectColumns({"Grade", name});
        EXPECT_EQ(m.mappedCount(), 0) << name;
        EXPECT_EQ(m.unmappedColumns, (std::vector<std::string>{"Grade", name})) << name;
    }
}

TEST(CostColumn, TakesNoOtherFieldsColumn)
{
    // The sample's header and the other tests' headers, with cost columns around them.
    const std::vector<std::string> header{"Matricule",
                                          "Intitulé du poste",
                                          "Métier",
                                          "Catégorie",
                                          "Filière",
                                          "Direction",
                                          "Service",
                                          "ETP",
                                          "Traitement indiciaire",
                                          "Coût annuel chargé"};
    auto m = detectColumns(header);
    EXPECT_EQ(m.column(StaffField::Identifiant), 0);
    EXPECT_EQ(m.column(StaffField::Intitule), 1);
    EXPECT_EQ(m.column(StaffField::Metier), 2);
    EXPECT_EQ(m.column(StaffField::Categorie), 3);
    EXPECT_EQ(m.column(StaffField::Filiere), 4);
    EXPECT_EQ(m.column(StaffField::Direction), 5);
    EXPECT_EQ(m.column(StaffField::Service), 6);
    EXPECT_EQ(m.column(StaffField::Etp), 7);
    EXPECT_EQ(m.column(StaffField::Cout), 9);
    EXPECT_EQ(m.unmappedColumns, (std::vector<std::string>{"Traitement indiciaire"}));

    // A header about money is a cost (or nothing), never the post's title, service or métier.
    m = detectColumns({"Coût du poste", "Grade"});
    EXPECT_EQ(m.column(StaffField::Cout), 0);
    EXPECT_EQ(m.column(StaffField::Intitule), -1);
    m = detectColumns({"Coût du service", "Coût de l'emploi", "Grade"});
    EXPECT_EQ(m.column(StaffField::Cout), 0);
    EXPECT_EQ(m.column(StaffField::Service), -1);
    EXPECT_EQ(m.column(StaffField::Metier), -1);
    m = detectColumns({"Poste", "Coût du poste", "Quotité de traitement", "Coût ETP"});
    EXPECT_EQ(m.column(StaffField::Intitule), 0);
    EXPECT_EQ(m.column(StaffField::Cout), 1);
    EXPECT_EQ(m.column(StaffField::Etp), 2);
    EXPECT_EQ(m.unmappedColumns, (std::vector<std::string>{"Coût ETP"}));
    // Two cost columns: the exact synonym wins, the other is ignored.
    m = detectColumns({"Intitulé", "Coût annuel chargé hors primes", "Coût annuel"});
    EXPECT_EQ(m.column(StaffField::Cout), 2);
}

TEST(CostColumn, DescribeMappingListsItWhenFoundButNeverAsMissing)
{
    std::vector<std::string> header{"Intitulé du poste", "Métier", "ETP", "Coût annuel chargé"};
    EXPECT_EQ(describeMapping(detectColumns(header), header),
              "Intitulé du poste → intitulé ; Métier → métier ; ETP → ETP ; Coût annuel chargé → coût annuel. "
              "Non trouvées : catégorie, filière, direction, service, identifiant.");
    header = {"Intitulé du poste", "Métier", "Catégorie", "Filière", "Direction", "Service", "ETP", "Matricule"};
    EXPECT_EQ(describeMapping(detectColumns(header), header),
              "Intitulé du poste → intitulé ; Métier → métier ; Catégorie → catégorie ; Filière → filière ; "
              "Direction → direction ; Service → service ; ETP → ETP ; Matricule → identifiant.");
}

// ---------- amounts ----------

TEST(ParseAmount, FrenchAndOtherWritings)
{
    const std::string nbsp = kNbsp, narrow = kNarrow, thin = kThin;
    const std::pair<std::string, double> cases[] = {
        {"32500", 32500},
        {"32 500", 32500},
        {"32 500 €", 32500},
        {"32 500€", 32500},
        {"32 500,50 €", 32500.5},
        {"32500,5", 32500.5},
        {"32500.5", 32500.5},
        {"32500.50", 32500.5},
        {"32.500", 32500},
        {"32.500,50", 32500.5},
        {"1.234.567", 1234567},
        {"1.234.567,89 €", 1234567.89},
        {"32,500.50", 32500.5},
        {"1,234,567", 1234567},
        {"1 234 567", 1234567},
        {"1" + nbsp + "234" + nbsp + "567", 1234567},
        {"38" + narrow + "250" + narrow + "€", 38250},
        {"38" + narrow + "250,75" + nbsp + "€", 38250.75},
        {"38" + thin + "250", 38250},
        {nbsp + "38 250" + nbsp, 38250},
        {"38\t250", 38250},
        {"32 500 EUR", 32500},
        {"32500eur", 32500},
        {"32 500 euros", 32500},
        {"€ 32 500", 32500},
        {"38,5 k€", 38500},
        {"38,5k€", 38500},
        {"38,25 K€", 38250},
        {"38,250 k€", 38250}, // with k€, three decimals are not ambiguous
        {"38.5 kEUR", 38500},
        {"38 k", 38000},
        {"0", 0},
        {"0,00 €", 0},
        {",5", 0.5},
        {"1234,567", 1234.567},
        {"1 234,567", 1234.567},
        {"1 234.567", 1234.567},
        {"999999999999999", 999999999999999.0},
    };
    for (const auto& [text, expected] : cases) {
        const cartoia::Amount a = parseAmountCell(text);
        EXPECT_EQ(a.status, AmountStatus::Ok) << text;
        EXPECT_TRUE(a.ok()) << text;
        EXPECT_DOUBLE_EQ(a.value, expected) << text;
        EXPECT_DOUBLE_EQ(parseAmount(text), expected) << text;
    }
}

TEST(ParseAmount, EmptyIsNotGiven)
{
    const std::vector<std::string> blanks{"", " ", "   ", kNbsp, std::string(kNarrow) + " "};
    for (const std::string& text : blanks) {
        const cartoia::Amount a = parseAmountCell(text);
        EXPECT_EQ(a.status, AmountStatus::Empty) << "[" << text << "]";
        EXPECT_TRUE(std::isnan(a.value));
        EXPECT_TRUE(std::isnan(parseAmount(text)));
    }
}

TEST(ParseAmount, NonsenseNegativeAndAmbiguousAreInvalid)
{
    for (const char* text : {"vacant",
                             "?",
                             "n.c.",
                             "NC",
                             "-",
                             "€",
                             "k€",
                             "EUR",
                             "-500",
                             "- 500",
                             "\xE2\x88\x92"
                             "500",
                             "(500)",
                             "+500",
                             "-32 500 €",
                             "32,500",
                             "1,500",
                             "325 00",
                             "3 25 00",
                             "32  500",
                             "32 5000",
                             "1 234.567,50",
                             "1.234,56.7",
                             "32.500.5",
                             "12.",
                             ".",
                             ",",
                             "1e3",
                             "32 500 $",
                             "32 500 € brut",
                             "environ 30 000",
                             "30 000 - 35 000",
                             "=A1*12",
                             "1000000000000000",
                             "0,1234567890123456",
                             "32 500 M€",
                             "12/2024"}) {
        const cartoia::Amount a = parseAmountCell(text);
        EXPECT_EQ(a.status, AmountStatus::Invalid) << text;
        EXPECT_FALSE(a.ok()) << text;
        EXPECT_TRUE(std::isnan(a.value)) << text;
        EXPECT_TRUE(std::isnan(parseAmount(text))) << text;
    }
}

// ---------- the table ----------

TEST(StaffTableCost, AmountsAreReadAndUnreadableOnesReportedOnce)
{
    StaffTable t = readStaffTable("Intitulé;Métier;ETP;Coût annuel chargé\n"
                                  "A;M;1;38 250\n"
                                  "B;M;0,8;vacant\n"
                                  "C;M;1;\n"
                                  "D;M;1;-1 200\n"
                                  "E;M;0,5;\"21 300,50 €\"\n"
                                  "F;M;1;32,500\n");
    ASSERT_EQ(t.rows.size(), 6u);
    EXPECT_EQ(t.mapping.column(StaffField::Cout), 3);
    EXPECT_DOUBLE_EQ(t.cost(0), 38250);
    EXPECT_TRUE(std::isnan(t.cost(1)));
    EXPECT_EQ(t.costAmount(1).status, AmountStatus::Invalid);
    EXPECT_TRUE(std::isnan(t.cost(2)));
    EXPECT_EQ(t.costAmount(2).status, AmountStatus::Empty);
    EXPECT_EQ(t.costAmount(3).status, AmountStatus::Invalid);
    EXPECT_DOUBLE_EQ(t.cost(4), 21300.5);
    EXPECT_EQ(t.costAmount(5).status, AmountStatus::Invalid);
    const auto costWarnings = std::count_if(t.warnings.begin(), t.warnings.end(), [](const std::string& w) {
        return w.find("Coût annuel chargé") != std::string::npos;
    });
    EXPECT_EQ(costWarnings, 1) << allWarnings(t);
    EXPECT_TRUE(hasWarning(t, "Colonne « Coût annuel chargé » : 3 valeurs non reconnues (lignes 3, 5, 7) — "
                              "comptées comme non renseignées (montant positif en euros attendu, par ex. 38 250)"))
        << allWarnings(t);
}

TEST(StaffTableCost, OneUnreadableAmountIsSingular)
{
    StaffTable t = readStaffTable("Intitulé;Métier;ETP;Masse salariale\nA;M;1;38 250\nB;M;1;n.c.\nC;M;1;0\n");
    EXPECT_TRUE(hasWarning(t, "Colonne « Masse salariale » : 1 valeur non reconnue (ligne 3) — comptée comme "
                              "non renseignée"))
        << allWarnings(t);
    EXPECT_DOUBLE_EQ(t.cost(2), 0.0);
}

TEST(StaffTableCost, ReadableOrBlankAmountsGiveNoWarning)
{
    StaffTable t = readStaffTable("Intitulé;Métier;Catégorie;Filière;Direction;Service;ETP;Coût annuel\n"
                                  "A;M;C;technique;D;S;1;38 250\n"
                                  "B;M;C;technique;D;S;1;\n"
                                  "C;M;C;technique;D;S;1;41 000 €\n");
    EXPECT_TRUE(t.warnings.empty()) << allWarnings(t);
    EXPECT_DOUBLE_EQ(t.cost(2), 41000);
}

TEST(StaffTableCost, NoCostColumnIsNoGapAndNoCost)
{
    StaffTable t = readStaffTable("Intitulé;Métier;Catégorie;Filière;Direction;Service;ETP;Matricule\n"
                                  "A;M;C;technique;D;S;1;12\n");
    EXPECT_FALSE(t.mapping.has(StaffField::Cout));
    EXPECT_EQ(t.costAmount(0).status, AmountStatus::Empty);
    EXPECT_TRUE(std::isnan(t.cost(0)));
    EXPECT_TRUE(t.warnings.empty()) << allWarnings(t);
    EXPECT_EQ(describeMapping(t.mapping, t.header).find("coût"), std::string::npos);
}

TEST(StaffTableCost, CommaSeparatedTableWithQuotedAmounts)
{
    StaffTable t = readStaffTable("Intitulé,Métier,ETP,Coût annuel\n"
                                  "A,M,1,\"38 250,50\"\n"
                                  "B,M,\"0,8\",30000\n");
    EXPECT_EQ(t.separator, ',');
    EXPECT_DOUBLE_EQ(t.cost(0), 38250.5);
    EXPECT_DOUBLE_EQ(t.cost(1), 30000);
    EXPECT_FALSE(hasWarning(t, "Coût")) << allWarnings(t);
}
