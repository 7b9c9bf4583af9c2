// How chart series look: colours from the Okabe–Ito palette (each 3:1 or more on white),
// told apart also by fill pattern (bars), dash and marker shape (lines).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "render/chart_data.h"

namespace firefly {

/// The display width of `s` in ems, roughly (CJK and Thai wide, Latin narrow).
double text_ems(std::string_view s);

/// The value axis: a "nice" range and step covering every value (and zero).
struct ChartScale {
  double lo = 0, hi = 1, step = 1;
  double pos(double v) const { return 100.0 * (v - lo) / (hi - lo); }  ///< 0..100 from lo
};
/// The scale covering `lo`..`hi` and zero in about five nice steps (1, 2 or 5 x 10^n).
ChartScale make_scale(double lo, double hi);
/// The scale the marks of `pts` need (stacked bars sum their positive and negative parts).
ChartScale fit_scale(const ChartData& d, const std::vector<size_t>& pts, bool stacked);

/// A value label of a line chart: the value, whether it is written below its mark, and its
/// rank: 0 for a series' last value, 1 its first, 2 its highest, 3 its lowest (the best of
/// the series whose value it is), which says which of two labels too close to stand side
/// by side keeps its place (label_plot_widths).
struct PointLabel {
  double value;
  bool below;
  int rank = 0;
  /// Written farther from its mark (LabelPlot::far), where a line runs through the nearer
  /// place.
  bool far = false;
};
/// A line chart's plot as its value labels' text boxes are measured in it, in em: its
/// height, and how far a label's baseline stands over its point (written above it) and
/// under it (written below it). The page's plot is 13.5em high (12 with values below zero),
/// its labels 0.45em over and 1.2em under their points; the SVG file's 280 px of 16.
struct LabelPlot {
  double height = 13.5;
  double over = 0.45;
  double under = 1.2;
  /// How much farther from its point a label is written when a line runs through its
  /// nearer place (PointLabel::far): a third of an em, still nearer its own mark than a
  /// line of text.
  double far = 0.3;
  /// The places of a label written farther from its point (`farther`), or this.
  LabelPlot at(bool farther) const {
    return farther ? LabelPlot{height, over + far, under + far, far} : *this;
  }
  /// The baseline (em from the plot's top) of a label of `value` written over its mark or
  /// under it (`under`).
  double baseline(const ChartScale& scale, double value, bool under) const {
    return height * (100 - scale.pos(value)) / 100 + (under ? this->under : -over);
  }
};

/// The value labels of a line chart at each drawn point: each series' first, last, lowest
/// and highest reported values only; one label for equal values at a point, and of two
/// values closer than a line of text the lower written below its mark; a third that would
/// cover one of them on either side of its mark, or one that under its mark would reach the
/// category labels under the plot, is left out, so that no label covers another text. A
/// label is written where a line (its own rising from it, another's passing just over it)
/// crosses it in the narrowest plots only (line_label_clear_width, its text as `view`
/// writes it in `plot`): over its mark, under it, or a third of an em farther over or under
/// it (LabelPlot::far), where the rules above allow it without leaving out another label
/// of the point; one that a line crosses in each place at every width takes no room.
std::vector<std::vector<PointLabel>> line_labels(const ChartData& d, const std::vector<size_t>& pts,
                                                 const ChartScale& scale,
                                                 const DataView& view = DataView{},
                                                 const LabelPlot& plot = LabelPlot{});

/// A line chart's value label with the index of the drawn category it stands over and its
/// text as shown.
struct PlacedLabel {
  size_t k;
  PointLabel label;
  std::string text;
  size_t order = 0;  ///< its place among all the labels in line_labels' order (as drawn)
};
/// The labels of line_labels with their texts (chart_value_text, with the provisional
/// mark), the most important first (PointLabel::rank), in the order of the points within
/// a rank.
std::vector<PlacedLabel> ranked_line_labels(const ChartData& d, const std::vector<size_t>& pts,
                                            const ChartScale& scale, const DataView& view,
                                            const LabelPlot& plot);

/// The least clear space (in em) between two value labels side by side on one line of
/// text: half an em, wider than a space, so that "7" over 2021 and "3" over 2022 never read
/// as "73".
inline constexpr double kLabelClearEms = 0.5;
/// Two value labels whose baselines lie closer than this (in em) stand on one line of text
/// (their boxes, about 1.2em high, overlap or nearly touch): side by side, they would read
/// as one.
inline constexpr double kLabelLineEms = 1.5;

/// Where a text stands against its point: centred on it, starting at it or ending at it.
enum class LabelAnchor { kMiddle, kStart, kEnd };
/// The anchor's name, said once for every output: the SVG text-anchor ("middle", "start",
/// "end"), and the page drawing's class of a label that starts or ends at its point
/// (chart-v-start, chart-v-end).
const char* anchor_name(LabelAnchor anchor);
/// The share of a text's width that stands before its point: 0.5, 0 or 1.
double share_before(LabelAnchor anchor);

/// A value label as the check for room beside it sees it: the index of the drawn category
/// it stands over, and its width and its baseline's height in the plot, in em.
struct LabelBox {
  size_t k;
  double width;
  double baseline;
  LabelAnchor anchor = LabelAnchor::kMiddle;  ///< where it stands (line_label_anchor)
  /// The least plot width (em) from which no line crosses it (line_label_clear_width).
  double clear = 0;
};
/// The narrowest plot, in em, that a chart's box leaves beside its y axis: a phone 320 px
/// wide at the largest text size has about 7.
inline constexpr double kNarrowPlotEms = 6;
/// Where a line chart's value label of category `k` of `n`, `width` em wide, stands against
/// its point. Point k stands k + 0.5 bands (a plot's n-th) from the plot's start and
/// n - k - 0.5 from its end: a label whose half is wider than that in the narrowest plot
/// (kNarrowPlotEms) starts at its point near the start and ends at it near the end (the
/// first and last points' labels most often, but also the next ones of a long series), so
/// that it neither covers the y axis' ticks nor reaches out of the chart's box; the others
/// are centred on their point.
inline LabelAnchor line_label_anchor(size_t k, size_t n, double width) {
  if (n < 2) return LabelAnchor::kMiddle;
  const double band = kNarrowPlotEms / static_cast<double>(n);
  // (0.6em five times is a hair over 3em: a tolerance keeps such a label as wide as it is)
  const double half = width / 2 - 1e-9;
  const bool before = (static_cast<double>(k) + 0.5) * band < half;
  const bool after = (static_cast<double>(n - k) - 0.5) * band < half;
  if (before && (!after || 2 * k + 1 < n)) return LabelAnchor::kStart;
  return after ? LabelAnchor::kEnd : LabelAnchor::kMiddle;
}
/// For each of `boxes` over a drawing of `n` categories, the most important first, the
/// least width of the plot (in em) from which it shows: there no line crosses it
/// (LabelBox::clear) and it stands kLabelClearEms or more from every more important label
/// on its line of text (kLabelLineEms) that shows there; 0 when it never comes that close,
/// infinity when it would need more than `widest` (it never shows; the table and the
/// downloads give its value).
std::vector<double> label_plot_widths(const std::vector<LabelBox>& boxes, size_t n, double widest);

/// A line chart's value label to draw, and the least width of the plot (in em) from which
/// it shows (0: at every width).
struct ShownLabel {
  PlacedLabel placed;
  double plot_ems;
  LabelAnchor anchor = LabelAnchor::kMiddle;  ///< where it stands (line_label_anchor)
};
/// The value labels of a line chart that show in a plot up to `widest` em wide, in drawing
/// order (line_labels' order), each with the width it needs (label_plot_widths); one that
/// would need more stands too close to a more important label at any width, or has a line
/// through it, and is left out: a number with a line through it cannot be read (a white
/// halo under the digits leaves the line on both sides, where it reads as part of the
/// number), and the table under the chart and the downloads give its value. `plot` gives
/// the labels' places in the plot, in em.
std::vector<ShownLabel> shown_line_labels(const ChartData& d, const std::vector<size_t>& pts,
                                          const ChartScale& scale, const DataView& view,
                                          double widest, const LabelPlot& plot);

/// How wide (in ems) each category of a column drawing of `kind` ("bar", "stacked" or
/// "target") must be for every value label to stand kLabelClearEms or more from the next:
/// each bar's value (grouped bars share the 70% of the category their bars fill), each
/// stack's total, or a target chart's actuals and `not_reported` where an actual is
/// missing, the "–" of a missing value too; `text` writes a value. Two neighbours are
/// measured by their own widths, and each label needs its own width and that space.
double bar_label_band(const ChartData& d, const std::vector<size_t>& pts, const std::string& kind,
                      const std::function<std::string(double)>& text,
                      const std::string& not_reported);

/// A number for an SVG attribute: at most two decimals, no trailing zeros, no "-0".
std::string svg_number(double v);

/// A value as a chart's labels, table and summary show it: in the view's locale, with at
/// most `decimals` digits after the point (ChartData::value_decimals for a figure, so
/// 1.584 stays 1.584; two for an axis tick), no "-0".
std::string chart_value_text(double v, const DataView& view, int decimals = 2);

/// The colour of series `k` (a hex colour).
const char* series_colour(size_t k);
/// The stroke-dasharray of a line of series `k` ("" for solid).
const char* series_dash(size_t k);

/// The <svg> holding the patterns and markers of the chart `id` (always rendered, so the
/// marks of either layout can use them), with the patterns of the fifth to eighth series
/// only when it has that many `series`.
std::string chart_defs(const std::string& id, size_t series);

/// fill/stroke attributes of a bar of series `k`.
std::string series_paint(const std::string& id, size_t k);
/// stroke attributes of a line of series `k`.
std::string series_stroke(size_t k);
/// A marker of series `k` centred at (x, y) (SVG lengths).
std::string series_marker(const std::string& id, size_t k, const std::string& x,
                          const std::string& y);

/// Legend keys: a small <svg> showing a bar, a line with its marker, or the target mark.
std::string bar_key(const std::string& id, size_t k);
std::string line_key(const std::string& id, size_t k);
std::string target_key();

}  // namespace firefly
