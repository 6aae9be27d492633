/* SPDX-License-Identifier: MPL-2.0 */
// The reference data and matcher, loaded once per process from the extension's own folder.
#pragma once

#include "cartoia/reference_data.hpp"
#include "cartoia/title_matcher.hpp"

#include <memory>

namespace cartoia::uno {

struct SharedData {
    ReferenceData data;
    std::unique_ptr<TitleMatcher> matcher;        // all labels (ISCO_MAP)
    std::unique_ptr<TitleMatcher> metierMatcher;  // référentiel only (METIER_MAP)
};

// Folder of the installed extension (where this library, data/ and templates/ are).
std::string libraryFolder();

// Loads on first use; throws com::sun::star::uno::RuntimeException when the data file is unusable.
const SharedData& sharedData();

} // namespace cartoia::uno
