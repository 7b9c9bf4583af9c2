#include "render/chart_line_labels.h"

#include <algorithm>
#include <limits>
#include <utility>

namespace firefly {

double line_label_clear_width(const ChartData& d, const std::vector<size_t>& pts,
                              const ChartScale& scale, const LabelPlot& plot, size_t k,
                              double value, bool under, double width, LabelAnchor anchor) {
  // Heights in em from the plot's top; places along the plot in bands, point i at i + 0.5.
  auto height = [&](double v) { return plot.height * (100 - scale.pos(v)) / 100; };
  const double baseline = plot.baseline(scale, value, under);
  const double top = baseline - kLabelAscentEms - kLineHalfEms;
  const double bottom = baseline + kLabelDescentEms + kLineHalfEms;
  const double centre = static_cast<double>(k) + 0.5;
  const double before = share_before(anchor) * width, after = width - before;
  const double n = static_cast<double>(pts.size());
  double need = 0;
  for (const ChartSeries& s : d.series) {
    for (size_t i = 0; i + 1 < pts.size(); ++i) {
      const double a = s.values[pts[i]], b = s.values[pts[i + 1]];
      if (!has_value(a) || !has_value(b)) continue;
      // The part of the line from point i to i + 1 within the box's height.
      const double ya = height(a), yb = height(b);
      double from = 0, to = 1;
      if (ya == yb) {
        if (ya < top || ya > bottom) continue;
      } else {
        double t0 = (top - ya) / (yb - ya), t1 = (bottom - ya) / (yb - ya);
        if (t0 > t1) std::swap(t0, t1);
        from = std::max(from, t0);
        to = std::min(to, t1);
        if (from > to) continue;
      }
      const double u0 = static_cast<double>(i) + 0.5 + from;
      const double u1 = static_cast<double>(i) + 0.5 + to;
      if (u0 <= centre && centre <= u1) return std::numeric_limits<double>::infinity();
      // The box spans `before` * n / W bands before its point and `after` * n / W after it
      // in a plot W em wide: it reaches that part of the line up to W = before * n / gap.
      if (u1 < centre) {
        need = std::max(need, before * n / (centre - u1));
      } else {
        need = std::max(need, after * n / (u0 - centre));
      }
    }
  }
  return need;
}

}  // namespace firefly
