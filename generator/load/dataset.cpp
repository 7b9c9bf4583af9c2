#include "load/dataset.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <limits>
#include <map>
#include <set>

#include "core/fs.h"
#include "core/text.h"
#include "core/yaml.h"
#include "core/yaml_merge.h"
#include "load/cell_text.h"
#include "load/chart_spec.h"
#include "load/dataset_coverage.h"
#include "load/dataset_history.h"
#include "load/dataset_key.h"
#include "load/dataset_meta.h"
#include "load/unread_files.h"

namespace firefly {

namespace {

/// Above this many undeclared columns, the header gets one error that counts them.
constexpr size_t kMaxColumnErrors = 5;

/// Values of one column that do not fit its type reported one by one; the rest are counted
/// in one error at the column's declaration.
constexpr size_t kWrongCellsShown = 3;

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
  if (char sep = header.size() == 1 && columns.size() > 1 ? other_separator(header[0]) : '\0') {
    // One error, not one for the header and one for each declared column.
    ds.columns.push_back(Column{header[0], ColumnType::kString, {}, {}, {}, {}});
    diags.error(ds.csv_path, Pos{header_record.line, 1},
                std::string("the values are separated by ") +
                    (sep == ';' ? "semicolons (;)" : "tabs") + ", not commas",
                "save the file as \"CSV UTF-8 (Comma delimited)\"; in LibreOffice, choose the "
                "comma as field delimiter");
    return;
  }
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
  // 年度 for year: a header written with the columns' titles, as a spreadsheet shows them.
  std::set<std::string_view> titled;  // declared columns whose title is in the header
  auto column_titled = [&](std::string_view cell) -> const Column* {
    for (const Column& c : columns) {
      if (in_header.count(c.name)) continue;
      if (c.title.plain == cell) return &c;
      for (const auto& [lang, text] : c.title.by_lang) {
        if (text == cell) return &c;
      }
    }
    return nullptr;
  };
  for (size_t i : undeclared) {
    std::string hint = did_you_mean_hint(header[i], declared);
    if (const Column* c = column_titled(header[i])) {
      titled.insert(c->name);
      hint = in_quotes(header[i]) + " is the title of column " + in_quotes(c->name) +
             ": the header row names each column by its name; write " + c->name;
    }
    diags.error(ds.csv_path, Pos{header_record.line, static_cast<int>(i) + 1},
                "column " + in_quotes(header[i]) + " is not declared in " + ds.yaml_path, hint);
  }
  for (const Column& c : columns) {
    if (!in_header.count(c.name) && !header.empty() && !titled.count(c.name)) {
      diags.error(ds.yaml_path, c.pos,
                  "column " + in_quotes(c.name) + " is declared but missing from " + ds.csv_path,
                  did_you_mean_hint(c.name, header));
    }
  }
}

}  // namespace

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
      if (errno == ERANGE || d > kMaxFigure || d < -kMaxFigure ||
          (d != 0 && d < kMinFigure && d > -kMinFigure)) {
        return fail("a number in range");
      }
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
      if (!d || d->has_time) return fail("a date (YYYY-MM-DD)" + not_a_day(t));
      // 2567-01-01, a year of the Thai Buddhist era: the catalogue's period would end in 2567.
      if (is_buddhist_era_year(d->year)) return fail("a date of the Western calendar");
      return Value(d->iso());
    }
    case ColumnType::kString:
      break;
  }
  return Value(std::string(text));
}

std::optional<Dataset> build_dataset(const std::string& name, const Value& meta,
                                     std::string csv_bytes, Diagnostics& diags) {
  Dataset ds;
  ds.name = name;
  ds.csv_path = "data/" + name + ".csv";
  ds.yaml_path = "data/" + name + ".yaml";
  ds.csv_bytes = std::move(csv_bytes);
  if (!meta.is_map()) {
    diags.error(ds.yaml_path, meta.pos, "the metadata must be a map (title, columns, ...)");
    return std::nullopt;
  }
  Diagnostics local;
  bool all_named = false;
  auto columns = read_dataset_metadata(meta, ds, local, &all_named);
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
  // Values that do not fit their column, per field: past kWrongCellsShown in one column
  // (a column declared of the wrong type fails in every row), the rest are counted.
  std::vector<size_t> wrong;
  // A chart of percentages whose rows share an x, found from the cells typed here: the
  // file is read once.
  std::optional<PercentSumCheck> percent_sum;
  std::optional<KeyUniqueCheck> key_unique;  // rows repeating a key, from the same reading
  bool read =
      scan_csv(ds.csv_bytes, ds.csv_path, csv_diags, header_record,
               [&](const CsvRecord& rec, size_t offset) {
                 if (!matched) {
                   match_header(header_record, *columns, ds, csv_diags);
                   if (ds.chart) percent_sum.emplace(ds.columns, *ds.chart);
                   if (percent_sum && !percent_sum->active()) percent_sum.reset();
                   if (!ds.key.empty()) key_unique.emplace(ds);
                 }
                 matched = true;
                 for (size_t i = 0; i < rec.fields.size(); ++i) {
                   std::string error;
                   Value typed = type_cell(rec.fields[i], ds.columns[i], &error);
                   if (percent_sum && percent_sum->reads(i)) percent_sum->cell(i, std::move(typed));
                   if (error.empty()) continue;
                   if (wrong.size() <= i) wrong.resize(i + 1);
                   if (++wrong[i] > kWrongCellsShown) continue;
                   csv_diags.error(
                       ds.csv_path, Pos{rec.line, static_cast<int>(i) + 1}, error,
                       cell_hint(rec.fields[i], ds.columns[i].type, is_year_column(ds.columns[i])));
                 }
                 if (percent_sum) percent_sum->end_row();
                 if (key_unique) key_unique->row(rec.fields, rec.line);
                 ds.row_starts.push_back(static_cast<std::uint32_t>(offset));
               });
  if (read && !matched) match_header(header_record, *columns, ds, csv_diags);
  for (size_t i = 0; i < wrong.size(); ++i) {
    if (wrong[i] <= kWrongCellsShown) continue;
    // Said once, where the column is declared: its type is more likely wrong than its rows.
    const Column& c = ds.columns[i];
    csv_diags.error(
        c.pos.line ? ds.yaml_path : ds.csv_path,
        c.pos.line ? c.pos : Pos{1, static_cast<int>(i) + 1},
        std::to_string(wrong[i]) + " of the " + std::to_string(ds.row_starts.size()) +
            " values of column " + in_quotes(c.name) + " are not of its type, " +
            column_type_name(c.type) + " (the first " + std::to_string(kWrongCellsShown) +
            " are shown in " + ds.csv_path + ")",
        "if the column holds other values, declare its type for them; else correct the values");
  }
  ds.row_starts.shrink_to_fit();
  if (!csv_diags.has_errors() && key_unique) key_unique->report(ds, csv_diags);
  if (!csv_diags.has_errors() && percent_sum) {
    if (const std::optional<std::string>& x = percent_sum->shared()) {
      // Its chart would add the percentages of rows sharing an x (80% and 80%: 160%).
      const Value& chart = meta.get("chart");
      csv_diags.error(ds.yaml_path, chart.get("y").pos.line ? chart.get("y").pos : chart.pos,
                      "rows of " + ds.csv_path + " share the x " + in_quotes(*x) +
                          " and a percent column of the chart: it would add their percentages",
                      "chart one row per x (a dataset of one team, or a page's chart block with a "
                      "where:), or counts, which add up");
    }
  }
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
  std::vector<std::string> escaped, special;
  std::vector<FoundFile> found = list_files(site_dir / "data", site_dir, &escaped, &special);
  for (const std::string& rel : special) {
    diags.error("data/" + rel, Pos{}, special_entry_message(site_dir / "data", rel),
                special_entry_hint(site_dir / "data", rel, "replace it with a CSV or YAML file"));
  }
  std::set<std::string> refused;  // datasets with a file left out: their pair is not complete
  for (const std::string& rel : escaped) {
    diags.error("data/" + rel, Pos{},
                escaped_link_message(site_dir / "data" / rel, site_dir) + "; it is not read",
                escaped_link_hint(site_dir / "data" / rel, site_dir, rel,
                                  "copy the file into data/ instead"));
    for (std::string_view ext : {".csv", ".yaml"}) {
      if (ends_with(rel, ext)) refused.insert(rel.substr(0, rel.size() - ext.size()));
    }
  }
  for (const FoundFile& f : found) {
    if (auto unread = unread_data_file(f.rel)) {
      diags.warning("data/" + f.rel, Pos{}, std::move(unread->message), std::move(unread->hint));
      continue;
    }
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
    if (refused.count(name)) {  // reported above; "has no data" would be a second error
      withhold(name);
      continue;
    }
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
      diags.error("data/" + name + (yaml_text ? ".csv" : ".yaml"), Pos{},
                  unreadable_message(yaml_text ? csv : yaml));
      withhold(name);
      continue;
    }
    const size_t errors_before = diags.error_count();
    Value meta = parse_yaml(*yaml_text, "data/" + name + ".yaml", diags);
    drop_extension_keys(meta);  // x-columns: &c {...}, a place for shared blocks
    // Its error said; a file of comments alone reads as nothing too, and was left out of
    // the site without a word: build_dataset says that it is no map.
    if (meta.is_null() && diags.error_count() > errors_before) {
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
