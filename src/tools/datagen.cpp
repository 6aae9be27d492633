// SPDX-License-Identifier: MPL-2.0
// Build-time data compiler: data/*.csv → the JSON file shipped inside the extension.
#include "cartoia/reference_build.hpp"

#include <cstring>
#include <iostream>

int main(int argc, char** argv)
{
    cartoia::ReferencePaths p;
    std::string out, version = "dev";
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string opt = argv[i], val = argv[i + 1];
        if (opt == "--ilo-occupations")
            p.iloOccupations = val;
        else if (opt == "--ilo-tasks")
            p.iloTasks = val;
        else if (opt == "--ilo-tasks-fr")
            p.iloTasksFr = val;
        else if (opt == "--themes")
            p.themes = val;
        else if (opt == "--isco")
            p.iscoStructure = val;
        else if (opt == "--rome")
            p.romeAppellations = val;
        else if (opt == "--esco")
            p.escoOccupations = val;
        else if (opt == "--referentiel")
            p.referentiel = val;
        else if (opt == "--sigles")
            p.abbreviations = val;
        else if (opt == "--grades")
            p.grades = val;
        else if (opt == "--synonymes")
            p.synonyms = val;
        else if (opt == "--mots")
            p.roleWords = val;
        else if (opt == "--version")
            version = val;
        else if (opt == "-o")
            out = val;
        else {
            std::cerr << "cartoia-datagen: unknown option " << opt << "\n";
            return 2;
        }
    }
    if (out.empty() || p.iloOccupations.empty() || p.iloTasks.empty() || p.iscoStructure.empty()) {
        std::cerr << "usage: cartoia-datagen --ilo-occupations F --ilo-tasks F --isco F [--ilo-tasks-fr F --themes F]"
                     " [--rome F] [--esco F] [--referentiel F] [--sigles F] [--grades F] [--synonymes F] [--mots F]"
                     " [--version V] -o OUT.json\n";
        return 2;
    }
    try {
        cartoia::ReferenceData data = cartoia::buildReferenceData(p, version);
        cartoia::saveReferenceData(data, out);
        std::cout << "cartoia-datagen: " << data.exposure.occupations().size() << " scored occupations, "
                  << data.exposure.groups().size() << " ISCO groups, " << data.labels.size() << " labels, "
                  << data.metiers.size() << " métiers, " << data.abbreviations.size() << " abbreviations → " << out
                  << "\n";
    } catch (const std::exception& e) {
        std::cerr << "cartoia-datagen: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
