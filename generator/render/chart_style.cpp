#include "render/chart_style.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>

#include "core/locale.h"
#include "core/text.h"
#include "render/chart_line_labels.h"

namespace firefly {

namespace {

constexpr size_t kColoursN = 4;
/// Okabe–Ito blue, vermillion, bluish green, reddish purple: 5.1, 4.0, 3.3 and 3.0:1 on white.
constexpr std::array<const char*, kColoursN> kColours = {"#0072B2", "#C74E00", "#007A5A",
                                                         "#B5578F"};
/// The looks series are told apart by besides colour: the first four series have a colour
/// each, the next four the same colours again with a dash, marker and fill pattern of their
/// own, so that no two of eight series share all three.
constexpr size_t kStyles = 8;
constexpr std::array<const char*, kStyles> kDashes = {"",     "8 4", "2 4",     "10 3 2 3",
                                                      "14 3", "4 2", "2 2 8 2", "6 2 2 2 2 2"};

/// The colour of series `k`.
const char* colour(size_t k) { return kColours[k % kColoursN]; }
/// The marker of series `k`: circle, square, triangle, diamond; the second four series
/// shifted by two, so that the first and fifth series (one colour) differ.
size_t marker(size_t k) { return (k % kStyles + 2 * (k % kStyles / kColoursN)) % 4; }

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

double bar_label_band(const ChartData& d, const std::vector<size_t>& pts, const std::string& kind,
                      const std::function<std::string(double)>& text,
                      const std::string& not_reported) {
  // Each label's centre (in bands from the drawing's start) and width, in drawing order.
  std::vector<std::pair<double, double>> labels;
  const size_t m = kind == "bar" ? std::max<size_t>(d.series.size(), 1) : 1;
  for (size_t c = 0; c < pts.size(); ++c) {
    const size_t i = pts[c];
    const double centre = static_cast<double>(c) + 0.5;
    if (kind == "stacked") {
      double sum = 0;
      for (const ChartSeries& s : d.series) sum += has_value(s.values[i]) ? s.values[i] : 0;
      labels.emplace_back(centre, text_ems(d.reported(i) ? text(sum) : kNoValueMark));
    } else if (kind == "target") {
      double a = d.series.size() > 1 ? d.series[1].values[i] : kNoValue;
      labels.emplace_back(centre, text_ems(has_value(a) ? text(a) : not_reported));
    } else {
      // The bars of a category fill 70% of its band, each series an equal share.
      for (size_t j = 0; j < d.series.size(); ++j) {
        const double v = d.series[j].values[i];
        const double at =
            centre - 0.35 + 0.7 * (static_cast<double>(j) + 0.5) / static_cast<double>(m);
        labels.emplace_back(at, text_ems(has_value(v) ? text(v) : kNoValueMark));
      }
    }
  }
  double band = 0;
  for (size_t k = 0; k < labels.size(); ++k) {
    band = std::max(band, labels[k].second + kLabelClearEms);
    if (k == 0) continue;
    const double apart = labels[k].first - labels[k - 1].first;
    band = std::max(band, ((labels[k].second + labels[k - 1].second) / 2 + kLabelClearEms) / apart);
  }
  return band;
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

const char* series_colour(size_t k) { return colour(k); }
const char* series_dash(size_t k) { return kDashes[k % kStyles]; }

namespace {

/// Two labels at one point whose values lie closer than this (percent of the plot's
/// height, a little more than a line of text in the plot) would cover each other.
constexpr double kLabelGap = 12;

/// Last, first, highest and lowest reported rows of a series, in the order of their
/// labels' rank (PointLabel::rank).
std::vector<size_t> key_points(const std::vector<double>& v) {
  std::vector<size_t> idx;
  for (size_t i = 0; i < v.size(); ++i) {
    if (has_value(v[i])) idx.push_back(i);
  }
  if (idx.empty()) return idx;
  auto less = [&](size_t a, size_t b) { return v[a] < v[b]; };
  return {idx.back(), idx.front(), *std::max_element(idx.begin(), idx.end(), less),
          *std::min_element(idx.begin(), idx.end(), less)};
}

/// A label is written farther from its mark only where a line crosses it nearer in every
/// plot up to this wide (em): the widest chart box's (kLineLabelWidths).
constexpr double kNearPlacesEms = 80;

/// Where a value label is written against its mark.
enum class Place { kOver, kUnder, kOverFar, kUnderFar };

/// The labels of one point's `values` (highest first, each with its rank): each where
/// `want` says if it stands clear of the labels above it there, else above its mark, else
/// below. A label that fits nowhere is left out. A label written farther from its mark
/// takes `far` more (percent of the plot's height).
std::vector<PointLabel> place_labels(const std::vector<std::pair<double, int>>& values,
                                     const std::vector<Place>& want, const ChartScale& scale,
                                     double far) {
  std::vector<PointLabel> out;
  // How low the labels written so far reach: a label above its mark takes the line of
  // text over it, one below its mark (a negative value's too) the line under it.
  double floor = std::numeric_limits<double>::infinity();
  for (size_t i = 0; i < values.size(); ++i) {
    const auto [v, rank] = values[i];
    const double p = scale.pos(v);
    auto over = [&](bool farther) {
      return v >= 0 && p + kLabelGap + (farther ? far : 0) <= floor;
    };
    // Under its mark, a label must not reach the category labels under the plot (a chart
    // with negative values keeps room there).
    auto under = [&](bool farther) {
      return p <= floor && (p - (farther ? far : 0) >= kLabelGap || scale.lo < 0);
    };
    const bool farther = want[i] == Place::kOverFar || want[i] == Place::kUnderFar;
    const bool below = want[i] == Place::kUnder || want[i] == Place::kUnderFar;
    if (below ? under(farther) : over(farther)) {
      out.push_back({v, below, rank, farther});
      floor = below ? p - kLabelGap - (farther ? far : 0) : p;
    } else if (over(false)) {
      out.push_back({v, false, rank});
      floor = p;
    } else if (under(false)) {
      out.push_back({v, true, rank});
      floor = p - kLabelGap;
    }
    // Else it would cover a label above it on either side of its mark, or, under its
    // mark, the category labels under the plot: left out (the table under the chart and
    // the chart's CSV give every value).
  }
  return out;
}

}  // namespace

std::vector<std::vector<PointLabel>> line_labels(const ChartData& d, const std::vector<size_t>& pts,
                                                 const ChartScale& scale, const DataView& view,
                                                 const LabelPlot& plot) {
  // Per point, its values that are key points, each with its best rank.
  std::vector<std::vector<std::pair<double, int>>> at(pts.size());
  for (const ChartSeries& s : d.series) {
    std::vector<size_t> key = key_points(s.values);
    for (size_t k = 0; k < pts.size(); ++k) {
      auto it = std::find(key.begin(), key.end(), pts[k]);
      if (it != key.end()) at[k].emplace_back(s.values[pts[k]], static_cast<int>(it - key.begin()));
    }
  }
  std::vector<std::vector<PointLabel>> out(pts.size());
  for (size_t k = 0; k < pts.size(); ++k) {
    std::vector<std::pair<double, int>>& values = at[k];
    // Highest value first; of equal values, the best rank, which the one label keeps.
    std::sort(values.begin(), values.end(), [](const auto& a, const auto& b) {
      return a.first > b.first || (a.first == b.first && a.second < b.second);
    });
    values.erase(std::unique(values.begin(), values.end(),
                             [](const auto& a, const auto& b) { return a.first == b.first; }),
                 values.end());
    // Where a line crosses a label in each place at every width, it is never drawn
    // (shown_line_labels): it takes no room from the point's other labels. The others are
    // written where a line crosses them in the narrowest plots only (over their mark first,
    // then under it), unless that leaves out a label of the point; farther over or under
    // it only where a line crosses both nearer places in every plot (up to 80em).
    constexpr double kNever = std::numeric_limits<double>::infinity();
    constexpr std::array<Place, 4> kPlaces = {Place::kOver, Place::kUnder, Place::kOverFar,
                                              Place::kUnderFar};
    std::vector<Place> want;
    bool any = false;
    for (size_t i = 0; i < values.size();) {
      const double v = values[i].first;
      const double width =
          text_ems(d.marked(pts[k], chart_value_text(v, view, d.value_decimals())));
      const LabelAnchor anchor = line_label_anchor(k, pts.size(), width);
      double best = kNever, nearer = kNever;
      Place place = Place::kOver;
      for (Place at : kPlaces) {
        const bool under = at == Place::kUnder || at == Place::kUnderFar;
        const bool farther = at == Place::kOverFar || at == Place::kUnderFar;
        if (v < 0 && !under) continue;  // a negative value's label is under its mark
        if (farther && nearer <= kNearPlacesEms) break;
        const double clear =
            line_label_clear_width(d, pts, scale, plot.at(farther), k, v, under, width, anchor);
        if (clear < best) best = clear, place = at;
        if (!farther) nearer = best;
      }
      if (best == kNever) {
        values.erase(values.begin() + static_cast<std::ptrdiff_t>(i));
        continue;
      }
      want.push_back(place);
      any = any || place != Place::kOver;
      ++i;
    }
    const double far = plot.height > 0 ? 100 * plot.far / plot.height : 0;
    out[k] = place_labels(values, std::vector<Place>(values.size(), Place::kOver), scale, far);
    if (!any) continue;
    std::vector<PointLabel> placed = place_labels(values, want, scale, far);
    if (placed.size() >= out[k].size()) out[k] = std::move(placed);
  }
  return out;
}

std::vector<PlacedLabel> ranked_line_labels(const ChartData& d, const std::vector<size_t>& pts,
                                            const ChartScale& scale, const DataView& view,
                                            const LabelPlot& plot) {
  std::vector<PlacedLabel> out;
  std::vector<std::vector<PointLabel>> at = line_labels(d, pts, scale, view, plot);
  for (size_t k = 0; k < at.size(); ++k) {
    for (const PointLabel& l : at[k]) {
      out.push_back({k, l, d.marked(pts[k], chart_value_text(l.value, view, d.value_decimals())),
                     out.size()});
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const PlacedLabel& a, const PlacedLabel& b) {
    return a.label.rank < b.label.rank;
  });
  return out;
}

const char* anchor_name(LabelAnchor anchor) {
  switch (anchor) {
    case LabelAnchor::kStart:
      return "start";
    case LabelAnchor::kEnd:
      return "end";
    case LabelAnchor::kMiddle:
      break;
  }
  return "middle";
}

double share_before(LabelAnchor anchor) {
  return anchor == LabelAnchor::kStart ? 0 : anchor == LabelAnchor::kEnd ? 1 : 0.5;
}

std::vector<double> label_plot_widths(const std::vector<LabelBox>& boxes, size_t n, double widest) {
  constexpr double kNever = std::numeric_limits<double>::infinity();
  std::vector<double> need(boxes.size(), 0);
  for (size_t i = 0; i < boxes.size(); ++i) {
    const LabelBox& a = boxes[i];
    need[i] = a.clear;
    for (size_t j = 0; j < i; ++j) {
      const LabelBox& b = boxes[j];
      // One never shown, or over the same point (line_labels keeps those apart), or on
      // different lines of text: no need of room between them.
      if (need[j] == kNever || a.k == b.k || std::fabs(a.baseline - b.baseline) >= kLabelLineEms) {
        continue;
      }
      // Their points stand |a.k - b.k| bands of width/n apart; between them lie the part of
      // the right one's box before its point and the part of the left one's after it.
      const LabelBox& left = a.k < b.k ? a : b;
      const LabelBox& right = a.k < b.k ? b : a;
      const double apart = static_cast<double>(right.k - left.k);
      const double width = static_cast<double>(n) *
                           (share_before(right.anchor) * right.width +
                            (1 - share_before(left.anchor)) * left.width + kLabelClearEms) /
                           apart;
      // Where b is hidden (narrower than need[j]), a would not meet it; hidden there too all
      // the same, so that one width says when each label shows.
      if (width > need[j]) need[i] = std::max(need[i], width);
    }
    if (need[i] > widest) need[i] = kNever;
  }
  return need;
}

std::vector<ShownLabel> shown_line_labels(const ChartData& d, const std::vector<size_t>& pts,
                                          const ChartScale& scale, const DataView& view,
                                          double widest, const LabelPlot& plot) {
  std::vector<PlacedLabel> placed = ranked_line_labels(d, pts, scale, view, plot);
  std::vector<LabelBox> boxes;
  for (const PlacedLabel& p : placed) {
    const bool under = p.label.below || p.label.value < 0;
    const double width = text_ems(p.text), value = p.label.value;
    const LabelAnchor anchor = line_label_anchor(p.k, pts.size(), width);
    const LabelPlot at = plot.at(p.label.far);
    boxes.push_back({p.k, width, at.baseline(scale, value, under), anchor,
                     line_label_clear_width(d, pts, scale, at, p.k, value, under, width, anchor)});
  }
  std::vector<double> need = label_plot_widths(boxes, pts.size(), widest);
  std::vector<ShownLabel> shown;
  for (size_t i = 0; i < placed.size(); ++i) {
    if (need[i] <= widest) shown.push_back({std::move(placed[i]), need[i], boxes[i].anchor});
  }
  std::sort(shown.begin(), shown.end(), [](const ShownLabel& a, const ShownLabel& b) {
    return a.placed.order < b.placed.order;
  });
  return shown;
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

std::string chart_defs(const std::string& id, size_t series) {
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
  // Series 4 to 7, the colours again: stripes the other way, horizontal lines, vertical
  // lines, a checkerboard.
  auto pattern = [&](size_t k, const std::string& attrs, const std::string& white) {
    if (k >= series) return;  // no such series: no pattern
    s += "<pattern id=\"" + id + "-p" + std::to_string(k) +
         "\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\"" + attrs +
         "><rect width=\"8\" height=\"8\" fill=\"" + colour(k) + "\"/>" + white + "</pattern>\n";
  };
  pattern(4, " patternTransform=\"rotate(-45)\"",
          "<rect width=\"3\" height=\"8\" fill=\"#ffffff\"/>");
  pattern(5, "", "<rect width=\"8\" height=\"3\" fill=\"#ffffff\"/>");
  pattern(6, "", "<rect width=\"3\" height=\"8\" fill=\"#ffffff\"/>");
  pattern(7, "", "<path d=\"M0 0H4V4H0ZM4 4H8V8H4Z\" fill=\"#ffffff\"/>");
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
  return "fill=\"" + fill + "\" stroke=\"" + colour(k) + "\" stroke-width=\"1.5\"";
}

std::string series_stroke(size_t k) {
  k %= kStyles;
  std::string s = "stroke=\"" + std::string(colour(k)) + "\" stroke-width=\"3\"";
  if (*kDashes[k]) s += " stroke-dasharray=\"" + std::string(kDashes[k]) + "\"";
  return s;
}

std::string series_marker(const std::string& id, size_t k, const std::string& x,
                          const std::string& y) {
  return "<use href=\"#" + id + "-m" + std::to_string(marker(k)) + "\" x=\"" + x + "\" y=\"" + y +
         "\" fill=\"" + colour(k) + "\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>\n";
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
