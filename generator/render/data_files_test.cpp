#include "render/data_files.h"

#include <doctest/doctest.h>

#include "core/json.h"
#include "render/awards_for_tests.h"

namespace firefly {

TEST_CASE("data files: canonical CSV drops the BOM, Excel CSV neutralises formulas") {
  Dataset ds = awards_test_dataset();
  CHECK(canonical_csv(ds) == "year,delta,note,ok\n2021,-5,=SUM(A1),true\n2022,,\"a,b\",\n");
  CHECK(excel_csv(ds) ==
        "\xEF\xBB\xBFyear,delta,note,ok\r\n2021,-5,'=SUM(A1),true\r\n2022,,\"a,b\",\r\n");
  CHECK(neutralise_cell("+1", false) == "'+1");
  CHECK(neutralise_cell("-x", false) == "'-x");
  CHECK(neutralise_cell("@a", false) == "'@a");
  CHECK(neutralise_cell("-5", true) == "-5");
  CHECK(neutralise_cell("plain", false) == "plain");
}

TEST_CASE("data files: Excel CSV keeps text that a spreadsheet would read as a number as text") {
  // Codes with leading zeros, a phone number, fractions and ranges that would become dates.
  for (const char* cell : {"001", "0912345678", "1/2", "3-4", "1e5", "10:30", "TRUE", "(5)"}) {
    CAPTURE(cell);
    CHECK(neutralise_cell(cell, false, true) == std::string("=\"") + cell + "\"");
    CHECK(neutralise_cell(cell, false, false) == cell);  // not a text column: as written
  }
  for (const char* cell : {"2019年", "Q1", "Team 1", "3.5 orang", ""}) {
    CAPTURE(cell);
    CHECK(neutralise_cell(cell, false, true) == cell);
  }
  CHECK(neutralise_cell("-5", false, true) == "'-5");  // the formula guard comes first
  CHECK(neutralise_cell(std::string(256, '1'), false, true) == std::string(256, '1'));
  Dataset ds;
  ds.columns = {Column{"code", ColumnType::kString, {}, {}, {}, {}},
                Column{"n", ColumnType::kInteger, {}, {}, {}, {}}};
  ds.csv_bytes = "code,n\n001,007\n";
  ds.index_rows();
  CHECK(excel_csv(ds) ==
        "\xEF\xBB\xBF"
        "code,n\r\n\"=\"\"001\"\"\",007\r\n");
}

TEST_CASE("data files: JSON rows keep their types") {
  auto parsed = parse_json(dataset_json(awards_test_dataset()));
  REQUIRE(parsed);
  REQUIRE(parsed->as_list().size() == 2);
  const Value& first = parsed->as_list()[0];
  CHECK(first.get("year").is_int());
  CHECK(first.get("delta").as_double() == -5.0);
  CHECK(first.get("ok").as_bool());
  CHECK(parsed->as_list()[1].get("delta").is_null());
}

TEST_CASE("data files: JSON numbers keep the CSV's digits") {
  Dataset ds;
  ds.columns = {Column{"n", ColumnType::kNumber, {}, {}, {}, {}},
                Column{"i", ColumnType::kInteger, {}, {}, {}, {}}};
  ds.csv_bytes =
      "n,i\n15,+3\n35000000,2021\n86.90,-12\n123456789.123456789,7\n"
      "99999999999999999999,0\n.5,\n1e6,1\n";
  ds.index_rows();
  CHECK(dataset_json(ds) ==
        "[\n  {\n    \"n\": 15,\n    \"i\": 3\n  },\n  {\n    \"n\": 35000000,\n    \"i\": 2021\n  "
        "},\n  {\n    \"n\": 86.90,\n    \"i\": -12\n  },\n  {\n    \"n\": 123456789.123456789,\n"
        "    \"i\": 7\n  },\n  {\n    \"n\": 99999999999999999999,\n    \"i\": 0\n  },\n  {\n    "
        "\"n\": 0.5,\n    \"i\": null\n  },\n  {\n    \"n\": 1e6,\n    \"i\": 1\n  }\n]\n");
  CHECK(parse_json(dataset_json(ds)));
  CHECK(json_number(" 007.50 ") == "7.50");
  CHECK(json_number("-.5") == "-0.5");
  CHECK(json_number("5.") == "5");
  CHECK(json_number("1E+06") == "1E+06");
  CHECK(json_number("1,234").empty());
  CHECK(json_number("1e").empty());
}

TEST_CASE("data files: JSON rows are written as to_json writes them") {
  Dataset ds = awards_test_dataset();
  List rows;
  for (size_t r = 0; r < ds.row_count(); ++r) {
    Map m;
    std::vector<Value> row = ds.row(r);
    for (size_t i = 0; i < row.size(); ++i) m.emplace_back(ds.columns[i].name, row[i]);
    rows.push_back(Value(std::move(m)));
  }
  std::string expected = to_json(Value(std::move(rows)), 2) + "\n";
  // to_json writes a whole number of a number column as "-5.0"; the CSV says -5.
  size_t at = expected.find("-5.0");
  REQUIRE(at != std::string::npos);
  expected.replace(at, 4, "-5");
  CHECK(dataset_json(ds) == expected);
}

}  // namespace firefly
