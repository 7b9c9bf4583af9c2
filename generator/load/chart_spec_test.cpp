#include "load/chart_spec.h"

#include <doctest/doctest.h>

#include <algorithm>

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

}  // namespace firefly
