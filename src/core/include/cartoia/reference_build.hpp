// SPDX-License-Identifier: MPL-2.0
// Builds ReferenceData from the CSV files kept in data/ (used by the build-time data compiler).
#pragma once
#include "cartoia/reference_data.hpp"

#include <string>

namespace cartoia {

struct ReferencePaths {
    std::string iloOccupations;   // data/ilo/ilo_genai_occupation_scores.csv
    std::string iloTasks;         // data/ilo/ilo_genai_task_scores.csv
    std::string iloTasksFr;       // data/ilo/ilo_tasks_fr.csv: French text and theme of each task
    std::string themes;           // data/ilo/themes.csv
    std::string iscoStructure;    // data/isco/isco08_structure_en_fr.csv
    std::string romeAppellations; // data/rome/rome4_appellation_esco_isco.csv (optional)
    std::string escoOccupations;  // data/esco/occupations_fr.csv (optional)
    std::string referentiel;      // data/referentiel/metiers_territoriaux.csv (optional)
    std::string abbreviations;    // data/referentiel/sigles.csv (optional)
    std::string grades;           // data/referentiel/grades.csv (optional)
    std::string synonyms;         // data/referentiel/synonymes.csv (optional)
    std::string roleWords;        // data/referentiel/mots.csv (optional)
};

// Throws std::runtime_error naming the file and row when an input is inconsistent.
ReferenceData buildReferenceData(const ReferencePaths& paths, const std::string& version);

// "4110:0.6 | 4120:0.4" or "4110" → pairs; weights default to an equal share.
std::vector<std::pair<std::string, double>> parseWeightedCodes(const std::string& text);

} // namespace cartoia
