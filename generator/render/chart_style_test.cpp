#include "render/chart_style.h"

#include <doctest/doctest.h>

namespace firefly {

namespace {

/// A line chart's data: one series per list, one point per value (kNoValue: a gap).
ChartData lines(std::vector<std::vector<double>> series) {
  ChartData d;
  for (auto& values : series) {
    d.x_labels.resize(values.size());
    d.series.push_back(ChartSeries{});
    d.series.back().values = std::move(values);
  }
  return d;
}

std::vector<size_t> all(size_t n) {
  std::vector<size_t> pts(n);
  for (size_t i = 0; i < n; ++i) pts[i] = i;
  return pts;
}

}  // namespace

TEST_CASE("line labels: only first, last, lowest and highest; equal values written once") {
  // The sample portal's awards per year against national awards.
  ChartData d = lines({{1, 2, 3, 5, 0, 3, 6, 7, 10, 3}, {1, 2, 3, 4, 0, 3, 6, 6, 7, 3}});
  auto labels = line_labels(d, all(10), make_scale(0, 10));
  REQUIRE(labels.size() == 10);
  // 2013 (first of both, equal): one label.
  REQUIRE(labels[0].size() == 1);
  CHECK(labels[0][0].value == 1);
  CHECK_FALSE(labels[0][0].below);
  // 2014 to 2016, 2018 to 2020: no key point of either series.
  for (size_t k : {1, 2, 3, 5, 6, 7}) CHECK(labels[k].empty());
  CHECK(labels[4].size() == 1);  // 2017: both lowest at 0
  // 2021: 10 and 7 are far enough apart for both above their marks.
  REQUIRE(labels[8].size() == 2);
  CHECK(labels[8][0].value == 10);
  CHECK(labels[8][1].value == 7);
  CHECK_FALSE(labels[8][1].below);
  CHECK(labels[9].size() == 1);  // 2022: both last at 3
}

TEST_CASE("line labels: of two close values the lower goes below its mark; gaps are skipped") {
  ChartData d = lines({{50, kNoValue, 100}, {49, 2, 99}});
  auto labels = line_labels(d, all(3), make_scale(0, 100));
  REQUIRE(labels[0].size() == 2);
  CHECK(labels[0][0].value == 50);
  CHECK_FALSE(labels[0][0].below);
  CHECK(labels[0][1].value == 49);
  CHECK(labels[0][1].below);
  REQUIRE(labels[1].size() == 1);  // the lowest of the second series; the first has a gap
  CHECK(labels[1][0].value == 2);
  REQUIRE(labels[2].size() == 2);
  CHECK(labels[2][1].below);
}

TEST_CASE("line labels: a third close value that fits neither side is left out, never covering") {
  // The sample portal's awards in 2021: all 10, national 7, local 3, each its series' highest.
  ChartData d = lines({{10}, {7}, {3}});
  auto labels = line_labels(d, all(1), make_scale(0, 40));
  REQUIRE(labels[0].size() == 2);
  CHECK(labels[0][0].value == 10);
  CHECK_FALSE(labels[0][0].below);
  CHECK(labels[0][1].value == 7);
  CHECK(labels[0][1].below);  // 3 above its mark would stand where 7 is written
  // Far enough under the label below 7, a third value is written above its mark.
  labels = line_labels(lines({{90}, {87}, {60}}), all(1), make_scale(0, 100));
  REQUIRE(labels[0].size() == 3);
  CHECK_FALSE(labels[0][2].below);
  // At the bottom of the plot a label under its mark would stand on the category labels
  // (2013 of the sample portal's awards: all 1, local 0): none there.
  labels = line_labels(lines({{1}, {0}}), all(1), make_scale(0, 40));
  REQUIRE(labels[0].size() == 1);
  CHECK(labels[0][0].value == 1);
  // Two close negative values: the second would be written over the first's label.
  labels = line_labels(lines({{-5}, {-6}}), all(1), make_scale(-100, 0));
  REQUIRE(labels[0].size() == 1);
  CHECK(labels[0][0].value == -5);
}

}  // namespace firefly
