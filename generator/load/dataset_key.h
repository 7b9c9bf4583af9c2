// A dataset's key (`key:`): the columns that name each row, used to tell changed rows from
// added and removed ones in its history.
#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "core/value.h"

namespace firefly {

struct Dataset;

/// Reads `key` of `meta` (a column name or a list of them) into `ds.key`; names that are
/// not declared columns go to `diags` at the key.
void read_dataset_key(const Value& meta, const std::vector<std::string>& columns, Dataset& ds,
                      Diagnostics& diags);

/// Reports each data row of `ds` whose key repeats an earlier row's (at the row's line).
void check_key_unique(const Dataset& ds, Diagnostics& diags);

}  // namespace firefly
