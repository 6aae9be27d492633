// SPDX-License-Identifier: MPL-2.0
// ReferenceData JSON save/load, error handling, parseWeightedCodes, buildReferenceData.
#include "cartoia/reference_build.hpp"
#include "cartoia/reference_data.hpp"
#include "test_support.hpp"

#include <fstream>
#include <stdexcept>

#include <gtest/gtest.h>

using namespace cartoia;

namespace {

void writeText(const std::string& path, const std::string& text)
{
    std::ofstream out(path, std::ios::binary);
    out << text;
}

// A small hand-made data set with the awkward cases: missing 2023 task score, non-ASCII text.
ReferenceData smallData()
{
    ReferenceData d;
    d.version = "9.9.9-test";
    d.exposure.addGroup({"4", "Clerical support workers", "Employés de type administratif"});
    d.exposure.addGroup({"4110", "General office clerks", "Employés de bureau, fonctions générales"});
    Occupation o;
    o.code = "4110";
    o.mean = {0.47, 0.60};
    o.sd = {0.12, 0.11};
    o.level = {2, 5};
    o.tasks.push_back({"Sorting mail", "Trier le courrier ;", "admin_comm", 0.5, 0.625, 0.6, 0.65});
    o.tasks.push_back({"Filing \"records\"", "Classer des « dossiers ».", "donnees_dossiers", std::nullopt, 0.7125,
                       std::nullopt, 0.7125});
    d.exposure.addOccupation(o);
    d.exposure.addTheme({"admin_comm", "Tâches administratives et de communication"});
    d.exposure.addTheme({"donnees_dossiers", "Gestion des données et tenue de dossiers, des registres"});
    d.labels.push_back({"Agent / Agente d’accueil", "4110", LabelSource::Referentiel, "M001", 1.0});
    d.labels.push_back({"Employé de bureau", "4110", LabelSource::Esco, "http://x/y", 0.85});
    d.metiers.push_back({"M001",
                         "Agent d'accueil",
                         "Affaires générales",
                         "administrative",
                         "C",
                         {{"4110", 0.6}, {"4225", 0.4}},
                         "M1601"});
    d.abbreviations.push_back({"RH", "ressources humaines"});
    return d;
}

} // namespace

TEST(ReferenceData, SmallRoundTrip)
{
    test::TempDir dir;
    const ReferenceData in = smallData();
    saveReferenceData(in, dir.file("small.json"));
    const ReferenceData out = loadReferenceData(dir.file("small.json"));

    EXPECT_EQ(out.version, in.version);
    ASSERT_EQ(out.exposure.groups().size(), 2u);
    EXPECT_EQ(out.exposure.group("4110")->titleFr, "Employés de bureau, fonctions générales");
    const Occupation* o = out.exposure.occupation("4110");
    ASSERT_NE(o, nullptr);
    EXPECT_EQ(o->mean, in.exposure.occupations()[0].mean);
    EXPECT_EQ(o->sd, in.exposure.occupations()[0].sd);
    EXPECT_EQ(o->level, (std::array<int, 2>{2, 5}));
    ASSERT_EQ(o->tasks.size(), 2u);
    EXPECT_EQ(o->tasks[0].score2023, 0.5);
    EXPECT_FALSE(o->tasks[1].score2023.has_value()); // null survives
    EXPECT_EQ(o->tasks[1].text, "Filing \"records\"");
    EXPECT_EQ(o->tasks[1].score2025, 0.7125);
    EXPECT_EQ(o->tasks[1].textFr, "Classer des « dossiers ».");
    EXPECT_EQ(o->tasks[0].theme, "admin_comm");
    EXPECT_EQ(o->tasks[0].gpt4o, 0.6);
    EXPECT_FALSE(o->tasks[1].gpt4o.has_value());
    EXPECT_EQ(o->tasks[1].gemini, 0.7125);
    ASSERT_EQ(out.exposure.themes().size(), 2u);
    EXPECT_EQ(out.exposure.themeLabel("donnees_dossiers"), "Gestion des données et tenue de dossiers, des registres");
    EXPECT_EQ(out.exposure.themeLabel("inconnu"), "inconnu");

    ASSERT_EQ(out.labels.size(), 2u);
    EXPECT_EQ(out.labels[0].text, "Agent / Agente d’accueil");
    EXPECT_EQ(out.labels[1].source, LabelSource::Esco);
    EXPECT_EQ(out.labels[1].ref, "http://x/y");
    EXPECT_EQ(out.labels[1].weight, 0.85);

    ASSERT_EQ(out.metiers.size(), 1u);
    EXPECT_EQ(out.metiers[0].isco, in.metiers[0].isco);
    EXPECT_EQ(out.metiers[0].rome, "M1601");
    EXPECT_EQ(out.metiers[0].famille, "Affaires générales");
    ASSERT_EQ(out.abbreviations.size(), 1u);
    EXPECT_EQ(out.abbreviations[0].expansion, "ressources humaines");
}

TEST(ReferenceData, ShippedDataRoundTrip)
{
    test::TempDir dir;
    const ReferenceData& in = test::sharedData();
    saveReferenceData(in, dir.file("copy.json"));
    const ReferenceData out = loadReferenceData(dir.file("copy.json"));

    EXPECT_EQ(out.version, in.version);
    ASSERT_EQ(out.exposure.groups().size(), in.exposure.groups().size());
    ASSERT_EQ(out.exposure.occupations().size(), in.exposure.occupations().size());
    ASSERT_EQ(out.labels.size(), in.labels.size());
    ASSERT_EQ(out.metiers.size(), in.metiers.size());
    ASSERT_EQ(out.abbreviations.size(), in.abbreviations.size());

    for (size_t i = 0; i < in.exposure.occupations().size(); ++i) {
        const Occupation& a = in.exposure.occupations()[i];
        const Occupation& b = out.exposure.occupations()[i];
        ASSERT_EQ(a.code, b.code);
        EXPECT_EQ(a.mean, b.mean) << a.code;
        EXPECT_EQ(a.sd, b.sd) << a.code;
        EXPECT_EQ(a.level, b.level) << a.code;
        ASSERT_EQ(a.tasks.size(), b.tasks.size()) << a.code;
        for (size_t t = 0; t < a.tasks.size(); ++t) {
            EXPECT_EQ(a.tasks[t].text, b.tasks[t].text);
            EXPECT_EQ(a.tasks[t].score2023, b.tasks[t].score2023);
            EXPECT_EQ(a.tasks[t].score2025, b.tasks[t].score2025);
        }
    }
    for (size_t i = 0; i < in.labels.size(); ++i) {
        EXPECT_EQ(in.labels[i].text, out.labels[i].text);
        EXPECT_EQ(in.labels[i].isco, out.labels[i].isco);
        EXPECT_EQ(in.labels[i].source, out.labels[i].source);
        EXPECT_EQ(in.labels[i].weight, out.labels[i].weight);
    }
    EXPECT_EQ(out.exposure.label("4110", true).text, in.exposure.label("4110", true).text);
    EXPECT_EQ(out.exposure.exposure("41", Measure::Mean, Edition::Y2025).number,
              in.exposure.exposure("41", Measure::Mean, Edition::Y2025).number);
}

TEST(ReferenceData, ShippedDataHasMissing2023TaskScores)
{
    // SOURCES.md: score_2023 is missing for 5246/8, 7122/4, 7126/6.
    const ExposureDb& db = test::sharedData().exposure;
    const std::pair<const char*, int> missingTasks[] = {{"5246", 8}, {"7122", 4}, {"7126", 6}};
    for (const auto& [code, task] : missingTasks) {
        const Occupation* o = db.occupation(code);
        ASSERT_NE(o, nullptr) << code;
        ASSERT_GE(o->tasks.size(), static_cast<size_t>(task)) << code;
        EXPECT_FALSE(o->tasks[task - 1].score2023.has_value()) << code << "/" << task;
    }
    size_t missing = 0;
    for (const Occupation& o : db.occupations())
        for (const Task& t : o.tasks)
            missing += !t.score2023.has_value();
    EXPECT_EQ(missing, 3u);
}

TEST(ReferenceData, LoadMissingFileThrows)
{
    test::TempDir dir;
    EXPECT_THROW(loadReferenceData(dir.file("does-not-exist.json")), std::runtime_error);
}

TEST(ReferenceData, SaveToUnwritablePathThrows)
{
    EXPECT_THROW(saveReferenceData(smallData(), "/nonexistent-dir/cartoia/x.json"), std::runtime_error);
}

TEST(ReferenceData, LoadMalformedJsonThrows)
{
    test::TempDir dir;
    const std::pair<const char*, const char*> cases[] = {
        {"syntax.json", "{not json"},
        {"empty.json", ""},
        {"missing-keys.json", "{\"format\": 3}"},
        {"bad-format.json", "{\"format\": 1, \"version\": \"x\"}"}, // before grades had a catégorie
        {"bad-type.json",
         "{\"format\": 3, \"version\": 5, \"isco\": [], \"scores\": [], \"themes\": [], \"labels\": [],"
         " \"metiers\": [], \"abbreviations\": []}"},
        {"short-array.json",
         "{\"format\": 3, \"version\": \"x\", \"isco\": [[\"4110\"]], \"scores\": [], \"themes\": [],"
         " \"labels\": [], \"metiers\": [], \"abbreviations\": []}"},
        {"grade-as-text.json", "{\"format\": 3, \"version\": \"x\", \"isco\": [], \"scores\": [], \"themes\": [],"
                               " \"labels\": [], \"metiers\": [], \"abbreviations\": [], \"grades\": [\"adjoint\"]}"},
    };
    for (const auto& [name, text] : cases) {
        writeText(dir.file(name), text);
        EXPECT_THROW(loadReferenceData(dir.file(name)), std::runtime_error) << name;
    }
}

TEST(ReferenceData, LoadMinimalValidJson)
{
    test::TempDir dir;
    writeText(dir.file("min.json"), "{\"format\": 3, \"version\": \"0\", \"isco\": [], \"scores\": [], \"themes\": [],"
                                    " \"labels\": [], \"metiers\": [], \"abbreviations\": []}");
    ReferenceData d = loadReferenceData(dir.file("min.json"));
    EXPECT_EQ(d.version, "0");
    EXPECT_TRUE(d.exposure.occupations().empty());
}

TEST(ReferenceData, SourceNames)
{
    EXPECT_STREQ(sourceName(LabelSource::Referentiel), "référentiel");
    EXPECT_STREQ(sourceName(LabelSource::Rome), "ROME");
    EXPECT_STREQ(sourceName(LabelSource::Esco), "ESCO");
}

TEST(WeightedCodes, ExplicitWeights)
{
    auto w = parseWeightedCodes("4110:0.6 | 4120:0.4");
    ASSERT_EQ(w.size(), 2u);
    EXPECT_EQ(w[0].first, "4110");
    EXPECT_DOUBLE_EQ(w[0].second, 0.6);
    EXPECT_EQ(w[1].first, "4120");
    EXPECT_DOUBLE_EQ(w[1].second, 0.4);
}

TEST(WeightedCodes, EqualSharesByDefault)
{
    auto two = parseWeightedCodes("4110 | 4120");
    ASSERT_EQ(two.size(), 2u);
    EXPECT_EQ(two[0].first, "4110");
    EXPECT_EQ(two[1].first, "4120");
    EXPECT_DOUBLE_EQ(two[0].second, 0.5);
    EXPECT_DOUBLE_EQ(two[1].second, 0.5);

    auto one = parseWeightedCodes("4110");
    ASSERT_EQ(one.size(), 1u);
    EXPECT_DOUBLE_EQ(one[0].second, 1.0);

    auto three = parseWeightedCodes("1|2|3");
    ASSERT_EQ(three.size(), 3u);
    EXPECT_DOUBLE_EQ(three[2].second, 1.0 / 3);
}

TEST(WeightedCodes, EmptyAndBadInput)
{
    EXPECT_TRUE(parseWeightedCodes("").empty());
    EXPECT_TRUE(parseWeightedCodes(" | ").empty());
    EXPECT_THROW(parseWeightedCodes("4110:abc"), std::runtime_error);
    EXPECT_THROW(parseWeightedCodes("4110:0.6x"), std::runtime_error);
}

TEST(ReferenceBuild, ShippedMetiersAreConsistent)
{
    // Every métier code is scored and its weights add up to one.
    const ReferenceData& d = test::sharedData();
    ASSERT_FALSE(d.metiers.empty());
    for (const Metier& m : d.metiers) {
        double sum = 0;
        for (const auto& [code, w] : m.isco) {
            EXPECT_NE(d.exposure.occupation(code), nullptr) << m.id << " " << code;
            sum += w;
        }
        EXPECT_NEAR(sum, 1.0, 1e-9) << m.id;
    }
}

TEST(ReferenceBuild, BuildFromCsvEqualsCompiledFile)
{
    ReferencePaths p;
    p.iloOccupations = test::sourcePath("data/ilo/ilo_genai_occupation_scores.csv");
    p.iloTasks = test::sourcePath("data/ilo/ilo_genai_task_scores.csv");
    p.iscoStructure = test::sourcePath("data/isco/isco08_structure_en_fr.csv");
    ReferenceData built = buildReferenceData(p, "t");
    const ExposureDb& shipped = test::sharedData().exposure;
    ASSERT_EQ(built.exposure.occupations().size(), shipped.occupations().size());
    for (const Occupation& o : built.exposure.occupations()) {
        const Occupation* s = shipped.occupation(o.code);
        ASSERT_NE(s, nullptr) << o.code;
        EXPECT_EQ(o.mean, s->mean) << o.code;
        EXPECT_EQ(o.level, s->level) << o.code;
        EXPECT_EQ(o.tasks.size(), s->tasks.size()) << o.code;
    }
    EXPECT_TRUE(built.labels.empty()); // optional sources not given
}

TEST(ReferenceBuild, MissingInputFileThrows)
{
    ReferencePaths p;
    p.iloOccupations = "/nonexistent/occ.csv";
    p.iloTasks = "/nonexistent/tasks.csv";
    p.iscoStructure = "/nonexistent/isco.csv";
    EXPECT_THROW(buildReferenceData(p, "t"), std::runtime_error);
}
