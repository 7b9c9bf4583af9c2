#include "load/cell_text.h"

#include <doctest/doctest.h>

namespace firefly {

TEST_CASE("is_integer_text and is_decimal_text read the numbers the docs list") {
  for (const char* ok : {"-12", "+3", "2021", "0"}) CHECK(is_integer_text(ok));
  for (const char* no : {"", "-", "1.0", "1,234", "١٢", "12 "}) CHECK_FALSE(is_integer_text(no));
  for (const char* ok : {"3.5", "-0.25", ".5", "1e6", "5.", "2E-3"}) CHECK(is_decimal_text(ok));
  for (const char* no : {"", ".", "e5", "1e", "3,5", "86.9%"}) CHECK_FALSE(is_decimal_text(no));
}

TEST_CASE("cell_hint says how to write a number as a spreadsheet or a person wrote it") {
  CHECK(cell_hint("1,234", ColumnType::kInteger) == "write 1234 (no thousands separators)");
  CHECK(cell_hint("-1,234,567.5", ColumnType::kNumber) ==
        "write -1234567.5 (no thousands separators)");
  CHECK(cell_hint("3,5", ColumnType::kNumber) ==
        "write 3.5 (a point, not a comma, before the decimals)");
  CHECK(cell_hint("3,5", ColumnType::kInteger) == "");    // neither reading is whole
  CHECK(cell_hint("12,34", ColumnType::kInteger) == "");  // not groups of three
  CHECK(cell_hint("1,2345", ColumnType::kNumber) ==
        "write 1.2345 (a point, not a comma, "
        "before the decimals)");
  CHECK(cell_hint("２０２２", ColumnType::kInteger) == "write 2022 (digits typed half-width)");
  CHECK(cell_hint("８６．９", ColumnType::kNumber) == "write 86.9 (digits typed half-width)");
  CHECK(cell_hint("86.9%", ColumnType::kNumber) ==
        "write 86.9 without the %; say the unit once with the column's `unit: percent`");
  CHECK(cell_hint("12.0", ColumnType::kInteger) ==
        "a whole-number column holds no decimals: declare the column `type: number` if it has "
        "them");
  CHECK(cell_hint("\u22129.9", ColumnType::kNumber) ==
        "write -9.9 (the minus sign typed as a hyphen, -)");
  CHECK(cell_hint("\u20131,200", ColumnType::kInteger) ==
        "write -1200 (the minus sign typed as a hyphen, -)");
  CHECK(cell_hint("\u2013", ColumnType::kInteger).starts_with("leave the cell empty"));
  CHECK(cell_hint("twelve", ColumnType::kInteger) == "");
  CHECK(cell_hint("about 5", ColumnType::kNumber) == "");
}

TEST_CASE("cell_hint says a whole number too large for its column is one for a number column") {
  // It said "a whole-number column holds no decimals" of 23 digits.
  CHECK(cell_hint("99999999999999999999999", ColumnType::kInteger) ==
        "a whole-number column holds figures from -9223372036854775808 to 9223372036854775807: "
        "declare the column `type: number` for larger ones");
  CHECK(cell_hint("-99999999999999999999999", ColumnType::kInteger) ==
        "a whole-number column holds figures from -9223372036854775808 to 9223372036854775807: "
        "declare the column `type: number` for larger ones");
}

TEST_CASE("cell_hint says a number column holds figures up to 1e100") {
  const std::string hint =
      "a number column holds figures from -1e100 to 1e100, and none nearer 0 than 1e-100 but "
      "0 (a chart could not draw one, nor a sum add it up)";
  CHECK(cell_hint("1.7976931348623157e308", ColumnType::kNumber) == hint);
  CHECK(cell_hint("-1e101", ColumnType::kNumber) == hint);
  CHECK(cell_hint("5e-324", ColumnType::kNumber) == hint);
}

TEST_CASE("cell_hint names an invisible character in a cell, with the value to write") {
  // A no-break space after the figure was read as its unit ("say the unit ' ' once").
  CHECK(cell_hint("1\xC2\xA0", ColumnType::kInteger) ==
        "write 1; remove the invisible no-break space (U+00A0) from the cell");
  CHECK(cell_hint("1\xE2\x80\xAF"
                  "234",
                  ColumnType::kInteger) ==
        "write 1234 (no thousands separators); remove the invisible narrow no-break space "
        "(U+202F) from the cell");
  CHECK(cell_hint("\xEF\xBB\xBF"
                  "2.5",
                  ColumnType::kNumber) ==
        "write 2.5; remove the invisible byte order mark (U+FEFF) from the cell");
  CHECK(cell_hint("\xE2\x80\x8B"
                  "2023-01-31",
                  ColumnType::kDate) ==
        "write 2023-01-31; remove the invisible zero-width space (U+200B) from the cell");
  CHECK(cell_hint("TRUE\xE2\x81\xA0", ColumnType::kBoolean) ==
        "write TRUE; remove the invisible word joiner (U+2060) from the cell");
  CHECK(cell_hint("abc\xC2\xA0", ColumnType::kInteger) ==
        "remove the invisible no-break space (U+00A0) from the cell");
  CHECK(cell_hint("1\xC2\xA0", ColumnType::kString) == "");
}

TEST_CASE("cell_hint takes a unit or a mark typed after the figure out of the cell") {
  CHECK(cell_hint("1,234人", ColumnType::kInteger) ==
        "write 1234; say the unit '人' once, as the column's `unit:`");
  CHECK(cell_hint("１，２３４ 人次", ColumnType::kInteger) ==
        "write 1234; say the unit '人次' once, as the column's `unit:`");
  CHECK(cell_hint("3.5 orang", ColumnType::kNumber) ==
        "write 3.5; say the unit 'orang' once, as the column's `unit:`");
  const std::string mark =
      "': provisional, estimated, a footnote) goes in a column of its own, such as `status` "
      "with `values:` giving its words";
  CHECK(cell_hint("62*", ColumnType::kInteger) == "write 62; a mark on a figure ('*" + mark);
  CHECK(cell_hint("62（暫定）", ColumnType::kInteger) ==
        "write 62; a mark on a figure ('(暫定)" + mark);
  CHECK(cell_hint("62p", ColumnType::kInteger) == "write 62; a mark on a figure ('p" + mark);
  CHECK(cell_hint("86.9 est.", ColumnType::kNumber) ==
        "write 86.9; a mark on a figure ('est." + mark);
  CHECK(cell_hint("62†", ColumnType::kInteger) == "write 62; a mark on a figure ('†" + mark);
  // Years: 108年 in a year column is an ROC year; elsewhere 年 is a unit.
  CHECK(cell_hint("108年", ColumnType::kInteger, true) == "write 2019 (民國108年 is 2019)");
  CHECK(cell_hint("2019年", ColumnType::kInteger, true) == "write 2019");
  CHECK(cell_hint("3年", ColumnType::kInteger) ==
        "write 3; say the unit '年' once, as the column's `unit:`");
  // No guess where the text after the first digits holds more of the figure.
  CHECK(cell_hint("3千500萬", ColumnType::kInteger) == "");
  CHECK(cell_hint("12.5人", ColumnType::kInteger) == "");  // not whole either way
  CHECK(cell_hint("人", ColumnType::kInteger) == "");
}

TEST_CASE("cell_hint reads numbers written with points between thousands, as in Indonesia") {
  // 1.584 visits: never "declare the column a number", which would publish 1.584.
  CHECK(cell_hint("1.584", ColumnType::kInteger) ==
        "write 1584 (no thousands separators); if the point marks decimals, declare the column "
        "`type: number`");
  CHECK(cell_hint("12.345.678", ColumnType::kInteger).rfind("write 12345678 (", 0) == 0);
  CHECK(cell_hint("-1.200,75", ColumnType::kNumber) ==
        "write -1200.75 (no thousands separators, and a point before the decimals)");
  CHECK(cell_hint("1 500", ColumnType::kInteger) == "write 1500 (no thousands separators)");
  CHECK(cell_hint("1 500,5", ColumnType::kNumber) ==
        "write 1500.5 (no thousands separators, and a point before the decimals)");
  CHECK(cell_hint("42,9 %", ColumnType::kNumber) ==
        "write 42.9 without the %; say the unit once with the column's `unit: percent`");
  CHECK(cell_hint("1.234,5", ColumnType::kInteger) == "");  // not whole either way
  CHECK(cell_hint("1.23.456", ColumnType::kInteger) == "");
  CHECK(cell_hint("1.2.3", ColumnType::kNumber) == "");  // a version, or a typo: no guess
  CHECK(cell_hint("1,2,3", ColumnType::kInteger) == "");
}

TEST_CASE("cell_hint writes dates in ISO form, ROC years made Gregorian") {
  CHECK(cell_hint("2023/06/30", ColumnType::kDate) == "write 2023-06-30");
  CHECK(cell_hint("2023.6.3", ColumnType::kDate) == "write 2023-06-03");
  CHECK(cell_hint("112/06/30", ColumnType::kDate) == "write 2023-06-30 (民國112年 is 2023)");
  CHECK(cell_hint("112-6-30", ColumnType::kDate) == "write 2023-06-30 (民國112年 is 2023)");
  CHECK(cell_hint("2023/13/30", ColumnType::kDate) == "");  // no month 13
  CHECK(cell_hint("2023/02/29", ColumnType::kDate) == "");  // no such day
  CHECK(cell_hint("2023-02-30", ColumnType::kDate) == "");
  CHECK(cell_hint("113/02/29", ColumnType::kDate) ==  // 2024 is a leap year
        "write 2024-02-29 (民國113年 is 2024)");
  CHECK(cell_hint("2023/06-30", ColumnType::kDate) == "");  // two separators
  CHECK(cell_hint("June 2023", ColumnType::kDate) == "");
  // Years of the Thai Buddhist era (พ.ศ.), as Thai forms write them: the Western day.
  CHECK(cell_hint("2567-03-15", ColumnType::kDate) ==
        "write 2024-03-15 (the year 2567 of the Buddhist era, พ.ศ., is 2024)");
  CHECK(cell_hint("2567/3/15", ColumnType::kDate) ==
        "write 2024-03-15 (the year 2567 of the Buddhist era, พ.ศ., is 2024)");
  CHECK(written_day_hint("2567-03-01") ==
        "write 2024-03-01 (the year 2567 of the Buddhist era, พ.ศ., is 2024)");
  CHECK(cell_hint("2399/3/15", ColumnType::kDate) == "write 2399-03-15");
  // The same typed with a Thai keyboard's digits; figures too.
  CHECK(cell_hint("๒๕๖๗-๐๓-๑๕", ColumnType::kDate) ==
        "write 2024-03-15 (the year 2567 of the Buddhist era, พ.ศ., is 2024)");
  CHECK(cell_hint("๑๕/๐๓/๒๐๒๔", ColumnType::kDate) == "write 2024-03-15");
  CHECK(cell_hint("๑๒๓", ColumnType::kInteger) == "write 123 (in Western digits)");
}

TEST_CASE("type_cell: a date in a year of the Buddhist era is not a date of the data") {
  Column c;
  c.name = "month";
  c.type = ColumnType::kDate;
  std::string error;
  CHECK(type_cell("2567-03-01", c, &error).is_null());
  CHECK(error == "value '2567-03-01' in column 'month' is not a date of the Western calendar");
  error.clear();
  CHECK(type_cell("2024-03-01", c, &error).to_text() == "2024-03-01");
  CHECK(error.empty());
}

TEST_CASE("cell_hint names true and false for yes and no") {
  CHECK(cell_hint("Yes", ColumnType::kBoolean) == "write true");
  CHECK(cell_hint("是", ColumnType::kBoolean) == "write true");
  CHECK(cell_hint("0", ColumnType::kBoolean) == "write false");
  CHECK(cell_hint("Oo", ColumnType::kBoolean) == "write true");  // Filipino
  CHECK(cell_hint("Hindi", ColumnType::kBoolean) == "write false");
  CHECK(cell_hint("không", ColumnType::kBoolean) == "write false");
  CHECK(cell_hint("maybe", ColumnType::kBoolean) == "");
  CHECK(cell_hint("anything", ColumnType::kString) == "");
}

TEST_CASE("iso_of_written_day reads days written with slashes, points and ROC years") {
  int roc = -1;
  CHECK(iso_of_written_day("2024/01/03", &roc) == "2024-01-03");
  CHECK(roc == 0);
  CHECK(iso_of_written_day("113/1/2", &roc) == "2024-01-02");
  CHECK(roc == 113);
  CHECK(iso_of_written_day("１１３．１．２") == "2024-01-02");
  // The Chinese way: 年 月 日 (or 號), with 民國 or without.
  CHECK(iso_of_written_day("2023年5月1日", &roc) == "2023-05-01");
  CHECK(roc == 0);
  CHECK(iso_of_written_day("民國112年5月1日", &roc) == "2023-05-01");
  CHECK(roc == 112);
  CHECK(iso_of_written_day("112 年 12 月 31 號") == "2023-12-31");
  CHECK(iso_of_written_day("２０２３年５月１日") == "2023-05-01");
  CHECK(iso_of_written_day("2023年5月") == "");
  CHECK(iso_of_written_day("5月1日") == "");
  CHECK(iso_of_written_day("2023年2月30日") == "");
  CHECK(iso_of_written_day("2024-01") == "");
  CHECK(iso_of_written_day("2024/1/2/3") == "");
  // Its digits alone: YYYYMMDD, and YYYMMDD of an ROC year (1130315, as Taiwan's systems
  // write it); not a number that is no day.
  CHECK(iso_of_written_day("20240101", &roc) == "2024-01-01");
  CHECK(roc == 0);
  CHECK(iso_of_written_day("1130315", &roc) == "2024-03-15");
  CHECK(roc == 113);
  CHECK(iso_of_written_day("２０２４０２２９") == "2024-02-29");
  CHECK(iso_of_written_day("20230229") == "");
  CHECK(iso_of_written_day("20241301") == "");
  CHECK(iso_of_written_day("09991231") == "");
  CHECK(iso_of_written_day("0000315") == "");
  CHECK(iso_of_written_day("202401011") == "");
  CHECK(iso_of_written_day("2024011") == "");      // as YYYMMDD: month 40
  CHECK(iso_of_written_day("99999-01-01") == "");  // no day to write instead
  CHECK(iso_of_written_day("99999/1/1") == "");
  // Day first, as Indonesian, Vietnamese and Thai forms write it, where it cannot be a
  // month first: 17 is no month.
  CHECK(iso_of_written_day("17-12-2019", &roc) == "2019-12-17");
  CHECK(roc == 0);
  CHECK(iso_of_written_day("17/12/2019") == "2019-12-17");
  CHECK(iso_of_written_day("5.5.2023") == "2023-05-05");
  CHECK(iso_of_written_day("05/06/2019") == "");  // 5 June or May 6: not guessed
  CHECK(iso_of_written_day("31/02/2019") == "");  // no such day
  CHECK(iso_of_written_day("17/12/2562") == "");  // a Thai (Buddhist) year: not 2562
}

TEST_CASE("other_separator finds semicolons or tabs in a header read as one field") {
  CHECK(other_separator("year;count;rate") == ';');
  CHECK(other_separator("year\tcount") == '\t');
  CHECK(other_separator("year") == '\0');
}

TEST_CASE("cell_hint says an empty cell is a missing value for N/A, dashes and 不詳") {
  const std::string empty =
      "leave the cell empty where there is no value (an empty cell is a missing value)";
  CHECK(cell_hint("N/A", ColumnType::kInteger) == empty + ", or write 0 if 'N/A' means none");
  CHECK(cell_hint(" - ", ColumnType::kNumber) == empty + ", or write 0 if '-' means none");
  CHECK(cell_hint("－", ColumnType::kNumber) == empty + ", or write 0 if '－' means none");
  CHECK(cell_hint("…", ColumnType::kInteger) == empty + ", or write 0 if '…' means none");
  CHECK(cell_hint("不詳", ColumnType::kDate) == empty);
  CHECK(cell_hint("null", ColumnType::kBoolean) == empty);
  CHECK(cell_hint("NA", ColumnType::kString) == "");  // text may say anything
  CHECK(cell_hint("-5x", ColumnType::kInteger) == "");
}

TEST_CASE("cell_hint reads a spreadsheet's day number in a date column") {
  CHECK(cell_hint("45292", ColumnType::kDate) ==
        "a spreadsheet's day number: format the column as a date before saving, or write "
        "2024-01-01");
  CHECK(cell_hint("43830", ColumnType::kDate).find("write 2019-12-31") != std::string::npos);
  CHECK(cell_hint("12345", ColumnType::kDate) == "");  // no day a portal would publish
}

TEST_CASE("cell_hint names a spreadsheet's total row in the site's languages") {
  const std::string total =
      "a total row? leave it out: readers, tables and charts add up the rows themselves, and "
      "would count a total as one more row";
  CHECK(cell_hint("合計", ColumnType::kInteger) == total);
  CHECK(cell_hint(" Total ", ColumnType::kDate) == total);
  CHECK(cell_hint("ＴＯＴＡＬ", ColumnType::kNumber) == total);
  CHECK(cell_hint("Tổng cộng", ColumnType::kInteger) == total);
  CHECK(cell_hint("Jumlah", ColumnType::kInteger) == total);
  CHECK(cell_hint("รวม", ColumnType::kNumber) == total);
  CHECK(cell_hint("Kabuuan", ColumnType::kInteger) == total);
  CHECK(cell_hint("合計", ColumnType::kString) == "");  // text may say anything
  CHECK(cell_hint("合計人數", ColumnType::kInteger) == "");
}

}  // namespace firefly
