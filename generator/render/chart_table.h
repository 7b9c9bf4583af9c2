// The data table under a chart: the values the chart draws, one row per category (x) and
// one column per series, made from the chart's own ChartData (the numbers of its drawing,
// summary, CSV and SVG), never from the dataset's rows again.
#pragma once

#include <string>

#include "load/dataset.h"
#include "render/chart_data.h"
#include "render/data_table.h"

namespace firefly {

/// A <table> of `data` (the chart of `spec` over `ds`): a <caption> per `table` (its
/// caption, id, max_rows and all_rows_url; its columns and where are not read: `data`
/// has the chart's rows already), the x column's heading and each series' column heading
/// (scope="col"), then for each category its label as a row header (scope="row", a date in
/// <time datetime>; "(provisional)" after it when its figures are) and each series' value as
/// the chart writes it, or "no value" (a gap).
std::string render_chart_table(const Dataset& ds, const ChartSpec& spec, const ChartData& data,
                               const TableSpec& table, const DataView& view);

}  // namespace firefly
