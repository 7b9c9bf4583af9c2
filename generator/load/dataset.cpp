#include "load/dataset.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <limits>
#include <map>
#include <set>

#include "core/fs.h"
#include "core/language_tag.h"
#include "core/text.h"
#include "core/yaml.h"
#include "load/chart_spec.h"
#include "load/dataset_history.h"
#include "load/dataset_key.h"

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

bool is_integer_text(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  if (s.empty()) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_decimal_text(std::string_view s) {
  size_t i = 0;
  auto digits = [&] {
    size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i - start;
  };
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  size_t whole = digits();
  size_t frac = 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    frac = digits();
  }
  if (whole + frac == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    if (digits() == 0) return false;
  }
  return i == s.size();
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
      if (required) diags.error(path, map.pos, "missing required key " + in_quotes(key));
      return {};
    }
    std::string error;
    Localized out = to_localized(*v, &error);
    if (!error.empty()) diags.error(path, v->pos, in_quotes(key) + ": " + error);
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
                    "source date " + in_quotes(date) + " is not a date like 2019-12-31");
    }
  }
  out.url = r.text(*v, "url");
  if (!out.url.empty() && !starts_with(out.url, "https://") && !starts_with(out.url, "http://")) {
    r.diags.error(r.path, v->get("url").pos,
                  "source url " + in_quotes(out.url) + " must start with https:// or http://");
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
      r.diags.error(r.path, c.get("type").pos,
                    "unknown column type " + in_quotes(type) +
                        " (use string, integer, number, boolean or date)",
                    did_you_mean_hint(type, kTypeNames));
    } else {
      col.type = static_cast<ColumnType>(it - kTypeNames.begin());
    }
    col.title = r.localized(c, "title", false);
    if (col.title.empty()) col.title.plain = col.name;
    col.description = r.localized(c, "description", false);
    col.unit = r.localized(c, "unit", false);
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

/// Above this many undeclared columns, the header gets one error that counts them.
constexpr size_t kMaxColumnErrors = 5;

/// Sets `ds.columns` from the CSV header and the declared `columns`, reporting columns
/// missing from either side.
void match_header(const CsvRecord& header_record, const std::vector<Column>& columns, Dataset& ds,
                  Diagnostics& diags) {
  std::vector<std::string> declared;
  std::map<std::string_view, int> declared_index;
  for (size_t i = 0; i < columns.size(); ++i) {
    declared.push_back(columns[i].name);
    declared_index.emplace(columns[i].name, static_cast<int>(i));
  }
  const auto& header = header_record.fields;
  std::set<std::string_view> in_header(header.begin(), header.end());
  std::vector<size_t> undeclared;
  for (size_t i = 0; i < header.size(); ++i) {
    auto it = declared_index.find(header[i]);
    if (it == declared_index.end()) {
      if (!header[i].empty()) undeclared.push_back(i);
      ds.columns.push_back(Column{header[i], ColumnType::kString, {}, {}, {}, {}});
    } else {
      ds.columns.push_back(columns[static_cast<size_t>(it->second)]);
    }
  }
  if (undeclared.size() > kMaxColumnErrors) {
    // One error for a header of thousands of unknown columns, not one per column.
    std::string names;
    for (size_t k = 0; k < 3; ++k) names += in_quotes(header[undeclared[k]]) + ", ";
    diags.error(ds.csv_path, Pos{header_record.line, static_cast<int>(undeclared[0]) + 1},
                std::to_string(undeclared.size()) + " columns of the header are not declared in " +
                    ds.yaml_path + ": " + names + "and " + std::to_string(undeclared.size() - 3) +
                    " more",
                "declare each column under 'columns:' in " + ds.yaml_path +
                    ", or remove the columns from the CSV file");
    undeclared.clear();
  }
  for (size_t i : undeclared) {
    diags.error(ds.csv_path, Pos{header_record.line, static_cast<int>(i) + 1},
                "column " + in_quotes(header[i]) + " is not declared in " + ds.yaml_path,
                did_you_mean_hint(header[i], declared));
  }
  for (const Column& c : columns) {
    if (!in_header.count(c.name) && !header.empty()) {
      diags.error(ds.yaml_path, c.pos,
                  "column " + in_quotes(c.name) + " is declared but missing from " + ds.csv_path,
                  did_you_mean_hint(c.name, header));
    }
  }
}

}  // namespace

const char* column_type_name(ColumnType type) {
  return kTypeNames[static_cast<size_t>(type)].c_str();
}

const Localized* Column::label_of(std::string_view code) const {
  for (const auto& [c, words] : values) {
    if (c == code) return &words;
  }
  return nullptr;
}

int Dataset::column_index(std::string_view column) const {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].name == column) return static_cast<int>(i);
  }
  return -1;
}

std::vector<std::string> Dataset::column_names() const {
  std::vector<std::string> out;
  for (const Column& c : columns) out.push_back(c.name);
  return out;
}

std::vector<std::string> Dataset::cells(size_t r) const {
  static const std::string kNoPath;
  Diagnostics ignored;  // the file was checked when it was loaded
  CsvReader reader(csv_bytes, kNoPath, ignored, row_starts.at(r));
  CsvRecord record;
  reader.next(record);
  return std::move(record.fields);
}

std::vector<Value> Dataset::row(size_t r) const {
  std::vector<std::string> texts = cells(r);
  std::vector<Value> out;
  out.reserve(columns.size());
  for (size_t i = 0; i < columns.size(); ++i) {
    out.push_back(i < texts.size() ? type_cell(texts[i], columns[i], nullptr) : Value());
  }
  return out;
}

int Dataset::row_line(size_t r) const {
  std::string_view before = std::string_view(csv_bytes).substr(0, row_starts.at(r));
  int line = 1;
  for (size_t i = 0; i < before.size(); ++i) {
    if (before[i] == '\n' ||
        (before[i] == '\r' && (i + 1 == before.size() || before[i + 1] != '\n'))) {
      ++line;
    }
  }
  return line;
}

void Dataset::index_rows() {
  row_starts.clear();
  Diagnostics ignored;
  CsvRecord header;
  scan_csv(csv_bytes, csv_path, ignored, header, [&](const CsvRecord&, size_t offset) {
    row_starts.push_back(static_cast<std::uint32_t>(offset));
  });
}

size_t Dataset::memory_bytes() const {
  return csv_bytes.capacity() + row_starts.capacity() * sizeof(std::uint32_t);
}

Value type_cell(std::string_view text, const Column& column, std::string* error) {
  if (column.type == ColumnType::kString) {
    return text.empty() ? Value() : Value(std::string(text));
  }
  std::string_view t = trim(text);
  if (t.empty()) return Value();
  auto fail = [&](std::string_view what) {
    if (error) {
      *error = "value " + in_quotes(text) + " in column " + in_quotes(column.name) + " is not " +
               std::string(what);
    }
    return Value();
  };
  switch (column.type) {
    case ColumnType::kInteger: {
      if (!is_integer_text(t)) return fail("a whole number");
      errno = 0;
      std::string s(t);
      long long n = std::strtoll(s.c_str(), nullptr, 10);
      if (errno == ERANGE) return fail("a whole number in range");
      return Value(static_cast<std::int64_t>(n));
    }
    case ColumnType::kNumber: {
      if (!is_decimal_text(t)) return fail("a number");
      std::string s(t);
      errno = 0;
      double d = std::strtod(s.c_str(), nullptr);
      if (errno == ERANGE && (d > 1e308 || d < -1e308)) return fail("a number in range");
      return Value(d);
    }
    case ColumnType::kBoolean: {
      std::string lower = ascii_lower(t);
      if (lower == "true") return Value(true);
      if (lower == "false") return Value(false);
      return fail("true or false");
    }
    case ColumnType::kDate: {
      auto d = parse_date(t);
      if (!d || d->has_time) return fail("a date (YYYY-MM-DD)");
      return Value(d->iso());
    }
    case ColumnType::kString:
      break;
  }
  return Value(std::string(text));
}

bool is_license_id(std::string_view license) {
  if (license.empty()) return false;
  return std::all_of(license.begin(), license.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_';
  });
}

std::string license_url(std::string_view license) {
  static const std::map<std::string, std::string, std::less<>> kUrls = {
      {"OGDL-Taiwan-1.0", "https://data.gov.tw/license"},
      {"CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/"},
      {"CC-BY-SA-4.0", "https://creativecommons.org/licenses/by-sa/4.0/"},
      {"CC0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/"},
      {"ODC-BY-1.0", "https://opendatacommons.org/licenses/by/1-0/"},
      {"PDDL-1.0", "https://opendatacommons.org/licenses/pddl/1-0/"},
  };
  auto it = kUrls.find(license);
  return it == kUrls.end() ? std::string() : it->second;
}

std::optional<Dataset> build_dataset(const std::string& name, const Value& meta,
                                     std::string csv_bytes, Diagnostics& diags) {
  Dataset ds;
  ds.name = name;
  ds.csv_path = "data/" + name + ".csv";
  ds.yaml_path = "data/" + name + ".yaml";
  ds.csv_bytes = std::move(csv_bytes);
  Diagnostics local;
  MetaReader r{ds.yaml_path, local};
  if (!meta.is_map()) {
    diags.error(ds.yaml_path, meta.pos, "the metadata must be a map (title, columns, ...)");
    return std::nullopt;
  }
  r.unknown_keys(meta, kDatasetKeys, "dataset metadata");
  ds.title = r.localized(meta, "title", true);
  ds.description = r.localized(meta, "description", false);
  ds.summary = r.localized(meta, "summary", false);
  ds.source = read_source(meta, r);
  ds.version = r.text(meta, "version");
  ds.frequency = r.text(meta, "frequency");
  if (!ds.frequency.empty() && !valid_frequency(ds.frequency)) {
    local.error(ds.yaml_path, meta.get("frequency").pos,
                "unknown frequency " + in_quotes(ds.frequency) +
                    " (use daily, weekly, monthly, quarterly, semiannual, yearly, irregular "
                    "or an ISO 8601 interval such as R/P1Y)",
                did_you_mean_hint(ds.frequency, kFrequencies));
  }
  ds.license = r.text(meta, "license");
  if (!ds.license.empty() && !is_license_id(ds.license)) {
    local.error(ds.yaml_path, meta.get("license").pos,
                "licence " + in_quotes(ds.license) +
                    " is not a licence id (letters, digits, '-', '.', '_'), e.g. OGDL-Taiwan-1.0");
  }
  if (const Value* kw = meta.find("keywords"); kw && !kw->is_null()) {
    if (!kw->is_list()) {
      local.error(ds.yaml_path, kw->pos, "'keywords' must be a list of words");
    } else {
      for (const Value& k : kw->as_list()) ds.keywords.push_back(k.to_text());
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
  bool all_named = false;
  auto columns = read_columns(meta, r, &all_named);
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
  diags.append(local);
  // An error in the metadata does not hide those of the rows while every column is known
  // (a column of an unknown type is read as text); the dataset is not published.
  const bool metadata_ok = !local.has_errors();
  if (!columns || !all_named) return std::nullopt;

  // Check the CSV against the declared columns (any order), keeping only row offsets.
  Diagnostics csv_diags;
  if (ds.csv_bytes.size() > std::numeric_limits<std::uint32_t>::max()) {
    diags.error(ds.csv_path, Pos{}, "the file is larger than 4 GB",
                "split it into several datasets");
    return std::nullopt;
  }
  CsvRecord header_record;
  bool matched = false;  // the header is matched when the first row (or the end) is reached
  bool read =
      scan_csv(ds.csv_bytes, ds.csv_path, csv_diags, header_record,
               [&](const CsvRecord& rec, size_t offset) {
                 if (!matched) match_header(header_record, *columns, ds, csv_diags);
                 matched = true;
                 for (size_t i = 0; i < rec.fields.size(); ++i) {
                   std::string error;
                   type_cell(rec.fields[i], ds.columns[i], &error);
                   if (!error.empty()) {
                     csv_diags.error(ds.csv_path, Pos{rec.line, static_cast<int>(i) + 1}, error);
                   }
                 }
                 ds.row_starts.push_back(static_cast<std::uint32_t>(offset));
               });
  if (read && !matched) match_header(header_record, *columns, ds, csv_diags);
  ds.row_starts.shrink_to_fit();
  if (!csv_diags.has_errors()) check_key_unique(ds, csv_diags);
  diags.append(csv_diags);
  if (csv_diags.has_errors() || !metadata_ok) return std::nullopt;
  if (!ds.temporal) ds.temporal = rows_period(ds);
  if (ds.declared_modified) ds.updated = *ds.declared_modified;
  if (ds.declared_issued) ds.issued = *ds.declared_issued;
  return ds;
}

std::vector<Dataset> load_datasets(const std::filesystem::path& site_dir, const TimeZone& zone,
                                   Diagnostics& diags, size_t versions_kept,
                                   std::vector<std::string>* withheld) {
  auto withhold = [&](const std::string& name) {
    if (withheld) withheld->push_back(name);
  };
  std::map<std::string, std::pair<std::filesystem::path, std::filesystem::path>> pairs;
  std::vector<std::string> special;
  std::vector<FoundFile> found = list_files(site_dir / "data", site_dir, nullptr, &special);
  for (const std::string& rel : special) {
    diags.error("data/" + rel, Pos{}, kSpecialFileMessage, "replace it with a CSV or YAML file");
  }
  for (const FoundFile& f : found) {
    if (f.rel.find('/') != std::string::npos) continue;  // only the top folder
    if (ends_with(f.rel, ".csv")) {
      pairs[f.rel.substr(0, f.rel.size() - 4)].first = f.full;
    } else if (ends_with(f.rel, ".yaml")) {
      pairs[f.rel.substr(0, f.rel.size() - 5)].second = f.full;
    } else if (ends_with(f.rel, ".yml")) {
      diags.error("data/" + f.rel, Pos{}, "dataset metadata must end in .yaml",
                  "rename it to " + f.rel.substr(0, f.rel.size() - 4) + ".yaml");
    }
  }
  std::vector<Dataset> out;
  for (const auto& [name, files] : pairs) {
    const auto& [csv, yaml] = files;
    if (yaml.empty()) {
      diags.error("data/" + name + ".csv", Pos{}, "data/" + name + ".csv has no metadata",
                  "add data/" + name + ".yaml with its title and columns");
      withhold(name);
      continue;
    }
    if (csv.empty()) {
      diags.error("data/" + name + ".yaml", Pos{}, "data/" + name + ".yaml has no data",
                  "add data/" + name + ".csv (or remove the .yaml)");
      withhold(name);
      continue;
    }
    if (slugify(name) != name) {
      diags.error("data/" + name + ".csv", Pos{},
                  "dataset name '" + name + "' must be lower-case letters, digits and '-'",
                  "rename the files to " + slugify(name) + ".csv and .yaml");
      continue;
    }
    auto yaml_text = read_file(yaml);
    auto csv_text = read_file(csv);
    if (!yaml_text || !csv_text) {
      diags.error("data/" + name + (yaml_text ? ".csv" : ".yaml"), Pos{}, "cannot read the file");
      withhold(name);
      continue;
    }
    Value meta = parse_yaml(*yaml_text, "data/" + name + ".yaml", diags);
    if (meta.is_null() && !trim(*yaml_text).empty()) {
      withhold(name);
      continue;
    }
    auto ds = build_dataset(name, meta, std::move(*csv_text), diags);
    if (!ds) {
      withhold(name);
      continue;
    }
    ds->texts = metadata_texts(meta);
    out.push_back(std::move(*ds));
  }
  add_history(out, GitHistory(site_dir, zone), versions_kept);
  return out;
}

}  // namespace firefly
