#include "load/row_diff.h"

#include <algorithm>
#include <map>

#include "core/error.h"
#include "load/csv.h"
#include "load/git_history.h"

namespace firefly {

namespace {

/// The rows of a CSV text with their cells in the order of `names` (missing columns empty).
struct Rows {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

Rows read_rows(std::string_view text) {
  Diagnostics ignored;
  CsvTable table = parse_csv(text, "", ignored);
  Rows out;
  out.header = table.header.fields;
  for (CsvRecord& r : table.rows) out.rows.push_back(std::move(r.fields));
  return out;
}

/// Where each of `names` is in `header` (-1 when absent).
std::vector<int> positions(const std::vector<std::string>& header,
                           const std::vector<std::string>& names) {
  std::vector<int> out;
  for (const std::string& n : names) {
    int at = -1;
    for (size_t i = 0; i < header.size(); ++i) {
      if (header[i] == n) at = static_cast<int>(i);
    }
    out.push_back(at);
  }
  return out;
}

/// The cells of `row` at `at`, joined by a separator no cell holds (unit separator; line
/// breaks inside cells become record separators so that one row is one line).
std::string joined(const std::vector<std::string>& row, const std::vector<int>& at) {
  std::string out;
  for (size_t i = 0; i < at.size(); ++i) {
    if (i) out += '\x1f';
    if (at[i] < 0 || static_cast<size_t>(at[i]) >= row.size()) continue;
    for (char c : row[static_cast<size_t>(at[i])]) out += (c == '\n' || c == '\r') ? '\x1e' : c;
  }
  return out;
}

bool has_all(const std::vector<int>& at) {
  for (int i : at) {
    if (i < 0) return false;
  }
  return !at.empty();
}

}  // namespace

RowDiff diff_rows(std::string_view before, std::string_view after,
                  const std::vector<std::string>& key) {
  Rows old_rows = read_rows(before);
  Rows new_rows = read_rows(after);
  // Cells are compared in the newer file's column order, so moving a column changes nothing;
  // on the columns both files have, so adding one does not change every row.
  RowDiff d;
  std::vector<std::string> names;
  for (const std::string& n : new_rows.header) {
    bool in_old =
        std::find(old_rows.header.begin(), old_rows.header.end(), n) != old_rows.header.end();
    if (in_old || old_rows.header.empty()) names.push_back(n);
    if (!in_old && !old_rows.header.empty()) d.columns_added.push_back(n);
  }
  for (const std::string& n : old_rows.header) {
    if (!new_rows.header.empty() &&
        std::find(new_rows.header.begin(), new_rows.header.end(), n) == new_rows.header.end()) {
      d.columns_removed.push_back(n);
    }
  }
  std::vector<int> old_cells = positions(old_rows.header, names);
  std::vector<int> new_cells = positions(new_rows.header, names);
  std::vector<int> old_key = positions(old_rows.header, key);
  std::vector<int> new_key = positions(new_rows.header, key);
  if (has_all(old_key) && has_all(new_key)) {
    std::multimap<std::string, std::string> old_by_key;
    for (const auto& row : old_rows.rows) {
      old_by_key.emplace(joined(row, old_key), joined(row, old_cells));
    }
    for (const auto& row : new_rows.rows) {
      auto it = old_by_key.find(joined(row, new_key));
      if (it == old_by_key.end()) {
        ++d.added;
        continue;
      }
      if (it->second != joined(row, new_cells)) ++d.changed;
      old_by_key.erase(it);
    }
    d.removed = old_by_key.size();
    return d;
  }
  std::string a;
  std::string b;
  for (const auto& row : old_rows.rows) a += joined(row, old_cells) + '\n';
  for (const auto& row : new_rows.rows) b += joined(row, new_cells) + '\n';
  for (const LineHunk& h : line_hunks(a, b)) {
    size_t both = std::min(h.removed, h.added);
    d.changed += both;
    d.added += h.added - both;
    d.removed += h.removed - both;
  }
  return d;
}

}  // namespace firefly
