#include "load/headless_tables.h"

#include <doctest/doctest.h>

namespace firefly {

TEST_CASE("find_headless_tables: table rows with no dashes under the first, not tables or code") {
  auto found = find_headless_tables(
      "Intro.\n\n| 年度 | 人數 |\n| 2021 | 3 |\n| 2022 | 5 |\n\n"
      "| a | b |\n|---|:-:|\n| 1 | 2 |\n\n"  // a table
      "```\n| code | here |\n| more | code |\n```\n\n"
      "| one line only |\n\n"
      "  | x | y | z\n  | 1 | 2 | 3\n",
      4);
  REQUIRE(found.size() == 2);
  CHECK(found[0].pos.line == 6);
  CHECK(found[0].pos.col == 1);
  CHECK(found[0].columns == 2);
  CHECK(found[1].pos.line == 21);
  CHECK(found[1].pos.col == 3);
  CHECK(found[1].columns == 3);
  // A page whose rows are a table's, or a lone row, is passed over; a headless run after a
  // table is found.
  CHECK(find_headless_tables("| a | b |\n|---|---|\n| 1 | 2 |\n\n| lone |\n", 1).empty());
  CHECK(
      find_headless_tables("| a | b |\n|---|---|\n| 1 | 2 |\n\n| x | y |\n| 3 | 4 |\n", 1).size() ==
      1);
  CHECK(find_headless_tables("| x | y |\n| 3 | 4 |", 1).size() == 1);
  Diagnostics d;
  report_headless_tables("| 年度 | 人數 |\n| 2021 | 3 |\n", 5, "content/a.md", d);
  REQUIRE(d.sorted().size() == 1);
  CHECK(d.sorted()[0].hint ==
        "add the line | --- | --- | under the first line (the table's header)");
}

}  // namespace firefly
