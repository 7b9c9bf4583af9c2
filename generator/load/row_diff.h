// What a change did to a dataset's rows: how many were added, removed and changed.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace firefly {

/// The rows added, removed and changed between two versions of a CSV file.
struct RowDiff {
  size_t added = 0;
  size_t removed = 0;
  size_t changed = 0;
  /// Columns of the header only in the newer file, and only in the older one, in their
  /// file's order (rows are compared on the columns both have).
  std::vector<std::string> columns_added, columns_removed;
};

/// Compares the data rows of two CSV texts (headers and quoting aside: cells are compared by
/// column name, on the columns both files have; a column added or removed is named, not
/// counted as a change of every row). With `key` columns present in both, rows are matched by their
/// key: a key only in `after` is added, only in `before` removed, in both with other cells changed.
/// Without a key, runs of differing rows are paired in file order: in each run the rows
/// both sides have count as changed, the rest as added or removed.
RowDiff diff_rows(std::string_view before, std::string_view after,
                  const std::vector<std::string>& key);

}  // namespace firefly
