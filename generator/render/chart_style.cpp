#include "render/chart_style.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>

#include "core/locale.h"
#include "core/text.h"

namespace firefly {

namespace {

constexpr size_t kStyles = 4;
/// Okabe–Ito blue, vermillion, bluish green, reddish purple: 5.1, 4.0, 3.3 and 3.0:1 on white.
constexpr std::array<const char*, kStyles> kColours = {"#0072B2", "#C74E00", "#007A5A", "#B5578F"};
constexpr std::array<const char*, kStyles> kDashes = {"", "8 4", "2 4", "10 3 2 3"};

}  // namespace

double text_ems(std::string_view s) {
  double w = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80)
      w += 0.6;
    else if (c >= 0xE3 && c <= 0xED)
      w += 1.0;  // CJK ideographs and kana, Hangul
    else if (c >= 0xC0)
      w += 0.6;  // other scripts: a lead byte per letter
  }
  return w;
}

double widest_bar_label(const ChartData& d, const std::vector<size_t>& pts, const std::string& kind,
                        const std::function<std::string(double)>& text,
                        const std::string& not_reported) {
  double w = 0;
  for (size_t i : pts) {
    if (kind == "stacked") {
      if (!d.reported(i)) continue;  // no stack, no total
      double sum = 0;
      for (const ChartSeries& s : d.series) sum += has_value(s.values[i]) ? s.values[i] : 0;
      w = std::max(w, text_ems(text(sum)));
    } else if (kind == "target") {
      double a = d.series.size() > 1 ? d.series[1].values[i] : kNoValue;
      w = std::max(w, text_ems(has_value(a) ? text(a) : not_reported));
    } else {
      for (const ChartSeries& s : d.series) {
        if (has_value(s.values[i])) w = std::max(w, text_ems(text(s.values[i])));
      }
    }
  }
  return w;
}

double label_ems_per_category(double widest_label_ems, size_t labels_per_category) {
  constexpr double kGap = 0.3;    // between two labels
  constexpr double kGroup = 0.7;  // the share of a category its bars fill
  double per_label = widest_label_ems + kGap;
  if (labels_per_category <= 1) return per_label;
  return per_label * static_cast<double>(labels_per_category) / kGroup;
}

ChartScale make_scale(double lo, double hi) {
  ChartScale s;
  lo = std::min(lo, 0.0);
  hi = std::max(hi, 0.0);
  if (hi == lo) hi = lo + 1;
  double raw = (hi - lo) / 5;
  double power = std::pow(10.0, std::floor(std::log10(raw)));
  double f = raw / power;
  s.step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
  s.lo = std::floor(lo / s.step) * s.step;
  s.hi = std::ceil(hi / s.step) * s.step;
  return s;
}

ChartScale fit_scale(const ChartData& d, const std::vector<size_t>& pts, bool stacked) {
  double lo = 0, hi = 0;
  for (size_t i : pts) {
    double up = 0, down = 0;
    for (const ChartSeries& s : d.series) {
      double v = s.values[i];
      if (!has_value(v)) continue;
      if (stacked)
        (v > 0 ? up : down) += v;
      else
        lo = std::min(lo, v), hi = std::max(hi, v);
    }
    lo = std::min(lo, down);
    hi = std::max(hi, up);
  }
  return make_scale(lo, hi);
}

const char* series_colour(size_t k) { return kColours[k % kStyles]; }
const char* series_dash(size_t k) { return kDashes[k % kStyles]; }

namespace {

/// Two labels at one point whose values lie closer than this (percent of the plot's
/// height, a little more than a line of text in the plot) would cover each other.
constexpr double kLabelGap = 12;

/// First, last, lowest and highest reported rows of a series.
std::vector<size_t> key_points(const std::vector<double>& v) {
  std::vector<size_t> idx;
  for (size_t i = 0; i < v.size(); ++i) {
    if (has_value(v[i])) idx.push_back(i);
  }
  if (idx.empty()) return idx;
  auto less = [&](size_t a, size_t b) { return v[a] < v[b]; };
  return {idx.front(), idx.back(), *std::min_element(idx.begin(), idx.end(), less),
          *std::max_element(idx.begin(), idx.end(), less)};
}

}  // namespace

std::vector<std::vector<PointLabel>> line_labels(const ChartData& d, const std::vector<size_t>& pts,
                                                 const ChartScale& scale) {
  std::vector<std::vector<double>> at(pts.size());
  for (const ChartSeries& s : d.series) {
    std::vector<size_t> key = key_points(s.values);
    for (size_t k = 0; k < pts.size(); ++k) {
      if (std::find(key.begin(), key.end(), pts[k]) != key.end()) at[k].push_back(s.values[pts[k]]);
    }
  }
  std::vector<std::vector<PointLabel>> out(pts.size());
  for (size_t k = 0; k < pts.size(); ++k) {
    std::vector<double>& values = at[k];
    std::sort(values.begin(), values.end(), std::greater<>());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    // How low the labels written so far reach: a label above its mark takes the line of
    // text over it, one below its mark (a negative value's too) the line under it.
    double floor = std::numeric_limits<double>::infinity();
    for (double v : values) {
      double p = scale.pos(v);
      if (v >= 0 && p + kLabelGap <= floor) {
        out[k].push_back({v, false});
        floor = p;
      } else if (p <= floor && (p >= kLabelGap || scale.lo < 0)) {
        out[k].push_back({v, true});
        floor = p - kLabelGap;
      }
      // Else it would cover a label above it on either side of its mark, or, under its
      // mark, the category labels under the plot (a chart with negative values keeps room
      // there): left out (the table under the chart and the chart's CSV give every value).
    }
  }
  return out;
}

std::string chart_value_text(double v, const DataView& view, int decimals) {
  return format_number(v == 0 ? 0 : v, view.locale(), decimals);
}

std::string svg_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string s = buf;
  while (ends_with(s, "0")) s.pop_back();
  if (ends_with(s, ".")) s.pop_back();
  return s == "-0" ? "0" : s;
}

std::string chart_defs(const std::string& id) {
  std::string s =
      "<svg class=\"chart-defs\" width=\"0\" height=\"0\" aria-hidden=\"true\"><defs>\n";
  // Series 1: stripes; 2: dots; 3: cross-hatch (each over its colour).
  s += "<pattern id=\"" + id +
       "-p1\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" "
       "patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"" +
       std::string(kColours[1]) +
       "\"/><rect width=\"3\" height=\"8\" fill=\"#ffffff\"/></pattern>\n";
  s += "<pattern id=\"" + id +
       "-p2\" width=\"7\" height=\"7\" patternUnits=\"userSpaceOnUse\">"
       "<rect width=\"7\" height=\"7\" fill=\"" +
       std::string(kColours[2]) +
       "\"/><circle cx=\"3.5\" cy=\"3.5\" r=\"1.6\" fill=\"#ffffff\"/></pattern>\n";
  s += "<pattern id=\"" + id +
       "-p3\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">"
       "<rect width=\"8\" height=\"8\" fill=\"" +
       std::string(kColours[3]) +
       "\"/><path d=\"M0 4H8M4 0V8\" stroke=\"#ffffff\" stroke-width=\"1.5\"/></pattern>\n";
  // Markers: circle, square, triangle, diamond, centred on 0,0.
  s += "<circle id=\"" + id + "-m0\" r=\"5\"/>\n";
  s += "<rect id=\"" + id + "-m1\" x=\"-4.5\" y=\"-4.5\" width=\"9\" height=\"9\"/>\n";
  s += "<path id=\"" + id + "-m2\" d=\"M0 -6L5.5 4H-5.5Z\"/>\n";
  s += "<path id=\"" + id + "-m3\" d=\"M0 -6L6 0L0 6L-6 0Z\"/>\n";
  return s + "</defs></svg>\n";
}

std::string series_paint(const std::string& id, size_t k) {
  k %= kStyles;
  std::string fill = k == 0 ? kColours[0] : "url(#" + id + "-p" + std::to_string(k) + ")";
  return "fill=\"" + fill + "\" stroke=\"" + kColours[k] + "\" stroke-width=\"1.5\"";
}

std::string series_stroke(size_t k) {
  k %= kStyles;
  std::string s = "stroke=\"" + std::string(kColours[k]) + "\" stroke-width=\"3\"";
  if (*kDashes[k]) s += " stroke-dasharray=\"" + std::string(kDashes[k]) + "\"";
  return s;
}

std::string series_marker(const std::string& id, size_t k, const std::string& x,
                          const std::string& y) {
  k %= kStyles;
  return "<use href=\"#" + id + "-m" + std::to_string(k) + "\" x=\"" + x + "\" y=\"" + y +
         "\" fill=\"" + kColours[k] + "\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>\n";
}

std::string bar_key(const std::string& id, size_t k) {
  return "<svg class=\"chart-key\" width=\"24\" height=\"16\"><rect x=\"1\" y=\"1\" width=\"22\" "
         "height=\"14\" " +
         series_paint(id, k) + "/></svg>";
}

std::string line_key(const std::string& id, size_t k) {
  return "<svg class=\"chart-key\" width=\"36\" height=\"16\"><line x1=\"0\" x2=\"36\" y1=\"8\" "
         "y2=\"8\" " +
         series_stroke(k) + "/>" + series_marker(id, k, "18", "8") + "</svg>";
}

std::string target_key() {
  return "<svg class=\"chart-key\" width=\"24\" height=\"16\"><line x1=\"1\" x2=\"23\" y1=\"8\" "
         "y2=\"8\" class=\"chart-target\"/></svg>";
}

}  // namespace firefly
