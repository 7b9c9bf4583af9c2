#include "render/chart_group.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>

#include "core/text.h"
#include "load/chart_spec.h"

namespace firefly {

namespace detail {

/// What a cell of a numeric column holds.
enum class NumberCell { kEmpty, kNumber, kOther };

/// Reads `text` as a plain finite number into `out` (white space around it and a leading
/// '+' allowed, like the checks when the dataset is loaded).
template <class Key>
NumberCell read_number(std::string_view text, Key& out) {
  std::string_view t = trim(text);
  if (t.empty()) return NumberCell::kEmpty;
  if (t.front() == '+') t.remove_prefix(1);  // from_chars takes '-' but not '+'
  auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), out);
  if (ec != std::errc() || end != t.data() + t.size()) return NumberCell::kOther;
  if constexpr (std::is_floating_point_v<Key>) {
    if (!std::isfinite(out)) return NumberCell::kOther;
  }
  return NumberCell::kNumber;
}

/// The y value of `text` in `column`: a number, or kNoValue when empty or not a number.
double y_value(std::string_view text, const Column& column) {
  if (column.type == ColumnType::kInteger) {
    std::int64_t n = 0;
    if (read_number(text, n) == NumberCell::kNumber) return static_cast<double>(n);
  } else if (column.type == ColumnType::kNumber) {
    double d = 0;
    if (read_number(text, d) == NumberCell::kNumber) return d;
  } else {
    return kNoValue;  // a text, date or yes/no column has no amounts
  }
  Value v = type_cell(text, column, nullptr);  // an unusual spelling the checks accept
  return v.is_number() ? v.as_double() : kNoValue;
}

/// The text of cell `c` of a row ("" when the row is short).
std::string_view cell_text(const std::vector<std::string>& cells, int c) {
  auto i = static_cast<size_t>(c);
  return i < cells.size() ? std::string_view(cells[i]) : std::string_view();
}

/// Adds `v` to the category value `slot` (a category no row reported yet has kNoValue).
void add_to(double& slot, double v) {
  if (has_value(v)) slot = has_value(slot) ? slot + v : v;
}

/// group_by_number with x read as `Key`, the alternative of ChartXKey its column's cells
/// take: std::int64_t for integer columns, double for number columns.
template <class Key>
bool group_sorted(const Dataset& ds, const ChartColumns& cols, const std::vector<size_t>* rows,
                  ChartData& out) {
  struct Keyed {
    Key x;
    std::uint32_t seq;  // the row's place among the rows kept: its y values in `ys`
  };
  const size_t k = cols.y.size();
  const size_t expected = rows ? rows->size() : ds.row_count();
  std::vector<Keyed> keys;
  std::vector<double> ys;
  keys.reserve(expected);
  ys.reserve(expected * k);
  std::vector<double> row_y(k);
  std::vector<int> decimals(k, 0);  // per series, the most among its cells
  bool plain = true;
  ds.for_each_row(rows, [&](const std::vector<std::string>& cells) {
    if (!plain) return;
    Key x{};
    NumberCell got = read_number(cell_text(cells, cols.x), x);
    if (got == NumberCell::kEmpty) return;
    if (got == NumberCell::kOther) {
      plain = false;
      return;
    }
    bool any = false;
    for (size_t j = 0; j < k; ++j) {
      const Column& col = ds.columns[static_cast<size_t>(cols.y[j])];
      std::string_view text = cell_text(cells, cols.y[j]);
      row_y[j] = y_value(text, col);
      if (has_value(row_y[j])) decimals[j] = std::max(decimals[j], decimals_in(text));
      any = any || has_value(row_y[j]);
    }
    if (!any) return;
    keys.push_back(Keyed{x, static_cast<std::uint32_t>(keys.size())});
    ys.insert(ys.end(), row_y.begin(), row_y.end());
  });
  if (!plain) return false;
  for (size_t j = 0; j < k; ++j) out.series[j].decimals = decimals[j];

  // Equal x stay in row order, so sums add up in the order the rows are written.
  std::sort(keys.begin(), keys.end(), [](const Keyed& a, const Keyed& b) {
    return a.x < b.x || (!(b.x < a.x) && a.seq < b.seq);
  });
  size_t groups = keys.empty() ? 0 : 1;
  for (size_t i = 1; i < keys.size(); ++i) groups += keys[i - 1].x < keys[i].x ? 1 : 0;
  out.x.reserve(out.x.size() + groups);
  for (ChartSeries& s : out.series) s.values.reserve(s.values.size() + groups);
  for (size_t i = 0; i < keys.size();) {
    out.x.push_back(Value(keys[i].x));
    for (ChartSeries& s : out.series) s.values.push_back(kNoValue);
    size_t j = i;
    for (; j < keys.size() && !(keys[i].x < keys[j].x); ++j) {
      const double* y = ys.data() + static_cast<size_t>(keys[j].seq) * k;
      for (size_t s = 0; s < k; ++s) add_to(out.series[s].values.back(), y[s]);
    }
    i = j;
  }
  return true;
}

}  // namespace detail

bool group_by_number(const Dataset& ds, const ChartColumns& cols, const std::vector<size_t>* rows,
                     ChartData& out) {
  const ColumnType type = ds.columns.at(static_cast<size_t>(cols.x)).type;
  if (type == ColumnType::kInteger) return detail::group_sorted<std::int64_t>(ds, cols, rows, out);
  if (type == ColumnType::kNumber) return detail::group_sorted<double>(ds, cols, rows, out);
  return false;
}

void group_by_value(const Dataset& ds, const ChartColumns& cols, const std::vector<size_t>* rows,
                    ChartData& out, std::vector<std::string>* without_value) {
  std::unordered_map<ChartXKey, size_t> category;  // keyed as group_sorted keys
  const Column& xcol = ds.columns.at(static_cast<size_t>(cols.x));
  std::vector<Value> ys(cols.y.size());
  ds.for_each_row(rows, [&](const std::vector<std::string>& cells) {
    // Only the x and y cells of a row are typed (a row's other columns are never read).
    auto cell = [&](int c) {
      return type_cell(detail::cell_text(cells, c), ds.columns[static_cast<size_t>(c)], nullptr);
    };
    Value x = cell(cols.x);
    if (x.is_null()) return;
    bool any = false;
    for (size_t k = 0; k < cols.y.size(); ++k) {
      ys[k] = cell(cols.y[k]);
      any = any || ys[k].is_number();
      if (ys[k].is_number()) {
        int& most = out.series[k].decimals;
        most = std::max({most, 0, decimals_in(detail::cell_text(cells, cols.y[k]))});
      }
    }
    if (!any) {
      if (without_value) without_value->push_back(x.to_text());
      return;
    }
    auto [it, added] = category.try_emplace(chart_x_key(x), out.x.size());
    const size_t at = it->second;
    if (added) {
      out.x.push_back(std::move(x));
      for (ChartSeries& s : out.series) s.values.push_back(kNoValue);
    }
    for (size_t k = 0; k < cols.y.size(); ++k) {
      if (ys[k].is_number()) detail::add_to(out.series[k].values[at], ys[k].as_double());
    }
  });

  bool sortable = xcol.type == ColumnType::kInteger || xcol.type == ColumnType::kNumber ||
                  xcol.type == ColumnType::kDate;
  if (!sortable) return;
  std::vector<size_t> order(out.x.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (out.x[a].is_int() && out.x[b].is_int()) return out.x[a].as_int() < out.x[b].as_int();
    if (out.x[a].is_number() && out.x[b].is_number()) {
      return out.x[a].as_double() < out.x[b].as_double();
    }
    return out.x[a].to_text() < out.x[b].to_text();
  });
  std::vector<Value> x;
  x.reserve(order.size());
  for (size_t i : order) x.push_back(std::move(out.x[i]));
  out.x = std::move(x);
  for (ChartSeries& s : out.series) {
    std::vector<double> v;
    v.reserve(order.size());
    for (size_t i : order) v.push_back(s.values[i]);
    s.values = std::move(v);
  }
}

}  // namespace firefly
