#include "render/chart_data.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "core/localized.h"

namespace firefly {

namespace {

Dataset rates() {
  Dataset ds;
  ds.name = "rates";
  ds.columns = {Column{"year", ColumnType::kInteger, {{}, "Year", {}}, {}, {}, {}},
                Column{"rate", ColumnType::kNumber, {{}, "Rate", {}}, {}, {{}, "%", {}}, {}},
                Column{"goal", ColumnType::kNumber, {{}, "Goal", {}}, {}, {{}, "%", {}}, {}}};
  ds.csv_bytes = "year,rate,goal\n2022,1500.5,\n2020,1000,3\n2021,,\n2021,2500.25,\n2020,1,2\n";
  ds.index_rows();
  return ds;
}

}  // namespace

TEST_CASE("chart data: rows sharing an x are summed, sorted by x, gaps kept as no value") {
  DataView view;
  ChartData d = chart_data(rates(), ChartSpec{"year", {"rate", "goal"}, "bar", {}}, nullptr, view);
  CHECK(d.x_labels == std::vector<std::string>{"2020", "2021", "2022"});
  REQUIRE(d.series.size() == 2);
  CHECK(d.series[0].values[0] == doctest::Approx(1001.0));
  CHECK(d.series[0].values[1] == doctest::Approx(2500.25));
  CHECK(d.series[1].values[0] == doctest::Approx(5.0));
  CHECK_FALSE(has_value(d.series[1].values[1]));
  CHECK(d.series[1].unit == "%");
  // `unit: percent`, or "%" as the unit in some language, makes a series a percentage (the
  // summary's "%" and points): both columns' unit is "%"; another unit does not.
  CHECK(d.series[0].percent);
  CHECK(d.series[1].percent);
  Dataset ds = rates();
  ds.columns[1].unit = to_localized(Value("persons"));
  CHECK_FALSE(
      chart_data(ds, ChartSpec{"year", {"rate"}, "bar", {}}, nullptr, view).series[0].percent);
  ds.columns[1].unit_code = "percent";
  CHECK(chart_data(ds, ChartSpec{"year", {"rate"}, "bar", {}}, nullptr, view).series[0].percent);
  // Written per language, "%" in one of them: in English too ("percent" there).
  ds.columns[1].unit_code.clear();
  ds.columns[1].unit = to_localized(Value(Map{{"zh-TW", Value("%")}, {"en", Value("percent")}}));
  DataView en;
  en.lang = "en";
  en.default_lang = "zh-TW";
  ChartData by_lang = chart_data(ds, ChartSpec{"year", {"rate"}, "bar", {}}, nullptr, en);
  CHECK(by_lang.series[0].unit == "percent");
  CHECK(by_lang.series[0].percent);
}

TEST_CASE("chart data: a text x is a set of categories, unless it is a sequence in time order") {
  DataView view;
  CHECK_FALSE(
      chart_data(rates(), ChartSpec{"year", {"rate"}, "bar", {}}, nullptr, view).categories);
  Dataset ds;
  ds.columns = {Column{"team", ColumnType::kString, {}, {}, {}, {}},
                Column{"day", ColumnType::kDate, {}, {}, {}, {}},
                Column{"n", ColumnType::kInteger, {}, {}, {}, {}}};
  ds.csv_bytes = "team,day,n\nB,2020-01-02,3\nA,2020-01-01,1\n";
  ds.index_rows();
  ChartData teams = chart_data(ds, ChartSpec{"team", {"n"}, "bar", {}}, nullptr, view);
  CHECK(teams.categories);
  CHECK(teams.x_labels == std::vector<std::string>{"B", "A"});  // as written: no order
  CHECK_FALSE(chart_data(ds, ChartSpec{"day", {"n"}, "bar", {}}, nullptr, view).categories);
  ChartSpec periods{"team", {"n"}, "target", {}};
  periods.x_in_order = true;
  CHECK_FALSE(chart_data(ds, periods, nullptr, view).categories);
}

TEST_CASE("chart data: only the given rows; a row with no y is skipped") {
  DataView view;
  std::vector<size_t> rows{2, 0};
  ChartData d = chart_data(rates(), ChartSpec{"year", {"goal"}, "bar", {}}, &rows, view);
  CHECK(d.size() == 0);
  std::vector<size_t> none;
  CHECK(chart_data(rates(), ChartSpec{"year", {"rate"}, "bar", {}}, &none, view).size() == 0);
}

namespace {

/// Values for 2019, 2020 and 2023, an empty cell for 2021, no row for 2022.
Dataset skipped_years(const std::string& x_name = "year") {
  Dataset ds;
  ds.name = "skips";
  // Titled "Year" only when named so: a title that says "year" makes a year column too.
  ds.columns = {
      Column{
          x_name, ColumnType::kInteger, {{}, x_name == "year" ? "Year" : x_name, {}}, {}, {}, {}},
      Column{"n", ColumnType::kInteger, {{}, "N", {}}, {}, {}, {}},
      Column{"m", ColumnType::kInteger, {{}, "M", {}}, {}, {}, {}}};
  ds.csv_bytes = x_name + ",n,m\n2020,2,\n2019,1,5\n2021,,\n2023,4,6\n";
  ds.index_rows();
  return ds;
}

std::vector<std::string> labels(const ChartData& d) { return d.x_labels; }

}  // namespace

TEST_CASE("chart data: a year no row reports, or whose cell is empty, is a gap, not left out") {
  DataView view;
  ChartData d =
      chart_data(skipped_years(), ChartSpec{"year", {"n", "m"}, "line", {}}, nullptr, view);
  CHECK(labels(d) == std::vector<std::string>{"2019", "2020", "2021", "2022", "2023"});
  REQUIRE(d.series.size() == 2);
  CHECK(d.series[0].values[1] == 2);
  CHECK_FALSE(has_value(d.series[0].values[2]));  // the empty cell
  CHECK_FALSE(has_value(d.series[0].values[3]));  // no row
  CHECK(d.series[0].values[4] == 4);
  CHECK(series_gaps(d.series[0]) == std::vector<size_t>{2, 3});
  CHECK(series_gaps(d.series[1]) == std::vector<size_t>{1, 2, 3});
  CHECK(d.total_points == 5);
  // The same through the typed grouping (an x that is not a number: a dataset made
  // without checks).
  Dataset typed = skipped_years();
  typed.csv_bytes = "year,n,m\n2020,2,\nabc,9,9\n2019,1,5\n2023,4,6\n";
  typed.index_rows();
  CHECK(labels(chart_data(typed, ChartSpec{"year", {"n"}, "bar", {}}, nullptr, view)) ==
        std::vector<std::string>{"2019", "2020", "2021", "2022", "2023"});
  // Before the first and after the last reported year nothing is added.
  std::vector<size_t> middle{0, 2};  // 2020 and 2021: only 2020 has a value
  CHECK(labels(chart_data(skipped_years(), ChartSpec{"year", {"n"}, "line", {}}, &middle, view)) ==
        std::vector<std::string>{"2020"});
}

TEST_CASE("chart data: only years and dates get gaps; categories and other numbers are as given") {
  DataView view;
  // An integer column that is not named as a year column: other numbers (ages, counts).
  ChartData ages =
      chart_data(skipped_years("age"), ChartSpec{"age", {"n"}, "line", {}}, nullptr, view);
  CHECK(ages.size() == 3);
  // ...unless the dataset's period says they are years.
  Dataset dated = skipped_years("yr");
  dated.temporal = Period{Date{2019, 1, 1}, Date{2023, 12, 31}, true};
  CHECK(chart_data(dated, ChartSpec{"yr", {"n"}, "line", {}}, nullptr, view).size() == 5);
  dated.temporal = Period{Date{2020, 1, 1}, Date{2023, 12, 31}, true};  // 2019 is outside
  CHECK(chart_data(dated, ChartSpec{"yr", {"n"}, "line", {}}, nullptr, view).size() == 3);
  dated.temporal = Period{Date{2019, 1, 1}, Date{2023, 12, 31}, false};  // days, not years
  CHECK(chart_data(dated, ChartSpec{"yr", {"n"}, "line", {}}, nullptr, view).size() == 3);
  // Text categories, even when they read as years, and dates.
  Dataset text = skipped_years();
  text.columns[0].type = ColumnType::kString;
  CHECK(chart_data(text, ChartSpec{"year", {"n"}, "bar", {}}, nullptr, view).size() == 3);
  Dataset days;
  days.columns = {Column{"day", ColumnType::kDate, {}, {}, {}, {}},
                  Column{"n", ColumnType::kInteger, {}, {}, {}, {}}};
  days.csv_bytes = "day,n\n2020-01-01,1\n2020-01-03,2\n";
  days.index_rows();
  CHECK(chart_data(days, ChartSpec{"day", {"n"}, "line", {}}, nullptr, view).size() == 2);
  // A "year" column holding no years (0 is none) is left alone.
  Dataset zero = skipped_years();
  zero.csv_bytes = "year,n,m\n0,1,\n5,2,\n";
  zero.index_rows();
  CHECK(chart_data(zero, ChartSpec{"year", {"n"}, "line", {}}, nullptr, view).size() == 2);
}

TEST_CASE("chart data: a month a monthly series skips is a gap, as a year is") {
  DataView view;
  Dataset ds;
  ds.columns = {Column{"month", ColumnType::kDate, {}, {}, {}, {}},
                Column{"n", ColumnType::kInteger, {}, {}, {}, {}}};
  ds.csv_bytes = "month,n\n2023-04-01,4\n2023-01-01,1\n2023-02-01,2\n";
  ds.index_rows();
  ChartData d = chart_data(ds, ChartSpec{"month", {"n"}, "line", {}}, nullptr, view);
  REQUIRE(d.size() == 4);
  CHECK(d.x[2].to_text() == "2023-03-01");
  CHECK(d.x_labels[2] == "March 2023");  // a monthly series: its months, not their first days
  CHECK(series_gaps(d.series[0]) == std::vector<size_t>{2});
  CHECK(d.series[0].values[3] == 4);
  // A where: that names the months shown adds none it leaves out.
  ChartSpec some{"month", {"n"}, "line", {}};
  some.x_kept = {Value("2023-01-01"), Value("2023-02-01"), Value("2023-04-01")};
  std::vector<size_t> rows{0, 1, 2};
  CHECK(chart_data(ds, some, &rows, view).size() == 3);
}

TEST_CASE("chart data: a quarterly or half-yearly dataset's months are named as its periods") {
  // A quarterly row of 2019-04-01 counts April to June: "April 2019" read as one month's.
  DataView view;
  Dataset ds;
  ds.frequency = "quarterly";
  ds.columns = {Column{"quarter", ColumnType::kDate, {}, {}, {}, {}},
                Column{"n", ColumnType::kInteger, {}, {}, {}, {}}};
  ds.csv_bytes = "quarter,n\n2019-04-01,2\n2019-07-01,1\n2020-01-01,3\n";
  ds.index_rows();
  ChartData d = chart_data(ds, ChartSpec{"quarter", {"n"}, "bar", {}}, nullptr, view);
  CHECK(d.x_labels == std::vector<std::string>{"Q2 2019", "Q3 2019", "Q4 2019", "Q1 2020"});
  // The theme's words, and the quarter's last day as well as its first.
  view.t = Value(Map{{"chart_quarter", Value("{year}第{quarter}季")}});
  view.html_lang = "zh-Hant-TW";
  view.calendar = "roc";
  ds.csv_bytes = "quarter,n\n2019-06-30,2\n2019-09-30,1\n";
  ds.index_rows();
  d = chart_data(ds, ChartSpec{"quarter", {"n"}, "bar", {}}, nullptr, view);
  CHECK(d.x_labels == std::vector<std::string>{"民國108年第2季", "民國108年第3季"});
  ds.frequency = "semiannual";
  ds.csv_bytes = "half,n\n2019-01-01,2\n2019-07-01,1\n";
  ds.columns[0].name = "half";
  ds.index_rows();
  d = chart_data(ds, ChartSpec{"half", {"n"}, "bar", {}}, nullptr, DataView{});
  CHECK(d.x_labels == std::vector<std::string>{"first half of 2019", "second half of 2019"});
  // A month that starts no quarter: the dataset's dates are not its quarters; months stay.
  ds.frequency = "quarterly";
  ds.csv_bytes = "half,n\n2019-02-01,2\n2019-05-01,1\n";
  ds.index_rows();
  d = chart_data(ds, ChartSpec{"half", {"n"}, "bar", {}}, nullptr, DataView{});
  CHECK(d.x_labels == std::vector<std::string>{"February 2019", "May 2019"});
}

TEST_CASE("chart data: a quarter whose row has an empty cell is a gap, not a longer step") {
  // Q2 and Q4 are rows without a value: the series was taken for a half-yearly one
  // (January, July, January), with no gap, no "–" in its table and nothing said of them.
  DataView view;
  Dataset ds;
  ds.columns = {Column{"quarter", ColumnType::kDate, {}, {}, {}, {}},
                Column{"n", ColumnType::kInteger, {}, {}, {}, {}}};
  ds.csv_bytes =
      "quarter,n\n2024-01-01,45\n2024-04-01,\n2024-07-01,80\n2024-10-01,\n2025-01-01,95\n";
  ds.index_rows();
  ChartData d = chart_data(ds, ChartSpec{"quarter", {"n"}, "line", {}}, nullptr, view);
  REQUIRE(d.size() == 5);
  CHECK(d.x[1].to_text() == "2024-04-01");
  CHECK(d.x_labels[3] == "October 2024");
  CHECK(series_gaps(d.series[0]) == std::vector<size_t>{1, 3});
  CHECK(d.series[0].values[4] == 95);
  // Among dates that are no series (days of events), a row without a value is a gap too;
  // before the first and after the last value nothing is added.
  ds.csv_bytes = "quarter,n\n2023-12-30,\n2024-01-03,1\n2024-01-04,\n2024-02-17,2\n2024-03-01,\n";
  ds.index_rows();
  d = chart_data(ds, ChartSpec{"quarter", {"n"}, "line", {}}, nullptr, view);
  REQUIRE(d.size() == 3);
  CHECK(d.x[1].to_text() == "2024-01-04");
  CHECK(series_gaps(d.series[0]) == std::vector<size_t>{1});
}

TEST_CASE("chart data: a where: on the years keeps only the years it names") {
  DataView view;
  Dataset ds = skipped_years();
  ChartSpec two{"year", {"n"}, "bar", {}};
  two.x_kept = {Value(2019), Value("2023")};
  std::vector<size_t> rows{1, 3};
  CHECK(labels(chart_data(ds, two, &rows, view)) == std::vector<std::string>{"2019", "2023"});
  ChartSpec all{"year", {"n"}, "bar", {}};
  all.x_kept = {Value(2019), Value(2020), Value(2021), Value("2022"), Value(2023)};
  std::vector<size_t> kept{0, 1, 2, 3};
  CHECK(labels(chart_data(ds, all, &kept, view)) ==
        std::vector<std::string>{"2019", "2020", "2021", "2022", "2023"});
}

TEST_CASE("chart data: a million rows into a bounded drawing that keeps peaks and troughs") {
  Dataset ds = rates();
  const int n = 1000000;
  ds.csv_bytes = "year,rate,goal\n";
  for (int i = 0; i < n; ++i) {
    int v = i == 123456 ? 1000000000 : i == 654321 ? -1000000000 : (i % 1000);
    ds.csv_bytes += std::to_string(i / 2) + "," + std::to_string(v) + ",\n";  // two rows per x
  }
  ds.index_rows();
  DataView view;
  ChartData d = chart_data(ds, ChartSpec{"year", {"rate"}, "line", {}}, nullptr, view);
  CHECK(d.size() == n / 2);
  std::vector<size_t> pts = drawn_points(d);
  CHECK(pts.size() <= kMaxDrawnPoints);
  CHECK(std::is_sorted(pts.begin(), pts.end()));
  bool peak = false, trough = false;
  for (size_t i : pts) {
    peak = peak || d.series[0].values[i] > 1e8;
    trough = trough || d.series[0].values[i] < -1e8;
  }
  CHECK(peak);
  CHECK(trough);
  CHECK(pts.front() == 0);
  CHECK(pts.back() == d.size() - 1);
}

TEST_CASE("chart number: sums rounded to the decimals of their cells, no binary noise") {
  CHECK(chart_number(1.1 + 2.2, 1) == "3.3");  // 3.3000000000000003 summed
  CHECK(chart_number(0.1 + 0.2, 1) == "0.3");  // 0.30000000000000004
  CHECK(chart_number(0.1 + 0.7, 1) == "0.8");  // 0.7999999999999999
  CHECK(chart_number(86.9, 2) == "86.9");
  CHECK(chart_number(15, 0) == "15");
  CHECK(chart_number(-0.0001, 2) == "0");
  CHECK(chart_number(35000000, 0) == "35000000");
  CHECK(chart_number(7.5, -1) == "7.5");  // decimals unknown: the shortest round trip
  CHECK(decimals_in("86.90") == 2);
  CHECK(decimals_in(" 15 ") == 0);
  CHECK(decimals_in("1.5e-3") == 4);
  CHECK(decimals_in("1.25E+1") == 1);
  CHECK(decimals_in("2e5") == 0);
}

TEST_CASE("chart data: each series knows the most decimals among its cells") {
  DataView view;
  for (const char* x : {"year", "name"}) {  // grouped by number and by value
    Dataset ds;
    ds.columns = {Column{"year", ColumnType::kInteger, {{}, "Year", {}}, {}, {}, {}},
                  Column{"name", ColumnType::kString, {{}, "Name", {}}, {}, {}, {}},
                  Column{"a", ColumnType::kNumber, {{}, "A", {}}, {}, {}, {}},
                  Column{"n", ColumnType::kInteger, {{}, "N", {}}, {}, {}, {}}};
    ds.csv_bytes = "year,name,a,n\n2020,A,1.1,3\n2020,A,2.20,4\n2021,B,0.1,5\n";
    ds.index_rows();
    ChartData d = chart_data(ds, ChartSpec{x, {"a", "n"}, "bar", {}}, nullptr, view);
    REQUIRE(d.series.size() == 2);
    CHECK(d.series[0].decimals == 2);
    CHECK(d.series[1].decimals == 0);
    CHECK(chart_number(d.series[0].values[0], d.series[0].decimals) == "3.3");
  }
}

}  // namespace firefly
