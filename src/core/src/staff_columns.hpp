// SPDX-License-Identifier: MPL-2.0
// Column detection internals shared with the staff table reader.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace cartoia::staff {

// A column as named in messages: its header, or "colonne 3 sans titre".
std::string columnName(const std::vector<std::string>& header, std::size_t column);

// What detectColumns would make of a row of names: fields mapped, and how many by an exact synonym.
struct FieldsRecognised {
    int fields = 0;
    int exact = 0;
};
FieldsRecognised recogniseFields(const std::vector<std::string>& names);

} // namespace cartoia::staff
