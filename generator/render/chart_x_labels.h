// Which category labels under a chart's columns show in which width of box: thinned to
// what stands clear side by side, always the first and, where it stands clear of it, the
// last; each kept inside the chart's box (a label wider than the stretch of the box centred
// on its point rests against the box's nearer end: under the y axis' ticks at the start).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace firefly {

/// The least space (in em) between two shown x labels.
inline constexpr double kXLabelClearEms = 1;

/// One width of box the x labels are thinned for: the plot's width in em (the box less the
/// y axis' ticks), the most labels it shows, each category's label width in em there, and
/// the room before the plot's start (the y axis' ticks above it) a label may reach into.
struct XLabelRoom {
  double plot = 0;
  size_t most = 0;
  std::vector<double> widths;
  double before = 0;
  /// When its labels are years: the categories in a year (ChartData::x_cycle). They then
  /// stand a whole number of years apart, and none less than a year before the last.
  size_t year = 0;
};

/// Where the label of category `k` of `n` starts in a plot `plot` em wide when it is
/// `width` em wide: centred on its point, but never more than `before` em before the
/// plot's start (the chart box's start) nor, when it fits, past the plot's end.
double x_label_left(size_t k, size_t n, double width, double plot, double before = 0);

/// For each of `rooms`, widest first, the categories whose labels show there, in order:
/// every s-th from the first (s as small as lets them stand kXLabelClearEms apart, at
/// most `most`) and the last, less those of them that would stand too close to the last;
/// each room's a part of the wider room's before it, so that a label shown in a box shows
/// in every wider one. The first always shows; the last unless it cannot stand clear of
/// the first. With a `cycle` (the categories in a year: 12 months, 4 quarters), s divides
/// it or is a multiple of it: every month, quarter or half year, or one a year, every two
/// years, never every fifth or tenth month.
std::vector<std::vector<size_t>> thin_x_labels(const std::vector<XLabelRoom>& rooms,
                                               size_t cycle = 0);

/// Which of an axis' labels show in which width of box (kXLabelBoxes).
struct XLabelChoice {
  /// Per category, the box width (kXLabelBoxes) from which its label shows; -1: never.
  std::vector<int> from;
  /// The box width under which the years show instead of the months (0: never).
  int years_below = 0;
};

/// The choice of thin_x_labels for `labels` under a plot beside y axis' ticks `y_ems`
/// wide, in each box of kXLabelBoxes (at most kXLabelMost labels; under kXLabelWrapBelow
/// a `long_labels` axis' wrap to `wrap_ems`), each label allowed under the ticks; with
/// `years` (a monthly axis' years; empty: none) and its `cycle` (ChartData::x_cycle), the
/// years where the months show fewer than two labels, from that box down.
XLabelChoice choose_x_labels(const std::vector<std::string>& labels,
                             const std::vector<std::string>& years, size_t cycle, double y_ems,
                             bool long_labels, double wrap_ems);

/// The least width (in em) in which `label` takes at most two lines, broken at a space or
/// beside a Chinese character (where a browser breaks a line too): its wider part at the
/// best break, or the whole label when it has none.
double two_line_ems(const std::string& label);

/// The width (in em) long labels wrap to in narrow boxes: each of `labels` in two lines at
/// most, with a tenth to spare (a font's letters are wider than text_ems says, or narrower).
double x_label_wrap_ems(const std::vector<std::string>& labels);

}  // namespace firefly
