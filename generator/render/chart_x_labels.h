// Which category labels under a chart's columns show in which width of box: thinned to
// what stands clear side by side, always the first and, where it stands clear of it, the
// last; each kept inside the axis (a label wider than the stretch of axis centred on its
// point rests against the nearer end).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace firefly {

/// The least space (in em) between two shown x labels.
inline constexpr double kXLabelClearEms = 1;

/// One width of box the x labels are thinned for: the plot's width in em (the box less the
/// y axis' ticks), the most labels it shows, and each category's label width in em there.
struct XLabelRoom {
  double plot = 0;
  size_t most = 0;
  std::vector<double> widths;
};

/// Where the label of category `k` of `n` starts in a plot `plot` em wide when it is
/// `width` em wide: centred on its point, but never before the plot's start nor, when it
/// fits, past its end.
double x_label_left(size_t k, size_t n, double width, double plot);

/// For each of `rooms`, widest first, the categories whose labels show there, in order:
/// every s-th from the first (s as small as lets them stand kXLabelClearEms apart, at
/// most `most`) and the last, less those of them that would stand too close to the last;
/// each room's a part of the wider room's before it, so that a label shown in a box shows
/// in every wider one. The first always shows; the last unless it cannot stand clear of
/// the first.
std::vector<std::vector<size_t>> thin_x_labels(const std::vector<XLabelRoom>& rooms);

/// The least width (in em) in which `label` takes at most two lines, broken at a space or
/// beside a Chinese character (where a browser breaks a line too): its wider part at the
/// best break, or the whole label when it has none.
double two_line_ems(const std::string& label);

/// The width (in em) long labels wrap to in narrow boxes: each of `labels` in two lines at
/// most, with a tenth to spare (a font's letters are wider than text_ems says, or narrower).
double x_label_wrap_ems(const std::vector<std::string>& labels);

}  // namespace firefly
