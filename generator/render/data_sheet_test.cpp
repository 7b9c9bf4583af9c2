#include "render/data_sheet.h"

#include <doctest/doctest.h>

#include <algorithm>

namespace firefly {

namespace {

Dataset sample() {
  Dataset ds;
  ds.name = "classes";
  ds.title.by_lang = {{"zh-TW", "照顧服務員專班"}, {"en", "Caregiver classes"}};
  ds.updated = Date{2023, 6, 30};
  ds.columns = {
      Column{
          "year", ColumnType::kInteger, {{{"zh-TW", "年度"}, {"en", "Year"}}, {}, {}}, {}, {}, {}},
      Column{"people",
             ColumnType::kNumber,
             {{{"zh-TW", "人次"}, {"en", "Attendance"}}, {}, {}},
             {},
             {{{"zh-TW", "人次"}, {"en", "person-times"}}, {}, {}},
             {}},
      Column{"held", ColumnType::kDate, {}, {}, {}, {}},
      Column{"online", ColumnType::kBoolean, {}, {}, {}, {}},
      Column{"note", ColumnType::kString, {}, {}, {}, {}}};
  ds.csv_bytes = "year,people,held,online,note\n2021,-5.5,2021-03-04,true,=SUM(A1)\n2022,,,,\n";
  ds.index_rows();
  return ds;
}

DataView view(const std::string& lang) {
  DataView v;
  v.lang = lang;
  v.default_lang = "zh-TW";
  v.t = Value(Map{{"data_sheet_data", Value("資料")}, {"data_sheet_about", Value("說明")}});
  return v;
}

}  // namespace

TEST_CASE("data sheet: cells are typed as the column says, missing values are empty") {
  Dataset ds = sample();
  std::vector<Value> row = ds.row(0);
  SheetCell year = sheet_cell(row[0], ds.columns[0], "zh-TW");
  CHECK(year.kind == SheetCell::Kind::kNumber);
  CHECK(year.number == 2021);
  CHECK(sheet_cell(row[1], ds.columns[1], "zh-TW").number == -5.5);
  SheetCell held = sheet_cell(row[2], ds.columns[2], "zh-TW");
  REQUIRE(held.kind == SheetCell::Kind::kDate);
  CHECK(held.date.iso() == "2021-03-04");
  SheetCell online = sheet_cell(row[3], ds.columns[3], "zh-TW");
  CHECK(online.kind == SheetCell::Kind::kBoolean);
  CHECK(online.flag);
  SheetCell note = sheet_cell(row[4], ds.columns[4], "zh-TW");
  CHECK(note.kind == SheetCell::Kind::kText);
  CHECK(note.text == "=SUM(A1)");  // a spreadsheet's text cell is never run as a formula
  std::vector<Value> second = ds.row(1);
  for (size_t c = 1; c < second.size(); ++c) {
    CHECK(sheet_cell(second[c], ds.columns[c], "zh-TW").kind == SheetCell::Kind::kEmpty);
  }
}

TEST_CASE("data sheet: headings and sheet names in the file's language; about once per view") {
  Dataset ds = sample();
  DataSite site;
  site.base_url = "https://labor.example.gov.tw/";
  site.publisher_name.by_lang = {{"zh-TW", "勞工局"}, {"en", "Labor Bureau"}};
  site.languages = {{"zh-TW", "zh-Hant-TW", "roc"}, {"en", "en", ""}};
  SheetText t = sheet_text(ds, site, {view("zh-TW"), view("en")});
  CHECK(t.headings == std::vector<std::string>{"年度", "人次 (人次)", "held", "online", "note"});
  CHECK(t.data_sheet == "資料");
  CHECK(t.about_sheet == "說明");
  CHECK(t.title == "照顧服務員專班");
  CHECK(t.publisher == "勞工局");
  CHECK(t.created.iso() == "2023-06-30");
  auto has = [&](const std::vector<std::string>& row) {
    return std::find(t.about.begin(), t.about.end(), row) != t.about.end();
  };
  CHECK(has({"Title", "照顧服務員專班"}));
  CHECK(has({"Title", "Caregiver classes"}));
  CHECK(has({"people", "人次 (人次)", "Number", "人次", ""}));
  CHECK(has({"people", "Attendance (person-times)", "Number", "person-times", ""}));
  CHECK(has({"Web page", "https://labor.example.gov.tw/en/data/classes/"}));
  // Names a spreadsheet refuses are cleaned; equal names fall back to Data and About.
  CHECK(sheet_name("a[b]:c*d?e/f\\g") == "abcdefg");
  CHECK(sheet_name(std::string(40, 'x')).size() == 31);
  DataView same = view("zh-TW");
  same.t = Value(Map{{"data_sheet_data", Value("X")}, {"data_sheet_about", Value("X")}});
  SheetText fallback = sheet_text(ds, site, {same});
  CHECK(fallback.data_sheet == "Data");
  CHECK(fallback.about_sheet == "About");
}

TEST_CASE("data sheet: rows and columns beyond a spreadsheet's limits do not fit") {
  Dataset ds = sample();
  CHECK(fits_spreadsheet(ds));
  ds.row_starts.resize(kSheetMaxRows - 1);
  CHECK(fits_spreadsheet(ds));  // with the header row: exactly the limit
  ds.row_starts.resize(kSheetMaxRows);
  CHECK_FALSE(fits_spreadsheet(ds));
  CHECK(char_count("照顧a") == 3);
}

}  // namespace firefly
