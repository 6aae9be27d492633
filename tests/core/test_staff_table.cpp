// SPDX-License-Identifier: MPL-2.0
// Staff table reader: encodings, separators, header detection, column mapping, value parsing.
#include "cartoia/staff_table.hpp"
#include "test_support.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>

#include <gtest/gtest.h>

using cartoia::describeMapping;
using cartoia::detectColumns;
using cartoia::normaliseCategorie;
using cartoia::parseEtp;
using cartoia::readStaffTable;
using cartoia::StaffField;
using cartoia::StaffTable;

namespace {

const char* const kHeader = "Matricule;Intitulé du poste;Métier;Catégorie;Filière;Direction;Service;ETP\n";

std::string sampleRows()
{
    return "P1;Agent d'accueil;Agent d'accueil;C;administrative;Population;Accueil;1\n"
           "P2;Chargée de communication;Chargé de communication;A;administrative;DG;Communication;0,8\n";
}

bool hasWarning(const StaffTable& t, const std::string& text)
{
    return std::any_of(t.warnings.begin(), t.warnings.end(),
                       [&](const std::string& w) { return w.find(text) != std::string::npos; });
}

std::string allWarnings(const StaffTable& t)
{
    std::string out;
    for (const std::string& w : t.warnings)
        out += w + "\n";
    return out;
}

// Warnings other than the ones about fields missing from the header.
size_t otherWarnings(const StaffTable& t)
{
    return static_cast<size_t>(std::count_if(t.warnings.begin(), t.warnings.end(),
                                             [](const std::string& w) { return w.rfind("Aucune colonne", 0) != 0; }));
}

} // namespace

// ---------- encodings ----------

TEST(StaffTable, Utf8WithoutBom)
{
    StaffTable t = readStaffTable(std::string(kHeader) + sampleRows());
    EXPECT_EQ(t.encoding, "UTF-8");
    EXPECT_EQ(t.separator, ';');
    EXPECT_EQ(t.headerLine, 1);
    ASSERT_EQ(t.header.size(), 8u);
    EXPECT_EQ(t.header[1], "Intitulé du poste");
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[1][1], "Chargée de communication");
    EXPECT_EQ(t.rowLines, (std::vector<int>{2, 3}));
    EXPECT_TRUE(t.warnings.empty()) << allWarnings(t);
}

TEST(StaffTable, Utf8BomIsStripped)
{
    StaffTable t = readStaffTable("\xEF\xBB\xBF" + std::string(kHeader) + sampleRows());
    EXPECT_EQ(t.encoding, "UTF-8");
    ASSERT_FALSE(t.header.empty());
    EXPECT_EQ(t.header[0], "Matricule");
    EXPECT_EQ(t.mapping.column(StaffField::Identifiant), 0);
    EXPECT_EQ(t.rows.size(), 2u);
}

TEST(StaffTable, Windows1252IsConverted)
{
    // What Excel writes with "CSV (séparateur : point-virgule)": é = E9, è = E8, œ = 9C, € = 80.
    std::string bytes = "Intitul\xE9 du poste;M\xE9tier;Cat\xE9gorie;Fili\xE8re;ETP\r\n"
                        "Chef de ch\x9Cur;Responsable \xE9v\xE9nementiel;B;culturelle;0,5\r\n"
                        "R\xE9gisseur 80\x80;R\xE9gisseur;C;technique;1\r\n";
    StaffTable t = readStaffTable(bytes);
    EXPECT_EQ(t.encoding, "Windows-1252");
    EXPECT_EQ(t.header, (std::vector<std::string>{"Intitulé du poste", "Métier", "Catégorie", "Filière", "ETP"}));
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[0][0], "Chef de chœur");
    EXPECT_EQ(t.rows[0][1], "Responsable événementiel");
    EXPECT_EQ(t.rows[1][0], "Régisseur 80€");
    EXPECT_EQ(t.mapping.column(StaffField::Filiere), 3);
    EXPECT_DOUBLE_EQ(t.etp(0), 0.5);
}

TEST(StaffTable, Utf8WithAFewBadBytesStaysUtf8AndSaysWhere)
{
    // A UTF-8 table damaged in two places (a lone Windows-1252 byte on line 3, a cut sequence on line 4):
    // the accents of every other line and the header survive, the damage is replaced and reported.
    std::string bytes = std::string(kHeader) + sampleRows() +
                        "P3;R\xE9gisseur;Régisseur;B;technique;Culture;Salles;1\n" +
                        "P4;Technicien \xC3;Technicien;B;technique;Culture;Salles;1\n" +
                        "P5;Éducatrice de jeunes enfants;EJE;A;sociale;Petite enfance;Crèches;1\n";
    StaffTable t = readStaffTable(bytes);
    EXPECT_EQ(t.encoding, "UTF-8");
    EXPECT_EQ(t.header[1], "Intitulé du poste");
    EXPECT_EQ(t.mapping.column(StaffField::Categorie), 3);
    EXPECT_EQ(t.mapping.column(StaffField::Filiere), 4);
    ASSERT_EQ(t.rows.size(), 5u);
    EXPECT_EQ(t.rows[1][1], "Chargée de communication");
    EXPECT_EQ(t.rows[2][1], "R\xEF\xBF\xBDgisseur");
    EXPECT_EQ(t.rows[3][1], "Technicien \xEF\xBF\xBD");
    EXPECT_EQ(t.rows[4][1], "Éducatrice de jeunes enfants");
    EXPECT_TRUE(hasWarning(t, "2 octets invalides")) << allWarnings(t);
    EXPECT_TRUE(hasWarning(t, "(lignes 4, 5)")) << allWarnings(t);
}

TEST(StaffTable, Windows1252WithOneUtf8LookingPairStaysWindows1252)
{
    // « É» » is a valid UTF-8 pair by accident; the many lone accented bytes outweigh it.
    std::string bytes = "Intitul\xE9 du poste;M\xE9tier;Cat\xE9gorie\n"
                        "R\xE9gisseur \xC9\xBB;R\xE9gisseur;C\n"
                        "Agent d'entretien des b\xE2timents;Agent;C\n";
    StaffTable t = readStaffTable(bytes);
    EXPECT_EQ(t.encoding, "Windows-1252");
    EXPECT_EQ(t.header[0], "Intitulé du poste");
    EXPECT_FALSE(hasWarning(t, "octet")) << allWarnings(t);
}

TEST(StaffTable, LongUtf8FileWithOneBadByteKeepsEveryAccent)
{
    std::string bytes = kHeader;
    for (int i = 0; i < 2000; ++i)
        bytes += "P" + std::to_string(i) +
                 ";Agent d'accueil polyvalent;Agent d'accueil;C;administrative;Élection;État civil;1\n";
    bytes[bytes.size() / 2] = '\xFF';
    StaffTable t = readStaffTable(bytes);
    EXPECT_EQ(t.encoding, "UTF-8");
    EXPECT_EQ(t.rows.back()[5], "Élection");
    EXPECT_TRUE(hasWarning(t, "1 octet invalide")) << allWarnings(t);
}

TEST(StaffTable, Utf16WithBomFromExcelUnicodeText)
{
    // Tab-separated UTF-16LE with its BOM.
    std::u16string text = u"Intitulé\tMétier\tETP\r\nAgent\tAgent d'entretien\t1\r\n";
    std::string bytes = "\xFF\xFE";
    for (char16_t c : text) {
        bytes += static_cast<char>(c & 0xFF);
        bytes += static_cast<char>(c >> 8);
    }
    StaffTable t = readStaffTable(bytes);
    EXPECT_EQ(t.encoding, "UTF-16LE");
    EXPECT_EQ(t.separator, '\t');
    EXPECT_EQ(t.header, (std::vector<std::string>{"Intitulé", "Métier", "ETP"}));
    ASSERT_EQ(t.rows.size(), 1u);
    EXPECT_EQ(t.rows[0][1], "Agent d'entretien");
}

// ---------- separators and quoting ----------

TEST(StaffTable, SemicolonWithDecimalCommas)
{
    StaffTable t = readStaffTable("Intitulé;Métier;ETP\nA;M;0,8\nB;N;0,5\nC;O;1\n");
    EXPECT_EQ(t.separator, ';');
    EXPECT_EQ(t.header.size(), 3u);
    EXPECT_DOUBLE_EQ(t.etp(0), 0.8);
}

TEST(StaffTable, CommaWithQuotedDecimalCommas)
{
    StaffTable t = readStaffTable("Intitulé,Métier,Catégorie,ETP\n"
                                  "\"Chef de service, adjoint\",Chef de service,A,\"0,8\"\n"
                                  "Agent,Agent,C,1\n");
    EXPECT_EQ(t.separator, ',');
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[0][0], "Chef de service, adjoint");
    EXPECT_EQ(t.rows[0][3], "0,8");
    EXPECT_DOUBLE_EQ(t.etp(0), 0.8);
    EXPECT_EQ(otherWarnings(t), 0u) << allWarnings(t);
}

TEST(StaffTable, Tab)
{
    StaffTable t = readStaffTable("Intitulé\tService\tETP\nAgent, polyvalent\tAccueil; état civil\t1\n");
    EXPECT_EQ(t.separator, '\t');
    ASSERT_EQ(t.rows.size(), 1u);
    EXPECT_EQ(t.rows[0], (std::vector<std::string>{"Agent, polyvalent", "Accueil; état civil", "1"}));
}

TEST(StaffTable, QuotedSeparatorsAndQuotesInsideFields)
{
    StaffTable t = readStaffTable("Intitulé;Métier;Service;ETP\n"
                                  "\"Chef de projet « ville; durable »\";\"Chef de projet \"\"PCAET\"\"\";Urbanisme;1\n"
                                  "Agent;Agent;\"Voirie;propreté\";1\n");
    EXPECT_EQ(t.separator, ';');
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[0][0], "Chef de projet « ville; durable »");
    EXPECT_EQ(t.rows[0][1], "Chef de projet \"PCAET\"");
    EXPECT_EQ(t.rows[1][2], "Voirie;propreté");
    EXPECT_EQ(otherWarnings(t), 0u) << allWarnings(t);
}

TEST(StaffTable, MultiLineCellIsFlattenedAndLinesStayRight)
{
    StaffTable t =
        readStaffTable("Intitulé;Métier;ETP\n\"Directrice\ngénérale\r\ndes services\";DGS;1\nAgent;Agent;1\n");
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[0][0], "Directrice générale des services");
    EXPECT_EQ(t.rowLines, (std::vector<int>{2, 5}));
}

TEST(StaffTable, ExcelSepLine)
{
    StaffTable t = readStaffTable("sep=,\r\nIntitulé,Métier,ETP\r\nA;B,M,1\r\n");
    EXPECT_EQ(t.separator, ',');
    EXPECT_EQ(t.headerLine, 2);
    ASSERT_EQ(t.rows.size(), 1u);
    EXPECT_EQ(t.rows[0][0], "A;B");
    EXPECT_EQ(t.rowLines[0], 3);
}

// ---------- header row ----------

TEST(StaffTable, TitleRowsAndBlankLinesAboveHeader)
{
    std::string text = "Commune de Saint-Exemple\n"
                       "\n"
                       "Tableau des effectifs au 1er janvier 2025;;;;;;;\n"
                       ";;;;;;;\n"
                       "   \n" +
                       std::string(kHeader) + sampleRows();
    StaffTable t = readStaffTable(text);
    EXPECT_EQ(t.separator, ';');
    EXPECT_EQ(t.headerLine, 6);
    EXPECT_EQ(t.header.size(), 8u);
    EXPECT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rowLines, (std::vector<int>{7, 8}));
    EXPECT_EQ(t.mapping.mappedCount(), 8);
    EXPECT_TRUE(t.warnings.empty()) << allWarnings(t);
}

TEST(StaffTable, TitleWithThreeCellsIsNotTakenForHeader)
{
    StaffTable t = readStaffTable("Commune;Saint-Exemple;2025\nPoste;Service;Quotité\nAgent;Accueil;80 %\n");
    EXPECT_EQ(t.headerLine, 2);
    EXPECT_EQ(t.mapping.column(StaffField::Intitule), 0);
    EXPECT_EQ(t.mapping.column(StaffField::Service), 1);
    EXPECT_EQ(t.mapping.column(StaffField::Etp), 2);
    EXPECT_DOUBLE_EQ(t.etp(0), 0.8);
}

TEST(StaffTable, UnrecognisedHeaderFallsBackToModalRow)
{
    StaffTable t = readStaffTable("Effectifs 2025\nColonne 1;Colonne 2;Colonne 3\nx;y;z\nu;v;w\n");
    EXPECT_EQ(t.headerLine, 2);
    EXPECT_EQ(t.header, (std::vector<std::string>{"Colonne 1", "Colonne 2", "Colonne 3"}));
    EXPECT_EQ(t.rows.size(), 2u);
    EXPECT_TRUE(hasWarning(t, "En-tête non reconnu : la ligne 2")) << allWarnings(t);
    EXPECT_TRUE(hasWarning(t, "Aucune colonne « intitulé du poste » ni « métier »")) << allWarnings(t);
}

TEST(StaffTable, TrailingUnnamedColumnsAreDropped)
{
    StaffTable t = readStaffTable("Intitulé;Métier;ETP;;\nA;M;1;;\nB;N;1;;\n");
    EXPECT_EQ(t.header.size(), 3u);
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[0].size(), 3u);
    EXPECT_EQ(otherWarnings(t), 0u) << allWarnings(t);
}

TEST(StaffTable, EmptyInput)
{
    for (std::string text : {"", "\n\n", ";;;\n \n"}) {
        StaffTable t = readStaffTable(text);
        EXPECT_TRUE(t.header.empty());
        EXPECT_TRUE(t.rows.empty());
        EXPECT_TRUE(hasWarning(t, "aucune ligne lisible")) << allWarnings(t);
    }
}

TEST(StaffTable, HeaderWithoutRows)
{
    StaffTable t = readStaffTable(kHeader);
    EXPECT_EQ(t.header.size(), 8u);
    EXPECT_TRUE(t.rows.empty());
    EXPECT_TRUE(hasWarning(t, "Aucune ligne de données sous l'en-tête (ligne 1)")) << allWarnings(t);
}

// ---------- rows ----------

TEST(StaffTable, EmptyRowsAreDroppedAndCellsTrimmed)
{
    StaffTable t =
        readStaffTable(std::string(kHeader) + "\n;;;;;;;\n  P1 ; \xC2\xA0"
                                              "Agent d'accueil ;Agent d'accueil;C;administrative;Pop;Accueil; 1 \n"
                                              " ; ; ; ; ; ; ; \n\nP2;Agent;Agent;C;technique;Tech;Voirie;1\n\n");
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[0][0], "P1");
    EXPECT_EQ(t.rows[0][1], "Agent d'accueil");
    EXPECT_EQ(t.rows[0][7], "1");
    EXPECT_EQ(t.rowLines, (std::vector<int>{4, 7}));
    EXPECT_TRUE(t.warnings.empty()) << allWarnings(t);
}

TEST(StaffTable, WrongFieldCountsAreReportedAndRowsPadded)
{
    StaffTable t = readStaffTable(std::string(kHeader) + sampleRows() +
                                  "P3;Agent;Agent;C;technique;Tech;Voirie;Propreté;1\n"
                                  "P4;Agent;Agent\n"
                                  "P5\n");
    ASSERT_EQ(t.rows.size(), 5u);
    EXPECT_EQ(t.rows[2].size(), 8u);
    EXPECT_EQ(t.rows[3].size(), 8u);
    EXPECT_EQ(t.rows[3][7], "");
    EXPECT_TRUE(hasWarning(t, "Ligne 4 : 9 champs au lieu de 8 — champs en trop ignorés")) << allWarnings(t);
    EXPECT_TRUE(hasWarning(t, "Ligne 5 : 3 champs au lieu de 8 — cellules manquantes laissées vides"))
        << allWarnings(t);
    EXPECT_TRUE(hasWarning(t, "Ligne 6 : 1 champ au lieu de 8")) << allWarnings(t);
}

TEST(StaffTable, QuoteInsideACellIsKept)
{
    StaffTable t = readStaffTable("Intitulé;Métier;ETP\nA;M;1\nEcran 12\" agent;M;1\nB;N;1\nC;O;1\n");
    ASSERT_EQ(t.rows.size(), 4u) << allWarnings(t);
    EXPECT_EQ(t.rows[1][0], "Ecran 12\" agent");
}

TEST(StaffTable, UnclosedQuoteIsReported)
{
    StaffTable t = readStaffTable("Intitulé;Métier;ETP\nA;M;1\n\"Ecran agent;M;1\nB;N;1\nC;O;1\n");
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_TRUE(hasWarning(t, "Ligne 3 : guillemet (\") non refermé — lignes 3 à 5 lues comme une seule ligne"))
        << allWarnings(t);
    EXPECT_FALSE(hasWarning(t, "champ")) << allWarnings(t);
}

TEST(StaffTable, ManyWrongFieldCountsGiveOneWarning)
{
    std::string text = "Intitulé;Métier;ETP\n";
    for (int i = 0; i < 20; ++i)
        text += "A;M;0;8\n"; // a stray separator where a decimal comma was meant
    StaffTable t = readStaffTable(text);
    EXPECT_EQ(t.rows.size(), 20u);
    EXPECT_TRUE(hasWarning(t, "20 lignes n'ont pas 3 champs (lignes 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, …)"))
        << allWarnings(t);
}

TEST(StaffTable, TotalRowIsDropped)
{
    StaffTable t = readStaffTable(std::string(kHeader) + sampleRows() + "Total général;;;;;;;1,8\n");
    EXPECT_EQ(t.rows.size(), 2u);
    EXPECT_TRUE(hasWarning(t, "Ligne 4 ignorée : ligne de total")) << allWarnings(t);
}

TEST(StaffTable, RowsWithoutTitleAreReported)
{
    StaffTable t = readStaffTable("Intitulé;Métier;Service;ETP\nA;M;S;1\n;;Voirie;1\n");
    EXPECT_EQ(t.rows.size(), 2u);
    EXPECT_TRUE(hasWarning(t, "1 ligne sans intitulé ni métier (ligne 3)")) << allWarnings(t);
}

// ---------- columns ----------

TEST(StaffTable, ColumnsInAnotherOrder)
{
    StaffTable t = readStaffTable("ETP;Service;Direction;Filière;Cat.;Emploi-type;Libellé du poste;N° de poste\n"
                                  "0,5;Accueil;Population;administrative;C;Agent d'accueil;Hôtesse;12\n");
    const auto& m = t.mapping;
    EXPECT_EQ(m.column(StaffField::Etp), 0);
    EXPECT_EQ(m.column(StaffField::Service), 1);
    EXPECT_EQ(m.column(StaffField::Direction), 2);
    EXPECT_EQ(m.column(StaffField::Filiere), 3);
    EXPECT_EQ(m.column(StaffField::Categorie), 4);
    EXPECT_EQ(m.column(StaffField::Metier), 5);
    EXPECT_EQ(m.column(StaffField::Intitule), 6);
    EXPECT_EQ(m.column(StaffField::Identifiant), 7);
    EXPECT_EQ(t.value(0, StaffField::Intitule), "Hôtesse");
    EXPECT_EQ(t.value(0, StaffField::Metier), "Agent d'accueil");
    EXPECT_DOUBLE_EQ(t.etp(0), 0.5);
    EXPECT_TRUE(t.warnings.empty()) << allWarnings(t);
}

TEST(StaffTable, DuplicateHeaderUsesFirstAndWarns)
{
    StaffTable t = readStaffTable("Intitulé;Service;Métier;Service;ETP\nA;Accueil;M;Ancien service;1\n");
    EXPECT_EQ(t.mapping.column(StaffField::Service), 1);
    EXPECT_EQ(t.value(0, StaffField::Service), "Accueil");
    EXPECT_TRUE(
        hasWarning(t, "Colonne « Service » présente 2 fois (colonnes 2 et 4) : seule la première est utilisée."))
        << allWarnings(t);
    EXPECT_EQ(t.mapping.unmappedColumns, (std::vector<std::string>{"Service"}));
}

TEST(StaffTable, MissingEtpColumnCountsOne)
{
    StaffTable t = readStaffTable("Intitulé;Métier;Catégorie;Filière;Direction;Service\nA;M;C;technique;D;S\n");
    EXPECT_FALSE(t.mapping.has(StaffField::Etp));
    EXPECT_DOUBLE_EQ(t.etp(0), 1.0);
    EXPECT_EQ(t.value(0, StaffField::Etp), "");
    EXPECT_TRUE(hasWarning(t, "Aucune colonne ETP (quotité) reconnue : chaque poste compte pour 1 ETP."))
        << allWarnings(t);
}

TEST(StaffTable, MissingOptionalColumnsAreListed)
{
    StaffTable t = readStaffTable("Poste;Métier;ETP\nA;M;1\n");
    EXPECT_TRUE(hasWarning(t, "Aucune colonne reconnue pour : catégorie, filière, direction, service."))
        << allWarnings(t);
}

TEST(StaffTable, NonNumericEtpIsReported)
{
    StaffTable t = readStaffTable("Intitulé;Métier;ETP\nA;M;1\nB;M;vacant\nC;M;?\nD;M;0,5\nE;M;mi-temps\n");
    ASSERT_EQ(t.rows.size(), 5u);
    EXPECT_TRUE(hasWarning(t, "Colonne « ETP » : 3 valeurs non numériques (lignes 3, 4, 6) — comptées 1"))
        << allWarnings(t);
    EXPECT_DOUBLE_EQ(t.etp(1), 1.0);
    EXPECT_DOUBLE_EQ(t.etp(3), 0.5);
}

TEST(StaffTable, EtpAboveOneIsReported)
{
    StaffTable t = readStaffTable("Intitulé;Métier;Quotité\nA;M;1,2\nB;M;1\n");
    EXPECT_TRUE(hasWarning(t, "Colonne « Quotité » : 1 valeur supérieure à 1 (ligne 2) — à vérifier"))
        << allWarnings(t);
}

TEST(StaffTable, UnknownCategoriesAreReported)
{
    StaffTable t = readStaffTable("Intitulé;Métier;Catégorie;ETP\nA;M;A+;1\nB;M;Hors catégorie;1\nC;M;D;1\nD;M;;1\n");
    EXPECT_TRUE(hasWarning(t, "Colonne « Catégorie » : 1 valeur non reconnue (ligne 4)")) << allWarnings(t);
}

TEST(DetectColumns, Synonyms)
{
    struct Case {
        const char* name;
        StaffField field;
    };
    const Case cases[] = {
        {"Intitulé", StaffField::Intitule},
        {"INTITULE DU POSTE", StaffField::Intitule},
        {"Libellé du poste", StaffField::Intitule},
        {"Poste", StaffField::Intitule},
        {"Fonction", StaffField::Intitule},
        {"Métier", StaffField::Metier},
        {"Emploi", StaffField::Metier},
        {"Emploi-type", StaffField::Metier},
        {"Métier CNFPT", StaffField::Metier},
        {"Métier (répertoire CNFPT)", StaffField::Metier},
        {"Intitulé du métier", StaffField::Metier},
        {"Catégorie", StaffField::Categorie},
        {"Cat.", StaffField::Categorie},
        {"cat", StaffField::Categorie},
        {"Filière", StaffField::Filiere},
        {"Direction", StaffField::Direction},
        {"Pôle", StaffField::Direction},
        {"DGA", StaffField::Direction},
        {"Service", StaffField::Service},
        {"Unité", StaffField::Service},
        {"Service d'affectation", StaffField::Service},
        {"ETP", StaffField::Etp},
        {"Quotité", StaffField::Etp},
        {"Temps de travail", StaffField::Etp},
        {"Taux d'emploi", StaffField::Etp},
        {"% ETP", StaffField::Etp},
        {"Matricule", StaffField::Identifiant},
        {"Identifiant", StaffField::Identifiant},
        {"ID", StaffField::Identifiant},
        {"N° de poste", StaffField::Identifiant},
        {"Nº poste", StaffField::Identifiant},
        {"Code poste", StaffField::Identifiant},
        {"Numéro de poste", StaffField::Identifiant},
    };
    for (const Case& c : cases) {
        auto m = detectColumns({"Grade", c.name});
        EXPECT_EQ(m.column(c.field), 1) << c.name;
        EXPECT_EQ(m.mappedCount(), 1) << c.name;
    }
}

TEST(DetectColumns, ExactBeatsContainsAndColumnsServeOnce)
{
    auto m = detectColumns({"Direction / Service", "Service", "Date d'entrée dans le service", "Taux d'emploi",
                            "Cadre d'emplois", "Intitulé du poste", "Poste"});
    EXPECT_EQ(m.column(StaffField::Service), 1);
    EXPECT_EQ(m.column(StaffField::Direction), 0);
    EXPECT_EQ(m.column(StaffField::Etp), 3);
    EXPECT_EQ(m.column(StaffField::Metier), -1); // neither "Taux d'emploi" nor "Cadre d'emplois"
    EXPECT_EQ(m.column(StaffField::Intitule), 5);
    EXPECT_EQ(m.unmappedColumns,
              (std::vector<std::string>{"Date d'entrée dans le service", "Cadre d'emplois", "Poste"}));
}

TEST(DetectColumns, DescribeMapping)
{
    std::vector<std::string> header{"Intitulé du poste", "Métier", "Grade", "ETP", ""};
    auto m = detectColumns(header);
    EXPECT_EQ(describeMapping(m, header), "Intitulé du poste → intitulé ; Métier → métier ; ETP → ETP. "
                                          "Non trouvées : catégorie, filière, direction, service, identifiant. "
                                          "Ignorées : Grade, colonne 5 sans titre.");
    EXPECT_EQ(describeMapping(detectColumns({"a", "b"}), {"a", "b"}), "Aucune colonne reconnue. Ignorées : a, b.");
}

// ---------- the sample commune ----------

TEST(StaffTable, SampleCommune)
{
    StaffTable t =
        cartoia::readStaffTableFile(cartoia::test::sourcePath("samples/commune-temoin/tableau-des-effectifs.csv"));
    EXPECT_EQ(t.encoding, "UTF-8");
    EXPECT_EQ(t.separator, ';');
    EXPECT_EQ(t.headerLine, 1);
    EXPECT_EQ(t.rows.size(), 1000u);
    EXPECT_EQ(t.mapping.mappedCount(), 9);
    EXPECT_TRUE(t.mapping.unmappedColumns.empty());
    EXPECT_TRUE(t.warnings.empty()) << allWarnings(t);
    EXPECT_EQ(describeMapping(t.mapping, t.header),
              "Intitulé du poste → intitulé ; Métier → métier ; Catégorie → catégorie ; Filière → filière ; "
              "Direction → direction ; Service → service ; ETP → ETP ; Matricule → identifiant ; "
              "Coût annuel chargé → coût annuel.");
    double total = 0;
    double costByCategory[3] = {0, 0, 0}, etpByCategory[3] = {0, 0, 0};
    for (size_t r = 0; r < t.rows.size(); ++r) {
        total += t.etp(r);
        const std::string cat = normaliseCategorie(t.value(r, StaffField::Categorie));
        ASSERT_FALSE(cat.empty());
        // Every post has an amount, in whole euros, of a plausible order for its ETP.
        const double cost = t.cost(r);
        ASSERT_FALSE(std::isnan(cost)) << t.value(r, StaffField::Cout);
        EXPECT_EQ(cost, std::floor(cost));
        EXPECT_GT(cost / t.etp(r), 25000.0) << t.value(r, StaffField::Cout);
        EXPECT_LT(cost / t.etp(r), 150000.0) << t.value(r, StaffField::Cout);
        costByCategory[cat[0] - 'A'] += cost;
        etpByCategory[cat[0] - 'A'] += t.etp(r);
    }
    EXPECT_GT(total, 900.0);
    EXPECT_LT(total, 1000.0);
    // Average cost per ETP: A above B above C.
    EXPECT_GT(costByCategory[0] / etpByCategory[0], costByCategory[1] / etpByCategory[1]);
    EXPECT_GT(costByCategory[1] / etpByCategory[1], costByCategory[2] / etpByCategory[2]);
}

TEST(StaffTable, FileThatCannotBeOpenedThrows)
{
    EXPECT_THROW(cartoia::readStaffTableFile("/nonexistent/effectifs.csv"), std::runtime_error);
}

TEST(StaffTable, FiftyThousandRowsAreFast)
{
    std::string text = "Tableau des effectifs\n\n" + std::string(kHeader);
    text.reserve(50000 * 120);
    for (int i = 0; i < 50000; ++i)
        text += "P" + std::to_string(i) +
                ";\"Agent polyvalent; entretien\";Agent d'entretien;C;technique;"
                "Direction des services techniques;Bâtiments;" +
                (i % 5 ? "1" : "0,8") + "\n";
    const auto start = std::chrono::steady_clock::now();
    StaffTable t = readStaffTable(text);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    std::printf("[ info     ] 50 000 rows (%zu bytes) read in %lld ms\n", text.size(),
                static_cast<long long>(ms.count()));
    EXPECT_EQ(t.rows.size(), 50000u);
    EXPECT_EQ(t.rowLines.back(), 50003);
    EXPECT_TRUE(t.warnings.empty()) << allWarnings(t);
}

// ---------- values ----------

TEST(ParseEtp, Values)
{
    EXPECT_DOUBLE_EQ(parseEtp("1"), 1.0);
    EXPECT_DOUBLE_EQ(parseEtp("0,8"), 0.8);
    EXPECT_DOUBLE_EQ(parseEtp("0.8"), 0.8);
    EXPECT_DOUBLE_EQ(parseEtp(" 0,50 "), 0.5);
    EXPECT_DOUBLE_EQ(parseEtp("80 %"), 0.8);
    EXPECT_DOUBLE_EQ(parseEtp("80%"), 0.8);
    EXPECT_DOUBLE_EQ(parseEtp("80\xE2\x80\xAF%"), 0.8); // narrow no-break space, as Calc formats it
    EXPECT_DOUBLE_EQ(parseEtp("87,5 %"), 0.875);
    EXPECT_DOUBLE_EQ(parseEtp("100"), 1.0);
    EXPECT_DOUBLE_EQ(parseEtp("80"), 0.8);
    EXPECT_DOUBLE_EQ(parseEtp("1,5"), 1.5); // not a percentage: at most 1.5 is kept as is
    EXPECT_DOUBLE_EQ(parseEtp("0"), 0.0);
    EXPECT_DOUBLE_EQ(parseEtp("28/35"), 0.8);
    EXPECT_DOUBLE_EQ(parseEtp("28/35e"), 0.8);
    EXPECT_DOUBLE_EQ(parseEtp("28/35ème"), 0.8);
    EXPECT_DOUBLE_EQ(parseEtp("17h30"), 0.5);
    EXPECT_DOUBLE_EQ(parseEtp("35h"), 1.0);
    EXPECT_DOUBLE_EQ(parseEtp("Temps complet"), 1.0);
    EXPECT_DOUBLE_EQ(parseEtp("TC"), 1.0);
}

TEST(ParseEtp, EmptyIsOneAndNonsenseIsNaN)
{
    EXPECT_DOUBLE_EQ(parseEtp(""), 1.0);
    EXPECT_DOUBLE_EQ(parseEtp("  "), 1.0);
    for (const char* bad : {"vacant", "?", "-0,5", "150", "0,8,1", "1/0", "mi-temps", "temps partiel", "80 %%", "%"})
        EXPECT_TRUE(std::isnan(parseEtp(bad))) << bad;
}

TEST(NormaliseCategorie, Values)
{
    EXPECT_EQ(normaliseCategorie("A"), "A");
    EXPECT_EQ(normaliseCategorie("b"), "B");
    EXPECT_EQ(normaliseCategorie(" C "), "C");
    EXPECT_EQ(normaliseCategorie("cat. B"), "B");
    EXPECT_EQ(normaliseCategorie("Cat B"), "B");
    EXPECT_EQ(normaliseCategorie("catA"), "A");
    EXPECT_EQ(normaliseCategorie("Catégorie C"), "C");
    EXPECT_EQ(normaliseCategorie("CATÉGORIE A"), "A");
    EXPECT_EQ(normaliseCategorie("A+"), "A");
    EXPECT_EQ(normaliseCategorie("C1"), "C");
    EXPECT_EQ(normaliseCategorie("hors catégorie"), "");
    EXPECT_EQ(normaliseCategorie("HC"), "");
    EXPECT_EQ(normaliseCategorie(""), "");
    EXPECT_EQ(normaliseCategorie("D"), "");
    EXPECT_EQ(normaliseCategorie("Attaché"), "");
    EXPECT_EQ(normaliseCategorie("Cadre A"), "");
}
