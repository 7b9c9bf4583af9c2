// A dataset's metadata file (data/<name>.yaml): every key but the rows, read into a Dataset.
#pragma once

#include <optional>
#include <vector>

#include "core/error.h"
#include "core/value.h"
#include "load/dataset.h"

namespace firefly {

/// Reads the metadata map `meta` into `ds` (whose name and paths are set), reporting into
/// `diags`; returns the declared columns, or nothing when 'columns' is not a list of
/// columns. `*all_named` is false when an entry could not be read as a column (then the CSV
/// header cannot be matched against them).
std::optional<std::vector<Column>> read_dataset_metadata(const Value& meta, Dataset& ds,
                                                         Diagnostics& diags, bool* all_named);

}  // namespace firefly
