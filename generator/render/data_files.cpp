#include "render/data_files.h"

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

std::string neutralise_cell(std::string_view cell, bool is_valid_number) {
  if (cell.empty() || is_valid_number) return std::string(cell);
  char c = cell.front();
  if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
    return "'" + std::string(cell);
  }
  return std::string(cell);
}

void write_excel_csv(const Dataset& ds, const ByteSink& sink) {
  std::string out(kBom);
  auto line = [&](const std::vector<std::string>& cells, const std::vector<Value>* typed_row) {
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i) out += ',';
      bool number = false;
      if (typed_row && i < ds.columns.size()) {
        ColumnType t = ds.columns[i].type;
        number =
            (t == ColumnType::kInteger || t == ColumnType::kNumber) && (*typed_row)[i].is_number();
      }
      out += csv_quote(neutralise_cell(cells[i], number));
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

void write_dataset_json(const Dataset& ds, const ByteSink& sink) {
  // Written row by row (as to_json would write the whole list) so that no Value holds
  // every row at once, and handed on in pieces so that no string holds the whole file.
  std::string out = "[";
  for (size_t r = 0; r < ds.row_count(); ++r) {
    const std::vector<Value> row = ds.row(r);
    Map m;
    for (size_t i = 0; i < ds.columns.size() && i < row.size(); ++i) {
      m.emplace_back(ds.columns[i].name, row[i]);
    }
    out += r ? ",\n  " : "\n  ";
    for (char c : to_json(Value(std::move(m)), 2)) {
      if (c == '\n') {
        out += "\n  ";
      } else {
        out += c;
      }
    }
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
