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

KeyUniqueCheck::KeyUniqueCheck(const Dataset& ds) {
  for (const std::string& k : ds.key) at_.push_back(ds.column_index(k));
}

void KeyUniqueCheck::row(const std::vector<std::string>& fields, int line) {
  key_.clear();
  for (int i : at_) {
    // A key column missing from the file or the row is an error of its own: the key is
    // then not reported.
    if (i >= 0 && static_cast<size_t>(i) < fields.size()) key_ += fields[static_cast<size_t>(i)];
    key_ += '\x1f';
  }
  auto [it, fresh] = first_line_.emplace(key_, line);
  if (!fresh) repeats_.emplace_back(line, it->second);
}

void KeyUniqueCheck::report(const Dataset& ds, Diagnostics& diags) const {
  for (const auto& [line, first] : repeats_) {
    diags.error(
        ds.csv_path, Pos{line, 1},
        "this row has the same key (" + joined_names(ds.key) + ") as line " + std::to_string(first),
        "give each row its own key, or remove the repeated row");
  }
}

}  // namespace firefly
