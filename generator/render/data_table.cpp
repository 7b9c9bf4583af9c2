#include "render/data_table.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>

#include "core/date.h"
#include "core/language_tag.h"
#include "core/text.h"
#include "render/chart_dates.h"
#include "render/date_labels.h"

namespace firefly {

std::string DataView::data_url() const {
  // A view in a language the site is not published in (the English half of the
  // spreadsheets' about sheet, all.zip's README and the metadata's citations, on a site
  // without English) links the default language's pages: there is no /en/ to link to.
  const bool published = tags.empty() || std::any_of(tags.begin(), tags.end(), [&](const auto& t) {
                           return t.first == lang;
                         });
  return lang == default_lang || !published ? std::string("/data/") : "/" + lang + "/data/";
}

std::string DataView::dataset_url(const std::string& name) const { return data_url() + name + "/"; }

std::string DataView::absolute(std::string_view site_path) const {
  std::string base = base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + std::string(site_path);
}

std::string DataView::text(std::string_view key, std::string_view fallback) const {
  const Value* v = t.find(key);
  if (v && v->is_string() && !v->as_string().empty()) return v->as_string();
  return std::string(fallback);
}

std::string DataView::format(std::string_view key, std::string_view fallback,
                             const std::vector<std::pair<std::string, std::string>>& args) const {
  std::string s = text(key, fallback);
  for (const auto& [name, value] : args) {
    std::string mark = "{" + name + "}";
    for (size_t at = s.find(mark); at != std::string::npos; at = s.find(mark, at + value.size())) {
      s.replace(at, mark.size(), value);
    }
  }
  return s;
}

std::string DataView::tag_of(std::string_view code) const {
  for (const auto& [c, tag] : tags) {
    if (c == code) return tag;
  }
  return code == lang ? html_lang : std::string(code);
}

std::string DataView::lang_of(const Localized& text) const {
  std::string_view code = text.lang_of(lang, default_lang);
  const bool own = code.empty() || code == lang;  // in the reader's language, or in none
  const std::string tag = own ? html_lang : tag_of(code);
  // Wholly in a script that language does not write (Chinese notes in a column of a site in
  // Vietnamese, on any of its pages): the script's language says it.
  std::string by_script = text_language(pick(text), tag, scripts);
  if (by_script.empty()) return own ? std::string() : tag;
  return by_script == html_lang ? std::string() : by_script;
}

void DataView::add_marked(Map& m, std::string_view name, const Localized& text,
                          const std::string& lang) const {
  add_marked_html(m, name, pick(text), lang.empty() ? html_lang : lang, scripts);
}

std::string DataView::cell_lang(const Column& column) const {
  if (column.type != ColumnType::kString || !column.values.empty()) return {};
  const std::string& code = column.lang.empty() ? default_lang : column.lang;
  std::string tag = tag_of(code);
  return code == lang || tag == html_lang ? std::string() : tag;
}

std::string in_lang(const std::string& text, const std::string& lang) {
  return lang.empty() ? html_escape(text)
                      : "<span" + lang_attribute(lang) + ">" + html_escape(text) + "</span>";
}

namespace {
/// The digits after the point of `v` written the shortest way that reads back as it (the
/// CSV's digits: 1.584 has 3, 0.00125 has 5), so that no figure is rounded on a page.
int own_decimals(double v) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
  std::string_view text(buf, res.ec == std::errc() ? static_cast<size_t>(res.ptr - buf) : 0);
  size_t dot = text.find('.');
  return dot == std::string_view::npos ? 0 : static_cast<int>(text.size() - dot - 1);
}
}  // namespace

bool is_numeric_column(const Column& column) {
  return column.type == ColumnType::kNumber ||
         (column.type == ColumnType::kInteger && !is_year_column(column));
}

std::string format_cell(const Value& value, const Column& column, const DataView& view) {
  if (value.is_null()) return "";
  if (!column.values.empty()) {
    if (const Localized* words = column.label_of(value.to_text())) return view.pick(*words);
  }
  switch (column.type) {
    case ColumnType::kInteger:
      if (is_year_column(column) || !value.is_number()) return value.to_text();
      if (value.is_int()) return format_integer(value.as_int(), view.locale());
      return format_number(value.as_double(), view.locale(), 0);
    case ColumnType::kNumber:
      return value.is_number() ? format_number(value.as_double(), view.locale(),
                                               std::max(4, own_decimals(value.as_double())))
                               : value.to_text();
    case ColumnType::kBoolean:
      return value.is_bool() && value.as_bool() ? view.text("data_yes", "Yes")
                                                : view.text("data_no", "No");
    case ColumnType::kDate: {
      auto d = parse_date(value.to_text());
      return d ? format_date(*d, view.locale()) : value.to_text();
    }
    case ColumnType::kString:
      break;
  }
  return value.to_text();
}

std::string column_heading(const Column& column, const DataView& view) {
  std::string title = view.pick(column.title);
  if (title.empty()) title = column.name;
  if (!column.unit.empty()) title += " (" + view.pick(column.unit) + ")";
  return title;
}

namespace {
// U+E000 lang U+E001 text U+E002: a part in another language inside a sentence.
constexpr std::string_view kOpen = "\xEE\x80\x80", kMid = "\xEE\x80\x81", kClose = "\xEE\x80\x82";

std::string unmark(std::string_view marked, bool html) {
  std::string out;
  while (!marked.empty()) {
    size_t open = marked.find(kOpen);
    std::string_view before = marked.substr(0, open);
    out += html ? html_escape(before) : std::string(before);
    if (open == std::string_view::npos) break;
    marked.remove_prefix(open + kOpen.size());
    size_t mid = marked.find(kMid), close = marked.find(kClose);
    if (mid == std::string_view::npos || close == std::string_view::npos || close < mid) break;
    std::string_view lang = marked.substr(0, mid);
    std::string_view text = marked.substr(mid + kMid.size(), close - mid - kMid.size());
    out += html ? "<span lang=\"" + html_escape(lang) + "\">" + html_escape(text) + "</span>"
                : std::string(text);
    marked.remove_prefix(close + kClose.size());
  }
  return out;
}
}  // namespace

std::string mark_lang(const std::string& text, const std::string& lang) {
  if (lang.empty() || text.empty()) return text;
  return std::string(kOpen) + lang + std::string(kMid) + text + std::string(kClose);
}

std::string unmark_text(std::string_view marked) { return unmark(marked, false); }

std::string unmark_html(std::string_view marked) { return unmark(marked, true); }

std::string column_heading_html(const Column& column, const DataView& view) {
  auto part = [&](const Localized& text, const std::string& shown) {
    return in_lang(shown, view.lang_of(text));
  };
  std::string title = view.pick(column.title);
  std::string html = title.empty() ? html_escape(column.name) : part(column.title, title);
  if (!column.unit.empty()) html += " (" + part(column.unit, view.pick(column.unit)) + ")";
  return html;
}

std::vector<size_t> select_rows(const Dataset& ds,
                                const std::vector<std::pair<std::string, Value>>& where) {
  auto same = [](const Value& cell, const Value& want) {
    if (cell.is_number() && want.is_number()) return cell.as_double() == want.as_double();
    if (cell.is_number() && want.is_string()) {
      char* end = nullptr;
      double d = std::strtod(want.as_string().c_str(), &end);
      if (end && *end == '\0' && !want.as_string().empty()) return cell.as_double() == d;
    }
    return !cell.is_null() && cell.to_text() == want.to_text();
  };
  std::vector<size_t> out;
  for (size_t r = 0; r < ds.row_count(); ++r) {
    if (where.empty()) {
      out.push_back(r);
      continue;
    }
    const std::vector<Value> row = ds.row(r);
    bool keep = true;
    for (const auto& [name, want] : where) {
      int c = ds.column_index(name);
      if (c < 0) continue;
      const Value& cell = row[static_cast<size_t>(c)];
      bool any = false;
      if (want.is_list()) {
        for (const Value& w : want.as_list()) any = any || same(cell, w);
      } else {
        any = same(cell, want);
      }
      keep = keep && any;
    }
    if (keep) out.push_back(r);
  }
  return out;
}

std::string data_table_caption(const Dataset& ds, const TableSpec& spec, size_t shown, size_t total,
                               const DataView& view) {
  std::string html = "<caption";
  if (!spec.id.empty()) html += " id=\"" + html_escape(spec.id) + "\"";
  html += ">";
  if (spec.caption.empty()) {
    std::string title_lang = view.lang_of(ds.title);
    if (!title_lang.empty()) html += "<span" + lang_attribute(title_lang) + ">";
    append_html_escaped(html, view.pick(ds.title));
    if (!title_lang.empty()) html += "</span>";
  } else {
    if (!spec.caption_lang.empty()) html += "<span" + lang_attribute(spec.caption_lang) + ">";
    append_html_escaped(html, spec.caption);
    if (!spec.caption_lang.empty()) html += "</span>";
  }
  if (shown < total) {
    html += " <span class=\"meta\">";
    append_html_escaped(
        html,
        view.format("data_showing_rows", "(showing {shown} of {total} rows)",
                    {{"shown", format_number(static_cast<double>(shown), view.locale(), 0)},
                     {"total", format_number(static_cast<double>(total), view.locale(), 0)}}));
    if (!spec.all_rows_url.empty()) {
      html += " <a href=\"" + html_escape(spec.all_rows_url) + "\">";
      append_html_escaped(html, view.text("data_all_rows_link", "all rows are in the downloads"));
      html += "</a>";
    }
    html += "</span>";
  }
  html += "</caption>\n";
  return html;
}

std::string missing_value_html(const DataView& view) {
  return "<span aria-hidden=\"true\">–</span><span class=\"visually-hidden\">" +
         html_escape(view.text("data_missing", "no value")) + "</span>";
}

namespace {

/// How the table writes the dates of column `c` of `ds`: as the periods they stand for,
/// as a chart over the column labels them (date_labels over all of the column's dates).
DateLabels column_date_labels(const Dataset& ds, size_t c) {
  std::vector<std::string> dates;
  for (size_t r = 0; r < ds.row_count(); ++r) {
    std::vector<std::string> cells = ds.cells(r);
    if (c < cells.size() && !cells[c].empty()) dates.push_back(std::move(cells[c]));
  }
  std::sort(dates.begin(), dates.end());
  dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
  return date_labels(ds.frequency, dates, date_series(dates).part);
}

}  // namespace

std::string render_data_table(const Dataset& ds, const TableSpec& spec, const DataView& view) {
  std::vector<size_t> cols;
  if (spec.columns.empty()) {
    for (size_t i = 0; i < ds.columns.size(); ++i) cols.push_back(i);
  } else {
    for (const std::string& name : spec.columns) {
      int c = ds.column_index(name);
      if (c >= 0) cols.push_back(static_cast<size_t>(c));
    }
  }
  std::vector<size_t> rows = select_rows(ds, spec.where);
  const size_t total = rows.size();
  if (spec.max_rows > 0 && rows.size() > spec.max_rows) rows.resize(spec.max_rows);

  auto numeric = [&](size_t c) { return is_numeric_column(ds.columns[c]); };
  // A quarterly dataset's row of 2023-10-01 is "Q4 2023" here as on its chart.
  std::vector<DateLabels> date_text(cols.size());
  for (size_t i = 0; i < cols.size(); ++i) {
    const Column& column = ds.columns[cols[i]];
    if (column.type == ColumnType::kDate && column.values.empty() && !rows.empty()) {
      date_text[i] = column_date_labels(ds, cols[i]);
    }
  }
  std::string html = "<table class=\"data-table\">\n" +
                     data_table_caption(ds, spec, rows.size(), total, view) + "<thead>\n<tr>";
  for (size_t c : cols) {
    html += numeric(c) ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">";
    html += column_heading_html(ds.columns[c], view) + "</th>";
  }
  html += "</tr>\n</thead>\n<tbody>\n";
  if (rows.empty()) {
    html += "<tr><td colspan=\"" + std::to_string(cols.size()) + "\">";
    append_html_escaped(html, view.text("data_no_rows", "No rows match."));
    html += "</td></tr>\n";
  }
  for (size_t r : rows) {
    const std::vector<Value> row = ds.row(r);
    html += "<tr>";
    for (size_t i = 0; i < cols.size(); ++i) {
      size_t c = cols[i];
      const Value& v = row[c];
      const char* tag = i == 0 ? "th" : "td";
      html += "<";
      html += tag;
      if (i == 0) html += " scope=\"row\"";
      if (numeric(c)) html += " class=\"num\"";
      if (!v.is_null()) html += lang_attribute(view.cell_lang(ds.columns[c]));
      html += ">";
      if (v.is_null()) {
        html += missing_value_html(view);
      } else if (ds.columns[c].type == ColumnType::kDate) {
        html += "<time datetime=\"" + html_escape(v.to_text()) + "\">";
        std::optional<Date> day = parse_date(v.to_text());
        append_html_escaped(html, day && ds.columns[c].values.empty()
                                      ? date_text[i].label(*day, view)
                                      : format_cell(v, ds.columns[c], view));
        html += "</time>";
      } else {
        std::string text = html_escape(format_cell(v, ds.columns[c], view));
        for (size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at)) {
          text.replace(at, 1, "<br>");
        }
        html += text;
      }
      html += "</";
      html += tag;
      html += ">";
    }
    html += "</tr>\n";
  }
  html += "</tbody>\n</table>\n";
  return html;
}

}  // namespace firefly
