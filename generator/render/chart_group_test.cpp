#include "render/chart_group.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace firefly {

namespace {

/// A dataset made in code (not checked, so cells may be anything) with columns x, y and z;
/// `rows` have two cells (x, y) or three.
Dataset two_columns(ColumnType x_type, const std::string& rows,
                    ColumnType y_type = ColumnType::kNumber) {
  Dataset ds;
  ds.name = "d";
  ds.columns = {Column{"x", x_type, {{}, "X", {}}, {}, {}, {}},
                Column{"y", y_type, {{}, "Y", {}}, {}, {}, {}},
                Column{"z", ColumnType::kInteger, {{}, "Z", {}}, {}, {}, {}}};
  std::string first = rows.substr(0, rows.find('\n'));
  bool three = std::count(first.begin(), first.end(), ',') == 2;
  ds.csv_bytes = (three ? "x,y,z\n" : "x,y\n") + rows;
  ds.index_rows();
  return ds;
}

ChartData empty_series(size_t n) {
  ChartData d;
  for (size_t i = 0; i < n; ++i) d.series.push_back(ChartSeries{"s", "S", "", {}});
  return d;
}

std::vector<std::string> texts(const ChartData& d) {
  std::vector<std::string> out;
  for (const Value& x : d.x) out.push_back(x.to_text());
  return out;
}

}  // namespace

TEST_CASE("group by number: equal x folded and summed in row order, ascending x") {
  Dataset ds = two_columns(ColumnType::kInteger, "3,1,\n-2,0.5,7\n3,2.25,1\n+10,4,\n -2 ,1,\n");
  ChartData d = empty_series(2);
  REQUIRE(group_by_number(ds, ChartColumns{0, {1, 2}}, nullptr, d));
  CHECK(texts(d) == std::vector<std::string>{"-2", "3", "10"});
  CHECK(d.x[0].is_int());
  CHECK(d.series[0].values == std::vector<double>{1.5, 3.25, 4});
  CHECK(d.series[1].values[0] == 7);
  CHECK(d.series[1].values[1] == 1);
  CHECK_FALSE(has_value(d.series[1].values[2]));  // no row reported z for x = 10
}

TEST_CASE("group by number: decimal x by value (1.5 = 1.50, 0 = -0), the given rows only") {
  Dataset ds = two_columns(ColumnType::kNumber, "1.50,1\n0,2\n1.5,3\n-0,4\n1e0,5\n.5,6\n");
  ChartData d = empty_series(1);
  REQUIRE(group_by_number(ds, ChartColumns{0, {1}}, nullptr, d));
  CHECK(d.size() == 4);
  CHECK(d.series[0].values == std::vector<double>{6, 6, 5, 4});  // 0, .5, 1, 1.5
  std::vector<size_t> rows{5, 2, 0};
  ChartData some = empty_series(1);
  REQUIRE(group_by_number(ds, ChartColumns{0, {1}}, &rows, some));
  CHECK(some.series[0].values == std::vector<double>{6, 4});
}

TEST_CASE("group by number: empty x skipped, empty y a gap, a row with no y skipped") {
  Dataset ds = two_columns(ColumnType::kInteger, ",5,5\n1,,\n2,,3\n2,7,\n3,x,\n");
  ChartData d = empty_series(2);
  REQUIRE(group_by_number(ds, ChartColumns{0, {1, 2}}, nullptr, d));
  CHECK(texts(d) == std::vector<std::string>{"2"});  // x = 3's y is not a number
  CHECK(d.series[0].values == std::vector<double>{7});
  CHECK(d.series[1].values == std::vector<double>{3});
}

TEST_CASE("group by number: whole numbers beyond 2^53 stay apart") {
  Dataset ds = two_columns(ColumnType::kInteger, "9007199254740993,1\n9007199254740992,2\n");
  ChartData d = empty_series(1);
  REQUIRE(group_by_number(ds, ChartColumns{0, {1}}, nullptr, d));
  CHECK(texts(d) == std::vector<std::string>{"9007199254740992", "9007199254740993"});
  ChartData hashed = empty_series(1);  // the same keys where grouping falls back
  group_by_value(ds, ChartColumns{0, {1}}, nullptr, hashed);
  CHECK(texts(hashed) == texts(d));
}

TEST_CASE("group by number: NaN, infinite, text or text-typed x fall back, out untouched") {
  for (const char* bad : {"nan", "inf", "abc", "1e999", "0x10", "1,5"}) {
    Dataset ds = two_columns(ColumnType::kNumber, std::string("1,1\n\"") + bad + "\",2\n");
    ChartData d = empty_series(1);
    CHECK_FALSE(group_by_number(ds, ChartColumns{0, {1}}, nullptr, d));
    CHECK(d.size() == 0);
    CHECK(d.series[0].values.empty());
  }
  Dataset text_x = two_columns(ColumnType::kString, "10,1\n9,2\n");
  ChartData d = empty_series(1);
  CHECK_FALSE(group_by_number(text_x, ChartColumns{0, {1}}, nullptr, d));
}

TEST_CASE("group by value: text x by first appearance, numeric text not reordered") {
  Dataset ds = two_columns(ColumnType::kString, "10,1\n9,2\n10,3\n10.0,4\n,5\n");
  ChartData d = empty_series(1);
  group_by_value(ds, ChartColumns{0, {1}}, nullptr, d);
  CHECK(texts(d) == std::vector<std::string>{"10", "9", "10.0"});
  CHECK(d.series[0].values == std::vector<double>{4, 2, 4});
}

TEST_CASE("group by value: mixed numbers and text in a number column keep the numbers") {
  Dataset ds = two_columns(ColumnType::kNumber, "2,1\nabc,2\n1,3\n2,4\n");
  ChartData d = empty_series(1);
  group_by_value(ds, ChartColumns{0, {1}}, nullptr, d);
  CHECK(texts(d) == std::vector<std::string>{"1.0", "2.0"});  // "abc" is not a number: skipped
  CHECK(d.series[0].values == std::vector<double>{3, 5});
}

TEST_CASE("group by number and group by value agree on checked data") {
  for (ColumnType t : {ColumnType::kNumber, ColumnType::kInteger}) {
    std::string rows;
    for (int i = 0; i < 3000; ++i) {
      int x = (i * 7919) % 1013 - 500;
      std::string frac = t == ColumnType::kNumber && i % 3 ? ".25" : "";
      rows += std::to_string(x) + frac + "," + (i % 5 ? std::to_string(i % 97) + ".1" : "") + "," +
              std::to_string(i % 11) + "\n";
    }
    Dataset ds = two_columns(t, rows);
    ChartData sorted = empty_series(2), hashed = empty_series(2);
    REQUIRE(group_by_number(ds, ChartColumns{0, {1, 2}}, nullptr, sorted));
    group_by_value(ds, ChartColumns{0, {1, 2}}, nullptr, hashed);
    CHECK(sorted.size() > 1000);
    CHECK(texts(sorted) == texts(hashed));
    for (size_t s = 0; s < 2; ++s) {
      REQUIRE(sorted.series[s].values.size() == hashed.series[s].values.size());
      for (size_t i = 0; i < sorted.size(); ++i) {
        double a = sorted.series[s].values[i], b = hashed.series[s].values[i];
        CHECK(has_value(a) == has_value(b));
        if (has_value(a)) CHECK(a == b);  // the same sums, added in the same order
      }
    }
  }
}

}  // namespace firefly
