#include <algorithm>
#include <array>
#include <cmath>

#include "core/language_tag.h"
#include "core/text.h"
#include "render/chart_draw.h"
#include "render/chart_x_labels.h"

namespace firefly {

namespace {

/// Category labels wider than this (in em) wrap at their spaces in narrow boxes.
constexpr double kLongXLabelEms = 4;

}  // namespace

std::string chart_pct(double v) { return svg_number(v) + "%"; }

double ChartDrawing::centre(size_t k) const {
  return 100.0 * (static_cast<double>(k) + 0.5) /
         static_cast<double>(std::max<size_t>(pts.size(), 1));
}

std::vector<std::string> ChartDrawing::x_label_items(bool long_labels, double wrap_ems,
                                                     int& years_below) const {
  const size_t n = pts.size();
  std::vector<std::string> labels, years;
  for (size_t i : pts) labels.push_back(d.marked(i, d.axis_label(i)));
  if (!d.x_year_labels.empty() && d.x_cycle > 0) {
    for (size_t i : pts) years.push_back(d.marked(i, d.x_year_labels[i]));
  }
  const XLabelChoice choice =
      choose_x_labels(labels, years, d.x_cycle, y_ems, long_labels, wrap_ems);
  years_below = choice.years_below;
  const std::vector<int>& from = choice.from;
  std::vector<std::string> items;
  for (size_t k = 0; k < n; ++k) {
    // Its point's place in the plot (--p, percent), around which style.css stretches the
    // item as far as the box's nearer end; a label wider than that rests against the start
    // (under the y axis' ticks) or, for a point in the second half (x-e), the end.
    const bool end = 2 * k + 1 > n;
    std::string c = from[k] >= 0 ? "x-" + std::to_string(from[k]) : "";
    if (end) c += c.empty() ? "x-e" : " x-e";
    std::string text = "<span>" + html_escape(labels[k]) + "</span>";
    if (years_below > 0) {
      text = "<span class=\"x-mo\">" + html_escape(labels[k]) + "</span><span class=\"x-yr\">" +
             html_escape(years[k]) + "</span>";
    }
    items.push_back("<li" + (c.empty() ? "" : " class=\"" + c + "\"") +
                    " style=\"--p:" + svg_number(centre(k)) + "\"" + lang_attribute(d.x_lang) +
                    ">" + text + "</li>\n");
  }
  return items;
}

std::string ChartDrawing::line_value_labels() const {
  // The plot's height in em (style.css: .chart-plot-row, less room under it below zero),
  // and a label's baseline over or under its point (value_label's dy).
  const LabelPlot plot{scale.lo < 0 ? 12 : 13.5, kLabelOverEms, kLabelUnderEms};
  std::string s;
  for (const ShownLabel& l :
       shown_line_labels(d, pts, scale, view, kLineLabelWidths.back() - y_ems, plot)) {
    int from = 0;
    if (l.plot_ems > 0) {
      for (int w : kLineLabelWidths) {
        if (l.plot_ems + y_ems <= w) {
          from = w;
          break;
        }
      }
    }
    s += value_label(centre(l.placed.k), l.placed.label.value, l.placed.label.below, l.placed.text,
                     from, l.anchor, l.placed.label.far ? plot.far : 0);
  }
  return s;
}

std::string ChartDrawing::value_label(double x, double v, bool below, const std::string& shown,
                                      int from_ems, LabelAnchor anchor, double farther) const {
  double y = 100 - scale.pos(v);
  std::string from = from_ems ? " chart-v-" + std::to_string(from_ems) : "";
  if (anchor != LabelAnchor::kMiddle) from += std::string(" chart-v-") + anchor_name(anchor);
  const double dy = v >= 0 && !below ? -kLabelOverEms - farther : kLabelUnderEms + farther;
  return "<text class=\"chart-v" + from + "\" x=\"" + chart_pct(x) + "\" y=\"" + chart_pct(y) +
         "\" dy=\"" + svg_number(dy) + "em\">" +
         html_escape(shown.empty() ? chart_value_text(v, view, d.value_decimals()) : shown) +
         "</text>\n";
}

std::string ChartDrawing::no_value_label(double x) const {
  return "<text class=\"chart-v chart-none\" aria-hidden=\"true\" x=\"" + chart_pct(x) + "\" y=\"" +
         chart_pct(100 - scale.pos(0)) + "\" dy=\"-0.45em\">" + kNoValueMark + "</text>\n";
}

std::string ChartDrawing::bar_rect(double x, double w, double from, double to, size_t k) const {
  double a = 100 - scale.pos(std::max(from, to)), b = 100 - scale.pos(std::min(from, to));
  return "<rect x=\"" + chart_pct(x) + "\" y=\"" + chart_pct(a) + "\" width=\"" + chart_pct(w) +
         "\" height=\"" + chart_pct(b - a) + "\" " + series_paint(id, k) + "/>\n";
}

std::string ChartDrawing::columns() const {
  const size_t n = pts.size();
  std::string s = "<div class=\"chart-cols\">\n<div class=\"chart-plot-row\">\n";
  s += "<svg class=\"chart-yticks\" width=\"100%\" height=\"100%\" overflow=\"visible\">\n";
  std::string grid;
  for (double v = scale.lo; v <= scale.hi + scale.step / 2; v += scale.step) {
    double y = 100 - scale.pos(v);
    double shown = std::fabs(v) < scale.step / 1e6 ? 0 : v;
    s += "<text x=\"100%\" dx=\"-0.4em\" y=\"" + chart_pct(y) + "\" dy=\"0.35em\">" +
         html_escape(chart_value_text(shown, view)) + "</text>\n";
    grid += "<line x1=\"0\" x2=\"100%\" y1=\"" + chart_pct(y) + "\" y2=\"" + chart_pct(y) +
            "\" class=\"" + (shown == 0 ? "chart-zero" : "chart-grid") + "\"/>\n";
  }
  s += "</svg>\n<svg class=\"chart-plot\" width=\"100%\" height=\"100%\" overflow=\"visible\">\n";
  s += grid;
  const double band = 100.0 / static_cast<double>(std::max<size_t>(n, 1));
  const bool few = label_width != kNoBarLabels;
  std::string labels;
  if (kind == "line") {
    // Value labels only on each series' first, last, lowest and highest points.
    for (size_t j = 0; j < m(); ++j) {
      const auto& v = d.series[j].values;
      for (size_t k = 0; k + 1 < n; ++k) {
        double a = v[pts[k]], b = v[pts[k + 1]];
        if (!has_value(a) || !has_value(b)) continue;
        s += "<line x1=\"" + chart_pct(centre(k)) + "\" y1=\"" + chart_pct(100 - scale.pos(a)) +
             "\" x2=\"" + chart_pct(centre(k + 1)) + "\" y2=\"" + chart_pct(100 - scale.pos(b)) +
             "\" " + series_stroke(j) + "/>\n";
      }
      // A marker on every point of a short series; on a long one only on a point between
      // two gaps, which has no line to show it.
      const bool markers = n <= 60;
      for (size_t k = 0; k < n; ++k) {
        double y = v[pts[k]];
        const bool alone =
            (k == 0 || !has_value(v[pts[k - 1]])) && (k + 1 == n || !has_value(v[pts[k + 1]]));
        if ((markers || alone) && has_value(y)) {
          s += series_marker(id, j, chart_pct(centre(k)), chart_pct(100 - scale.pos(y)));
        }
      }
    }
    labels += line_value_labels();
  } else {
    const double group = band * 0.7;
    for (size_t k = 0; k < n; ++k) {
      const size_t i = pts[k];
      double left = centre(k) - group / 2;
      if (stacked()) {
        double up = 0, down = 0;
        for (size_t j = 0; j < m(); ++j) {
          double v = d.series[j].values[i];
          if (!has_value(v)) continue;
          double& base = v >= 0 ? up : down;
          s += bar_rect(left, group, base, base + v, j);
          base += v;
        }
        if (few) {
          // Above the stack's top, or under its bottom when the total is negative: past
          // the end on the total's side, never inside the bars.
          labels +=
              d.reported(i)
                  ? value_label(centre(k), up + down < 0 ? down : up, false,
                                d.marked(i, chart_value_text(up + down, view, d.value_decimals())))
                  : no_value_label(centre(k));
        }
      } else if (target()) {
        double t = d.series[0].values[i], a = d.series[1].values[i];
        if (has_value(a)) {
          s += bar_rect(centre(k) - group / 3, group * 2 / 3, 0, a, 1);
          if (few)
            labels += value_label(centre(k), a, false,
                                  d.marked(i, chart_value_text(a, view, d.value_decimals())));
        } else if (few) {
          labels +=
              value_label(centre(k), 0, false, view.text("chart_not_reported", "not reported"));
        }
        double t2 = range() ? d.series[2].values[i] : kNoValue;
        if (has_value(t) && has_value(t2)) {
          double a = 100 - scale.pos(std::max(t, t2)), b = 100 - scale.pos(std::min(t, t2));
          s += "<rect x=\"" + chart_pct(left) + "\" y=\"" + chart_pct(a) + "\" width=\"" +
               chart_pct(group) + "\" height=\"" + chart_pct(b - a) +
               "\" class=\"chart-target-band\"/>\n";
          s += target_line(left, group, t2);
        }
        if (has_value(t)) s += target_line(left, group, t);
      } else {
        double w = group / static_cast<double>(m());
        for (size_t j = 0; j < m(); ++j) {
          double v = d.series[j].values[i];
          const double x = left + w * (static_cast<double>(j) + 0.5);
          if (!has_value(v)) {
            if (few) labels += no_value_label(x);
            continue;
          }
          s += bar_rect(left + w * static_cast<double>(j), w, 0, v, j);
          if (few)
            labels += value_label(x, v, false,
                                  d.marked(i, chart_value_text(v, view, d.value_decimals())));
        }
      }
    }
  }
  // Long labels (dates) wrap at their spaces in narrow boxes, each to about two lines.
  const double label_ems = x_label_ems();
  const bool long_labels = label_ems > kLongXLabelEms;
  std::vector<std::string> names;
  for (size_t i : pts) names.push_back(d.axis_label(i));
  const double wrap = long_labels ? x_label_wrap_ems(names) : 0;
  int years_below = 0;
  const std::vector<std::string> items = x_label_items(long_labels, wrap, years_below);
  s += labels + "</svg>\n</div>\n<ol class=\"chart-x" + (long_labels ? " chart-x-long" : "") +
       (years_below > 0 ? " chart-x-y" + std::to_string(years_below) : "") + "\"" +
       (long_labels ? " style=\"--x-w:" + svg_number(wrap) + "em\"" : "") + ">\n";
  for (const std::string& item : items) s += item;
  s += "</ol>\n</div>\n";
  return s;
}

std::string ChartDrawing::target_line(double left, double w, double v) const {
  double y = 100 - scale.pos(v);
  return "<line x1=\"" + chart_pct(left) + "\" x2=\"" + chart_pct(left + w) + "\" y1=\"" +
         chart_pct(y) + "\" y2=\"" + chart_pct(y) + "\" class=\"chart-target\"/>\n";
}

}  // namespace firefly
