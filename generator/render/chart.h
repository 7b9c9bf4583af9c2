// Bar and line charts of a dataset as static, accessible SVG (no JavaScript).
#pragma once

#include <string>
#include <vector>

#include "load/dataset.h"
#include "render/data_table.h"

namespace firefly {

/// The points a chart plots: rows with both x and y present, rows sharing an x summed,
/// ordered by x when x is a number or date (else in order of first appearance).
struct ChartPoints {
  std::vector<Value> x;               ///< the x values (typed)
  std::vector<double> y;              ///< the plotted values
  std::vector<std::string> x_labels;  ///< x as shown (years ungrouped, dates localized)
};

/// Collects the points of `spec` from the rows `*rows` of `ds` (every row when null).
ChartPoints chart_points(const Dataset& ds, const ChartSpec& spec, const std::vector<size_t>* rows,
                         const DataView& view);

/// A one-sentence summary of the trend ("Awards rose from 1 in 2013 to 7 in 2022; the
/// highest value was 9 in 2020."), localized through t.chart_summary_*.
std::string chart_summary(const Dataset& ds, const ChartSpec& spec, const ChartPoints& points,
                          const DataView& view);

/// An <svg role="img"> with <title> and <desc> (the summary), axis titles, gridlines,
/// localized tick and value labels, Okabe–Ito blue marks (5:1 on white), markers on lines.
/// `rows` as for chart_points; `id` makes the title/desc ids unique on the page.
std::string render_chart_svg(const Dataset& ds, const ChartSpec& spec,
                             const std::vector<size_t>* rows, const std::string& id,
                             const DataView& view);

}  // namespace firefly
