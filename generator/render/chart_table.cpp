#include "render/chart_table.h"

#include <algorithm>

#include "core/language_tag.h"
#include "core/text.h"
#include "render/chart_style.h"

namespace firefly {

std::string render_chart_table(const Dataset& ds, const ChartSpec& spec, const ChartData& data,
                               const TableSpec& table, const DataView& view) {
  const int xc = ds.column_index(spec.x);
  const size_t total = data.size();
  const size_t shown = table.max_rows > 0 ? std::min(total, table.max_rows) : total;
  std::string html = "<table class=\"data-table\">\n" +
                     data_table_caption(ds, table, shown, total, view) + "<thead>\n<tr>";
  const Column* xcol = xc >= 0 ? &ds.columns[static_cast<size_t>(xc)] : nullptr;
  const bool x_numeric = xcol && is_numeric_column(*xcol);
  html += x_numeric ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">";
  html += (xcol ? column_heading_html(*xcol, view) : html_escape(spec.x)) + "</th>";
  for (const ChartSeries& s : data.series) {
    int c = ds.column_index(s.column);
    html += "<th scope=\"col\" class=\"num\">" +
            (c >= 0 ? column_heading_html(ds.columns[static_cast<size_t>(c)], view)
                    : html_escape(s.column)) +
            "</th>";
  }
  html += "</tr>\n</thead>\n<tbody>\n";
  if (total == 0) {
    html += "<tr><td colspan=\"" + std::to_string(data.series.size() + 1) + "\">" +
            html_escape(view.text("data_no_rows", "No rows match.")) + "</td></tr>\n";
  }
  for (size_t i = 0; i < shown; ++i) {
    // A long chart names only the categories it draws; the table names each of its rows.
    std::string label = data.x_labels[i];
    if (label.empty() && xcol) label = format_cell(data.x[i], *xcol, view);
    html += "<tr><th scope=\"row\"";
    if (x_numeric) html += " class=\"num\"";
    html += lang_attribute(data.x_lang) + ">";
    if (xcol && xcol->type == ColumnType::kDate) {
      html += "<time datetime=\"" + html_escape(data.x[i].to_text()) + "\">" + html_escape(label) +
              "</time>";
    } else {
      html += html_escape(label);
    }
    // Said in words, as the chart's summary says it: "2021 (provisional)".
    if (data.is_provisional(i)) {
      html += html_escape(view.text("chart_provisional_after", " (provisional)"));
    }
    html += "</th>";
    for (const ChartSeries& s : data.series) {
      double v = s.values[i];
      html += "<td class=\"num\">" +
              (has_value(v) ? html_escape(chart_value_text(v, view, data.value_decimals()))
                            : missing_value_html(view)) +
              "</td>";
    }
    html += "</tr>\n";
  }
  html += "</tbody>\n</table>\n";
  return html;
}

}  // namespace firefly
