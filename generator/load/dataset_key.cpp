#include "load/dataset_key.h"

#include <algorithm>
#include <unordered_map>

#include "core/text.h"
#include "load/dataset.h"

namespace firefly {

namespace {

std::string joined_names(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace

void read_dataset_key(const Value& meta, const std::vector<std::string>& columns, Dataset& ds,
                      Diagnostics& diags) {
  const Value* v = meta.find("key");
  if (!v || v->is_null()) return;
  std::vector<const Value*> names;
  if (v->is_list()) {
    for (const Value& n : v->as_list()) names.push_back(&n);
  } else if (!v->is_map()) {
    names.push_back(v);
  }
  if (names.empty()) {
    diags.error(ds.yaml_path, v->pos, "'key' must be a column name or a list of column names");
    return;
  }
  for (const Value* n : names) {
    std::string name = n->to_text();
    if (std::find(columns.begin(), columns.end(), name) == columns.end()) {
      diags.error(ds.yaml_path, n->pos,
                  "key column " + in_quotes(name) + " is not a declared column",
                  did_you_mean_hint(name, columns));
      continue;
    }
    // [year, year]: the data package's primaryKey would name the column twice.
    if (std::find(ds.key.begin(), ds.key.end(), name) != ds.key.end()) {
      diags.error(ds.yaml_path, n->pos, "key column " + in_quotes(name) + " is named twice",
                  "name each column of the key once");
      continue;
    }
    ds.key.push_back(name);
  }
}

void check_key_unique(const Dataset& ds, Diagnostics& diags) {
  if (ds.key.empty()) return;
  std::vector<int> at;
  for (const std::string& k : ds.key) at.push_back(ds.column_index(k));
  std::unordered_map<std::string, int> first_line;
  for (size_t r = 0; r < ds.row_count(); ++r) {
    std::vector<std::string> cells = ds.cells(r);
    std::string key;
    for (int i : at) {
      key += cells[static_cast<size_t>(i)];
      key += '\x1f';
    }
    auto [it, fresh] = first_line.emplace(key, ds.row_line(r));
    if (!fresh) {
      diags.error(ds.csv_path, Pos{ds.row_line(r), 1},
                  "this row has the same key (" + joined_names(ds.key) + ") as line " +
                      std::to_string(it->second),
                  "give each row its own key, or remove the repeated row");
    }
  }
}

}  // namespace firefly
