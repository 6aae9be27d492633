// SPDX-License-Identifier: MPL-2.0
// Everything the extension ships: ILO scores, ISCO titles, job-title labels, abbreviations.
// Compiled at build time from CSV into one JSON file, loaded once at run time.
#pragma once
#include "cartoia/exposure.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cartoia {

enum class LabelSource { Referentiel = 0, Rome = 1, Esco = 2 };

// A job title known to map to an ISCO-08 code.
struct RefLabel {
    std::string text; // as published ("Agent / Agente de police municipale")
    std::string isco; // 4 digits
    LabelSource source = LabelSource::Rome;
    std::string ref;   // ROME code, ESCO URI or métier id
    double weight = 1; // trust in the label → code link (1 exact … 0.6 broad)
};

// A métier of the référentiel des métiers territoriaux.
struct Metier {
    std::string id;
    std::string name;
    std::string famille;
    std::string filieres;
    std::string categories;
    std::vector<std::pair<std::string, double>> isco; // code, weight
    std::string rome;
};

struct Abbreviation {
    std::string sigle;
    std::string expansion;
};

// A grade (cadre d'emplois) of the fonction publique territoriale: says the status, not the job.
struct Grade {
    std::string name;      // "adjoint administratif"
    std::string categorie; // "A", "B", "C" or empty
};

// An old, familiar or regional wording of a job and the current wording it stands for
// ("dame de service" → "agent d'entretien").
struct Synonym {
    std::string form;
    std::string equivalent;
};

// What a word says in a job title besides its meaning.
enum class WordRole {
    Encadrement, // heads a service: responsable, chef, directeur
    Equipe,      // after an Encadrement word, a team instead ("chef d'équipe"): leads workers, not a service
    Lieu,        // names a place ("école Jaurès", "mairie annexe"): where, not what
    Service,     // names a unit of the organisation ("service urbanisme"): where, the rest says the field
    Personne,    // a person, not a job ("dame de cantine")
};

struct RoleWord {
    std::string word; // one or more words ("groupe scolaire")
    WordRole role = WordRole::Lieu;
};

// "encadrement" → Encadrement…; nullopt when unknown.
std::optional<WordRole> wordRoleFromName(std::string_view name);
const char* wordRoleName(WordRole r);

struct ReferenceData {
    std::string version;
    ExposureDb exposure;
    std::vector<RefLabel> labels;
    std::vector<Metier> metiers;
    std::vector<Abbreviation> abbreviations;
    std::vector<Grade> grades;
    std::vector<Synonym> synonyms;
    std::vector<RoleWord> roleWords;
};

const char* sourceName(LabelSource s); // "référentiel", "ROME", "ESCO"

// The métier with this id, or nullptr.
const Metier* findMetier(const ReferenceData& data, const std::string& id);

// Throws std::runtime_error with the reason when the file is missing or malformed.
ReferenceData loadReferenceData(const std::string& path);
void saveReferenceData(const ReferenceData& data, const std::string& path);

} // namespace cartoia
