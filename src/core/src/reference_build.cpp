// SPDX-License-Identifier: MPL-2.0
#include "cartoia/reference_build.hpp"

#include "cartoia/csv.hpp"
#include "cartoia/text_fold.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <set>
#include <stdexcept>

namespace cartoia {
namespace {

double toNumber(const std::string& s, const std::string& where)
{
    try {
        size_t used = 0;
        double d = std::stod(s, &used);
        if (used != s.size())
            throw std::invalid_argument(s);
        return d;
    } catch (const std::exception&) {
        throw std::runtime_error("not a number '" + s + "' in " + where);
    }
}

std::vector<std::string> splitOn(const std::string& s, const std::string& sep)
{
    std::vector<std::string> parts;
    size_t start = 0;
    while (true) {
        size_t pos = s.find(sep, start);
        std::string part = trimText(s.substr(start, pos == std::string::npos ? std::string::npos : pos - start));
        if (!part.empty())
            parts.push_back(part);
        if (pos == std::string::npos)
            break;
        start = pos + sep.size();
    }
    return parts;
}

double relationWeight(const std::string& relation)
{
    if (relation == "exactMatch")
        return 1.0;
    if (relation == "closeMatch")
        return 0.9;
    if (relation == "narrowMatch")
        return 0.85;
    return 0.75; // broadMatch: the ESCO occupation is wider than the appellation
}

// (code, task id) → (French text, theme id), checked against the themes file.
std::map<std::pair<std::string, std::string>, std::pair<std::string, std::string>> frenchTasks(const ReferencePaths& p)
{
    std::map<std::pair<std::string, std::string>, std::pair<std::string, std::string>> out;
    if (p.iloTasksFr.empty())
        return out;
    std::set<std::string> themes;
    if (!p.themes.empty()) {
        CsvTable t = CsvTable::fromFile(p.themes);
        for (const CsvRow& r : t.rows())
            themes.insert(CsvTable::field(r, t.column("id")));
    }
    CsvTable t = CsvTable::fromFile(p.iloTasksFr);
    size_t cCode = t.column("isco08"), cId = t.column("task_id"), cTheme = t.column("theme"), cFr = t.column("task_fr");
    for (const CsvRow& r : t.rows()) {
        const std::string& theme = CsvTable::field(r, cTheme);
        if (!themes.empty() && !themes.count(theme))
            throw std::runtime_error("unknown theme " + theme + " in " + p.iloTasksFr);
        out[{CsvTable::field(r, cCode), CsvTable::field(r, cId)}] = {CsvTable::field(r, cFr), theme};
    }
    return out;
}

void addThemes(ReferenceData& data, const std::string& path)
{
    CsvTable t = CsvTable::fromFile(path);
    size_t cId = t.column("id"), cLabel = t.column("theme");
    for (const CsvRow& r : t.rows())
        data.exposure.addTheme({CsvTable::field(r, cId), CsvTable::field(r, cLabel)});
}

void addOccupations(ReferenceData& data, const ReferencePaths& p)
{
    CsvTable occ = CsvTable::fromFile(p.iloOccupations);
    CsvTable tasks = CsvTable::fromFile(p.iloTasks);
    std::map<std::string, std::vector<std::pair<int, Task>>> tasksByCode;
    {
        size_t cCode = tasks.column("isco08"), cId = tasks.column("task_id"), cText = tasks.column("task_text"),
               c23 = tasks.column("score_2023"), c25 = tasks.column("score_2025"),
               cGpt = tasks.column("score_2025_gpt4o"), cGem = tasks.column("score_2025_gemini");
        const std::map<std::pair<std::string, std::string>, std::pair<std::string, std::string>> french =
            frenchTasks(p);
        auto optional = [](const std::string& cell, const std::string& where) {
            return cell.empty() ? std::optional<double>() : std::optional<double>(toNumber(cell, where));
        };
        for (const CsvRow& r : tasks.rows()) {
            std::string where = p.iloTasks + " (" + CsvTable::field(r, cCode) + ")";
            Task t;
            t.text = CsvTable::field(r, cText);
            t.score2023 = optional(CsvTable::field(r, c23), where);
            t.score2025 = toNumber(CsvTable::field(r, c25), where);
            t.gpt4o = optional(CsvTable::field(r, cGpt), where);
            t.gemini = optional(CsvTable::field(r, cGem), where);
            auto fr = french.find({CsvTable::field(r, cCode), CsvTable::field(r, cId)});
            if (fr != french.end())
                std::tie(t.textFr, t.theme) = fr->second;
            else if (!p.iloTasksFr.empty())
                throw std::runtime_error("no French text for task " + CsvTable::field(r, cId) + " of " + where);
            int id = static_cast<int>(toNumber(CsvTable::field(r, cId), where));
            tasksByCode[CsvTable::field(r, cCode)].emplace_back(id, std::move(t));
        }
    }
    size_t cCode = occ.column("isco08"), cN = occ.column("n_tasks"), cM23 = occ.column("mean_2023"),
           cS23 = occ.column("sd_2023"), cC23 = occ.column("category_2023"), cM25 = occ.column("mean_2025"),
           cS25 = occ.column("sd_2025"), cC25 = occ.column("category_2025");
    for (const CsvRow& r : occ.rows()) {
        Occupation o;
        o.code = CsvTable::field(r, cCode);
        std::string where = p.iloOccupations + " (" + o.code + ")";
        if (o.code.size() != 4)
            throw std::runtime_error("bad ISCO code in " + where);
        o.mean = {toNumber(CsvTable::field(r, cM23), where), toNumber(CsvTable::field(r, cM25), where)};
        o.sd = {toNumber(CsvTable::field(r, cS23), where), toNumber(CsvTable::field(r, cS25), where)};
        o.level = {levelFromIloLabel(Edition::Y2023, CsvTable::field(r, cC23)),
                   levelFromIloLabel(Edition::Y2025, CsvTable::field(r, cC25))};
        if (o.level[0] < 0 || o.level[1] < 0)
            throw std::runtime_error("unknown ILO category in " + where);
        auto& list = tasksByCode[o.code];
        std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (auto& [id, t] : list)
            o.tasks.push_back(std::move(t));
        if (o.tasks.size() != static_cast<size_t>(toNumber(CsvTable::field(r, cN), where)))
            throw std::runtime_error("task count differs from n_tasks in " + where);
        data.exposure.addOccupation(std::move(o));
    }
}

void addIscoTitles(ReferenceData& data, const ReferencePaths& p)
{
    CsvTable t = CsvTable::fromFile(p.iscoStructure);
    size_t cCode = t.column("isco08_code"), cEn = t.column("title_en"), cFr = t.column("title_fr");
    for (const CsvRow& r : t.rows())
        data.exposure.addGroup({CsvTable::field(r, cCode), CsvTable::field(r, cEn), CsvTable::field(r, cFr)});
    for (const Occupation& o : data.exposure.occupations())
        if (!data.exposure.group(o.code))
            throw std::runtime_error("scored code without ISCO title: " + o.code);
}

void addRome(ReferenceData& data, const std::string& path)
{
    CsvTable t = CsvTable::fromFile(path);
    size_t cLabel = t.column("libelle_appellation_v460"), cRome = t.column("code_rome_v460"),
           cIsco = t.column("isco08"), cRel = t.column("mapping_relation");
    for (const CsvRow& r : t.rows()) {
        const std::string& isco = CsvTable::field(r, cIsco);
        if (isco.size() != 4)
            continue; // appellation without an ESCO→ISCO link
        data.labels.push_back({CsvTable::field(r, cLabel), isco, LabelSource::Rome, CsvTable::field(r, cRome),
                               relationWeight(CsvTable::field(r, cRel))});
    }
}

void addEsco(ReferenceData& data, const std::string& path)
{
    CsvTable t = CsvTable::fromFile(path);
    size_t cIsco = t.column("iscoGroup"), cPref = t.column("preferredLabel"), cAlt = t.column("altLabels"),
           cUri = t.column("conceptUri");
    for (const CsvRow& r : t.rows()) {
        const std::string& isco = CsvTable::field(r, cIsco);
        if (isco.size() != 4)
            continue;
        std::set<std::string> seen;
        auto add = [&](const std::string& label, double w) {
            std::string l = trimText(label);
            if (!l.empty() && seen.insert(l).second)
                data.labels.push_back({l, isco, LabelSource::Esco, CsvTable::field(r, cUri), w});
        };
        add(CsvTable::field(r, cPref), 0.9);
        for (const std::string& alt : splitOn(CsvTable::field(r, cAlt), "\n"))
            add(alt, 0.85);
    }
}

void addReferentiel(ReferenceData& data, const std::string& path)
{
    CsvTable t = CsvTable::fromFile(path);
    size_t cId = t.column("id"), cName = t.column("metier"), cFam = t.column("famille"), cFil = t.column("filieres"),
           cCat = t.column("categories"), cIsco = t.column("isco"), cRome = t.column("rome"),
           cApp = t.findColumn("appellations");
    for (const CsvRow& r : t.rows()) {
        Metier m{CsvTable::field(r, cId),  CsvTable::field(r, cName), CsvTable::field(r, cFam),
                 CsvTable::field(r, cFil), CsvTable::field(r, cCat),  parseWeightedCodes(CsvTable::field(r, cIsco)),
                 CsvTable::field(r, cRome)};
        if (m.isco.empty())
            throw std::runtime_error("métier without ISCO code in " + path + ": " + m.id);
        for (const auto& [code, w] : m.isco)
            if (!data.exposure.occupation(code))
                throw std::runtime_error("métier " + m.id + " uses unscored ISCO code " + code);
        // The main occupation carries the label; the matcher reports it.
        auto best = std::max_element(m.isco.begin(), m.isco.end(),
                                     [](const auto& a, const auto& b) { return a.second < b.second; });
        data.labels.push_back({m.name, best->first, LabelSource::Referentiel, m.id, 1.0});
        if (cApp != std::string::npos)
            for (const std::string& alt : splitOn(CsvTable::field(r, cApp), "|"))
                data.labels.push_back({alt, best->first, LabelSource::Referentiel, m.id, 0.97});
        data.metiers.push_back(std::move(m));
    }
}

void addAbbreviations(ReferenceData& data, const std::string& path)
{
    CsvTable t = CsvTable::fromFile(path);
    size_t cS = t.column("sigle"), cE = t.column("expansion");
    for (const CsvRow& r : t.rows())
        if (!CsvTable::field(r, cS).empty() && !CsvTable::field(r, cE).empty())
            data.abbreviations.push_back({CsvTable::field(r, cS), CsvTable::field(r, cE)});
}

} // namespace

std::vector<std::pair<std::string, double>> parseWeightedCodes(const std::string& text)
{
    std::vector<std::pair<std::string, double>> out;
    std::vector<std::string> parts = splitOn(text, "|");
    for (const std::string& part : parts) {
        size_t colon = part.find(':');
        std::string code = trimText(part.substr(0, colon));
        double w = colon == std::string::npos ? 1.0 / static_cast<double>(parts.size())
                                              : toNumber(trimText(part.substr(colon + 1)), text);
        out.emplace_back(code, w);
    }
    return out;
}

ReferenceData buildReferenceData(const ReferencePaths& p, const std::string& version)
{
    ReferenceData data;
    data.version = version;
    addOccupations(data, p);
    addIscoTitles(data, p);
    if (!p.themes.empty())
        addThemes(data, p.themes);
    if (!p.referentiel.empty())
        addReferentiel(data, p.referentiel);
    if (!p.romeAppellations.empty())
        addRome(data, p.romeAppellations);
    if (!p.escoOccupations.empty())
        addEsco(data, p.escoOccupations);
    if (!p.abbreviations.empty())
        addAbbreviations(data, p.abbreviations);
    if (!p.synonyms.empty()) {
        CsvTable t = CsvTable::fromFile(p.synonyms);
        size_t cF = t.column("forme"), cE = t.column("equivalent");
        for (const CsvRow& r : t.rows()) {
            std::string form = trimText(CsvTable::field(r, cF)), equivalent = trimText(CsvTable::field(r, cE));
            if (form.empty() != equivalent.empty())
                throw std::runtime_error("synonym without its equivalent in " + p.synonyms + ": " + form + equivalent);
            if (!form.empty())
                data.synonyms.push_back({form, equivalent});
        }
    }
    if (!p.roleWords.empty()) {
        CsvTable t = CsvTable::fromFile(p.roleWords);
        size_t cW = t.column("mot"), cR = t.column("role");
        for (const CsvRow& r : t.rows()) {
            std::string word = trimText(CsvTable::field(r, cW)), role = trimText(CsvTable::field(r, cR));
            if (word.empty())
                continue;
            std::optional<WordRole> w = wordRoleFromName(role);
            if (!w)
                throw std::runtime_error("unknown role '" + role + "' of '" + word + "' in " + p.roleWords);
            data.roleWords.push_back({word, *w});
        }
    }
    if (!p.grades.empty()) {
        CsvTable t = CsvTable::fromFile(p.grades);
        size_t c = t.column("grade"), cat = t.findColumn("categorie");
        for (const CsvRow& r : t.rows())
            if (!trimText(CsvTable::field(r, c)).empty())
                data.grades.push_back({trimText(CsvTable::field(r, c)), trimText(CsvTable::field(r, cat))});
    }
    return data;
}

} // namespace cartoia
