#include "render/chart.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <optional>

#include "core/language_tag.h"
#include "core/locale.h"
#include "core/text.h"
#include "render/chart_draw.h"
#include "render/chart_files.h"
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

/// Widest text among `texts` in ems, plus a margin.
double widest(const std::vector<std::string>& texts) {
  double w = 1;
  for (const std::string& t : texts) w = std::max(w, text_ems(t));
  return w + 0.8;
}

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

  ChartDrawing c{d, pts, kind, id, view, {}};
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
  c.y_ems = widest(ticks);
  for (const ChartSeries& s : d.series) {
    for (size_t i : pts) {
      if (has_value(s.values[i]))
        values.push_back(d.marked(i, chart_value_text(s.values[i], view, d.value_decimals())));
    }
  }
  if (kind == "target") values.push_back(not_reported);
  if (c.range()) {
    for (size_t i : pts) {
      double t = d.series[0].values[i], t2 = d.series[2].values[i];
      if (!has_value(t) || !has_value(t2)) continue;
      values.push_back(view.format("indicator_range", "{min} to {max}",
                                   {{"min", chart_value_text(t, view, d.value_decimals())},
                                    {"max", chart_value_text(t2, view, d.value_decimals())}}));
    }
  }
  if (kind != "line" && !always_rows) {
    // A provisional figure's label carries its mark: room for it on every label.
    const std::string mark = d.provisional.empty() ? "" : kProvisionalMark;
    double need = c.y_ems + static_cast<double>(pts.size()) *
                                bar_label_band(
                                    d, pts, kind,
                                    [&](double v) {
                                      return chart_value_text(v, view, d.value_decimals()) + mark;
                                    },
                                    not_reported);
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
       "-title " + id + "-desc\" style=\"--y-w:" + svg_number(c.y_ems) +
       "em;--v-w:" + svg_number(std::min(widest(values), 9.0)) + "em\">\n";
  s += chart_defs(id, d.series.size());
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
  if (!d.provisional.empty()) {
    s += "<p class=\"chart-note chart-provisional-note\">" + html_escape(provisional_note(view)) +
         "</p>\n";
  }
  s += "</div>\n";

  Value license = license_context(ds.license.empty() ? view.site_license : ds.license, view);
  ChartCredit credit{
      title, summary, y_title, chart_source_text(ds, view), view.pick(view.publisher),
      view.absolute(page.empty() ? view.dataset_url(ds.name) : page),
      license.get("name").as_string(), license.get("url").as_string(), view.html_lang,
      // A title marked in the HTML (an embed's) is still one language in the file.
      title_lang.empty() ? text_language(title, view.html_lang, view.scripts) : title_lang,
      view.lang_of(view.publisher)};
  const std::string stem = file_stem.empty() ? chart_file_stem(ds.name, spec) : file_stem;
  const bool reduced = pts.size() < d.total_points;
  std::optional<DataFile> csv;
  if (!reduced) csv = make_data_file(stem + ".csv", chart_csv(d, spec.x), data_format("chart_csv"));
  DataFile svg =
      make_data_file(stem + "." + view.lang + ".svg",
                     chart_svg(d, pts, kind, always_rows, credit, view), data_format("chart_svg"));
  s += chart_download_links(id, csv ? &*csv : nullptr, svg,
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
