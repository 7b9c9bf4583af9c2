// The drawing of a chart as HTML with inline SVG marks: vertical columns (chart_columns.cpp)
// and horizontal rows, one per category, with the legend (chart_rows.cpp). Every text is
// page text in em; only the marks stretch with the width.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "render/chart_data.h"
#include "render/chart_style.h"
#include "render/data_table.h"

namespace firefly {

/// No value labels on the bars (they fit at no width).
inline constexpr int kNoBarLabels = -1;

/// The chart box widths (in em) from which a line chart's value label that needs room
/// beside another shows (class `chart-v-<em>`; style.css hides it in narrower boxes): from
/// a phone at the largest text size (under 10em) to a wide page.
inline constexpr std::array<int, 14> kLineLabelWidths = {4,  6,  8,  10, 12, 14, 16,
                                                         20, 24, 32, 40, 48, 64, 80};

/// A value label's baseline over its mark (dy) and under it (below a negative value's),
/// in em.
inline constexpr double kLabelOverEms = 0.45;
inline constexpr double kLabelUnderEms = 1.2;

/// The chart box widths (in em) from which more x labels show (class `x-<em>`): every width,
/// then a phone's 320 px at the largest text size (a data page's chart box is 9.75em there),
/// wider boxes, and so on; the most labels each shows; under 30em long labels wrap at their
/// spaces (and between Chinese characters).
inline constexpr std::array<int, 11> kXLabelBoxes = {0, 9, 12, 14, 16, 18, 20, 24, 30, 40, 50};
inline constexpr std::array<size_t, 11> kXLabelMost = {3, 3, 3, 4, 4, 5, 5, 6, 8, 10, 14};
inline constexpr int kXLabelWrapBelow = 30;

/// `v` percent as an SVG coordinate ("12.5%").
std::string chart_pct(double v);

/// A chart of `d` being drawn: the categories `pts`, its kind and its scale.
struct ChartDrawing {
  const ChartData& d;
  const std::vector<size_t>& pts;  // the categories drawn
  const std::string& kind;         // bar, stacked, hbar, line or target
  const std::string& id;
  const DataView& view;
  ChartScale scale;
  /// Bar value labels: shown at every width (0), from a box of this many em, or never
  /// (kNoBarLabels); always all of them or none.
  int label_width = 0;
  /// The width of the y axis' ticks beside the plot, in em (--y-w).
  double y_ems = 0;

  bool stacked() const { return kind == "stacked"; }
  bool target() const { return kind == "target"; }
  /// A target chart whose third series is the upper end of a target range.
  bool range() const { return target() && m() > 2; }
  size_t m() const { return d.series.size(); }

  void fit() { scale = fit_scale(d, pts, stacked()); }

  /// The widest drawn category label under the drawing (ChartData::axis_label), in em.
  double x_label_ems() const {
    double w = 0;
    for (size_t i : pts) w = std::max(w, text_ems(d.axis_label(i)));
    return w;
  }

  // The vertical drawing (chart_columns.cpp).

  /// Each drawn category's x label as an <li>: its class `x-<em>` says from which box width
  /// (kXLabelBoxes) it shows, none when it never does (thin_x_labels: the first and
  /// the last, and as many between as stand an em apart, at most 3 in the narrowest box
  /// and 14 in the widest); its point's place in the plot (--p) the centre of the widest
  /// stretch of the chart's box around it (`x-e`: in the axis' second half), in which
  /// style.css centres it or, wider, keeps it against the box's nearer end. A monthly
  /// axis whose months show fewer than two labels in a box writes its years there instead
  /// (ChartData::x_year_labels, one a year at most): each <li> has both, and `years_below`
  /// is set to the box width (kXLabelBoxes) under which the years show (0: never).
  std::vector<std::string> x_label_items(bool long_labels, double wrap_ems, int& years_below) const;
  /// The centre of drawn category `k`, in percent of the plot's width.
  double centre(size_t k) const;
  /// A line chart's value labels (line_labels): of two on one line of text that stand
  /// closer than kLabelClearEms in a narrow box, the less important (PointLabel::rank)
  /// shows only from the box width (kLineLabelWidths) at which they stand clear, or never.
  std::string line_value_labels() const;
  /// `v` written above its mark at x (below a negative one, or when `below`), its baseline
  /// kLabelOverEms over the mark or kLabelUnderEms under it, and `farther` em more;
  /// `shown` replaces the number. A label that shows only in a box `from_ems` wide or wider
  /// has the class `chart-v-<from_ems>` (kLineLabelWidths; 0: it shows at every width); one
  /// that starts or ends at its point (`anchor`: line_label_anchor) `chart-v-start` or
  /// `chart-v-end`.
  std::string value_label(double x, double v, bool below = false, const std::string& shown = {},
                          int from_ems = 0, LabelAnchor anchor = LabelAnchor::kMiddle,
                          double farther = 0) const;
  /// The mark of a category without a value, at the zero line above x: the "–" the table
  /// beside the drawing shows, hidden from screen readers (the drawing's text alternative
  /// and the table say "no value" in words).
  std::string no_value_label(double x) const;
  /// A bar of series `k` from `from` to `to`, `w` wide from `x`.
  std::string bar_rect(double x, double w, double from, double to, size_t k) const;
  /// The vertical drawing: y ticks, gridlines, marks, value labels and x labels.
  std::string columns() const;
  /// The dashed target mark across a group of width `w` from `left`, at value `v`.
  std::string target_line(double left, double w, double v) const;

  // The horizontal drawing and the legend (chart_rows.cpp).

  /// One horizontal bar line: the bar(s), and the value written just past the bar's end
  /// (`end`, the largest value the marks reach; the space after the longest bar is kept
  /// free for it).
  /// A line of no value (`none`) shows the table's "–" at the zero line instead, hidden
  /// from screen readers as no_value_label is.
  /// A negative stack's total (`before`) is written just before the bar's left end.
  std::string row_line(const std::string& marks, const std::string& text, double end,
                       bool none = false, bool before = false) const;
  /// A horizontal bar of series `k` from `from` to `to`.
  std::string hrect(double from, double to, size_t k) const;
  /// The horizontal drawing: one row per category, its name above its bars.
  std::string rows() const;
  /// A target's outlined bar from `from` to `to` in a row.
  std::string target_rect(double from, double to) const;
  /// The legend of a chart of several series: each one's key (fill, dash or target mark)
  /// and name; "" for one series.
  std::string legend() const;
};

}  // namespace firefly
