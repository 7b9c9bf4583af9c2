#include "render/data_files.h"

#include <algorithm>

#include "core/json.h"
#include "core/text.h"
#include "load/csv.h"

namespace firefly {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
/// How much a writer gathers before handing it on.
constexpr size_t kPiece = 256 * 1024;

}  // namespace

std::string DataSite::default_lang() const {
  return languages.empty() ? std::string("en") : languages.front().code;
}

std::string DataSite::absolute(std::string_view site_path) const {
  std::string base = base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  if (!starts_with(site_path, "/")) base += '/';
  return base + std::string(site_path);
}

std::string dataset_license(const Dataset& ds, const DataSite& site) {
  return ds.license.empty() ? site.data_license : ds.license;
}

std::string dataset_version(const Dataset& ds) {
  if (!ds.version.empty()) return ds.version;
  return ds.updated.year ? Date{ds.updated.year, ds.updated.month, ds.updated.day}.iso() : "";
}

std::string canonical_csv(const Dataset& ds) { return std::string(strip_bom(ds.csv_bytes)); }

namespace {

/// True when a spreadsheet opening a CSV would take the text `cell` for a number, a date,
/// a time or a truth value: digits with number or date punctuation only, starting with a
/// digit (or a point, or a bracket as accountants write a negative number), or true/false.
/// At most 255 characters, the longest text a formula may hold.
bool reads_as_number(std::string_view cell) {
  std::string_view t = trim(cell);
  if (t.empty() || t.size() > 255) return false;
  if (const std::string word = ascii_lower(t); word == "true" || word == "false") return true;
  size_t first = t.front() == '(' || t.front() == '.' ? 1 : 0;
  if (first >= t.size() || t[first] < '0' || t[first] > '9') return false;
  return t.find_first_not_of("0123456789.,:/-+eE% ()") == std::string_view::npos;
}

}  // namespace

std::string neutralise_cell(std::string_view cell, bool is_valid_number, bool is_text) {
  if (cell.empty() || is_valid_number) return std::string(cell);
  char c = cell.front();
  if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
    return "'" + std::string(cell);
  }
  if (is_text && reads_as_number(cell)) return "=\"" + std::string(cell) + "\"";
  return std::string(cell);
}

void write_excel_csv(const Dataset& ds, const ByteSink& sink) {
  std::string out(kBom);
  auto line = [&](const std::vector<std::string>& cells, const std::vector<Value>* typed_row) {
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i) out += ',';
      bool number = false, text = false;
      if (typed_row && i < ds.columns.size()) {
        ColumnType t = ds.columns[i].type;
        number =
            (t == ColumnType::kInteger || t == ColumnType::kNumber) && (*typed_row)[i].is_number();
        text = t == ColumnType::kString;
      }
      out += csv_quote(neutralise_cell(cells[i], number, text));
    }
    out += "\r\n";
    if (out.size() >= kPiece) {
      sink(out);
      out.clear();
    }
  };
  std::vector<std::string> header;
  for (const Column& c : ds.columns) header.push_back(c.name);
  line(header, nullptr);
  for (size_t r = 0; r < ds.row_count(); ++r) {
    const std::vector<Value> typed = ds.row(r);
    line(ds.cells(r), &typed);
  }
  sink(out);
}

std::string excel_csv(const Dataset& ds) {
  std::string out;
  write_excel_csv(ds, [&](std::string_view piece) { out += piece; });
  return out;
}

std::string json_number(std::string_view cell) {
  std::string_view t = trim(cell);
  std::string out;
  if (!t.empty() && (t.front() == '+' || t.front() == '-')) {
    if (t.front() == '-') out += '-';
    t.remove_prefix(1);
  }
  auto digits = [&t] {
    size_t n = 0;
    while (n < t.size() && t[n] >= '0' && t[n] <= '9') ++n;
    std::string_view d = t.substr(0, n);
    t.remove_prefix(n);
    return d;
  };
  std::string_view whole = digits(), fraction;
  if (!t.empty() && t.front() == '.') {
    t.remove_prefix(1);
    fraction = digits();
  }
  if (whole.empty() && fraction.empty()) return {};
  while (whole.size() > 1 && whole.front() == '0') whole.remove_prefix(1);  // JSON has no 007
  out += whole.empty() ? std::string_view("0") : whole;
  if (!fraction.empty()) out += "." + std::string(fraction);
  if (!t.empty() && (t.front() == 'e' || t.front() == 'E')) {
    out += t.front();
    t.remove_prefix(1);
    if (!t.empty() && (t.front() == '+' || t.front() == '-')) {
      out += t.front();
      t.remove_prefix(1);
    }
    std::string_view exponent = digits();
    if (exponent.empty()) return {};
    out += exponent;
  }
  return t.empty() ? out : std::string();
}

void write_dataset_json(const Dataset& ds, const ByteSink& sink) {
  // Written row by row (as to_json(…, 2) would write the whole list) so that no Value holds
  // every row at once, and handed on in pieces so that no string holds the whole file.
  std::string out = "[";
  for (size_t r = 0; r < ds.row_count(); ++r) {
    const std::vector<Value> row = ds.row(r);
    const std::vector<std::string> cells = ds.cells(r);
    out += r ? ",\n  {" : "\n  {";
    const size_t n = std::min(ds.columns.size(), row.size());
    for (size_t i = 0; i < n; ++i) {
      out += i ? ",\n    " : "\n    ";
      append_json_string(out, ds.columns[i].name);
      out += ": ";
      // A number as the CSV writes it ("86.90", "15", digits beyond a double's), so that a
      // figure reads the same in both; typed (to_json) when its spelling is not JSON's.
      std::string number;
      const ColumnType t = ds.columns[i].type;
      if ((t == ColumnType::kInteger || t == ColumnType::kNumber) && row[i].is_number() &&
          i < cells.size()) {
        number = json_number(cells[i]);
      }
      out += number.empty() ? to_json(row[i], 2) : number;
    }
    out += n ? "\n  }" : "}";
    if (out.size() >= kPiece) {
      sink(out);
      out.clear();
    }
  }
  out += ds.row_count() ? "\n]\n" : "]\n";
  sink(out);
}

std::string dataset_json(const Dataset& ds) {
  std::string out;
  write_dataset_json(ds, [&](std::string_view piece) { out += piece; });
  return out;
}

}  // namespace firefly
