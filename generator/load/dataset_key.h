// A dataset's key (`key:`): the columns that name each row, used to tell changed rows from
// added and removed ones in its history.
#pragma once

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/error.h"
#include "core/value.h"

namespace firefly {

struct Dataset;

/// Reads `key` of `meta` (a column name or a list of them) into `ds.key`; names that are
/// not declared columns go to `diags` at the key.
void read_dataset_key(const Value& meta, const std::vector<std::string>& columns, Dataset& ds,
                      Diagnostics& diags);

/// Finds the data rows of a dataset whose key repeats an earlier row's, fed one row at a
/// time as the file is read (the file is read once).
class KeyUniqueCheck {
 public:
  /// For `ds` once its columns are matched to the file's header (ds.columns in its order).
  explicit KeyUniqueCheck(const Dataset& ds);
  /// Takes a data row's cells (as read) and the line it starts on.
  void row(const std::vector<std::string>& fields, int line);
  /// Reports each row whose key repeats an earlier row's, at the row's line.
  void report(const Dataset& ds, Diagnostics& diags) const;

 private:
  std::vector<int> at_;  // the key's columns
  std::string key_;
  std::unordered_map<std::string, int> first_line_;
  std::vector<std::pair<int, int>> repeats_;  // line, line of the row it repeats
};

}  // namespace firefly
