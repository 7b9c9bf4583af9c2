#include "render/chart_data.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <iterator>
#include <numeric>
#include <optional>

#include "core/date.h"
#include "core/text.h"
#include "load/chart_spec.h"
#include "render/chart_dates.h"
#include "render/chart_group.h"
#include "render/date_labels.h"

namespace firefly {

std::string chart_number(double v, int decimals) {
  char buf[400];        // a fixed double has at most 309 digits before the point
  if (v == 0) v = 0.0;  // no "-0"
  auto res = decimals < 0 ? std::to_chars(buf, buf + sizeof buf, v)
                          : std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed,
                                          std::min(decimals, 17));
  std::string s(buf, res.ptr);
  if (decimals > 0 && s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";  // a small negative rounded away
  return s;
}

int decimals_in(std::string_view text) {
  std::string_view t = trim(text);
  size_t e = t.find_first_of("eE");
  std::string_view mantissa = t.substr(0, e);
  size_t dot = mantissa.find('.');
  int n = 0;
  if (dot != std::string_view::npos) {
    for (size_t i = dot + 1; i < mantissa.size() && mantissa[i] >= '0' && mantissa[i] <= '9'; ++i) {
      ++n;
    }
  }
  if (e != std::string_view::npos) {
    int exponent = 0;
    std::string_view x = t.substr(e + 1);
    if (!x.empty() && x.front() == '+') x.remove_prefix(1);
    auto [end, ec] = std::from_chars(x.data(), x.data() + x.size(), exponent);
    if (ec == std::errc()) n -= std::clamp(exponent, -17, 17);
  }
  return std::clamp(n, 0, 17);
}

namespace {

/// True when a `where:` on x that keeps `kept` (empty: no such condition) keeps `year`,
/// compared as select_rows compares a number cell.
bool where_keeps_year(std::int64_t year, const std::vector<Value>& kept) {
  if (kept.empty()) return true;
  const double y = static_cast<double>(year);
  for (const Value& k : kept) {
    if (k.is_number() && k.as_double() == y) return true;
    if (k.is_string() && !k.as_string().empty()) {
      char* end = nullptr;
      double d = std::strtod(k.as_string().c_str(), &end);
      if (end && *end == '\0' && d == y) return true;
    }
  }
  return false;
}

/// Makes every year from the first to the last of `out.x` (ascending whole years) a
/// category: the years no row reports become gaps, kNoValue in every series. A year that
/// `kept` leaves out is not added.
void add_missing_years(ChartData& out, const std::vector<Value>& kept) {
  const std::int64_t first = out.x.front().as_int(), last = out.x.back().as_int();
  if (static_cast<size_t>(last - first) + 1 == out.x.size()) return;  // none missing
  std::vector<Value> x;
  std::vector<std::vector<double>> values(out.series.size());
  size_t at = 0;
  for (std::int64_t year = first; year <= last; ++year) {
    const bool reported = at < out.x.size() && out.x[at].as_int() == year;
    if (!reported && !where_keeps_year(year, kept)) continue;
    x.push_back(reported ? std::move(out.x[at]) : Value(year));
    for (size_t j = 0; j < out.series.size(); ++j) {
      values[j].push_back(reported ? out.series[j].values[at] : kNoValue);
    }
    if (reported) ++at;
  }
  out.x = std::move(x);
  for (size_t j = 0; j < out.series.size(); ++j) out.series[j].values = std::move(values[j]);
}

/// True when a `where:` on x that keeps `kept` (empty: no such condition) keeps the date
/// `day` ("YYYY-MM-DD"), compared as select_rows compares a date cell: as text.
bool where_keeps_day(const std::string& day, const std::vector<Value>& kept) {
  if (kept.empty()) return true;
  return std::any_of(kept.begin(), kept.end(),
                     [&](const Value& k) { return k.is_string() && k.as_string() == day; });
}

/// The categories in a year of `x`, a series of dates standing for `part` with none
/// missing: 12 for months, 4 for quarters, 2 for half years; 0 when they are not months or
/// their step does not divide a year.
size_t month_cycle(const std::vector<Value>& x, DatePart part) {
  if (part != DatePart::kMonth || x.size() < 2) return 0;
  const std::optional<Date> a = parse_date(x[0].to_text()), b = parse_date(x[1].to_text());
  if (!a || !b) return 0;
  const int step = (b->year - a->year) * 12 + (b->month - a->month);
  return step > 0 && 12 % step == 0 ? static_cast<size_t>(12 / step) : 0;
}

/// Adds the dates a series at a regular step skips (DateSeries::missing) as categories
/// with no value in every series, and so the dates of rows without a value
/// (`without_value`) between the first and the last with one; a date that `kept` leaves
/// out is not added. Returns what the dates stand for (DateSeries::part; days when an x is
/// not a date's text).
DatePart add_missing_dates(ChartData& out, const std::vector<Value>& kept,
                           std::vector<std::string> without_value) {
  std::vector<std::string> given;
  for (const Value& x : out.x) {
    if (!x.is_string()) return DatePart::kDay;
    given.push_back(x.as_string());
  }
  // A row with an empty cell reports its date as much as one with a value: a quarterly
  // series whose second and fourth quarters are empty is no half-yearly one.
  std::sort(without_value.begin(), without_value.end());
  without_value.erase(std::unique(without_value.begin(), without_value.end()), without_value.end());
  std::erase_if(without_value, [&](const std::string& day) {
    return day <= given.front() || day >= given.back() ||
           std::binary_search(given.begin(), given.end(), day);
  });
  std::vector<std::string> dates;
  std::merge(given.begin(), given.end(), without_value.begin(), without_value.end(),
             std::back_inserter(dates));
  DateSeries series = date_series(dates);
  std::vector<std::string> missing;
  std::merge(series.missing.begin(), series.missing.end(), without_value.begin(),
             without_value.end(), std::back_inserter(missing));
  std::erase_if(missing, [&](const std::string& day) { return !where_keeps_day(day, kept); });
  if (missing.empty()) return series.part;
  std::vector<Value> x;
  std::vector<std::vector<double>> values(out.series.size());
  size_t at = 0, next = 0;
  while (at < given.size() || next < missing.size()) {
    const bool reported =
        next == missing.size() || (at < given.size() && given[at] < missing[next]);
    x.push_back(reported ? std::move(out.x[at]) : Value(missing[next]));
    for (size_t j = 0; j < out.series.size(); ++j) {
      values[j].push_back(reported ? out.series[j].values[at] : kNoValue);
    }
    reported ? ++at : ++next;
  }
  out.x = std::move(x);
  for (size_t j = 0; j < out.series.size(); ++j) out.series[j].values = std::move(values[j]);
  return series.part;
}

/// Marks in `out.provisional` each category with a value that a row of `rows` (every row
/// when null) marked provisional sums into: rows are matched to categories by their x, as
/// numbers for a number x (1.5 and 1.50 are one), else as text. Reads the rows only when
/// the dataset has a column that marks figures provisional.
void mark_provisional(const Dataset& ds, const std::vector<size_t>* rows, int xc, ChartData& out) {
  const int pc = provisional_column(ds);
  if (pc < 0 || out.x.empty()) return;
  const Column& xcol = ds.columns[static_cast<size_t>(xc)];
  std::vector<size_t> ycols;
  for (const ChartSeries& s : out.series)
    ycols.push_back(static_cast<size_t>(ds.column_index(s.column)));
  std::vector<Value> marked;
  const size_t n = rows ? rows->size() : ds.row_count();
  for (size_t k = 0; k < n; ++k) {
    std::vector<std::string> cells = ds.cells(rows ? (*rows)[k] : k);
    const size_t p = static_cast<size_t>(pc), x = static_cast<size_t>(xc);
    if (p >= cells.size() || x >= cells.size() || ascii_lower(trim(cells[p])) != "provisional") {
      continue;
    }
    // A provisional row whose plotted cells are empty adds no figure to its category.
    if (std::none_of(ycols.begin(), ycols.end(),
                     [&](size_t y) { return y < cells.size() && !trim(cells[y]).empty(); })) {
      continue;
    }
    std::string error;
    Value v = type_cell(cells[x], xcol, &error);
    if (error.empty() && !v.is_null()) marked.push_back(std::move(v));
  }
  if (marked.empty()) return;
  auto same = [](const Value& a, const Value& b) {
    if (a.is_number() && b.is_number()) return a.as_double() == b.as_double();
    return a.to_text() == b.to_text();
  };
  out.provisional.assign(out.x.size(), false);
  for (size_t i = 0; i < out.x.size(); ++i) {
    if (!out.reported(i)) continue;
    out.provisional[i] = std::any_of(marked.begin(), marked.end(),
                                     [&](const Value& v) { return same(v, out.x[i]); });
  }
  if (std::none_of(out.provisional.begin(), out.provisional.end(), [](bool b) { return b; })) {
    out.provisional.clear();
  }
}

}  // namespace

int provisional_column(const Dataset& ds) {
  for (size_t c = 0; c < ds.columns.size(); ++c) {
    for (const auto& [code, words] : ds.columns[c].values) {
      if (ascii_lower(code) == "provisional") return static_cast<int>(c);
    }
  }
  return -1;
}

bool chart_x_is_years(const Dataset& ds, const Column& column, const std::vector<Value>& x) {
  if (column.type != ColumnType::kInteger || x.empty()) return false;
  for (const Value& v : x) {
    if (!v.is_int() || v.as_int() < 1 || v.as_int() > 9999) return false;
  }
  if (is_year_column(column)) return true;
  if (!ds.temporal || !ds.temporal->years) return false;
  return std::all_of(x.begin(), x.end(), [&](const Value& v) {
    return v.as_int() >= ds.temporal->start.year && v.as_int() <= ds.temporal->end.year;
  });
}

std::vector<size_t> series_gaps(const ChartSeries& series) {
  const std::vector<double>& v = series.values;
  auto first = std::find_if(v.begin(), v.end(), has_value);
  auto last = std::find_if(v.rbegin(), v.rend(), has_value);
  std::vector<size_t> gaps;
  if (first == v.end()) return gaps;
  const size_t from = static_cast<size_t>(first - v.begin());
  const size_t to = v.size() - static_cast<size_t>(last - v.rbegin());  // past the last
  for (size_t i = from + 1; i < to; ++i) {
    if (!has_value(v[i])) gaps.push_back(i);
  }
  return gaps;
}

ChartData chart_data(const Dataset& ds, const ChartSpec& spec, const std::vector<size_t>* rows,
                     const DataView& view) {
  ChartData out;
  int xc = ds.column_index(spec.x);
  if (xc < 0) return out;
  const Column& xcol = ds.columns[static_cast<size_t>(xc)];
  out.categories =
      !spec.x_in_order && (xcol.type == ColumnType::kString || xcol.type == ColumnType::kBoolean);
  // Text categories are in their column's language; a plan's periods (in order) are not.
  if (out.categories) out.x_lang = view.cell_lang(xcol);
  std::vector<int> ycols;
  for (const std::string& y : spec.y) {
    int c = ds.column_index(y);
    if (c < 0) continue;
    const Column& col = ds.columns[static_cast<size_t>(c)];
    ycols.push_back(c);
    out.series.push_back(ChartSeries{col.name,
                                     view.pick(col.title),
                                     view.pick(col.unit),
                                     {},
                                     view.lang_of(col.title),
                                     view.lang_of(col.unit)});
    // Percent in every language's summary ("86.97%").
    out.series.back().percent = is_percent_column(col);
  }
  if (ycols.empty()) return out;

  ChartColumns cols{xc, std::move(ycols)};
  std::vector<std::string> without_value;  // the dates of rows that report no y
  if (!group_by_number(ds, cols, rows, out)) {
    group_by_value(ds, cols, rows, out, xcol.type == ColumnType::kDate ? &without_value : nullptr);
  }
  // Years are a sequence of their own: one no row reports is shown as missing, never left
  // out (a line joining 2020 straight to 2022 would say that they follow each other).
  if (chart_x_is_years(ds, xcol, out.x)) add_missing_years(out, spec.x_kept);
  // So are the dates of a series reported every day, week, month, quarter or year; a
  // monthly or yearly series of dates is labelled by its months or years.
  DatePart part = DatePart::kDay;
  if (xcol.type == ColumnType::kDate && !out.x.empty()) {
    part = add_missing_dates(out, spec.x_kept, std::move(without_value));
  }
  out.total_points = out.x.size();
  mark_provisional(ds, rows, xc, out);
  // Every category's label when all are drawn; else (a long series, up to millions of
  // categories) only the drawn ones and each series' first and last reported one, which
  // are all that the drawing and its summary name.
  // A quarterly or half-yearly dataset's month is its quarter or half year: the row of
  // 2019-04-01 counts April to June, and "April 2019" would read as that month's alone.
  std::vector<std::string> dates;
  if (part == DatePart::kMonth) {
    for (const Value& x : out.x) dates.push_back(x.to_text());
  }
  const DateLabels labels = date_labels(ds.frequency, dates, part);
  auto label = [&](const Value& x) {
    std::optional<Date> day;
    if (part != DatePart::kDay) day = parse_date(x.to_text());
    if (!day) return format_cell(x, xcol, view);
    return labels.label(*day, view);
  };
  // An axis of months writes each short ("Jan 2019"): two long ones ("September
  // 2024") do not stand side by side on a phone at the largest text size.
  const bool short_months = part == DatePart::kMonth && labels.months == 0;
  auto axis_labels = [&] {
    if (!short_months) return;
    out.x_axis_labels.assign(out.x.size(), std::string());
    out.x_year_labels.assign(out.x.size(), std::string());
    for (size_t i = 0; i < out.x.size(); ++i) {
      std::optional<Date> day;
      if (!out.x_labels[i].empty()) day = parse_date(out.x[i].to_text());
      out.x_axis_labels[i] =
          day ? format_date(*day, view.locale(), DatePart::kShortMonth) : out.x_labels[i];
      out.x_year_labels[i] =
          day ? format_date(*day, view.locale(), DatePart::kShortYear) : out.x_labels[i];
    }
  };
  if (out.x.size() <= kMaxDrawnPoints) {
    out.x_labels.reserve(out.x.size());
    for (const Value& x : out.x) out.x_labels.push_back(label(x));
    axis_labels();
    out.x_cycle = month_cycle(out.x, part);
    return out;
  }
  out.x_labels.assign(out.x.size(), std::string());
  std::vector<size_t> named = drawn_points(out);
  for (const ChartSeries& s : out.series) {
    auto first = std::find_if(s.values.begin(), s.values.end(), has_value);
    auto last = std::find_if(s.values.rbegin(), s.values.rend(), has_value);
    if (first != s.values.end()) named.push_back(static_cast<size_t>(first - s.values.begin()));
    if (last != s.values.rend())
      named.push_back(s.values.size() - 1 - static_cast<size_t>(last - s.values.rbegin()));
    // The summary names a series' first few gaps.
    std::vector<size_t> gaps = series_gaps(s);
    named.insert(named.end(), gaps.begin(),
                 gaps.begin() + static_cast<std::ptrdiff_t>(std::min(gaps.size(), kSummaryNamed)));
  }
  // And its first few provisional categories.
  std::vector<size_t> provisional = out.provisional_categories();
  named.insert(named.end(), provisional.begin(),
               provisional.begin() +
                   static_cast<std::ptrdiff_t>(std::min(provisional.size(), kSummaryNamed)));
  for (size_t i : named) {
    if (out.x_labels[i].empty()) out.x_labels[i] = label(out.x[i]);
  }
  axis_labels();
  return out;
}

std::vector<size_t> drawn_points(const ChartData& data, size_t max_points) {
  const size_t n = data.size();
  std::vector<size_t> out;
  if (n <= max_points) {
    out.resize(n);
    std::iota(out.begin(), out.end(), 0);
    return out;
  }
  const size_t buckets = std::max<size_t>(1, max_points / (2 + 2 * data.series.size()));
  for (size_t b = 0; b < buckets; ++b) {
    size_t from = n * b / buckets, to = n * (b + 1) / buckets;
    if (from >= to) continue;
    std::vector<size_t> keep{from, to - 1};
    for (const ChartSeries& s : data.series) {
      size_t lo = from, hi = from;
      for (size_t i = from; i < to; ++i) {
        double v = s.values[i];
        if (!has_value(v)) continue;
        if (!has_value(s.values[lo]) || v < s.values[lo]) lo = i;
        if (!has_value(s.values[hi]) || v > s.values[hi]) hi = i;
      }
      keep.push_back(lo);
      keep.push_back(hi);
    }
    std::sort(keep.begin(), keep.end());
    keep.erase(std::unique(keep.begin(), keep.end()), keep.end());
    out.insert(out.end(), keep.begin(), keep.end());
  }
  return out;
}

}  // namespace firefly
