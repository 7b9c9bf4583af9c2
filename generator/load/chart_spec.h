// Reading a chart's x, y and kind (a dataset's `chart:` metadata or a ```chart block).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>
#include <variant>
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

/// How a chart tells its x values apart when it groups rows (render/chart_group): a whole
/// number (of an integer column) by its value as a 64-bit integer, so that whole numbers
/// past 2^53 stay apart; any other number by its value (2021 and 2021.0 are one x, 2021.5
/// another); anything else, NaN too, by its text.
using ChartXKey = std::variant<std::int64_t, double, std::string>;

/// The key of `x`, a typed cell that is not null.
ChartXKey chart_x_key(const Value& x);

/// Finds the first x that two rows share while both give a figure in a percent column of a
/// chart's y: a chart adds the figures of rows sharing an x, and would draw two rows of 80%
/// as 160%. Fed one row at a time, each row's typed cells of columns() then end_row():
/// build_dataset feeds it the cells it types as it checks the file, percent_summed_x the
/// rows a page's chart keeps.
class PercentSumCheck {
 public:
  PercentSumCheck(const std::vector<Column>& columns, const ChartSpec& spec);
  /// Whether a row can matter: x is a column and some y a percent column.
  bool active() const { return !percent_.empty() && x_column_ >= 0; }
  /// The columns whose typed cells a row gives: x, then the percent columns.
  const std::vector<size_t>& columns() const { return wanted_; }
  /// Whether column `c` is one of columns().
  bool reads(size_t c) const { return c < role_.size() && role_[c] != kNone; }
  /// Takes the current row's typed cell of column `c` (null for an empty or missing one).
  void cell(size_t c, Value typed);
  /// Ends the current row: its x is shared when a percent column it gives a figure in
  /// already had one at that x.
  void end_row();
  /// The first shared x (as its text), once found.
  const std::optional<std::string>& shared() const { return shared_; }

 private:
  static constexpr int kNone = -2, kX = -1;  // role_: else the index into percent_
  int x_column_ = -1;
  std::vector<size_t> percent_;
  std::vector<size_t> wanted_;
  std::vector<int> role_;  // per column
  Value x_;
  std::vector<char> figure_;  // per percent column: the current row gives one
  std::vector<std::unordered_set<ChartXKey>> seen_;  // per percent column, the x it has
  std::optional<std::string> shared_;
};

/// The first x (as its text) that two of the rows `*rows` of `ds` (every row when null)
/// share while both give a figure in a percent column of `spec.y` (PercentSumCheck).
/// nullopt when there is none.
std::optional<std::string> percent_summed_x(const Dataset& ds, const ChartSpec& spec,
                                            const std::vector<size_t>* rows);

}  // namespace firefly
