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

}  // namespace firefly
