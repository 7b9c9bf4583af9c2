#include "load/dataset_meta.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/host_name.h"
#include "core/language_tag.h"
#include "core/text.h"
#include "load/cell_text.h"
#include "load/chart_spec.h"
#include "load/dataset_key.h"
#include "load/unit_words.h"

namespace firefly {

namespace {

const std::vector<std::string> kDatasetKeys = {
    "title",    "description", "summary",  "source",  "frequency",  "license",
    "chart",    "columns",     "keywords", "version", "indicators", "issued",
    "modified", "temporal",    "spatial",  "key",     "themes",     "translated_from"};
const std::vector<std::string> kSourceKeys = {"agency", "title", "date", "url"};
const std::vector<std::string> kColumnKeys = {"name",        "type",   "title", "unit",
                                              "description", "values", "lang"};
const std::vector<std::string> kChartKeys = {"x", "y", "kind", "title"};
const std::vector<std::string> kTypeNames = {"string", "integer", "number", "boolean", "date"};

const std::vector<std::string> kFrequencies = {"daily",      "weekly", "monthly",  "quarterly",
                                               "semiannual", "yearly", "irregular"};

/// The type another tool's name for a column type means, in any letter case (Integer,
/// int: integer; float: number; bool: boolean; text: string; datetime: date; a year is
/// counted as an integer); "" for any other word.
std::string column_type_meant(const std::string& written) {
  static const std::pair<const char*, const char*> kOthers[] = {
      {"int", "integer"},    {"int32", "integer"},  {"int64", "integer"}, {"long", "integer"},
      {"year", "integer"},   {"count", "integer"},  {"float", "number"},  {"double", "number"},
      {"decimal", "number"}, {"numeric", "number"}, {"real", "number"},   {"percent", "number"},
      {"bool", "boolean"},   {"str", "string"},     {"text", "string"},   {"varchar", "string"},
      {"datetime", "date"},  {"timestamp", "date"}};
  const std::string lower = ascii_lower(written);
  if (std::find(kTypeNames.begin(), kTypeNames.end(), lower) != kTypeNames.end()) return lower;
  for (const auto& [other, type] : kOthers) {
    if (lower == other) return type;
  }
  return "";
}

/// A helper that validates one metadata file and reports into `diags`.
struct MetaReader {
  const std::string& path;
  Diagnostics& diags;

  void unknown_keys(const Value& map, const std::vector<std::string>& allowed,
                    std::string_view what) {
    for (const auto& [key, value] : map.as_map()) {
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        diags.error(path, value.key_pos.line ? value.key_pos : value.pos,
                    "unknown key " + in_quotes(key) + " in " + std::string(what),
                    did_you_mean_hint(key, allowed));
      }
    }
  }

  Localized localized(const Value& map, std::string_view key, bool required) {
    const Value* v = map.find(key);
    if (!v || v->is_null()) {
      if (required && v) {  // `title:` with nothing after it
        diags.error(
            path, v->key_pos.line ? v->key_pos : map.pos, in_quotes(key) + " is empty",
            "write the dataset's " + std::string(key) + " after `" + std::string(key) + ":`");
      } else if (required) {
        diags.error(path, map.pos, "missing required key " + in_quotes(key));
      }
      return {};
    }
    std::string error, hint;
    Localized out = to_localized(*v, &error, &hint);
    if (!error.empty()) diags.error(path, v->pos, in_quotes(key) + ": " + error, hint);
    if (!required || !error.empty()) return out;
    // `title: ""` or `{zh-TW: "", en: …}`: the page in that language would have an empty
    // heading and title, and the catalogue and data package an empty name.
    if (out.by_lang.empty() && trim(out.plain).empty()) {
      diags.error(path, v->pos, in_quotes(key) + " is empty",
                  "write the dataset's " + std::string(key));
    }
    for (const auto& [lang, text] : out.by_lang) {
      if (!trim(text).empty()) continue;
      const Value* entry = v->find(lang);
      diags.error(path, entry && entry->pos.line ? entry->pos : v->pos,
                  in_quotes(key) + " is empty in " + lang,
                  "write the " + std::string(key) + " in " + lang + ", or leave " + lang +
                      " out of the map");
    }
    return out;
  }

  std::string text(const Value& map, std::string_view key) {
    const Value* v = map.find(key);
    if (!v || v->is_null()) return {};
    if (v->is_map() || v->is_list()) {
      diags.error(path, v->pos,
                  in_quotes(key) + " must be text, found " + std::string(v->kind_name()));
      return {};
    }
    return v->to_text();
  }
};

/// The frequency meant by `word` written in a language staff write in (bulanan, รายปี,
/// hằng năm, 每年) or in other English words (annual, every year); "" for another word.
std::string frequency_meant(std::string_view word) {
  static constexpr std::pair<std::string_view, std::string_view> kWords[] = {
      {"harian", "daily"},
      {"setiap hari", "daily"},
      {"hằng ngày", "daily"},
      {"hàng ngày", "daily"},
      {"รายวัน", "daily"},
      {"每日", "daily"},
      {"每天", "daily"},
      {"mingguan", "weekly"},
      {"hằng tuần", "weekly"},
      {"hàng tuần", "weekly"},
      {"รายสัปดาห์", "weekly"},
      {"每週", "weekly"},
      {"每周", "weekly"},
      {"bulanan", "monthly"},
      {"setiap bulan", "monthly"},
      {"hằng tháng", "monthly"},
      {"hàng tháng", "monthly"},
      {"รายเดือน", "monthly"},
      {"每月", "monthly"},
      {"triwulanan", "quarterly"},
      {"kuartalan", "quarterly"},
      {"hằng quý", "quarterly"},
      {"hàng quý", "quarterly"},
      {"รายไตรมาส", "quarterly"},
      {"每季", "quarterly"},
      {"semesteran", "semiannual"},
      {"nửa năm", "semiannual"},
      {"รายครึ่งปี", "semiannual"},
      {"每半年", "semiannual"},
      {"tahunan", "yearly"},
      {"setiap tahun", "yearly"},
      {"hằng năm", "yearly"},
      {"hàng năm", "yearly"},
      {"รายปี", "yearly"},
      {"每年", "yearly"},
      {"annual", "yearly"},
      {"annually", "yearly"},
      {"every year", "yearly"},
      {"tidak tentu", "irregular"},
      {"không định kỳ", "irregular"},
      {"不定期", "irregular"}};
  const std::string lower = ascii_lower(trim(word));
  for (const auto& [other, ours] : kWords) {
    if (lower == other) return std::string(ours);
  }
  return "";
}

bool valid_frequency(std::string_view f) {
  if (std::find(kFrequencies.begin(), kFrequencies.end(), f) != kFrequencies.end()) return true;
  // ISO 8601 repeating interval or duration: R/P1Y, R12/P1M, P3M, PT1H.
  if (starts_with(f, "R")) {
    size_t slash = f.find('/');
    if (slash == std::string_view::npos) return false;
    f.remove_prefix(slash + 1);
  }
  if (!starts_with(f, "P") || f.size() < 3) return false;
  bool in_time = false, digit = false;
  for (char c : f.substr(1)) {
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c == 'T' && !in_time) {
      in_time = true;
    } else if (digit &&
               std::string_view(in_time ? "HMS" : "YMWD").find(c) != std::string_view::npos) {
      digit = false;
    } else {
      return false;
    }
  }
  return !digit;
}

/// `source:` as a text (the agency) or a map {agency, title, date, url}.
DatasetSource read_source(const Value& meta, MetaReader& r) {
  DatasetSource out;
  const Value* v = meta.find("source");
  if (!v || v->is_null()) return out;
  bool structured =
      v->is_map() && !v->as_map().empty() &&
      std::any_of(v->as_map().begin(), v->as_map().end(), [](const auto& kv) {
        return std::find(kSourceKeys.begin(), kSourceKeys.end(), kv.first) != kSourceKeys.end();
      });
  if (!structured) {
    out.agency = r.localized(meta, "source", false);
    return out;
  }
  r.unknown_keys(*v, kSourceKeys, "'source'");
  out.agency = r.localized(*v, "agency", true);
  out.title = r.localized(*v, "title", false);
  std::string date = r.text(*v, "date");
  if (!date.empty()) {
    out.date = parse_date(date);
    if (!out.date) {
      r.diags.error(r.path, v->get("date").pos,
                    "source date " + in_quotes(date) + " is not a date like 2019-12-31",
                    written_day_hint(date));
    }
  }
  out.url = r.text(*v, "url");
  if (!out.url.empty() && !starts_with(out.url, "https://") && !starts_with(out.url, "http://")) {
    r.diags.error(r.path, v->get("url").pos,
                  "source url " + in_quotes(out.url) + " must start with https:// or http://");
  } else if (std::string why = web_address_problem(out.url); !why.empty()) {
    // `https://` alone was a link to nowhere on the dataset's page and in its catalogue entry.
    r.diags.error(r.path, v->get("url").pos, "source url " + in_quotes(out.url) + " " + why);
  }
  return out;
}

/// A column's `values:` (the words of its codes), into `col.values`.
void read_values(const Value& column, Column& col, MetaReader& r) {
  const Value* v = column.find("values");
  if (!v || v->is_null()) return;
  if (!v->is_map()) {
    r.diags.error(r.path, v->pos,
                  "'values' must map each code to its words, e.g. "
                  "{at_least: {zh-TW: 至少, en: at least}}");
    return;
  }
  if (col.type != ColumnType::kString && col.type != ColumnType::kInteger) {
    r.diags.error(r.path, v->pos,
                  "'values' gives words for the codes of a string or integer column, not of " +
                      std::string(column_type_name(col.type)) + " column " + in_quotes(col.name));
    return;
  }
  for (const auto& [code, words] : v->as_map()) {
    std::string error;
    Localized text = to_localized(words, &error);
    if (!error.empty() || text.empty()) {
      r.diags.error(r.path, words.pos,
                    "the words of code " + in_quotes(code) + " in column " + in_quotes(col.name) +
                        " must be a text or a map of language: text");
      continue;
    }
    col.values.emplace_back(code, std::move(text));
  }
}

/// The declared columns; `*all_named` is false when an entry could not be read as a column
/// (then the CSV header cannot be matched against them).
std::optional<std::vector<Column>> read_columns(const Value& meta, MetaReader& r, bool* all_named) {
  *all_named = false;
  const Value* cols = meta.find("columns");
  if (!cols || !cols->is_list() || cols->as_list().empty()) {
    r.diags.error(r.path, cols ? cols->pos : meta.pos,
                  "'columns' must be a list of columns ({name, type, title})");
    return std::nullopt;
  }
  std::vector<Column> out;
  std::set<std::string> seen;
  *all_named = true;
  for (const Value& c : cols->as_list()) {
    if (!c.is_map()) {
      r.diags.error(r.path, c.pos, "each column must be a map like {name: year, type: integer}");
      *all_named = false;
      continue;
    }
    r.unknown_keys(c, kColumnKeys, "a column");
    Column col;
    col.pos = c.pos;
    col.name = r.text(c, "name");
    if (col.name.empty()) {
      r.diags.error(r.path, c.pos, "a column needs a 'name' (its CSV header)");
      *all_named = false;
      continue;
    }
    if (!seen.insert(col.name).second) {
      r.diags.error(r.path, c.pos, "column " + in_quotes(col.name) + " is declared twice");
    }
    std::string type = r.text(c, "type");
    if (type.empty()) type = "string";
    auto it = std::find(kTypeNames.begin(), kTypeNames.end(), type);
    if (it == kTypeNames.end()) {
      // int, float, bool, text: the names of other tools for the same types. The column is
      // read as the type meant, so that no second error follows from its being text.
      std::string meant = column_type_meant(type);
      r.diags.error(r.path, c.get("type").pos,
                    "unknown column type " + in_quotes(type) +
                        " (use string, integer, number, boolean or date)",
                    meant.empty()       ? did_you_mean_hint(type, kTypeNames)
                    : type == "percent" ? "write type: number, and unit: percent for its unit"
                                        : "write type: " + meant);
      if (!meant.empty()) {
        it = std::find(kTypeNames.begin(), kTypeNames.end(), meant);
        col.type = static_cast<ColumnType>(it - kTypeNames.begin());
      }
    } else {
      col.type = static_cast<ColumnType>(it - kTypeNames.begin());
    }
    col.title = r.localized(c, "title", false);
    // `title: {en: ""}` was an empty heading in that language's tables, charts and
    // downloads; `title: "  "` one in every language (now the untitled column's name).
    for (const auto& [lang, words] : col.title.by_lang) {
      if (!trim(words).empty()) continue;
      const Value* entry = c.get("title").find(lang);
      r.diags.error(r.path, entry && entry->pos.line ? entry->pos : c.pos,
                    "the title of column " + in_quotes(col.name) + " is empty in " + lang,
                    "write its title in " + lang + ", or leave " + lang + " out of the map");
    }
    if (col.title.by_lang.empty() && trim(col.title.plain).empty()) col.title.plain.clear();
    if (col.title.empty()) {
      col.untitled = true;
      col.title.plain = col.name;
    }
    col.description = r.localized(c, "description", false);
    col.unit = r.localized(c, "unit", false);
    if (col.unit.by_lang.empty()) {
      if (Localized words = known_unit_words(col.unit.plain, col.unit.pos); !words.empty()) {
        col.unit_code = col.unit.plain;
        col.unit = std::move(words);
      }
    }
    col.lang = r.text(c, "lang");
    if (!col.lang.empty() && !is_language_tag(col.lang)) {
      r.diags.error(r.path, c.get("lang").pos,
                    "column " + in_quotes(col.name) + ": lang " + in_quotes(col.lang) +
                        " is not a language code (a site language such as zh-TW, or a BCP 47 tag)");
      col.lang.clear();
    }
    read_values(c, col, r);
    out.push_back(std::move(col));
  }
  return out;
}

std::optional<ChartSpec> read_chart(const Value& v, MetaReader& r,
                                    const std::vector<Column>& columns) {
  if (!v.is_map()) {
    r.diags.error(r.path, v.pos, "'chart' must be a map like {x: year, y: count, kind: bar}");
    return std::nullopt;
  }
  r.unknown_keys(v, kChartKeys, "'chart'");
  ChartSpec spec;
  spec.title = r.localized(v, "title", false);
  if (!read_chart_fields(v, ChartFieldsSource{r.path, v.pos, columns, "'chart'"}, r.diags, spec)) {
    return std::nullopt;
  }
  return spec;
}

}  // namespace

const char* column_type_name(ColumnType type) {
  return kTypeNames[static_cast<size_t>(type)].c_str();
}

std::optional<std::vector<Column>> read_dataset_metadata(const Value& meta, Dataset& ds,
                                                         Diagnostics& local, bool* all_named) {
  MetaReader r{ds.yaml_path, local};
  r.unknown_keys(meta, kDatasetKeys, "dataset metadata");
  ds.title = r.localized(meta, "title", true);
  ds.description = r.localized(meta, "description", false);
  ds.summary = r.localized(meta, "summary", false);
  ds.source = read_source(meta, r);
  ds.version = r.text(meta, "version");
  ds.frequency = r.text(meta, "frequency");
  if (!ds.frequency.empty() && !valid_frequency(ds.frequency)) {
    const std::string meant = frequency_meant(ds.frequency);
    local.error(ds.yaml_path, meta.get("frequency").pos,
                "unknown frequency " + in_quotes(ds.frequency) +
                    " (use daily, weekly, monthly, quarterly, semiannual, yearly, irregular "
                    "or an ISO 8601 interval such as R/P1Y)",
                meant.empty() ? did_you_mean_hint(ds.frequency, kFrequencies)
                              : "write frequency: " + meant);
  }
  ds.license = r.text(meta, "license");
  check_license(ds.license, ds.yaml_path, meta.get("license").pos, "license", local);
  if (const Value* kw = meta.find("keywords"); kw && !kw->is_null()) {
    if (!kw->is_list()) {
      local.error(ds.yaml_path, kw->pos, "'keywords' must be a list of words");
    } else {
      for (const Value& k : kw->as_list()) {
        // [[a, b]], {en: jobs} or an empty item was published as the keyword "".
        if (k.is_map() || k.is_list() || k.is_null() || k.to_text().empty()) {
          const bool empty = k.is_null() || k.is_string();
          local.error(
              ds.yaml_path, k.pos,
              empty ? std::string("this keyword is empty")
                    : "each keyword must be a word or words, not " + std::string(k.kind_name()),
              "write the keywords in one list, e.g. keywords: [employment, training]");
          continue;
        }
        ds.keywords.push_back(k.to_text());
      }
    }
  }
  read_coverage(meta, ds.yaml_path, ds, local);
  if (const Value* tf = meta.find("translated_from"); tf && !tf->is_null()) {
    if (!tf->is_map()) {
      local.error(ds.yaml_path, tf->pos,
                  "'translated_from' must map languages to the date or commit each follows",
                  "write it like translated_from: {en: 2024-03-05, vi: 1a2b3c4}");
    } else {
      for (const auto& [lang, v] : tf->as_map()) {
        TranslatedFrom& f = ds.translated_from[lang];
        f.text = v.to_text();
        f.pos = v.pos;
        f.date = parse_date(f.text);
        f.is_commit = !f.date;
      }
    }
  }
  auto columns = read_columns(meta, r, all_named);
  if (columns) {
    if (const Value* chart = meta.find("chart"); chart && !chart->is_null()) {
      ds.chart = read_chart(*chart, r, *columns);
    }
    std::vector<std::string> names;
    for (const Column& c : *columns) names.push_back(c.name);
    read_dataset_key(meta, names, ds, local);
    if (const Value* ind = meta.find("indicators"); ind && !ind->is_null()) {
      ds.indicators = read_indicator_spec(*ind, ds.yaml_path, *columns, local);
    }
  }
  return columns;
}

}  // namespace firefly
