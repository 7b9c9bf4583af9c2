#include "render/chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "core/text.h"

namespace firefly {

namespace {

constexpr double kWidth = 720, kHeight = 400;
constexpr double kLeft = 80, kRight = 24, kTop = 48, kBottom = 76;
constexpr const char* kMark = "#0072B2";  // Okabe-Ito blue: 5.1:1 on white
constexpr const char* kAxis = "#595959";  // 7:1 on white
constexpr const char* kGrid = "#d9d9d9";
constexpr size_t kMaxValueLabels = 16;
constexpr size_t kMaxXLabels = 12;

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  if (ends_with(s, ".0")) s.resize(s.size() - 2);
  return s == "-0" ? "0" : s;
}

/// A "nice" step (1, 2 or 5 times a power of ten) giving about `ticks` intervals.
double nice_step(double span, int ticks) {
  if (span <= 0) return 1;
  double raw = span / ticks;
  double power = std::pow(10.0, std::floor(std::log10(raw)));
  double f = raw / power;
  double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
  return nice * power;
}

std::string y_text(double v, const DataView& view) { return format_number(v, view.locale(), 2); }

}  // namespace

ChartPoints chart_points(const Dataset& ds, const ChartSpec& spec, const std::vector<size_t>* rows,
                         const DataView& view) {
  ChartPoints out;
  int xc = ds.column_index(spec.x), yc = ds.column_index(spec.y);
  if (xc < 0 || yc < 0) return out;
  std::vector<size_t> all;
  if (rows) {
    all = *rows;
  } else {
    all.resize(ds.rows.size());
    std::iota(all.begin(), all.end(), 0);
  }
  for (size_t r : all) {
    if (r >= ds.rows.size()) continue;
    const Value& x = ds.rows[r][static_cast<size_t>(xc)];
    const Value& y = ds.rows[r][static_cast<size_t>(yc)];
    if (x.is_null() || !y.is_number()) continue;
    auto it = std::find_if(out.x.begin(), out.x.end(),
                           [&](const Value& v) { return v.to_text() == x.to_text(); });
    if (it == out.x.end()) {
      out.x.push_back(x);
      out.y.push_back(y.as_double());
    } else {
      out.y[static_cast<size_t>(it - out.x.begin())] += y.as_double();
    }
  }
  const Column& xcol = ds.columns[static_cast<size_t>(xc)];
  bool sortable = xcol.type == ColumnType::kInteger || xcol.type == ColumnType::kNumber ||
                  xcol.type == ColumnType::kDate;
  if (sortable) {
    std::vector<size_t> order(out.x.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      if (out.x[a].is_number()) return out.x[a].as_double() < out.x[b].as_double();
      return out.x[a].to_text() < out.x[b].to_text();
    });
    ChartPoints sorted;
    for (size_t i : order) {
      sorted.x.push_back(out.x[i]);
      sorted.y.push_back(out.y[i]);
    }
    out = std::move(sorted);
  }
  for (const Value& x : out.x) out.x_labels.push_back(format_cell(x, xcol, view));
  return out;
}

std::string chart_summary(const Dataset& ds, const ChartSpec& spec, const ChartPoints& p,
                          const DataView& view) {
  int yc = ds.column_index(spec.y);
  std::string y_name = yc >= 0 ? view.pick(ds.columns[static_cast<size_t>(yc)].title) : spec.y;
  if (p.y.empty()) return view.text("chart_no_data", "There are no values to chart.");
  if (p.y.size() == 1) {
    return view.format("chart_summary_single", "{y} was {value} in {x}.",
                       {{"y", y_name}, {"value", y_text(p.y[0], view)}, {"x", p.x_labels[0]}});
  }
  size_t max_i = static_cast<size_t>(std::max_element(p.y.begin(), p.y.end()) - p.y.begin());
  double first = p.y.front(), last = p.y.back();
  double scale = std::max(std::fabs(first), std::fabs(last));
  std::string key = "chart_summary_flat";
  std::string fallback =
      "{y} stayed about the same, from {first} in {x_first} to {last} in {x_last}; the "
      "highest value was {max} in {x_max}.";
  if (last - first > 0.02 * scale) {
    key = "chart_summary_rise";
    fallback =
        "{y} rose from {first} in {x_first} to {last} in {x_last}; the highest value was "
        "{max} in {x_max}.";
  } else if (first - last > 0.02 * scale) {
    key = "chart_summary_fall";
    fallback =
        "{y} fell from {first} in {x_first} to {last} in {x_last}; the highest value was "
        "{max} in {x_max}.";
  }
  return view.format(key, fallback,
                     {{"y", y_name},
                      {"first", y_text(first, view)},
                      {"x_first", p.x_labels.front()},
                      {"last", y_text(last, view)},
                      {"x_last", p.x_labels.back()},
                      {"max", y_text(p.y[max_i], view)},
                      {"x_max", p.x_labels[max_i]}});
}

std::string render_chart_svg(const Dataset& ds, const ChartSpec& spec,
                             const std::vector<size_t>* rows, const std::string& id,
                             const DataView& view) {
  ChartPoints p = chart_points(ds, spec, rows, view);
  int xc = ds.column_index(spec.x), yc = ds.column_index(spec.y);
  std::string title = view.pick(spec.title);
  if (title.empty()) title = view.pick(ds.title);
  std::string x_title = xc >= 0 ? column_heading(ds.columns[static_cast<size_t>(xc)], view) : "";
  std::string y_title = yc >= 0 ? column_heading(ds.columns[static_cast<size_t>(yc)], view) : "";

  double lo = 0, hi = 0;
  for (double v : p.y) {
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  if (hi == lo) hi = lo + 1;
  double step = nice_step(hi - lo, 5);
  lo = std::floor(lo / step) * step;
  hi = std::ceil(hi / step) * step;
  const double plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
  auto ypos = [&](double v) { return kTop + plot_h * (hi - v) / (hi - lo); };
  const size_t n = p.y.size();
  const double band = n ? plot_w / static_cast<double>(n) : plot_w;
  auto xpos = [&](size_t i) { return kLeft + band * (static_cast<double>(i) + 0.5); };

  std::string s;
  s += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + num(kWidth) + " " +
       num(kHeight) + "\" role=\"img\" aria-labelledby=\"" + id + "-title " + id +
       "-desc\" class=\"chart-svg\" font-family=\"system-ui, sans-serif\" font-size=\"14\">\n";
  s += "<title id=\"" + id + "-title\">" + html_escape(title) + "</title>\n";
  s +=
      "<desc id=\"" + id + "-desc\">" + html_escape(chart_summary(ds, spec, p, view)) + "</desc>\n";
  // Gridlines and y tick labels.
  s += "<g fill=\"currentColor\" text-anchor=\"end\">\n";
  for (double v = lo; v <= hi + step / 2; v += step) {
    double y = ypos(v);
    s += "<line x1=\"" + num(kLeft) + "\" x2=\"" + num(kWidth - kRight) + "\" y1=\"" + num(y) +
         "\" y2=\"" + num(y) + "\" stroke=\"" + (std::fabs(v) < step / 2 ? kAxis : kGrid) +
         "\"/>\n";
    s += "<text x=\"" + num(kLeft - 8) + "\" y=\"" + num(y + 5) + "\">" +
         html_escape(y_text(std::fabs(v) < step / 1e6 ? 0 : v, view)) + "</text>\n";
  }
  s += "</g>\n";
  // Axis titles.
  s += "<text x=\"" + num(kLeft + plot_w / 2) + "\" y=\"" + num(kHeight - 12) +
       "\" text-anchor=\"middle\" fill=\"currentColor\" font-weight=\"bold\">" +
       html_escape(x_title) + "</text>\n";
  s += "<text x=\"" + num(kLeft - 8) + "\" y=\"" + num(20) +
       "\" text-anchor=\"start\" fill=\"currentColor\" font-weight=\"bold\">" +
       html_escape(y_title) + "</text>\n";
  // X labels, thinned when crowded.
  size_t every = n > kMaxXLabels ? (n + kMaxXLabels - 1) / kMaxXLabels : 1;
  s += "<g fill=\"currentColor\" text-anchor=\"middle\">\n";
  for (size_t i = 0; i < n; ++i) {
    if (i % every != 0 && i + 1 != n) continue;
    s += "<text x=\"" + num(xpos(i)) + "\" y=\"" + num(kTop + plot_h + 22) + "\">" +
         html_escape(p.x_labels[i]) + "</text>\n";
  }
  s += "</g>\n";
  // Marks.
  const double zero = ypos(std::clamp(0.0, lo, hi));
  if (spec.kind == "line") {
    std::string points;
    for (size_t i = 0; i < n; ++i) {
      points += (i ? " " : "") + num(xpos(i)) + "," + num(ypos(p.y[i]));
    }
    if (n > 1) {
      s += "<polyline points=\"" + points + "\" fill=\"none\" stroke=\"" + kMark +
           "\" stroke-width=\"3\"/>\n";
    }
    for (size_t i = 0; i < n; ++i) {
      s += "<circle cx=\"" + num(xpos(i)) + "\" cy=\"" + num(ypos(p.y[i])) + "\" r=\"5\" fill=\"" +
           kMark + "\" stroke=\"#ffffff\" stroke-width=\"2\"/>\n";
    }
  } else {
    double w = std::clamp(band * 0.6, 2.0, 72.0);
    for (size_t i = 0; i < n; ++i) {
      double y = ypos(p.y[i]);
      s += "<rect x=\"" + num(xpos(i) - w / 2) + "\" y=\"" + num(std::min(y, zero)) +
           "\" width=\"" + num(w) + "\" height=\"" + num(std::fabs(zero - y)) + "\" fill=\"" +
           kMark + "\"/>\n";
    }
  }
  // Direct value labels (all when few, else the first, last and highest).
  size_t max_i =
      n ? static_cast<size_t>(std::max_element(p.y.begin(), p.y.end()) - p.y.begin()) : 0;
  s += "<g fill=\"currentColor\" text-anchor=\"middle\" font-size=\"13\">\n";
  for (size_t i = 0; i < n; ++i) {
    if (n > kMaxValueLabels && i != 0 && i + 1 != n && i != max_i) continue;
    double y = ypos(p.y[i]);
    double ty = p.y[i] >= 0 ? y - 9 : y + 18;
    s += "<text x=\"" + num(xpos(i)) + "\" y=\"" + num(ty) + "\">" +
         html_escape(y_text(p.y[i], view)) + "</text>\n";
  }
  s += "</g>\n</svg>\n";
  return s;
}

}  // namespace firefly
