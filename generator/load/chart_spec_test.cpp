#include "load/chart_spec.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "core/yaml.h"

namespace firefly {

namespace {

/// The errors of a chart of y columns a and b with units `a` and `b` (YAML), one a line.
std::string unit_errors(const std::string& a, const std::string& b) {
  Diagnostics diags;
  std::vector<Column> columns(3);
  columns[0].name = "year";
  columns[0].type = ColumnType::kInteger;
  const std::string units[] = {a, b};
  for (int i = 0; i < 2; ++i) {
    columns[i + 1].name = i == 0 ? "a" : "b";
    columns[i + 1].type = ColumnType::kInteger;
    if (!units[i].empty())
      columns[i + 1].unit = to_localized(parse_yaml(units[i], "u.yaml", diags));
  }
  REQUIRE_FALSE(diags.has_errors());
  Value block = parse_yaml("x: year\ny: [a, b]\n", "c.yaml", diags);
  ChartSpec spec;
  const std::string path = "c.yaml";
  read_chart_fields(block, ChartFieldsSource{path, {}, columns, "'chart'"}, diags, spec);
  std::string out;
  for (const Diagnostic& d : diags.sorted()) out += d.message + "\n";
  return out;
}

}  // namespace

TEST_CASE("chart units: one unit translated further is the same unit; a difference is named") {
  // The same unit, one column's translated into Indonesian too: one axis.
  CHECK(unit_errors("{en: hours, id: jam}", "{en: hours}") == "");
  CHECK(unit_errors("hours", "hours") == "");
  CHECK(unit_errors("", "") == "");
  // Different in English: named in English, as before.
  CHECK(unit_errors("{en: persons, zh-TW: 人}", "'%'") ==
        "columns 'a' ('persons') and 'b' ('%') of 'chart' have different units, so one y axis "
        "cannot show both\n");
  // The same in English, different in Chinese: named in the language they differ in.
  CHECK(unit_errors("{en: hours, zh-TW: 小時}", "{en: hours, zh-TW: 時數}") ==
        "columns 'a' ('小時') and 'b' ('時數') of 'chart' have different units in 'zh-TW', so "
        "one y axis cannot show both\n");
  CHECK(unit_errors("hours", "") ==
        "columns 'a' ('hours') and 'b' (no unit) of 'chart' have different units, so one y axis "
        "cannot show both\n");
}

TEST_CASE("chart y: a column named twice is an error at its second mention, drawn once") {
  Diagnostics diags;
  std::vector<Column> columns(3);
  columns[0].name = "year";
  columns[1].name = "a";
  columns[2].name = "b";
  for (Column& c : columns) c.type = ColumnType::kInteger;
  Value block = parse_yaml("x: year\ny: [a, b, a]\n", "c.yaml", diags);
  ChartSpec spec;
  const std::string path = "c.yaml";
  CHECK_FALSE(
      read_chart_fields(block, ChartFieldsSource{path, {}, columns, "'chart'"}, diags, spec));
  std::vector<Diagnostic> errors = diags.sorted();
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message == "column 'a' is named twice in the 'y' of 'chart'");
  CHECK(errors[0].pos.line == 2);
  CHECK(errors[0].pos.col == 11);
  CHECK(spec.y == std::vector<std::string>{"a", "b"});
}

TEST_CASE("chart: a column both x and y is an error at the y, in a list or alone") {
  std::vector<Column> columns(2);
  columns[0].name = "year";
  columns[1].name = "a";
  for (Column& c : columns) c.type = ColumnType::kInteger;
  const std::string path = "c.yaml";
  for (const char* yaml : {"x: year\ny: [a, year]\n", "x: year\ny: year\n"}) {
    Diagnostics diags;
    Value block = parse_yaml(yaml, path, diags);
    ChartSpec spec;
    CHECK_FALSE(
        read_chart_fields(block, ChartFieldsSource{path, {}, columns, "'chart'"}, diags, spec));
    std::vector<Diagnostic> errors = diags.sorted();
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message == "column 'year' is both the 'x' and a 'y' of 'chart'");
    CHECK(errors[0].pos.line == 2);
    CHECK(std::find(spec.y.begin(), spec.y.end(), "year") == spec.y.end());
  }
}

TEST_CASE("chart kind: a list or a map is named as one, not quoted as ''") {
  std::vector<Column> none;
  const std::string path = "c.yaml";
  for (const char* yaml : {"kind: [bar]\n", "kind: {en: bar}\n"}) {
    Diagnostics d;
    Value block = parse_yaml(yaml, path, d);
    ChartSpec spec;
    CHECK_FALSE(read_chart_kind(block, ChartFieldsSource{path, {}, none, ""}, d, spec));
    std::vector<Diagnostic> errors = d.sorted();
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message ==
          "'kind' must be one word (bar, stacked, hbar, line or target), not " +
              std::string(block.get("kind").kind_name()));
    CHECK(errors[0].message.find("''") == std::string::npos);
    CHECK(spec.kind == "bar");
  }
}

namespace {

/// A dataset made in code with columns x, y (a number) and z, from `rows` of three cells.
Dataset three_columns(const std::string& rows) {
  Dataset ds;
  ds.name = "d";
  ds.columns = {Column{"x", ColumnType::kInteger, {{}, "X", {}}, {}, {}, {}},
                Column{"y", ColumnType::kNumber, {{}, "Y", {}}, {}, {}, {}},
                Column{"z", ColumnType::kInteger, {{}, "Z", {}}, {}, {}, {}}};
  ds.csv_bytes = "x,y,z\n" + rows;
  ds.index_rows();
  return ds;
}

}  // namespace

TEST_CASE("percentages two rows share an x at are found; counts and other x are not") {
  Dataset ds = three_columns("2021,80,1\n2021,80,2\n2022,75,3\n");
  ChartSpec spec;
  spec.x = "x";
  spec.y = {"y"};
  CHECK_FALSE(percent_summed_x(ds, spec, nullptr));  // y has no unit: counts add up
  ds.columns[1].unit_code = "percent";
  CHECK(is_percent_column(ds.columns[1]));
  CHECK(percent_summed_x(ds, spec, nullptr) == std::optional<std::string>("2021"));
  const std::vector<size_t> one_each = {0, 2};  // a where: keeping one row per x
  CHECK_FALSE(percent_summed_x(ds, spec, &one_each));
  ds.columns[1].unit_code.clear();
  ds.columns[1].unit.by_lang = {{"zh-TW", "%"}};  // "%" in one language is percent too
  CHECK(percent_summed_x(ds, spec, nullptr) == std::optional<std::string>("2021"));
  // An empty cell is no figure: one row per x reports one.
  Dataset gaps = three_columns("2021,80,1\n2021,,2\n");
  gaps.columns[1].unit_code = "percent";
  CHECK_FALSE(percent_summed_x(gaps, spec, nullptr));
}

TEST_CASE("chart x keys: 2021 and 2021.0 are one x, 2021.5 another, 2^53 + 1 not 2^53") {
  const Column number{"x", ColumnType::kNumber, {{}, "X", {}}, {}, {}, {}};
  const Column whole{"x", ColumnType::kInteger, {{}, "X", {}}, {}, {}, {}};
  const Column text{"x", ColumnType::kString, {{}, "X", {}}, {}, {}, {}};
  auto key = [](std::string_view cell, const Column& c) {
    return chart_x_key(type_cell(cell, c, nullptr));
  };
  CHECK(key("2021", number) == key("2021.0", number));
  CHECK(key("2021", number) == key("+2021.00", number));
  CHECK(key("2021", number) != key("2021.5", number));
  CHECK(key("0", number) == key("-0", number));
  CHECK(key("2021", whole) == key(" 2021 ", whole));
  // Whole numbers as a chart groups them (render/chart_group): as 64-bit integers, which
  // a double would make one.
  CHECK(key("9007199254740993", whole) != key("9007199254740992", whole));
  CHECK(key("2021", text) != key("2021.0", text));
  CHECK(key("north", text) == key("north", text));
}

TEST_CASE("percentages: an x is shared when the chart would make one category of it") {
  ChartSpec spec;
  spec.x = "x";
  spec.y = {"y"};
  Dataset years = three_columns("");
  years.columns[0].type = ColumnType::kNumber;
  years.columns[1].unit_code = "percent";
  years.csv_bytes = "x,y,z\n2021,80,1\n2021.5,75,2\n";
  years.index_rows();
  CHECK_FALSE(percent_summed_x(years, spec, nullptr));  // 2021.5 is an x of its own
  years.csv_bytes = "x,y,z\n2021,80,1\n2021.0,75,2\n";
  years.index_rows();
  CHECK(percent_summed_x(years, spec, nullptr) == std::optional<std::string>("2021.0"));
  // Two whole numbers one apart past 2^53: two categories of the chart, two x here.
  Dataset big = three_columns("9007199254740993,80,1\n9007199254740992,75,2\n");
  big.columns[1].unit_code = "percent";
  CHECK_FALSE(percent_summed_x(big, spec, nullptr));
}

}  // namespace firefly
