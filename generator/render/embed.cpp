#include "render/embed.h"

#include <algorithm>

#include "core/language_tag.h"
#include "core/sha256.h"
#include "core/text.h"
#include "core/yaml.h"
#include "load/chart_spec.h"
#include "render/chart.h"
#include "render/chart_group.h"

namespace firefly {

namespace {

const std::vector<std::string> kChartKeys = {"dataset", "x", "y", "kind", "title", "where"};
const std::vector<std::string> kTableKeys = {"dataset", "columns", "where", "title", "limit"};

/// Checks one embed block and reports its mistakes.
struct EmbedChecker {
  const std::string& path;
  Pos fallback;  ///< the block's first line, for values without a position
  Diagnostics& diags;
  bool ok = true;

  Pos at(const Value& v) const { return v.pos.line ? v.pos : fallback; }

  void error(const Value& v, std::string message, std::string hint = {}) {
    diags.error(path, at(v), std::move(message), std::move(hint));
    ok = false;
  }

  /// The `limit:` of a table block; 0 when it has none or after reporting a wrong one.
  size_t limit(const Value& block) {
    const Value* limit = block.find("limit");
    if (!limit || limit->is_null()) return 0;
    if (!limit->is_int() || limit->as_int() < 1) {
      error(*limit, "'limit' must be a whole number of rows, at least 1");
      return 0;
    }
    return static_cast<size_t>(limit->as_int());
  }

  std::string suggest(std::string_view word, const std::vector<std::string>& names) {
    std::string best = did_you_mean(word, names);
    return best.empty() ? std::string() : "did you mean " + in_quotes(best) + "?";
  }

  /// The column named by `v` (a scalar) in `ds`, or "" after reporting.
  std::string column(const Value& v, const Dataset& ds, std::string_view key) {
    if (v.is_null() || v.is_map() || v.is_list()) {
      error(v, in_quotes(key) + " must be a column name of " + in_quotes(ds.name));
      return {};
    }
    std::string name = v.to_text();
    if (ds.column_index(name) < 0) {
      error(v, "unknown column " + in_quotes(name) + " in dataset " + in_quotes(ds.name),
            did_you_mean_or_list(name, ds.column_names(), "the columns"));
      return {};
    }
    return name;
  }

  std::vector<std::pair<std::string, Value>> where(const Value& block, const Dataset& ds) {
    std::vector<std::pair<std::string, Value>> out;
    const Value* w = block.find("where");
    if (!w || w->is_null()) return out;
    if (!w->is_map()) {
      error(*w, "'where' must be a map of column: value, e.g. {year: 2021}");
      return out;
    }
    for (const auto& [name, value] : w->as_map()) {
      if (ds.column_index(name) < 0) {
        error(value,
              "unknown column " + in_quotes(name) + " in 'where' of dataset " + in_quotes(ds.name),
              did_you_mean_or_list(name, ds.column_names(), "the columns"));
      } else if (value.is_map()) {
        error(value, "'where' values must be a value or a list of values");
      } else {
        out.emplace_back(name, value);
      }
    }
    return out;
  }
};

std::string source_link(const Dataset& ds, const DataView& view) {
  std::string html = html_escape(view.text("data_source_link", "Data:")) + " <a href=\"" +
                     html_escape(view.dataset_url(ds.name)) + "\"" +
                     lang_attribute(view.lang_of(ds.title)) + ">";
  append_html_escaped(html, view.pick(ds.title));
  html += "</a>";
  return html;
}

/// The downloads of `ds` on its dataset page.
std::string downloads_url(const Dataset& ds, const DataView& view) {
  return view.dataset_url(ds.name) + "#downloads-title";
}

std::string scroll_wrap(const std::string& table, const std::string& caption_id) {
  return "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-labelledby=\"" +
         caption_id + "\">\n" + table + "</div>\n";
}

/// Everything of a localized text, for telling texts apart.
std::string localized_key(const Localized& text) {
  std::string key = text.plain;
  for (const auto& [lang, words] : text.by_lang) key += "\n" + lang + "=" + words;
  return key;
}

/// The variant part of the file names of an embedded chart (see chart_file_stem): none
/// when it draws what another chart of the same columns without `where` and title draws
/// (or the dataset page's chart, when it is that one), else a digest of its rows and title.
std::string chart_variant(const Dataset& ds, const ChartSpec& spec,
                          const std::vector<std::pair<std::string, Value>>& where) {
  const bool page_chart =
      ds.chart && chart_file_stem(ds.name, *ds.chart) == chart_file_stem(ds.name, spec);
  if (where.empty()) {
    const std::string title = localized_key(spec.title);
    if (page_chart ? title == localized_key(ds.chart->title) : title.empty()) return {};
  }
  std::string key = localized_key(spec.title);
  for (const auto& [column, value] : where) {
    key += "\n" + column + ":";
    if (!value.is_list()) key += value.to_text();
    for (const Value& v : value.is_list() ? value.as_list() : List{}) key += v.to_text() + "\x1f";
  }
  return sha256_hex(key).substr(0, 8);
}

}  // namespace

std::string render_embed(std::string_view kind, std::string_view yaml_text, const std::string& path,
                         int line, const std::vector<Dataset>& datasets, const DataView& view,
                         Diagnostics& diags, const std::set<std::string>& withheld) {
  EmbedChecker check{path, Pos{line + 1, 1}, diags};
  Value block = parse_yaml(yaml_text, path, diags, line);
  if (block.is_null() && diags.has_errors()) return {};
  if (!block.is_map()) {
    check.error(block,
                "a ```" + std::string(kind) + " block must hold YAML keys, e.g. dataset: awards");
    return {};
  }
  const bool is_chart = kind == "chart";
  const auto& keys = is_chart ? kChartKeys : kTableKeys;
  for (const auto& [key, value] : block.as_map()) {
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      check.error(value,
                  "unknown key " + in_quotes(key) + " in a ```" + std::string(kind) + " block",
                  check.suggest(key, keys));
    }
  }
  const Value& name_value = block.get("dataset");
  if (name_value.is_null()) {
    check.error(block, "a ```" + std::string(kind) + " block needs 'dataset: <name>'");
    return {};
  }
  std::string name = name_value.to_text();
  auto it = std::find_if(datasets.begin(), datasets.end(),
                         [&](const Dataset& d) { return d.name == name; });
  if (it == datasets.end()) {
    if (withheld.count(name)) {
      // Left out for its errors: the block's columns cannot be checked, its own words can.
      const std::vector<Column> none;
      ChartSpec spec;
      if (is_chart) {
        read_chart_kind(block, ChartFieldsSource{path, check.fallback, none, ""}, diags, spec);
      } else {
        check.limit(block);
      }
      return {};
    }
    std::vector<std::string> names;
    for (const Dataset& d : datasets) names.push_back(d.name);
    check.error(name_value, "unknown dataset " + in_quotes(name),
                did_you_mean_or_list(name, names, "the datasets"));
    return {};
  }
  const Dataset& ds = *it;
  auto where = check.where(block, ds);
  std::string title_error;
  Localized title = to_localized(block.get("title"), &title_error);
  if (!title_error.empty()) check.error(block.get("title"), "'title': " + title_error);
  const std::string id =
      std::string(is_chart ? "chart-" : "table-") + ds.name + "-" + std::to_string(line);

  if (is_chart) {
    ChartSpec spec;
    // A block that names only the dataset (and a title) shows the chart its metadata
    // declares, as its dataset page does.
    const bool declared = ds.chart && !block.find("x") && !block.find("y") && !block.find("kind");
    if (declared) {
      spec = *ds.chart;
    } else if (!read_chart_fields(block,
                                  ChartFieldsSource{path, check.fallback, ds.columns,
                                                    "dataset " + in_quotes(ds.name)},
                                  diags, spec)) {
      check.ok = false;
    }
    if (!declared || !title.empty()) spec.title = title;
    if (!check.ok) return {};
    for (const auto& [column, value] : where) {  // the years a `where:` on x keeps
      if (column != spec.x) continue;
      if (value.is_list()) {
        spec.x_kept.insert(spec.x_kept.end(), value.as_list().begin(), value.as_list().end());
      } else {
        spec.x_kept.push_back(value);
      }
    }
    // Every row when there is no 'where' (no list of a million row numbers to read through).
    std::vector<size_t> rows = where.empty() ? std::vector<size_t>() : select_rows(ds, where);
    if (!where.empty() && rows.empty()) {
      diags.warning(path, check.fallback,
                    "the 'where' of this chart matches no rows of " + in_quotes(ds.name));
    }
    // Rows sharing an x are added up: right for counts, wrong for percentages (two teams'
    // 80% drawn as 160%, and said so to screen readers).
    if (auto x = percent_summed_x(ds, spec, where.empty() ? nullptr : &rows)) {
      check.error(block.find("y") ? block.get("y") : block,
                  "rows of dataset " + in_quotes(ds.name) + " share the x " + in_quotes(*x) +
                      " and a percent column of this chart: it would add their percentages",
                  "keep one row per x with a 'where:' (for example where: {team: north}), or "
                  "chart counts, which add up");
      return {};
    }
    std::string caption = view.pick(title);
    std::string caption_lang = view.lang_of(title);
    if (caption.empty()) {
      caption = view.pick(ds.title);
      caption_lang = view.lang_of(ds.title);
    }
    TableSpec table;  // the chart's values: its rows are the chart's
    table.caption = caption;
    table.caption_lang = caption_lang;
    table.id = id + "-table";
    table.max_rows = kTableMaxRows;  // the downloads have them all
    table.all_rows_url = downloads_url(ds, view);
    ChartHtml drawn =
        render_chart_and_table(ds, spec, where.empty() ? nullptr : &rows, id, table, view, {},
                               chart_file_stem(ds.name, spec, chart_variant(ds, spec, where)));
    // The data behind the chart, under it in the figure and before the caption (a
    // <figcaption> is a figure's first or last child).
    std::string html = "<figure class=\"chart\" id=\"" + id + "\">\n" + drawn.chart;
    html += "<details class=\"chart-data\">\n<summary>" +
            html_escape(view.text("chart_data_table", "Data table")) + "</summary>\n" +
            scroll_wrap(drawn.table, table.id) + "</details>\n";
    html += "<figcaption>" + source_link(ds, view) + "</figcaption>\n";
    html += "</figure>\n";
    return html;
  }

  TableSpec table;
  table.where = where;
  table.id = id + "-caption";
  table.max_rows = kTableMaxRows;
  table.all_rows_url = downloads_url(ds, view);
  table.caption = view.pick(title);
  table.caption_lang = view.lang_of(title);
  if (const Value* cols = block.find("columns"); cols && !cols->is_null()) {
    if (!cols->is_list()) {
      check.error(*cols, "'columns' must be a list of column names, e.g. [year, award]");
    } else {
      for (const Value& c : cols->as_list()) {
        std::string col = check.column(c, ds, "columns");
        if (!col.empty()) table.columns.push_back(col);
      }
    }
  }
  if (size_t limit = check.limit(block)) table.max_rows = limit;
  if (!check.ok) return {};
  return "<figure class=\"data-embed\" id=\"" + id + "\">\n" +
         scroll_wrap(render_data_table(ds, table, view), table.id) + "<figcaption>" +
         source_link(ds, view) + "</figcaption>\n</figure>\n";
}

}  // namespace firefly
