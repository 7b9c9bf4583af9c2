#include "render/chart_svg.h"

#include <algorithm>
#include <cmath>

#include "core/language_tag.h"
#include "core/locale.h"
#include "core/text.h"
#include "load/csv.h"
#include "render/chart_style.h"
#include "render/chart_summary.h"
#include "render/chart_x_labels.h"

namespace firefly {

namespace {

constexpr double kWidth = 800;  ///< the drawing's width in px
constexpr double kPad = 24;     ///< the margin around everything
constexpr double kFont = 16;    ///< body text size in px
constexpr double kLine = 22;    ///< body line height in px
constexpr double kTitle = 22;   ///< title size in px
constexpr double kPlot = 280;   ///< the plot's height in px (columns)
constexpr double kBar = 18;     ///< a bar's thickness in px (rows)
/// A value label's baseline over its mark and under it, in px: the page's 0.45 and 1.2em
/// (chart_columns.cpp). Under it at 18 px, a label's box (its font's ascent, 1.07em) reached
/// over the point, where the point's own line runs.
constexpr double kLabelOver = 6;
constexpr double kLabelUnder = 19.2;

const char* kTargetStroke = "stroke=\"#1b1b1b\" stroke-width=\"3\" stroke-dasharray=\"6 3\"";

std::string px(double v) { return svg_number(v); }

/// `s` broken into lines of at most `ems` wide: at a space when the line has one, else
/// between any two letters (CJK has no spaces).
std::vector<std::string> wrap(std::string_view s, double ems) {
  std::vector<std::string> lines;
  std::string line;
  double w = 0;
  size_t space = std::string::npos;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    std::string_view letter = s.substr(i, n);
    i += n;
    double lw = text_ems(letter);
    if (w + lw > ems && !line.empty()) {
      if (letter == " ") {
        lines.push_back(line), line.clear(), w = 0, space = std::string::npos;
        continue;
      }
      std::string rest;
      if (space != std::string::npos) rest = line.substr(space + 1), line.resize(space);
      lines.push_back(line);
      line = rest;
      w = text_ems(line);
      space = std::string::npos;
    }
    if (letter == " ") space = line.size();
    line += letter;
    w += lw;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

/// The drawing, written top to bottom.
struct Drawing {
  const ChartData& d;
  const std::vector<size_t>& pts;
  const std::string& kind;
  const DataView& view;
  ChartScale scale;
  std::string out;
  double y = kPad;  ///< the top of what comes next

  size_t m() const { return d.series.size(); }
  bool target() const { return kind == "target"; }
  bool range() const { return target() && m() > 2; }
  bool stacked() const { return kind == "stacked"; }
  double v(size_t j, size_t i) const { return d.series[j].values[i]; }

  void text(double x, double baseline, const std::string& s, const std::string& attrs = {}) {
    out += "<text x=\"" + px(x) + "\" y=\"" + px(baseline) + "\"" +
           (attrs.empty() ? "" : " " + attrs) + ">" + html_escape(s) + "</text>\n";
  }
  void lines(const std::string& s, double size, const std::string& attrs = {}) {
    for (const std::string& l : wrap(s, (kWidth - 2 * kPad) / size)) {
      y += size * 1.35;
      text(kPad, y - size * 0.3, l, attrs);
    }
  }
  void rect(double x, double top, double w, double h, const std::string& paint) {
    out += "<rect x=\"" + px(x) + "\" y=\"" + px(top) + "\" width=\"" + px(std::max(w, 0.0)) +
           "\" height=\"" + px(std::max(h, 0.0)) + "\" " + paint + "/>\n";
  }
  void line(double x1, double y1, double x2, double y2, const std::string& paint) {
    out += "<line x1=\"" + px(x1) + "\" y1=\"" + px(y1) + "\" x2=\"" + px(x2) + "\" y2=\"" +
           px(y2) + "\" " + paint + "/>\n";
  }

  void legend() {
    if (m() < 2) return;
    double x = kPad;
    y += 6;
    for (size_t j = 0; j < m(); ++j) {
      if (range() && j == 2) continue;
      std::string name =
          range() && j == 0 ? view.text("chart_target_range", "Target range") : d.series[j].name;
      double w = 40 + text_ems(name) * kFont + 20;
      if (x + w > kWidth - kPad && x > kPad) x = kPad, y += kLine + 4;
      double mid = y + kLine / 2;
      if (target() && j == 0) {
        line(x, mid, x + 28, mid, kTargetStroke);
      } else if (kind == "line") {
        line(x, mid, x + 28, mid, series_stroke(j));
        out += series_marker("s", j, px(x + 14), px(mid));
      } else {
        rect(x + 2, mid - 7, 24, 14, series_paint("s", j));
      }
      text(x + 36, mid + 5, name);
      x += w;
    }
    y += kLine + 8;
  }

  /// `value` written above its mark (below a negative one); `shown` replaces the number;
  /// `anchor` is its text-anchor (a line's first and last labels: line_label_anchor); a label
  /// written farther from its mark (PointLabel::far) stands `farther` px more away.
  void value_label(double x, double at, double value, const std::string& shown = {},
                   bool below = false, const char* anchor = "middle", double farther = 0) {
    text(x, at + (value >= 0 && !below ? -kLabelOver - farther : kLabelUnder + farther),
         shown.empty() ? chart_value_text(value, view, d.value_decimals()) : shown,
         std::string("text-anchor=\"") + anchor +
             "\" paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"3\"");
  }

  /// The table's "–" where a category has no value, just above the zero line (`zero`),
  /// hidden from screen readers: the drawing's text alternative says it in words.
  void no_value_label(double x, double zero) {
    text(x, zero - 6, kNoValueMark, "text-anchor=\"middle\" aria-hidden=\"true\"");
  }

  /// A line chart's value labels (shown_line_labels) at `at(value)` and `centre(point)`,
  /// but one that stands closer than kLabelClearEms to a more important one on its line of
  /// text, or that a line crosses, in the plot `plot_ems` wide.
  template <typename At, typename Centre>
  void line_value_labels(const At& at, const Centre& centre, double plot_ems) {
    // The plot's height in em, and a label's baseline over or under its point.
    const LabelPlot plot{kPlot / kFont, kLabelOver / kFont, kLabelUnder / kFont};
    for (const ShownLabel& l : shown_line_labels(d, pts, scale, view, plot_ems, plot)) {
      value_label(centre(l.placed.k), at(l.placed.label.value), l.placed.label.value, l.placed.text,
                  l.placed.label.below, anchor_name(l.anchor),
                  l.placed.label.far ? plot.far * kFont : 0);
    }
  }

  void columns() {
    std::vector<std::string> ticks;
    for (double t = scale.lo; t <= scale.hi + scale.step / 2; t += scale.step) {
      ticks.push_back(chart_value_text(std::fabs(t) < scale.step / 1e6 ? 0 : t, view));
    }
    double tick_w = 0;
    for (const std::string& t : ticks) tick_w = std::max(tick_w, text_ems(t) * kFont);
    const double left = kPad + tick_w + 8, right = kWidth - kPad, top = y + 12;
    auto at = [&](double value) { return top + kPlot * (1 - scale.pos(value) / 100); };
    size_t k = 0;
    for (double t = scale.lo; t <= scale.hi + scale.step / 2; t += scale.step, ++k) {
      bool zero = std::fabs(t) < scale.step / 1e6;
      line(left, at(t), right, at(t),
           zero ? "stroke=\"#595959\" stroke-width=\"1.5\"" : "stroke=\"#d9d9d9\"");
      text(left - 6, at(t) + 5, ticks[k], "text-anchor=\"end\"");
    }
    const size_t n = pts.size();
    const double band = (right - left) / static_cast<double>(std::max<size_t>(n, 1));
    auto centre = [&](size_t i) { return left + band * (static_cast<double>(i) + 0.5); };
    // Value labels on every bar when all of them fit side by side, else on none.
    const std::string not_reported = view.text("chart_not_reported", "not reported");
    const std::string mark = d.provisional.empty() ? "" : kProvisionalMark;
    const bool few = band >= bar_label_band(
                                 d, pts, kind,
                                 [&](double value) {
                                   return chart_value_text(value, view, d.value_decimals()) + mark;
                                 },
                                 not_reported) *
                                 kFont;
    std::string labels;
    const double group = band * 0.7;
    for (size_t c = 0; c < n; ++c) {
      const size_t i = pts[c];
      const double x0 = centre(c) - group / 2;
      if (kind == "line") {
        for (size_t j = 0; j < m(); ++j) {
          if (!has_value(v(j, i))) continue;
          if (c + 1 < n && has_value(v(j, pts[c + 1]))) {
            line(centre(c), at(v(j, i)), centre(c + 1), at(v(j, pts[c + 1])), series_stroke(j));
          }
        }
      } else if (stacked()) {
        double up = 0, down = 0;
        for (size_t j = 0; j < m(); ++j) {
          if (!has_value(v(j, i))) continue;
          double& base = v(j, i) >= 0 ? up : down;
          double a = at(std::max(base, base + v(j, i))), b = at(std::min(base, base + v(j, i)));
          rect(x0, a, group, b - a, series_paint("s", j));
          base += v(j, i);
        }
        // The total past the stack's end on its own sign's side, never inside the bars.
        if (few && d.reported(i)) {
          value_label(centre(c), at(up + down < 0 ? down : up), up + down,
                      d.marked(i, chart_value_text(up + down, view, d.value_decimals())));
        }
        if (few && !d.reported(i)) no_value_label(centre(c), at(0));
      } else if (target()) {
        double t = v(0, i), a = v(1, i), t2 = range() ? v(2, i) : kNoValue;
        if (has_value(a)) {
          rect(centre(c) - group / 3, at(std::max(a, 0.0)), group * 2 / 3, std::fabs(at(a) - at(0)),
               series_paint("s", 1));
          if (few)
            value_label(centre(c), at(a), a,
                        d.marked(i, chart_value_text(a, view, d.value_decimals())));
        } else if (few) {
          value_label(centre(c), at(0), 0, not_reported);
        }
        if (has_value(t) && has_value(t2)) {
          rect(x0, at(t2), group, at(t) - at(t2), "fill=\"#1b1b1b\" fill-opacity=\"0.08\"");
          line(x0, at(t2), x0 + group, at(t2), kTargetStroke);
        }
        if (has_value(t)) line(x0, at(t), x0 + group, at(t), kTargetStroke);
      } else {
        double w = group / static_cast<double>(m());
        for (size_t j = 0; j < m(); ++j) {
          double value = v(j, i);
          double x = x0 + w * static_cast<double>(j);
          if (!has_value(value)) {
            if (few) no_value_label(x + w / 2, at(0));
            continue;
          }
          rect(x, at(std::max(value, 0.0)), w, std::fabs(at(value) - at(0)), series_paint("s", j));
          if (few)
            value_label(x + w / 2, at(value), value,
                        d.marked(i, chart_value_text(value, view, d.value_decimals())));
        }
      }
    }
    if (kind == "line") {
      for (size_t j = 0; j < m(); ++j) {
        for (size_t c = 0; c < n; ++c) {
          double value = v(j, pts[c]);
          // Every point of a short series; of a long one, a point between two gaps.
          const bool alone = (c == 0 || !has_value(v(j, pts[c - 1]))) &&
                             (c + 1 == n || !has_value(v(j, pts[c + 1])));
          if (has_value(value) && (n <= 60 || alone)) {
            out += series_marker("s", j, px(centre(c)), px(at(value)));
          }
        }
      }
      line_value_labels(at, centre, (right - left) / kFont);
    }
    // Category labels: the first, the last and every n-th between that stand an em apart
    // (thin_x_labels), as the page shows them: centred on its point, or, wider than the
    // stretch centred on it, starting under the y axis' ticks or ending at the plot's end
    // (a long last date reached past the image's edge).
    XLabelRoom room{(right - left) / kFont, n, {}, (left - kPad) / kFont};
    std::vector<std::string> names;
    for (size_t i : pts) {
      names.push_back(d.marked(i, d.x_labels[i]));
      room.widths.push_back(text_ems(names.back()));
    }
    const std::vector<std::vector<size_t>> shown = thin_x_labels({room}, d.x_cycle);
    for (size_t c : shown.front()) {
      const double at = x_label_left(c, n, room.widths[c], room.plot, room.before);
      const double centred = (centre(c) - left) / kFont - room.widths[c] / 2;
      const LabelAnchor anchor = at > centred + 1e-9   ? LabelAnchor::kStart
                                 : at < centred - 1e-9 ? LabelAnchor::kEnd
                                                       : LabelAnchor::kMiddle;
      const double x = anchor == LabelAnchor::kStart ? kPad
                       : anchor == LabelAnchor::kEnd ? right
                                                     : centre(c);
      text(x, top + kPlot + 22, names[c],
           std::string("text-anchor=\"") + anchor_name(anchor) + "\"");
    }
    y = top + kPlot + 34;
  }

  /// One horizontal bar line of `rows()`: the marks, then `label` just past their end
  /// (`value_x`; the space after the longest bar is kept free for it).
  /// A line of no value (`none`) shows the table's "–" there instead, hidden from screen
  /// readers as no_value_label is.
  void bar_line(const std::string& marks, const std::string& label, double value_x,
                bool none = false, bool before = false) {
    out += marks;
    if (none) {
      text(value_x, y + kBar - 3, kNoValueMark, "aria-hidden=\"true\"");
    } else if (!label.empty()) {
      text(value_x, y + kBar - 3, label, before ? "text-anchor=\"end\"" : "");
    }
    y += kBar + 6;
  }

  void rows() {
    std::vector<std::string> values;
    for (const ChartSeries& s : d.series) {
      for (size_t i : pts) {
        if (has_value(s.values[i]))
          values.push_back(d.marked(i, chart_value_text(s.values[i], view, d.value_decimals())));
      }
    }
    values.push_back(view.text("chart_not_reported", "not reported"));
    double value_w = 0;
    for (const std::string& t : values) value_w = std::max(value_w, text_ems(t) * kFont);
    // A negative stack's total is written before its left end: room for it there too.
    const bool negative = stacked() && std::any_of(pts.begin(), pts.end(), [&](size_t i) {
                            double sum = 0;
                            for (size_t j = 0; j < m(); ++j) {
                              if (has_value(v(j, i))) sum += v(j, i);
                            }
                            return sum < 0;
                          });
    const double left = kPad + (negative ? std::min(value_w, 300.0) + 8 : 0),
                 right = kWidth - kPad - std::min(value_w, 300.0) - 8;
    auto at = [&](double value) { return left + (right - left) * scale.pos(value) / 100; };
    auto bar = [&](double from, double to, const std::string& paint) {
      std::string s = "<rect x=\"" + px(at(std::min(from, to))) + "\" y=\"" + px(y) +
                      "\" width=\"" + px(std::fabs(at(to) - at(from))) + "\" height=\"" + px(kBar) +
                      "\" " + paint + "/>\n";
      return s;
    };
    for (size_t i : pts) {
      y += 4;
      lines(d.marked(i, d.x_labels[i]), kFont);
      y += 4;
      if (stacked()) {
        std::string marks;
        double up = 0, down = 0;
        for (size_t j = 0; j < m(); ++j) {
          if (!has_value(v(j, i))) continue;
          double& base = v(j, i) >= 0 ? up : down;
          marks += bar(base, base + v(j, i), series_paint("s", j));
          base += v(j, i);
        }
        const bool below = up + down < 0;
        bar_line(
            marks,
            d.reported(i) ? d.marked(i, chart_value_text(up + down, view, d.value_decimals())) : "",
            below ? at(down) - 6 : at(up) + 6, !d.reported(i), below);
        continue;
      }
      for (size_t j = 0; j < m(); ++j) {
        if (range() && j == 2) continue;
        double value = v(j, i);
        std::string label =
            has_value(value) ? chart_value_text(value, view, d.value_decimals()) : "";
        std::string marks;
        double end = 0;
        if (target() && j == 0 && has_value(value)) {
          double top = range() && has_value(v(2, i)) ? v(2, i) : value;
          end = std::max(value, top);
          if (top != value) {
            label = view.format(
                "indicator_range", "{min} to {max}",
                {{"min", label}, {"max", chart_value_text(top, view, d.value_decimals())}});
          }
          marks = bar(range() ? value : 0, range() ? top : value,
                      "fill=\"none\" stroke=\"#1b1b1b\" stroke-width=\"2\" "
                      "stroke-dasharray=\"6 3\"");
        } else if (has_value(value)) {
          marks = bar(0, value, series_paint("s", j));
          end = value;
          label = d.marked(i, label);
        } else if (target() && j == 1) {
          label = view.text("chart_not_reported", "not reported");
        }
        bar_line(marks, label, at(std::max(end, 0.0)) + 6,
                 !has_value(value) && !(target() && j == 1));
      }
    }
    y += 8;
  }
};

}  // namespace

std::string chart_svg(const ChartData& d, const std::vector<size_t>& pts, const std::string& kind,
                      bool rows, const ChartCredit& credit, const DataView& view) {
  Drawing g{d, pts, kind, view, fit_scale(d, pts, kind == "stacked"), {}};
  // A title or a publisher in another language (written once in the default language)
  // says so, for a screen reader's voice.
  const std::string title_lang = lang_attribute(credit.title_lang, LangSyntax::kXml);
  g.lines(credit.title, kTitle, "font-size=\"22\" font-weight=\"700\"" + title_lang);
  g.legend();
  if (!credit.y_title.empty()) g.lines(credit.y_title, kFont, "font-weight=\"700\"");
  if (rows)
    g.rows();
  else
    g.columns();
  if (!d.provisional.empty()) g.lines(provisional_note(view), kFont);
  g.y += 6;
  g.line(kPad, g.y, kWidth - kPad, g.y, "stroke=\"#d9d9d9\"");
  g.y += 4;
  std::string source = credit.source.empty() ? credit.publisher : credit.source;
  std::string license = credit.license_name;
  if (!credit.license_url.empty()) license += " (" + credit.license_url + ")";
  g.lines(view.format("chart_file_source", "Source: {source}", {{"source", source}}), kFont);
  g.lines(view.format("chart_file_data", "Data: {url}", {{"url", credit.data_url}}), kFont);
  g.lines(view.format("chart_file_license", "Licence: {license}", {{"license", license}}), kFont);
  double height = std::ceil(g.y + kPad);

  std::string s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  s += "<svg xmlns=\"http://www.w3.org/2000/svg\" "
       "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
       "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:cc=\"http://creativecommons.org/ns#\" "
       "width=\"" +
       px(kWidth) + "\" height=\"" + px(height) + "\" viewBox=\"0 0 " + px(kWidth) + " " +
       px(height) + "\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" xml:lang=\"" +
       html_escape(credit.lang) +
       "\" font-family=\"'Noto Sans CJK TC', 'Noto Sans', sans-serif\" font-size=\"16\" "
       "fill=\"#1b1b1b\">\n";
  s += "<title id=\"chart-title\"" + title_lang + ">" + html_escape(credit.title) + "</title>\n";
  s += "<desc id=\"chart-desc\">" + html_escape(credit.summary) + "</desc>\n";
  s += "<metadata>\n<rdf:RDF>\n<cc:Work rdf:about=\"\">\n";
  s += "<dc:title" + title_lang + ">" + html_escape(credit.title) + "</dc:title>\n";
  s += "<dc:description>" + html_escape(credit.summary) + "</dc:description>\n";
  s += "<dc:format>image/svg+xml</dc:format>\n";
  s += "<dc:language>" + html_escape(credit.lang) + "</dc:language>\n";
  s += "<dc:publisher" + lang_attribute(credit.publisher_lang, LangSyntax::kXml) + ">" +
       html_escape(credit.publisher) + "</dc:publisher>\n";
  // Who made the figures, as the visible "Source:" line names them (the publisher when the
  // dataset names no other source), so that a copy passed on still says it.
  s += "<dc:creator>" + html_escape(source) + "</dc:creator>\n";
  s += "<dc:source>" + html_escape(credit.data_url) + "</dc:source>\n";
  s += "<dc:rights>" + html_escape(credit.license_name) + "</dc:rights>\n";
  if (!credit.license_url.empty()) {
    s += "<cc:license rdf:resource=\"" + html_escape(credit.license_url) + "\"/>\n";
  }
  s += "</cc:Work>\n</rdf:RDF>\n</metadata>\n";
  s += chart_defs("s", d.series.size());
  s += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
  s += g.out;
  s += "</svg>\n";
  return s;
}

std::string chart_csv(const ChartData& d, const std::string& x_column) {
  // A chart with provisional figures says which in a column of its own, kept by any
  // spreadsheet that opens the file: true on their lines, false on the others.
  const bool provisional = !d.provisional.empty();
  std::string s = csv_quote(x_column);
  for (const ChartSeries& series : d.series) s += "," + csv_quote(series.column);
  if (provisional) s += "," + csv_quote(kProvisionalCsvColumn);
  s += "\n";
  for (size_t i = 0; i < d.size(); ++i) {
    s += csv_quote(d.x[i].to_text());
    for (const ChartSeries& series : d.series) {
      s += ",";
      if (has_value(series.values[i])) s += chart_number(series.values[i], series.decimals);
    }
    if (provisional) s += d.is_provisional(i) ? ",true" : ",false";
    s += "\n";
  }
  return s;
}

}  // namespace firefly
