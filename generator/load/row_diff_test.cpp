#include "load/row_diff.h"

#include <doctest/doctest.h>

using namespace firefly;

TEST_CASE("diff_rows by key counts added, removed and changed rows") {
  std::string before = "year,count\n2019,10\n2020,12\n2021,9\n";
  std::string after = "count,year\n11,2019\n12,2020\n15,2022\n7,2023\n";
  RowDiff d = diff_rows(before, after, {"year"});
  CHECK(d.added == 2);    // 2022, 2023
  CHECK(d.removed == 1);  // 2021
  CHECK(d.changed == 1);  // 2019: 10 -> 11; moving a column is no change
}

TEST_CASE("diff_rows without a key pairs runs of differing rows in file order") {
  std::string before = "a,b\n1,x\n2,y\n3,z\n";
  std::string after = "a,b\r\n1,x\r\n2,Y\r\n3,z\r\n4,w\r\n5,v\r\n";
  RowDiff d = diff_rows(before, after, {});
  CHECK(d.changed == 1);  // line endings and quoting are not changes
  CHECK(d.added == 2);
  CHECK(d.removed == 0);
  RowDiff gone = diff_rows(after, "a,b\n1,x\n", {});
  CHECK(gone.removed == 4);
  CHECK(gone.added == 0);
}

TEST_CASE("diff_rows of a first version counts every row as added") {
  RowDiff d = diff_rows("", "a\n1\n2\n", {});
  CHECK(d.added == 2);
  CHECK(d.changed == 0);
  CHECK(d.removed == 0);
}

TEST_CASE("diff_rows falls back to file order when the key column is missing") {
  RowDiff d = diff_rows("a,b\n1,x\n", "a,b\n1,y\n", {"id"});
  CHECK(d.changed == 1);
}

TEST_CASE("diff_rows names columns added and removed, and compares rows on the others") {
  std::string before = "year,count,note\n2019,10,a\n2020,12,b\n";
  std::string after = "year,rate,count,source\n2019,86.9,10,x\n2020,88.1,13,y\n";
  RowDiff keyed = diff_rows(before, after, {"year"});
  CHECK(keyed.columns_added == std::vector<std::string>{"rate", "source"});
  CHECK(keyed.columns_removed == std::vector<std::string>{"note"});
  CHECK(keyed.changed == 1);  // 2020: 12 -> 13; a new column's cells are no change
  CHECK(keyed.added == 0);
  RowDiff ordered = diff_rows(before, after, {});
  CHECK(ordered.columns_added.size() == 2);
  CHECK(ordered.changed == 1);
  CHECK(ordered.added + ordered.removed == 0);
  RowDiff first = diff_rows("", after, {});
  CHECK(first.columns_added.empty());  // a first version adds rows, not columns
  CHECK(first.added == 2);
}
