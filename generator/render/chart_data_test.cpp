#include "render/chart_data.h"

#include <doctest/doctest.h>

#include <algorithm>

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
