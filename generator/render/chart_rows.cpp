#include <algorithm>

#include "core/language_tag.h"
#include "core/text.h"
#include "render/chart_draw.h"

namespace firefly {

std::string ChartDrawing::row_line(const std::string& marks, const std::string& text, double end,
                                   bool none, bool before) const {
  double at = std::clamp(scale.pos(before ? end : std::max(end, 0.0)), 0.0, 100.0);
  std::string where = before ? "chart-num chart-num-before\" style=\"right:" + chart_pct(100 - at)
                             : "chart-num\" style=\"left:" + chart_pct(at);
  if (none) where = "chart-num chart-none\" aria-hidden=\"true\" style=\"left:" + chart_pct(at);
  return "<div class=\"chart-bar-line\"><div class=\"chart-track\"><svg class=\"chart-hbar\" "
         "width=\"100%\" height=\"100%\">\n" +
         marks + "</svg><span class=\"" + where + "\">" +
         (none ? kNoValueMark : html_escape(text)) + "</span></div></div>\n";
}

std::string ChartDrawing::hrect(double from, double to, size_t k) const {
  double a = scale.pos(std::min(from, to)), b = scale.pos(std::max(from, to));
  return "<rect x=\"" + chart_pct(a) + "\" y=\"10%\" width=\"" + chart_pct(b - a) +
         "\" height=\"80%\" " + series_paint(id, k) + "/>\n";
}

std::string ChartDrawing::rows() const {
  std::string s = "<div class=\"chart-rows\">\n";
  for (size_t i : pts) {
    s += "<div class=\"chart-row\"><div class=\"chart-cat\"" + lang_attribute(d.x_lang) + ">" +
         html_escape(d.marked(i, d.x_labels[i])) + "</div>\n";
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
      s += row_line(
          marks,
          d.reported(i) ? d.marked(i, chart_value_text(up + down, view, d.value_decimals())) : "",
          below ? down : up, !d.reported(i), below);
    } else {
      for (size_t j = 0; j < m(); ++j) {
        if (range() && j == 2) continue;
        double v = d.series[j].values[i];
        bool outline = target() && j == 0;
        std::string text = has_value(v)         ? chart_value_text(v, view, d.value_decimals())
                           : target() && j == 1 ? view.text("chart_not_reported", "not reported")
                                                : "";
        std::string marks;
        double end = 0;
        if (has_value(v) && outline) {
          double top = range() && has_value(d.series[2].values[i]) ? d.series[2].values[i] : v;
          if (top != v) {
            text = view.format(
                "indicator_range", "{min} to {max}",
                {{"min", text}, {"max", chart_value_text(top, view, d.value_decimals())}});
          }
          marks = range() ? target_rect(v, top) : target_rect(0, v);
          end = std::max(v, top);
        } else if (has_value(v)) {
          marks = hrect(0, v, j);
          end = v;
          text = d.marked(i, text);
        }
        s += row_line(marks, text, end, !has_value(v) && !(target() && j == 1));
      }
    }
    s += "</div>\n";
  }
  return s + "</div>\n";
}

std::string ChartDrawing::target_rect(double from, double to) const {
  double a = scale.pos(std::min(from, to)), b = scale.pos(std::max(from, to));
  return "<rect x=\"" + chart_pct(a) + "\" y=\"20%\" width=\"" + chart_pct(b - a) +
         "\" height=\"60%\" class=\"chart-target-bar\"/>\n";
}

std::string ChartDrawing::legend() const {
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

}  // namespace firefly
