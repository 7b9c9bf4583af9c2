#include "render/xlsx_writer.h"

#include <doctest/doctest.h>

#include <filesystem>

#include "core/fs.h"
#include "render/sheet_for_tests.h"

namespace firefly {

namespace {

Dataset sample(std::string csv) {
  return sheet_test_dataset(
      {{"year", ColumnType::kInteger}, {"held", ColumnType::kDate}, {"note", ColumnType::kString}},
      std::move(csv));
}

SheetText text() { return sheet_test_text({"年度", "日期", "備註"}); }

}  // namespace

TEST_CASE("xlsx: a workbook with the same bytes for the same input; too long a cell fails") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "firefly-xlsx-test";
  fs::create_directories(dir);
  Dataset ds = sample("year,held,note\n2021,2021-03-04,照顧\n2022,,\n");
  REQUIRE(write_xlsx(ds, text(), dir / "a.xlsx", dir));
  REQUIRE(write_xlsx(ds, text(), dir / "b.xlsx", ""));
  std::string a = read_file(dir / "a.xlsx").value_or("");
  CHECK(a.substr(0, 4) == "PK\x03\x04");
  CHECK(a.find("xl/worksheets/sheet2.xml") != std::string::npos);  // the about sheet
  CHECK(a == read_file(dir / "b.xlsx").value_or(""));  // the file's date is text.created
  std::string long_cell = "year,held,note\n1,," + std::string(40000, 'x') + "\n";
  CHECK_FALSE(write_xlsx(sample(long_cell), text(), dir / "c.xlsx", dir));
  CHECK_FALSE(fs::exists(dir / "c.xlsx"));
  fs::remove_all(dir);
}

}  // namespace firefly
