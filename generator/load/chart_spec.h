// Reading a chart's x, y and kind (a dataset's `chart:` metadata or a ```chart block).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/value.h"
#include "load/dataset.h"

namespace firefly {

/// The most columns one chart's `y` may name (series past the eighth look as earlier ones).
inline constexpr size_t kMaxChartSeries = 50;

/// Where chart fields are read from and where their mistakes are reported.
struct ChartFieldsSource {
  const std::string& path;             ///< the file named in errors
  Pos fallback;                        ///< position for values that carry none
  const std::vector<Column>& columns;  ///< the dataset's columns
  std::string where;  ///< how errors name the chart: "'chart'" or "dataset 'awards'"
};

/// Reads x (a column), y (a number column or a list of them), kind (kChartKinds, default
/// bar) from `block` into `spec`. Reports a missing or unknown column, a y that is not a
/// number column, an unknown kind, and a target chart whose y is not [target, actual].
/// Returns false when something was reported.
bool read_chart_fields(const Value& block, const ChartFieldsSource& src, Diagnostics& diags,
                       ChartSpec& spec);

/// Reads kind (kChartKinds, default bar) from `block` into `spec`, reporting an unknown one:
/// the part of read_chart_fields that needs no columns (a block over a dataset left out for
/// its errors is checked this far). Returns false when something was reported.
bool read_chart_kind(const Value& block, const ChartFieldsSource& src, Diagnostics& diags,
                     ChartSpec& spec);

/// A column whose figures are percentages: `unit: percent`, or "%" as its unit in any
/// language ({zh-TW: "%", en: percent}).
bool is_percent_column(const Column& col);

/// The first x (as its text) that two of the rows `*rows` of `ds` (every row when null)
/// share while both give a figure in a percent column of `spec.y`: a chart adds the figures
/// of rows sharing an x, and would draw two rows of 80% as 160%. nullopt when there is none.
std::optional<std::string> percent_summed_x(const Dataset& ds, const ChartSpec& spec,
                                            const std::vector<size_t>* rows);

}  // namespace firefly
