#include "render/chart_summary.h"

#include <algorithm>

#include "core/locale.h"
#include "core/text.h"
#include "render/chart_style.h"

namespace firefly {

namespace {

/// True when the figures of `s` are percentages (chart_data: `unit: percent`, or "%").
bool percent(const ChartSeries& s) { return s.percent; }

/// The series' name as the summary says it: with its unit when it has one that is not
/// percent ("Award entries (awards)"), said once, as the chart's table heads its column:
/// a unit after each figure reads "1 awards" in English, which has no way to make it one.
/// Not when the name holds the unit already ("Classes", in classes).
std::string y_name(const ChartSeries& s, const DataView& view) {
  std::string name = mark_lang(s.name, s.name_lang);
  // Nor when the name says it already ("Classes", whose unit is "classes").
  if (s.unit.empty() || percent(s) ||
      ascii_lower(s.name).find(ascii_lower(s.unit)) != std::string::npos) {
    return name;
  }
  return view.format("chart_summary_series_unit", "{y} ({unit})",
                     {{"y", name}, {"unit", mark_lang(s.unit, s.unit_lang)}});
}
std::string x_name(const ChartData& d, size_t i) { return mark_lang(d.x_labels[i], d.x_lang); }

/// As the drawing and its labels write it: with as many decimals as the chart's figures.
std::string number(double v, const ChartData& d, const DataView& view) {
  return chart_value_text(v, view, d.value_decimals());
}

/// A figure of series `s` as the summary says it: with "%" when its unit is percent
/// ("2,15%"), else the number (another unit is said with the series' name: y_name).
std::string figure(double v, const ChartData& d, const ChartSeries& s, const DataView& view) {
  std::string n = number(v, d, view);
  if (percent(s)) return view.format("chart_summary_percent", "{value}%", {{"value", n}});
  return n;
}

/// The size `v` of a change of series `s`: a change between percentages is in percentage
/// points ("0,2 điểm phần trăm", "1 percentage point"), any other as figure writes it.
std::string change(double v, const ChartData& d, const ChartSeries& s, const DataView& view) {
  if (!percent(s)) return figure(v, d, s, view);
  std::string n = number(v, d, view);
  if (n == number(1, d, view)) {
    return view.format("chart_summary_point", "{value} percentage point", {{"value", n}});
  }
  return view.format("chart_summary_points", "{value} percentage points", {{"value", n}});
}

/// Sentences joined: a space, except after a full-width full stop (Chinese, Japanese).
void add_sentence(std::string& out, const std::string& sentence) {
  if (!out.empty() && !ends_with(out, "。")) out += " ";
  out += sentence;
}

/// The names of the categories `at` ("A, B and C", "A, B, C and 3 more"): at most three,
/// then how many more.
std::string category_names(const ChartData& data, const std::vector<size_t>& at,
                           const DataView& view) {
  constexpr size_t kNamed = kSummaryNamed;
  const std::string separator = view.text("chart_summary_separator", ", ");
  // All of them named: the last after "and" ("2019, 2020 and 2022", "2019、2020和2022").
  const std::string last =
      at.size() <= kNamed ? view.text("chart_summary_last_separator", " and ") : separator;
  std::string names;
  for (size_t k = 0; k < at.size() && k < kNamed; ++k) {
    if (k > 0) names += k + 1 == at.size() ? last : separator;
    names += x_name(data, at[k]);
  }
  if (at.size() <= kNamed) return names;
  return view.format("chart_summary_more", "{names} and {more} more",
                     {{"names", names},
                      {"more", number(static_cast<double>(at.size() - kNamed), data, view)},
                      {"all", number(static_cast<double>(at.size()), data, view)}});
}

/// The summary of a series over text categories, which have no first or last: the largest
/// and smallest values and which categories have them, of how many.
std::string category_summary(const ChartData& data, const ChartSeries& s, const DataView& view) {
  std::vector<size_t> reported;
  for (size_t i = 0; i < s.values.size(); ++i) {
    if (has_value(s.values[i])) reported.push_back(i);
  }
  if (reported.empty()) {
    return view.format("chart_summary_none", "{y} has no values.", {{"y", y_name(s, view)}});
  }
  if (reported.size() == 1) {
    return view.format("chart_summary_category_single", "{y}: {value} for {x}.",
                       {{"y", y_name(s, view)},
                        {"value", figure(s.values[reported[0]], data, s, view)},
                        {"x", x_name(data, reported[0])}});
  }
  double lo = s.values[reported[0]], hi = lo;
  for (size_t i : reported) {
    lo = std::min(lo, s.values[i]);
    hi = std::max(hi, s.values[i]);
  }
  const std::string count = number(static_cast<double>(reported.size()), data, view);
  if (lo == hi) {
    return view.format(
        "chart_summary_categories_same", "{y}: {value} for each of {count} categories.",
        {{"y", y_name(s, view)}, {"value", figure(lo, data, s, view)}, {"count", count}});
  }
  std::vector<size_t> at_lo, at_hi;
  for (size_t i : reported) {
    if (s.values[i] == lo) at_lo.push_back(i);
    if (s.values[i] == hi) at_hi.push_back(i);
  }
  return view.format(
      "chart_summary_categories",
      "{y}: highest for {x_max} ({max}) and lowest for {x_min} ({min}), of {count} categories.",
      {{"y", y_name(s, view)},
       {"max", figure(hi, data, s, view)},
       {"x_max", category_names(data, at_hi, view)},
       {"min", figure(lo, data, s, view)},
       {"x_min", category_names(data, at_lo, view)},
       {"count", count}});
}

std::string marked_series_summary(const ChartData& data, const ChartSeries& s,
                                  const DataView& view) {
  if (data.categories) return category_summary(data, s, view);
  size_t first = data.size(), last = 0, lo = 0, hi = 0, count = 0;
  for (size_t i = 0; i < s.values.size(); ++i) {
    double v = s.values[i];
    if (!has_value(v)) continue;
    if (count++ == 0) {
      first = lo = hi = i;
    } else {
      if (v < s.values[lo]) lo = i;
      if (v > s.values[hi]) hi = i;
    }
    last = i;
  }
  if (count == 0) {
    return view.format("chart_summary_none", "{y} has no values.", {{"y", y_name(s, view)}});
  }
  if (count == 1) {
    return view.format("chart_summary_single", "{y} was {value} in {x}.",
                       {{"y", y_name(s, view)},
                        {"value", figure(s.values[first], data, s, view)},
                        {"x", x_name(data, first)}});
  }
  const double a = s.values[first], b = s.values[last];
  std::string key = b > a   ? "chart_summary_rise"
                    : b < a ? "chart_summary_fall"
                            : "chart_summary_same";
  std::string fallback =
      b > a   ? "{y} rose from {first} in {x_first} to {last} in {x_last}, up {change}."
      : b < a ? "{y} fell from {first} in {x_first} to {last} in {x_last}, down {change}."
              : "{y} was {first} in {x_first} and the same in {x_last}.";
  std::string out = view.format(key, fallback,
                                {{"y", y_name(s, view)},
                                 {"first", figure(a, data, s, view)},
                                 {"x_first", x_name(data, first)},
                                 {"last", figure(b, data, s, view)},
                                 {"x_last", x_name(data, last)},
                                 {"change", change(b > a ? b - a : a - b, data, s, view)}});
  // The lowest and the highest of more than two values; of two, the first sentence has
  // said both already.
  if (count > 2 && s.values[lo] != s.values[hi]) {
    add_sentence(
        out, view.format("chart_summary_range",
                         "The lowest value was {min} in {x_min} and the highest {max} in {x_max}.",
                         {{"min", figure(s.values[lo], data, s, view)},
                          {"x_min", x_name(data, lo)},
                          {"max", figure(s.values[hi], data, s, view)},
                          {"x_max", x_name(data, hi)}}));
  }
  // The years (or dates) in between that have no value, which the drawing shows as a break:
  // "from 1 in 2019 to 4 in 2022" must not read as a value for every year between.
  if (std::vector<size_t> gaps = series_gaps(s); !gaps.empty()) {
    add_sentence(out,
                 view.format("chart_summary_gaps", "{y} has no value for {x}.",
                             {{"y", y_name(s, view)}, {"x", category_names(data, gaps, view)}}));
  }
  return out;
}

/// "The figures for 2021 are provisional.", added to `out` when some category's are.
void add_provisional(std::string& out, const ChartData& data, const DataView& view) {
  std::vector<size_t> at = data.provisional_categories();
  if (at.empty()) return;
  add_sentence(out, view.format("chart_summary_provisional", "The figures for {x} are provisional.",
                                {{"x", category_names(data, at, view)}}));
}

std::string marked_chart_summary(const ChartData& data, const DataView& view) {
  bool any = false;
  for (const ChartSeries& s : data.series) {
    for (double v : s.values) any = any || has_value(v);
  }
  if (!any) return view.text("chart_no_data", "There are no values to chart.");
  std::string out;
  for (const ChartSeries& s : data.series) {
    add_sentence(out, marked_series_summary(data, s, view));
  }
  add_provisional(out, data, view);
  return out;
}

std::string marked_target_range_summary(const ChartData& data, const DataView& view) {
  std::string out;
  if (data.series.size() > 1) out = marked_series_summary(data, data.series[1], view);
  for (size_t i = 0; i < data.size() && data.series.size() > 2; ++i) {
    double lo = data.series[0].values[i], hi = data.series[2].values[i];
    if (!has_value(lo)) continue;
    std::string range = figure(lo, data, data.series[0], view);
    if (has_value(hi) && hi != lo) {
      range = view.format("indicator_range", "{min} to {max}",
                          {{"min", range}, {"max", figure(hi, data, data.series[0], view)}});
    }
    add_sentence(out, view.format("chart_summary_target_range", "The target was {range} in {x}.",
                                  {{"range", range}, {"x", x_name(data, i)}}));
  }
  add_provisional(out, data, view);
  return out;
}

}  // namespace

std::string provisional_note(const DataView& view) {
  return view.format("chart_provisional_note", "{mark} Provisional figure: it may still change.",
                     {{"mark", kProvisionalMark}});
}

std::string series_summary(const ChartData& data, const ChartSeries& s, const DataView& view) {
  return unmark_text(marked_series_summary(data, s, view));
}

std::string chart_summary(const ChartData& data, const DataView& view) {
  return unmark_text(marked_chart_summary(data, view));
}

std::string target_range_summary(const ChartData& data, const DataView& view) {
  return unmark_text(marked_target_range_summary(data, view));
}

std::string chart_summary_html(const ChartData& data, const DataView& view, bool target_range) {
  return unmark_html(target_range ? marked_target_range_summary(data, view)
                                  : marked_chart_summary(data, view));
}

}  // namespace firefly
