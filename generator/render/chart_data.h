// The numbers a chart plots: one value per category (x) and series (y column), rows
// sharing an x summed, and at most a bounded number of drawn points.
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "load/dataset.h"
#include "render/data_table.h"

namespace firefly {

/// A value no row reported (a gap in a series, "not reported" in a target chart).
inline constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();
/// What a drawing shows where a category has no value: the "–" of the table beside it.
inline constexpr const char* kNoValueMark = "–";
/// True when `v` is a reported value.
inline bool has_value(double v) { return !std::isnan(v); }

/// The most points a chart draws; longer series are reduced to each bucket's first,
/// lowest, highest and last points (the shape, peaks and troughs survive).
inline constexpr size_t kMaxDrawnPoints = 800;

/// The mark of a provisional figure on a chart's labels ("1,043*"), which its note explains.
inline constexpr const char* kProvisionalMark = "*";

/// The most categories a chart's summary names in one list ("A, B, C and 2 more").
inline constexpr size_t kSummaryNamed = 3;

/// One plotted column.
struct ChartSeries {
  std::string column;          ///< the column name
  std::string name;            ///< its title in the reader's language
  std::string unit;            ///< its unit ("" when none)
  std::vector<double> values;  ///< one per category; kNoValue when no row reported one
  std::string name_lang = {};  ///< the `lang` its name needs ("" = the reader's language)
  std::string unit_lang = {};  ///< the `lang` its unit needs ("" = the reader's language)
  /// The most digits after the decimal point among the cells summed into its values (2 for
  /// "86.90"), to which the sums are rounded when written (chart_number); -1 when unknown.
  int decimals = -1;
  /// True when its column's unit is `unit: percent` or "%" in any language: the summary
  /// writes its figures with "%" and a change in percentage points.
  bool percent = false;
};

/// The categories and series of a chart.
struct ChartData {
  std::vector<Value> x;  ///< the categories (typed), in plotting order
  /// As shown (years ungrouped, dates localized); when the drawing is reduced, only the
  /// drawn categories and each series' first and last reported one have theirs ("" else).
  std::vector<std::string> x_labels;
  /// The labels under a vertical drawing where they are written shorter than x_labels (a
  /// monthly series' months abbreviated: "Jan 2019", "108年1月"), for the same categories;
  /// empty when they are x_labels. The table and the summary keep x_labels.
  std::vector<std::string> x_axis_labels;
  /// With x_axis_labels of months, each one's year as the axis writes it where its months
  /// do not fit ("2019", "108年"); empty else.
  std::vector<std::string> x_year_labels;
  /// The categories in a year when x is a series of months, quarters or half years drawn
  /// whole (12, 4 or 2), by which the axis' labels are thinned (one a year, not every
  /// tenth month); 0 else.
  size_t x_cycle = 0;
  /// The `lang` the category labels need: when they are text categories, their column's
  /// language when it is not the reader's (DataView::cell_lang), else "".
  std::string x_lang;
  std::vector<ChartSeries> series;  ///< in the order of the spec's y
  size_t total_points = 0;          ///< categories before any reduction
  /// True when x is a set of text categories (districts, kinds of award) rather than a
  /// sequence (years, dates, numbers, a plan's periods): the summary then names the
  /// largest and smallest instead of the first, the last and the change.
  bool categories = false;
  /// Per category, true when a row summed into it is marked provisional
  /// (provisional_column); empty when none is.
  std::vector<bool> provisional = {};

  size_t size() const { return x.size(); }
  /// The label of category `i` under a vertical drawing (x_axis_labels, else x_labels).
  const std::string& axis_label(size_t i) const {
    return x_axis_labels.empty() ? x_labels[i] : x_axis_labels[i];
  }
  /// True when the figures of category `i` are provisional.
  bool is_provisional(size_t i) const { return i < provisional.size() && provisional[i]; }
  /// `text` (a figure or a category of `i`) with the provisional mark when its figures are
  /// provisional.
  std::string marked(size_t i, std::string text) const {
    if (is_provisional(i)) text += kProvisionalMark;
    return text;
  }
  /// The provisional categories, in order.
  std::vector<size_t> provisional_categories() const {
    std::vector<size_t> out;
    for (size_t i = 0; i < provisional.size(); ++i) {
      if (provisional[i]) out.push_back(i);
    }
    return out;
  }
  /// The digits after the point a value of the chart is written with: the most any of its
  /// series' cells have, and at least two (so a sum's binary noise never shows); a figure
  /// is never rounded on its way from the CSV to a label, the table or the summary.
  int value_decimals() const {
    int most = 2;
    for (const ChartSeries& s : series) most = std::max(most, s.decimals);
    return std::min(most, 15);
  }
  /// True when some series has a value at category `i` (a stack there has a total).
  bool reported(size_t i) const {
    for (const ChartSeries& s : series) {
      if (has_value(s.values[i])) return true;
    }
    return false;
  }
};

/// `v` as a plain decimal ("3.3", "-0.25", "15"), the one way a chart's data file writes
/// its numbers: rounded to `decimals` digits after the point (a sum of 1.1 and 2.2 is 3.3,
/// not the binary noise 3.3000000000000003), then without trailing zeros; the shortest
/// text that reads back as `v` when `decimals` is negative (unknown).
std::string chart_number(double v, int decimals);

/// The digits after the decimal point in the number `text` as a CSV cell writes it
/// ("86.90": 2, "15": 0, "1.5e-3": 4), at most 17; 0 for a text that is not a decimal.
int decimals_in(std::string_view text);

/// Collects `spec` from the rows `*rows` of `ds` (every row when null): rows whose x is
/// present and that report at least one y; rows sharing an x are summed per series (see
/// chart_group.h); ordered by x when x is a number or date, else by first appearance.
/// Over years (chart_x_is_years), every year from the first to the last reported one is a
/// category: a year no row reports a value for is a gap (kNoValue in every series), unless
/// the spec's `x_kept` (a `where:` on x) leaves it out. The same over a date column whose
/// dates are a series at one step with some skipped (date_series), the dates of rows with
/// empty cells counted among them, and for every date between the first and the last
/// with a value whose row reports none.
/// Categories that a provisional row (provisional_column) reports a value for are marked
/// in `provisional`.
ChartData chart_data(const Dataset& ds, const ChartSpec& spec, const std::vector<size_t>* rows,
                     const DataView& view);

/// The index of the column of `ds` that marks a row's figures provisional, or -1: a
/// column whose `values:` name the code `provisional` (docs: "Provisional, estimated and
/// footnoted figures"); a row whose cell there is that code is provisional.
int provisional_column(const Dataset& ds);

/// True when the categories `x` of a chart over `column` of `ds` are years: whole numbers
/// from 1 to 9999 in a year column (is_year_column: "year", "tahun", "年度", a column
/// titled "Tahun", ...), or an integer column whose values all lie in the years of the dataset's
/// period
/// (`temporal:` in years). Text, date and number columns are never years here.
bool chart_x_is_years(const Dataset& ds, const Column& column, const std::vector<Value>& x);

/// The categories between the first and the last reported value of `series` that have no
/// value (where its line breaks), in order.
std::vector<size_t> series_gaps(const ChartSeries& series);

/// The categories to draw: every index when there are at most `max_points`, else for each
/// of max_points/4 buckets its first, last and each series' lowest and highest point.
std::vector<size_t> drawn_points(const ChartData& data, size_t max_points = kMaxDrawnPoints);

}  // namespace firefly
