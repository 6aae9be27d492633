// SPDX-License-Identifier: MPL-2.0
// The référentiel des métiers territoriaux (data/referentiel/*.csv): every row is complete and
// every code it uses exists and is scored by the ILO.
#include "test_support.hpp"

#include "cartoia/csv.hpp"
#include "cartoia/reference_build.hpp"
#include "cartoia/text_fold.hpp"

#include <cmath>
#include <regex>
#include <set>

#include <gtest/gtest.h>

using namespace cartoia;
using cartoia::test::sharedData;
using cartoia::test::sourcePath;

namespace {

const CsvTable& referentiel()
{
    static const CsvTable t = CsvTable::fromFile(sourcePath("data/referentiel/metiers_territoriaux.csv"));
    return t;
}

} // namespace

TEST(Referentiel, HasAboutTwoHundredFiftyMetiers)
{
    EXPECT_GE(referentiel().rows().size(), 240u);
    EXPECT_EQ(sharedData().metiers.size(), referentiel().rows().size());
}

TEST(Referentiel, EveryRowIsComplete)
{
    const CsvTable& t = referentiel();
    for (const char* col :
         {"id", "metier", "famille", "filieres", "categories", "isco", "rome", "source", "rationale"}) {
        size_t c = t.column(col);
        for (const CsvRow& r : t.rows())
            EXPECT_FALSE(trimText(CsvTable::field(r, c)).empty()) << CsvTable::field(r, 0) << " has no " << col;
    }
}

TEST(Referentiel, CodesAreScoredAndWeightsSumToOne)
{
    const CsvTable& t = referentiel();
    size_t cId = t.column("id"), cIsco = t.column("isco");
    for (const CsvRow& r : t.rows()) {
        double total = 0;
        for (const auto& [code, w] : parseWeightedCodes(CsvTable::field(r, cIsco))) {
            EXPECT_EQ(code.size(), 4u) << CsvTable::field(r, cId);
            EXPECT_NE(sharedData().exposure.occupation(code), nullptr)
                << CsvTable::field(r, cId) << " uses " << code << ", which the ILO did not score";
            EXPECT_GT(w, 0.0);
            total += w;
        }
        EXPECT_NEAR(total, 1.0, 1e-6) << CsvTable::field(r, cId);
    }
}

TEST(Referentiel, RomeCodesAreWellFormed)
{
    const std::regex rome("[A-N][0-9]{4}");
    const CsvTable& t = referentiel();
    size_t cId = t.column("id"), cRome = t.column("rome");
    for (const CsvRow& r : t.rows())
        for (const auto& [code, w] : parseWeightedCodes(CsvTable::field(r, cRome)))
            EXPECT_TRUE(std::regex_match(code, rome)) << CsvTable::field(r, cId) << ": " << code;
}

TEST(Referentiel, SourcesCiteSharedData)
{
    const CsvTable& t = referentiel();
    size_t cId = t.column("id"), cSource = t.column("source");
    for (const CsvRow& r : t.rows()) {
        const std::string& s = CsvTable::field(r, cSource);
        EXPECT_TRUE(s.find("ESCO") != std::string::npos || s.find("ROME") != std::string::npos)
            << CsvTable::field(r, cId) << ": " << s;
    }
}

TEST(Referentiel, IdsAndNamesAreUnique)
{
    const CsvTable& t = referentiel();
    std::set<std::string> ids, names;
    for (const CsvRow& r : t.rows()) {
        EXPECT_TRUE(ids.insert(CsvTable::field(r, t.column("id"))).second) << CsvTable::field(r, 0);
        EXPECT_TRUE(names.insert(foldText(CsvTable::field(r, t.column("metier")))).second) << CsvTable::field(r, 1);
    }
}

TEST(Referentiel, StudyAnchors)
{
    // The published study's examples (etude INET Lyon): the référentiel must follow them.
    const std::pair<const char*, const char*> anchors[] = {
        {"Policier ou policière municipal(e)", "5412"},
        {"Assistant ou assistante de gestion ressources humaines", "4110"},
        {"Chargé ou chargée d'accueil", "4225"},
        {"Directeur ou directrice général(e) des services", "1120"},
    };
    for (const auto& [name, code] : anchors) {
        const Metier* found = nullptr;
        for (const Metier& m : sharedData().metiers)
            if (m.name == name)
                found = &m;
        ASSERT_NE(found, nullptr) << name;
        ASSERT_FALSE(found->isco.empty());
        EXPECT_EQ(found->isco.front().first, code) << name;
    }
}

TEST(Abbreviations, EveryEntryHasAnExpansion)
{
    CsvTable t = CsvTable::fromFile(sourcePath("data/referentiel/sigles.csv"));
    EXPECT_GE(t.rows().size(), 60u);
    for (const CsvRow& r : t.rows())
        EXPECT_FALSE(trimText(CsvTable::field(r, t.column("expansion"))).empty()) << CsvTable::field(r, 0);
    EXPECT_EQ(sharedData().abbreviations.size(), t.rows().size());
}
