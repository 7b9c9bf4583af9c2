#include "render/chart_data.h"

#include <doctest/doctest.h>

#include <algorithm>

namespace firefly {

namespace {

Dataset rates() {
  Dataset ds;
  ds.name = "rates";
  ds.columns = {Column{"year", ColumnType::kInteger, {{}, "Year", {}}, {}, "", {}},
                Column{"rate", ColumnType::kNumber, {{}, "Rate", {}}, {}, "%", {}},
                Column{"goal", ColumnType::kNumber, {{}, "Goal", {}}, {}, "%", {}}};
  ds.rows = {{Value(2022), Value(1500.5), Value()},
             {Value(2020), Value(1000.0), Value(3.0)},
             {Value(2021), Value(), Value()},
             {Value(2021), Value(2500.25), Value()},
             {Value(2020), Value(1.0), Value(2.0)}};
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
  ds.rows.clear();
  const int n = 1000000;
  ds.rows.reserve(n);
  for (int i = 0; i < n; ++i) {
    double v = i == 123456 ? 1e9 : i == 654321 ? -1e9 : (i % 1000);
    ds.rows.push_back({Value(i / 2), Value(v), Value()});  // two rows per x
  }
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

}  // namespace firefly
