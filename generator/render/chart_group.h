// Grouping a chart's rows into categories: rows sharing an x become one category whose
// y values are summed per series.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "load/dataset.h"
#include "render/chart_data.h"

namespace firefly {

/// The columns a chart reads: its x column and its plotted y columns (indexes into
/// Dataset::columns).
struct ChartColumns {
  int x = -1;
  std::vector<int> y;
};

/// Groups the rows `*rows` of `ds` (every row when null) by a plain number x (an integer or
/// number column) by sorting (x, row) pairs and folding equal x: no typed value and no hash
/// lookup per row. Fills `out.x` (ascending) and one value per category in each of
/// `out.series` (one series per `cols.y`, already made). A row whose x is empty or that
/// reports no y is skipped. Returns false, leaving `out` as it was, when a present x cell is
/// not a plain finite number (a dataset made without checks); group_by_value then applies.
bool group_by_number(const Dataset& ds, const ChartColumns& cols, const std::vector<size_t>* rows,
                     ChartData& out);

/// Groups like group_by_number for any x, keyed by its typed value (chart_x_key: whole
/// numbers as integers, other numbers by value, else by text) in a hash map: ordered by x for
/// number and date columns, else by first appearance. The x (as text) of each row skipped for
/// reporting no y is added to
/// `*without_value` when it is given: a series of dates shows those as gaps.
void group_by_value(const Dataset& ds, const ChartColumns& cols, const std::vector<size_t>* rows,
                    ChartData& out, std::vector<std::string>* without_value = nullptr);

}  // namespace firefly
