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

namespace firefly {

TEST_CASE("find_overfull_rows: a row with more cells than its table's header") {
  auto found = [](std::string_view body) {
    std::string s;
    for (const OverfullRow& r : find_overfull_rows(body, 5)) {
      s += std::to_string(r.pos.line) + ":" + std::to_string(r.pos.col) + " " +
           std::to_string(r.cells) + "/" + std::to_string(r.columns) + "\n";
    }
    return s;
  };
  CHECK(found("| 年 | 人數 |\n|---|---|\n| 2021 | 26 | 多一格 |\n| 2022 | 30 |\n") == "7:1 3/2\n");
  CHECK(found("| a | b |\n| - | - |\n| 1 | 2 | 3 | 4\n") == "7:1 4/2\n");  // no closing bar
  CHECK(found("| a | b |\n| - | - |\n| 1 | 2 |\n| 3 |\n") == "");          // fewer: filled
  CHECK(found("| a | b |\n| - | - |\n| 1 \\| 2 | 3 |\n") == "");           // an escaped bar
  CHECK(found("| a | b |\n| - | - |\n| `x|y` | 3 |\n") == "");             // a bar in code
  CHECK(found("| a | b |\n| 1 | 2 | 3 |\n") == "");                        // no table
  CHECK(found("```\n| a | b |\n| - | - |\n| 1 | 2 | 3 |\n```\n") == "");   // code
  CHECK(found("| a | b |\n| - | - |\n\n| 1 | 2 | 3 |\n") == "");           // another run: no table
}

TEST_CASE("report_headless_tables: an overfull row's warning") {
  Diagnostics diags;
  report_headless_tables("| 年 | 人數 |\n|---|---|\n| 2021 | 26 | 多一格 | 再一格 |\n", 5,
                         "content/a.md", diags);
  REQUIRE(diags.warning_count() == 1);
  const Diagnostic d = diags.sorted().front();
  CHECK(d.pos.line == 7);
  CHECK(d.message ==
        "this row has 4 cells but the table has 2 columns, so the page leaves out its last 2 "
        "cells");
  CHECK(d.hint == "add the column to the table's first two lines, or remove the extra cell");
}

}  // namespace firefly
