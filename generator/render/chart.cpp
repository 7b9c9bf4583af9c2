#include "render/chart.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <optional>

#include "core/locale.h"
#include "core/sha256.h"
#include "core/text.h"
#include "render/chart_style.h"
#include "render/chart_summary.h"
#include "render/chart_svg.h"
#include "render/chart_table.h"
#include "render/data_manifest.h"
#include "render/dataset_page.h"

namespace firefly {

namespace {

/// Bar kinds with more categories than this are drawn as a line.
constexpr size_t kMaxBars = 120;
/// The chart box widths (in em) from which the value labels of a column drawing may show:
/// the labels of a chart show from the first width at which all of them fit side by side
/// (the columns themselves show from 36em), and a chart whose labels need more than the
/// last has none (its data table gives the values).
constexpr std::array<int, 9> kLabelWidths = {36, 40, 44, 48, 52, 56, 64, 72, 80};
/// No value labels on the bars (they fit at no width).
constexpr int kNoBarLabels = -1;
/// Category labels wider than this (in em) start at the drawing's start and end at its
/// end when first or last, instead of being centred under their point.
constexpr double kLongXLabelEms = 4;

std::string pct(double v) { return svg_number(v) + "%"; }

struct Chart {
  const ChartData& d;
  const std::vector<size_t>& pts;  // the categories drawn
  const std::string& kind;         // bar, stacked, hbar, line or target
  const std::string& id;
  const DataView& view;
  ChartScale scale;
  /// Bar value labels: shown at every width (0), from a box of this many em, or never
  /// (kNoBarLabels); always all of them or none.
  int label_width = 0;

  bool stacked() const { return kind == "stacked"; }
  bool target() const { return kind == "target"; }
  /// A target chart whose third series is the upper end of a target range.
  bool range() const { return target() && m() > 2; }
  size_t m() const { return d.series.size(); }

  void fit() { scale = fit_scale(d, pts, stacked()); }

  /// The widest drawn category label, in em.
  double x_label_ems() const {
    double w = 0;
    for (size_t i : pts) w = std::max(w, text_ems(d.x_labels[i]));
    return w;
  }

  /// Which labels show at which container width: every s_n-th label in narrow, every
  /// s_m-th in medium and every s_w-th in wide containers (each a multiple of the next):
  /// at most 4, 8 and 14 of them, and no more than fit side by side in the narrowest box
  /// of each (14em, 30em and 50em, with an em between two labels), so that long labels
  /// (dates: "1 January 2024") neither overlap nor run off the page.
  std::string x_label_class(size_t k, double label_ems) const {
    auto at_most = [&](size_t most, double box_ems) {
      return std::clamp<size_t>(static_cast<size_t>(box_ems / (label_ems + 1)), 1, most);
    };
    const size_t n = pts.size(), cw = at_most(14, 50), cm = at_most(8, 30), cn = at_most(4, 14);
    size_t sw = std::max<size_t>(1, (n + cw - 1) / cw);
    size_t sm = sw * std::max<size_t>(1, (n + cm * sw - 1) / (cm * sw));
    size_t sn = sm * std::max<size_t>(1, (n + cn * sm - 1) / (cn * sm));
    std::string c;
    if (k % sn == 0) c += " x-n";
    if (k % sm == 0) c += " x-m";
    if (k % sw == 0) c += " x-w";
    return c.empty() ? "" : " class=\"" + c.substr(1) + "\"";
  }

  /// `v` written above its mark at x (below a negative one, or when `below`); `shown`
  /// replaces the number.
  std::string value_label(double x, double v, bool below = false,
                          const std::string& shown = {}) const {
    double y = 100 - scale.pos(v);
    return "<text class=\"chart-v\" x=\"" + pct(x) + "\" y=\"" + pct(y) + "\" dy=\"" +
           (v >= 0 && !below ? "-0.45em" : "1.2em") + "\">" +
           html_escape(shown.empty() ? chart_value_text(v, view) : shown) + "</text>\n";
  }

  /// The mark of a category without a value, at the zero line above x: the "–" the table
  /// beside the drawing shows, hidden from screen readers (the drawing's text alternative
  /// and the table say "no value" in words).
  std::string no_value_label(double x) const {
    return "<text class=\"chart-v chart-none\" aria-hidden=\"true\" x=\"" + pct(x) + "\" y=\"" +
           pct(100 - scale.pos(0)) + "\" dy=\"-0.45em\">" + kNoValueMark + "</text>\n";
  }

  std::string bar_rect(double x, double w, double from, double to, size_t k) const {
    double a = 100 - scale.pos(std::max(from, to)), b = 100 - scale.pos(std::min(from, to));
    return "<rect x=\"" + pct(x) + "\" y=\"" + pct(a) + "\" width=\"" + pct(w) + "\" height=\"" +
           pct(b - a) + "\" " + series_paint(id, k) + "/>\n";
  }

  /// The vertical drawing: y ticks, gridlines, marks, value labels and x labels.
  std::string columns() const {
    const size_t n = pts.size();
    std::string s = "<div class=\"chart-cols\">\n<div class=\"chart-plot-row\">\n";
    s += "<svg class=\"chart-yticks\" width=\"100%\" height=\"100%\" overflow=\"visible\">\n";
    std::string grid;
    for (double v = scale.lo; v <= scale.hi + scale.step / 2; v += scale.step) {
      double y = 100 - scale.pos(v);
      double shown = std::fabs(v) < scale.step / 1e6 ? 0 : v;
      s += "<text x=\"100%\" dx=\"-0.4em\" y=\"" + pct(y) + "\" dy=\"0.35em\">" +
           html_escape(chart_value_text(shown, view)) + "</text>\n";
      grid += "<line x1=\"0\" x2=\"100%\" y1=\"" + pct(y) + "\" y2=\"" + pct(y) + "\" class=\"" +
              (shown == 0 ? "chart-zero" : "chart-grid") + "\"/>\n";
    }
    s += "</svg>\n<svg class=\"chart-plot\" width=\"100%\" height=\"100%\" overflow=\"visible\">\n";
    s += grid;
    const double band = 100.0 / static_cast<double>(std::max<size_t>(n, 1));
    auto centre = [&](size_t k) { return band * (static_cast<double>(k) + 0.5); };
    const bool few = label_width != kNoBarLabels;
    std::string labels;
    if (kind == "line") {
      // Value labels only on each series' first, last, lowest and highest points.
      for (size_t j = 0; j < m(); ++j) {
        const auto& v = d.series[j].values;
        for (size_t k = 0; k + 1 < n; ++k) {
          double a = v[pts[k]], b = v[pts[k + 1]];
          if (!has_value(a) || !has_value(b)) continue;
          s += "<line x1=\"" + pct(centre(k)) + "\" y1=\"" + pct(100 - scale.pos(a)) + "\" x2=\"" +
               pct(centre(k + 1)) + "\" y2=\"" + pct(100 - scale.pos(b)) + "\" " +
               series_stroke(j) + "/>\n";
        }
        // A marker on every point of a short series; on a long one only on a point between
        // two gaps, which has no line to show it.
        const bool markers = n <= 60;
        for (size_t k = 0; k < n; ++k) {
          double y = v[pts[k]];
          const bool alone =
              (k == 0 || !has_value(v[pts[k - 1]])) && (k + 1 == n || !has_value(v[pts[k + 1]]));
          if ((markers || alone) && has_value(y)) {
            s += series_marker(id, j, pct(centre(k)), pct(100 - scale.pos(y)));
          }
        }
      }
      std::vector<std::vector<PointLabel>> at = line_labels(d, pts, scale);
      for (size_t k = 0; k < n; ++k) {
        for (const PointLabel& l : at[k]) labels += value_label(centre(k), l.value, l.below);
      }
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
            labels += d.reported(i) ? value_label(centre(k), up + down < 0 ? down : up, false,
                                                  chart_value_text(up + down, view))
                                    : no_value_label(centre(k));
          }
        } else if (target()) {
          double t = d.series[0].values[i], a = d.series[1].values[i];
          if (has_value(a)) {
            s += bar_rect(centre(k) - group / 3, group * 2 / 3, 0, a, 1);
            if (few) labels += value_label(centre(k), a);
          } else if (few) {
            labels +=
                value_label(centre(k), 0, false, view.text("chart_not_reported", "not reported"));
          }
          double t2 = range() ? d.series[2].values[i] : kNoValue;
          if (has_value(t) && has_value(t2)) {
            double a = 100 - scale.pos(std::max(t, t2)), b = 100 - scale.pos(std::min(t, t2));
            s += "<rect x=\"" + pct(left) + "\" y=\"" + pct(a) + "\" width=\"" + pct(group) +
                 "\" height=\"" + pct(b - a) + "\" class=\"chart-target-band\"/>\n";
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
            if (few) labels += value_label(x, v);
          }
        }
      }
    }
    // Labels wider than a few em: the first and the last kept inside the drawing's edges.
    const double label_ems = x_label_ems();
    s += labels + "</svg>\n</div>\n<ol class=\"chart-x" +
         (label_ems > kLongXLabelEms ? " chart-x-long" : "") + "\">\n";
    for (size_t k = 0; k < n; ++k) {
      s += "<li" + x_label_class(k, label_ems) + lang_attribute(d.x_lang) + ">" +
           html_escape(d.x_labels[pts[k]]) + "</li>\n";
    }
    s += "</ol>\n</div>\n";
    return s;
  }

  /// The dashed target mark across a group of width `w` from `left`, at value `v`.
  std::string target_line(double left, double w, double v) const {
    double y = 100 - scale.pos(v);
    return "<line x1=\"" + pct(left) + "\" x2=\"" + pct(left + w) + "\" y1=\"" + pct(y) +
           "\" y2=\"" + pct(y) + "\" class=\"chart-target\"/>\n";
  }

  /// One horizontal bar line: the bar(s), and the value written just past the bar's end
  /// (`end`, the largest value the marks reach; the space after the longest bar is kept
  /// free for it).
  /// A line of no value (`none`) shows the table's "–" at the zero line instead, hidden
  /// from screen readers as no_value_label is.
  /// A negative stack's total (`before`) is written just before the bar's left end.
  std::string row_line(const std::string& marks, const std::string& text, double end,
                       bool none = false, bool before = false) const {
    double at = std::clamp(scale.pos(before ? end : std::max(end, 0.0)), 0.0, 100.0);
    std::string where = before ? "chart-num chart-num-before\" style=\"right:" + pct(100 - at)
                               : "chart-num\" style=\"left:" + pct(at);
    if (none) where = "chart-num chart-none\" aria-hidden=\"true\" style=\"left:" + pct(at);
    return "<div class=\"chart-bar-line\"><div class=\"chart-track\"><svg class=\"chart-hbar\" "
           "width=\"100%\" height=\"100%\">\n" +
           marks + "</svg><span class=\"" + where + "\">" +
           (none ? kNoValueMark : html_escape(text)) + "</span></div></div>\n";
  }

  std::string hrect(double from, double to, size_t k) const {
    double a = scale.pos(std::min(from, to)), b = scale.pos(std::max(from, to));
    return "<rect x=\"" + pct(a) + "\" y=\"10%\" width=\"" + pct(b - a) + "\" height=\"80%\" " +
           series_paint(id, k) + "/>\n";
  }

  /// The horizontal drawing: one row per category, its name above its bars.
  std::string rows() const {
    std::string s = "<div class=\"chart-rows\">\n";
    for (size_t i : pts) {
      s += "<div class=\"chart-row\"><div class=\"chart-cat\"" + lang_attribute(d.x_lang) + ">" +
           html_escape(d.x_labels[i]) + "</div>\n";
      if (stacked()) {
        std::string marks;
        double up = 0, down = 0;
        for (size_t j = 0; j < m(); ++j) {
          double v = d.series[j].values[i];
          if (!has_value(v)) continue;
          double& base = v >= 0 ? up : down;
          marks += hrect(base, base + v, j);
          base += v;
        }
        // The total is written past the end on its own sign's side (97 and -23.9: 73.1
        // after 97; 23.9 and -97: -73.1 before -97), never past the other side's end.
        const bool below = up + down < 0;
        s += row_line(marks, d.reported(i) ? chart_value_text(up + down, view) : "",
                      below ? down : up, !d.reported(i), below);
      } else {
        for (size_t j = 0; j < m(); ++j) {
          if (range() && j == 2) continue;
          double v = d.series[j].values[i];
          bool outline = target() && j == 0;
          std::string text = has_value(v)         ? chart_value_text(v, view)
                             : target() && j == 1 ? view.text("chart_not_reported", "not reported")
                                                  : "";
          std::string marks;
          double end = 0;
          if (has_value(v) && outline) {
            double top = range() && has_value(d.series[2].values[i]) ? d.series[2].values[i] : v;
            if (top != v) {
              text = view.format("indicator_range", "{min} to {max}",
                                 {{"min", text}, {"max", chart_value_text(top, view)}});
            }
            marks = range() ? target_rect(v, top) : target_rect(0, v);
            end = std::max(v, top);
          } else if (has_value(v)) {
            marks = hrect(0, v, j);
            end = v;
          }
          s += row_line(marks, text, end, !has_value(v) && !(target() && j == 1));
        }
      }
      s += "</div>\n";
    }
    return s + "</div>\n";
  }

  std::string target_rect(double from, double to) const {
    double a = scale.pos(std::min(from, to)), b = scale.pos(std::max(from, to));
    return "<rect x=\"" + pct(a) + "\" y=\"20%\" width=\"" + pct(b - a) +
           "\" height=\"60%\" class=\"chart-target-bar\"/>\n";
  }

  std::string legend() const {
    if (m() < 2) return {};
    std::string s = "<ul class=\"chart-legend\">\n";
    for (size_t j = 0; j < m(); ++j) {
      if (range() && j == 2) continue;
      std::string key = kind == "line"       ? line_key(id, j)
                        : target() && j == 0 ? target_key()
                                             : bar_key(id, j);
      const bool own = range() && j == 0;
      std::string name = own ? view.text("chart_target_range", "Target range") : d.series[j].name;
      std::string lang = own ? std::string() : d.series[j].name_lang;
      s += "<li>" + key + in_lang(name, lang) + "</li>\n";
    }
    return s + "</ul>\n";
  }
};

/// Widest text among `texts` in ems, plus a margin.
double widest(const std::vector<std::string>& texts) {
  double w = 1;
  for (const std::string& t : texts) w = std::max(w, text_ems(t));
  return w + 0.8;
}

/// "臺南市政府勞工局, 2019 年度施政計畫": who produced the figures, and in what.
std::string source_text(const Dataset& ds, const DataView& view) {
  std::string agency = view.pick(ds.source.agency), doc = view.pick(ds.source.title);
  if (agency.empty() || doc.empty()) return agency + doc;
  return agency + ", " + doc;
}

/// The links to the chart's data (CSV) and drawing (SVG), files of their own under the
/// dataset's charts/ folder that a reader can save, link to and cite.
/// A reduced chart (more categories than it draws) links its data to the dataset's
/// downloads instead (`csv` is then null and `all_data_url` that page): the chart's CSV
/// would be the dataset again.
std::string download_links(const std::string& id, const DataFile* csv, const DataFile& svg,
                           const std::string& all_data_url, const DataView& view) {
  auto link = [&](const DataFile& f, const char* english) {
    // Saved as "<dataset>-<file>", so a saved copy still says whose chart it is.
    std::string saved = f.path.substr(5, f.path.find('/', 5) - 5) + "-" + f.name();
    return "<a href=\"" + html_escape(f.url()) + "\" download=\"" + html_escape(saved) +
           "\" type=\"" + f.format->media_type + "\" aria-describedby=\"" + id + "-title\">" +
           html_escape(
               view.format(f.format->label_key, english, {{"size", size_display(f.size, view)}})) +
           "</a>";
  };
  return "<p class=\"chart-downloads\" data-search-ignore>" +
         html_escape(view.text("chart_downloads", "Download this chart:")) + " " +
         (csv ? link(*csv, "data (CSV, {size})")
              : "<a href=\"" + html_escape(all_data_url) + "\">" +
                    html_escape(view.text("chart_download_all_data",
                                          "data (every row: the dataset's downloads)")) +
                    "</a>") +
         " " + link(svg, "image (SVG, {size})") + "</p>\n";
}

}  // namespace

std::string file_name_part(std::string_view name) {
  std::string s;
  for (char c : name) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '_' || c == '-';
    s += keep ? c : '_';
  }
  return s;
}

std::string chart_file_stem(const std::string& dataset, const ChartSpec& spec,
                            std::string_view variant) {
  std::string name = file_name_part(spec.kind) + "-" + file_name_part(spec.x);
  for (const std::string& y : spec.y) name += "-" + file_name_part(y);
  if (name.size() > 80) {  // many series: a short name, told apart by a digest
    variant = {};
    name = name.substr(0, 60) + "-" + sha256_hex(name).substr(0, 8);
  }
  if (!variant.empty()) name += "-" + file_name_part(variant);
  return "data/" + dataset + "/charts/" + name;
}

namespace {

/// The chart of `spec` drawn from `d` (see render_chart).
std::string draw_chart(const Dataset& ds, const ChartSpec& spec, const ChartData& d,
                       const std::string& id, const DataView& view, const std::string& page,
                       const std::string& file_stem) {
  std::string kind = spec.kind;
  if (kind != "line" && d.size() > kMaxBars) kind = "line";
  std::vector<size_t> pts = drawn_points(d);
  std::string title = view.pick(spec.title);
  std::string title_html = html_escape(title), title_lang = view.lang_of(spec.title);
  if (title.empty()) {
    title = view.pick(ds.title);
    title_html = html_escape(title);
    title_lang = view.lang_of(ds.title);
  }
  if (!spec.title_html.empty()) {
    title_html = spec.title_html;
    title_lang.clear();
  }
  int xc = ds.column_index(spec.x);
  // Axis titles as text (the standalone SVG) and as HTML, whose parts in a language other
  // than the reader's (a column with no title in it) carry that language.
  std::string x_title, x_title_html, y_title, y_title_html;
  if (xc >= 0) {
    x_title = column_heading(ds.columns[static_cast<size_t>(xc)], view);
    x_title_html = column_heading_html(ds.columns[static_cast<size_t>(xc)], view);
  }
  if (d.series.size() == 1) {
    const Column& yc = ds.columns[static_cast<size_t>(ds.column_index(d.series[0].column))];
    y_title = column_heading(yc, view);
    y_title_html = column_heading_html(yc, view);
  } else if (!d.series.empty() && !d.series[0].unit.empty()) {
    y_title = d.series[0].unit;
    y_title_html = in_lang(y_title, d.series[0].unit_lang);
  }

  Chart c{d, pts, kind, id, view, {}};
  c.fit();
  const std::string not_reported = view.text("chart_not_reported", "not reported");
  // Long category names (or a hbar chart) always get horizontal bars.
  bool long_labels = false;
  for (const std::string& l : d.x_labels) long_labels = long_labels || text_ems(l) > 7;
  bool always_rows = kind == "hbar" || (kind != "line" && long_labels);
  std::vector<std::string> ticks, values;
  for (double v = c.scale.lo; v <= c.scale.hi + c.scale.step / 2; v += c.scale.step) {
    ticks.push_back(chart_value_text(v, view));
  }
  for (const ChartSeries& s : d.series) {
    for (size_t i : pts) {
      if (has_value(s.values[i])) values.push_back(chart_value_text(s.values[i], view));
    }
  }
  if (kind == "target") values.push_back(not_reported);
  if (c.range()) {
    for (size_t i : pts) {
      double t = d.series[0].values[i], t2 = d.series[2].values[i];
      if (!has_value(t) || !has_value(t2)) continue;
      values.push_back(
          view.format("indicator_range", "{min} to {max}",
                      {{"min", chart_value_text(t, view)}, {"max", chart_value_text(t2, view)}}));
    }
  }
  if (kind != "line" && !always_rows) {
    double label = widest_bar_label(
        d, pts, kind, [&](double v) { return chart_value_text(v, view); }, not_reported);
    size_t per = kind == "bar" ? c.m() : 1;
    double need =
        widest(ticks) + static_cast<double>(pts.size()) * label_ems_per_category(label, per);
    c.label_width = kNoBarLabels;
    for (int w : kLabelWidths) {
      if (need <= w) {
        c.label_width = w == kLabelWidths.front() ? 0 : w;
        break;
      }
    }
  }
  const std::string summary = c.range() ? target_range_summary(d, view) : chart_summary(d, view);
  const std::string summary_html = chart_summary_html(d, view, c.range());

  std::string s = "<p class=\"chart-title\" id=\"" + id + "-title\"" + lang_attribute(title_lang) +
                  ">" + title_html + "</p>\n";
  s += "<p class=\"chart-desc\" id=\"" + id + "-desc\">" + summary_html + "</p>\n";
  s += "<div class=\"chart-view chart-kind-" + kind + (always_rows ? " chart-always-rows" : "") +
       (c.label_width > 0 ? " chart-labels-" + std::to_string(c.label_width) : "") +
       (kind == "line" ? " chart-no-rows" : "") +
       // Below zero, a value is written under its mark: room under the plot for the lowest.
       (c.scale.lo < 0 ? " chart-below" : "") + "\" role=\"img\" aria-labelledby=\"" + id +
       "-title " + id + "-desc\" style=\"--y-w:" + svg_number(widest(ticks)) +
       "em;--v-w:" + svg_number(std::min(widest(values), 9.0)) + "em\">\n";
  s += chart_defs(id);
  s += c.legend();
  if (!y_title.empty()) {
    s += "<p class=\"chart-axis-title\">" + y_title_html + "</p>\n";
  }
  if (!always_rows) s += c.columns();
  if (kind != "line") s += c.rows();
  if (!x_title.empty() && !always_rows) {
    s += "<p class=\"chart-axis-title chart-x-title\">" + x_title_html + "</p>\n";
  }
  if (pts.size() < d.total_points) {
    s += "<p class=\"chart-note\">" +
         html_escape(view.format(
             "chart_reduced",
             "The drawing shows {shown} of {total} points, keeping each "
             "stretch's lowest and highest; the data has them all.",
             {{"shown", chart_value_text(static_cast<double>(pts.size()), view)},
              {"total", chart_value_text(static_cast<double>(d.total_points), view)}})) +
         "</p>\n";
  }
  s += "</div>\n";

  Value license = license_context(ds.license.empty() ? view.site_license : ds.license, view);
  ChartCredit credit{title,
                     summary,
                     y_title,
                     source_text(ds, view),
                     view.pick(view.publisher),
                     view.absolute(page.empty() ? view.dataset_url(ds.name) : page),
                     license.get("name").as_string(),
                     license.get("url").as_string(),
                     view.html_lang};
  const std::string stem = file_stem.empty() ? chart_file_stem(ds.name, spec) : file_stem;
  const bool reduced = pts.size() < d.total_points;
  std::optional<DataFile> csv;
  if (!reduced) csv = make_data_file(stem + ".csv", chart_csv(d, spec.x), data_format("chart_csv"));
  DataFile svg =
      make_data_file(stem + "." + view.lang + ".svg",
                     chart_svg(d, pts, kind, always_rows, credit, view), data_format("chart_svg"));
  s += download_links(id, csv ? &*csv : nullptr, svg,
                      view.dataset_url(ds.name) + "#downloads-title", view);
  if (view.chart_files) {
    if (csv) view.chart_files->push_back(std::move(*csv));
    view.chart_files->push_back(std::move(svg));
  }
  return s;
}

}  // namespace

std::string render_chart(const Dataset& ds, const ChartSpec& spec, const std::vector<size_t>* rows,
                         const std::string& id, const DataView& view, const std::string& page,
                         const std::string& file_stem) {
  return draw_chart(ds, spec, chart_data(ds, spec, rows, view), id, view, page, file_stem);
}

ChartHtml render_chart_and_table(const Dataset& ds, const ChartSpec& spec,
                                 const std::vector<size_t>* rows, const std::string& id,
                                 const TableSpec& table, const DataView& view,
                                 const std::string& page, const std::string& file_stem) {
  ChartData d = chart_data(ds, spec, rows, view);
  return {draw_chart(ds, spec, d, id, view, page, file_stem),
          render_chart_table(ds, spec, d, table, view)};
}

}  // namespace firefly
