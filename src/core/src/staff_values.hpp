// SPDX-License-Identifier: MPL-2.0
// Value checks shared with the staff table reader (parseEtp and normaliseCategorie are public).
#pragma once
#include <string_view>

namespace cartoia::staff {

// A catégorie cell that says there is none: "hors catégorie", "HC", "NC", "sans", empty.
bool isNoCategory(std::string_view cell);

} // namespace cartoia::staff
