// SPDX-License-Identifier: MPL-2.0
#include "cartoia/reference_data.hpp"

#include "cartoia/csv.hpp"

#include <cmath>
#include <fstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

using nlohmann::json;

namespace cartoia {
namespace {

constexpr int kFormat = 3; // 2: grades carry their catégorie; 3: French task texts, themes, model scores

json scoreOrNull(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

} // namespace

const char* sourceName(LabelSource s)
{
    switch (s) {
    case LabelSource::Referentiel:
        return "référentiel";
    case LabelSource::Rome:
        return "ROME";
    case LabelSource::Esco:
        return "ESCO";
    }
    return "";
}

namespace {
constexpr std::pair<WordRole, const char*> kWordRoles[] = {{WordRole::Encadrement, "encadrement"},
                                                           {WordRole::Equipe, "equipe"},
                                                           {WordRole::Lieu, "lieu"},
                                                           {WordRole::Service, "service"},
                                                           {WordRole::Personne, "personne"}};
} // namespace

std::optional<WordRole> wordRoleFromName(std::string_view name)
{
    for (const auto& [role, n] : kWordRoles)
        if (name == n)
            return role;
    return std::nullopt;
}

const char* wordRoleName(WordRole r)
{
    for (const auto& [role, n] : kWordRoles)
        if (role == r)
            return n;
    return "";
}

const Metier* findMetier(const ReferenceData& data, const std::string& id)
{
    for (const Metier& m : data.metiers)
        if (m.id == id)
            return &m;
    return nullptr;
}

void saveReferenceData(const ReferenceData& data, const std::string& path)
{
    json j;
    j["format"] = kFormat;
    j["version"] = data.version;
    json groups = json::array();
    for (const IscoGroup& g : data.exposure.groups())
        groups.push_back({g.code, g.titleEn, g.titleFr});
    j["isco"] = std::move(groups);
    json occs = json::array();
    for (const Occupation& o : data.exposure.occupations()) {
        json tasks = json::array();
        for (const Task& t : o.tasks)
            tasks.push_back({t.text, scoreOrNull(t.score2023), t.score2025, t.textFr, t.theme, scoreOrNull(t.gpt4o),
                             scoreOrNull(t.gemini)});
        occs.push_back({{"code", o.code},
                        {"mean", {o.mean[0], o.mean[1]}},
                        {"sd", {o.sd[0], o.sd[1]}},
                        {"level", {o.level[0], o.level[1]}},
                        {"tasks", std::move(tasks)}});
    }
    j["scores"] = std::move(occs);
    json themes = json::array();
    for (const Theme& t : data.exposure.themes())
        themes.push_back({t.id, t.label});
    j["themes"] = std::move(themes);
    json labels = json::array();
    for (const RefLabel& l : data.labels)
        labels.push_back({l.text, l.isco, static_cast<int>(l.source), l.ref, l.weight});
    j["labels"] = std::move(labels);
    json metiers = json::array();
    for (const Metier& m : data.metiers) {
        json isco = json::array();
        for (const auto& [code, w] : m.isco)
            isco.push_back({code, w});
        metiers.push_back({{"id", m.id},
                           {"name", m.name},
                           {"famille", m.famille},
                           {"filieres", m.filieres},
                           {"categories", m.categories},
                           {"isco", std::move(isco)},
                           {"rome", m.rome}});
    }
    j["metiers"] = std::move(metiers);
    json abbr = json::array();
    for (const Abbreviation& a : data.abbreviations)
        abbr.push_back({a.sigle, a.expansion});
    j["abbreviations"] = std::move(abbr);
    json grades = json::array();
    for (const Grade& g : data.grades)
        grades.push_back({g.name, g.categorie});
    j["grades"] = std::move(grades);
    json synonyms = json::array();
    for (const Synonym& y : data.synonyms)
        synonyms.push_back({y.form, y.equivalent});
    j["synonyms"] = std::move(synonyms);
    json words = json::array();
    for (const RoleWord& w : data.roleWords)
        words.push_back({w.word, wordRoleName(w.role)});
    j["words"] = std::move(words);

    std::ofstream out(path, std::ios::binary);
    if (!out)
        throw std::runtime_error("cannot write " + path);
    out << j.dump();
}

ReferenceData loadReferenceData(const std::string& path)
{
    ReferenceData data;
    json j;
    try {
        j = json::parse(readFile(path));
        if (j.at("format").get<int>() != kFormat)
            throw std::runtime_error("unsupported data format");
        data.version = j.at("version").get<std::string>();
        for (const json& g : j.at("isco"))
            data.exposure.addGroup(
                {g.at(0).get<std::string>(), g.at(1).get<std::string>(), g.at(2).get<std::string>()});
        for (const json& s : j.at("scores")) {
            Occupation o;
            o.code = s.at("code").get<std::string>();
            for (size_t e = 0; e < 2; ++e) {
                o.mean[e] = s.at("mean").at(e).get<double>();
                o.sd[e] = s.at("sd").at(e).get<double>();
                o.level[e] = s.at("level").at(e).get<int>();
            }
            for (const json& t : s.at("tasks")) {
                Task task;
                task.text = t.at(0).get<std::string>();
                if (!t.at(1).is_null())
                    task.score2023 = t.at(1).get<double>();
                task.score2025 = t.at(2).get<double>();
                task.textFr = t.at(3).get<std::string>();
                task.theme = t.at(4).get<std::string>();
                if (!t.at(5).is_null())
                    task.gpt4o = t.at(5).get<double>();
                if (!t.at(6).is_null())
                    task.gemini = t.at(6).get<double>();
                o.tasks.push_back(std::move(task));
            }
            data.exposure.addOccupation(std::move(o));
        }
        for (const json& t : j.at("themes"))
            data.exposure.addTheme({t.at(0).get<std::string>(), t.at(1).get<std::string>()});
        for (const json& l : j.at("labels"))
            data.labels.push_back({l.at(0).get<std::string>(), l.at(1).get<std::string>(),
                                   static_cast<LabelSource>(l.at(2).get<int>()), l.at(3).get<std::string>(),
                                   l.at(4).get<double>()});
        for (const json& m : j.at("metiers")) {
            Metier met{m.at("id"),         m.at("name"), m.at("famille"), m.at("filieres"),
                       m.at("categories"), {},           m.at("rome")};
            for (const json& c : m.at("isco"))
                met.isco.emplace_back(c.at(0).get<std::string>(), c.at(1).get<double>());
            data.metiers.push_back(std::move(met));
        }
        for (const json& a : j.at("abbreviations"))
            data.abbreviations.push_back({a.at(0).get<std::string>(), a.at(1).get<std::string>()});
        if (j.contains("grades"))
            for (const json& g : j.at("grades"))
                data.grades.push_back({g.at(0).get<std::string>(), g.at(1).get<std::string>()});
        if (j.contains("synonyms"))
            for (const json& y : j.at("synonyms"))
                data.synonyms.push_back({y.at(0).get<std::string>(), y.at(1).get<std::string>()});
        if (j.contains("words"))
            for (const json& w : j.at("words")) {
                std::optional<WordRole> role = wordRoleFromName(w.at(1).get<std::string>());
                if (!role)
                    throw std::runtime_error("unknown word role " + w.at(1).get<std::string>());
                data.roleWords.push_back({w.at(0).get<std::string>(), *role});
            }
    } catch (const json::exception& e) {
        throw std::runtime_error("malformed data file " + path + ": " + e.what());
    }
    return data;
}

} // namespace cartoia
