/* SPDX-License-Identifier: MPL-2.0 */
// The reference data and matcher, loaded once per process from the extension's own folder.
#pragma once

#include "cartoia/reference_data.hpp"
#include "cartoia/title_matcher.hpp"

#include <memory>
#include <mutex>

namespace cartoia::uno {

// The matchers are built on first use: a sheet with only AI_EXPOSURE does not pay for them.
class SharedData {
public:
    ReferenceData data;
    const TitleMatcher& matcher() const;       // all labels (ISCO_MAP)
    const TitleMatcher& metierMatcher() const; // référentiel only (METIER_MAP)

private:
    mutable std::once_flag matcherOnce_, metierOnce_;
    mutable std::unique_ptr<TitleMatcher> matcher_, metierMatcher_;
};

// Folder of the installed extension (where this library, data/ and templates/ are).
std::string libraryFolder();

constexpr const char* kDamagedDataMessage =
    "les données de l'extension sont endommagées ou absentes : réinstallez l'extension Carto IA Métiers";

// Loads on first use; throws com::sun::star::uno::RuntimeException when the data file is unusable.
const SharedData& sharedData();

} // namespace cartoia::uno
