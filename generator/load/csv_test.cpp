#include "load/csv.h"

#include <doctest/doctest.h>

namespace firefly {

namespace {
CsvTable parse(std::string_view text, Diagnostics& diags) {
  return parse_csv(text, "data/x.csv", diags);
}
}  // namespace

TEST_CASE("csv: plain rows with LF and a trailing newline") {
  Diagnostics d;
  CsvTable t = parse("a,b\n1,2\n3,4\n", d);
  CHECK_FALSE(d.has_errors());
  REQUIRE(t.header.fields == std::vector<std::string>{"a", "b"});
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[1].fields == std::vector<std::string>{"3", "4"});
  CHECK(t.rows[1].line == 3);
}

TEST_CASE("csv: quotes, embedded commas, newlines and doubled quotes") {
  Diagnostics d;
  CsvTable t = parse("name,note\r\n\"Lin, A\",\"said \"\"hi\"\"\r\nthen left\"\r\nB,\r\nC,x", d);
  CHECK_FALSE(d.has_errors());
  REQUIRE(t.rows.size() == 3);
  CHECK(t.rows[0].fields[0] == "Lin, A");
  CHECK(t.rows[0].fields[1] == "said \"hi\"\nthen left");
  CHECK(t.rows[1].line == 4);  // the quoted newline moved the next record down a line
  CHECK(t.rows[1].fields == std::vector<std::string>{"B", ""});
  CHECK(t.rows[2].fields == std::vector<std::string>{"C", "x"});
}

TEST_CASE("csv: a leading BOM and CR-only line ends") {
  Diagnostics d;
  CsvTable t = parse("\xEF\xBB\xBFyear,n\r2021,3\r", d);
  CHECK_FALSE(d.has_errors());
  CHECK(t.header.fields[0] == "year");
  REQUIRE(t.rows.size() == 1);
  CHECK(t.rows[0].line == 2);
}

TEST_CASE("csv: blank lines are skipped but keep line numbers") {
  Diagnostics d;
  CsvTable t = parse("a\n\n1\n\n\n2\n", d);
  CHECK_FALSE(d.has_errors());
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].line == 3);
  CHECK(t.rows[1].line == 6);
}

TEST_CASE("csv: an unterminated quote is an error at its line and field") {
  Diagnostics d;
  parse("a,b\n1,2\n3,\"open\nstill open\n", d);
  auto all = d.sorted();
  REQUIRE(all.size() == 1);
  CHECK(all[0].path == "data/x.csv");
  CHECK(all[0].pos.line == 3);
  CHECK(all[0].pos.col == 2);
  CHECK(all[0].message == "a quoted field is never closed");
}

TEST_CASE("csv: a quote never closed is its one error, not a row of one field too") {
  Diagnostics d;
  parse("a,b\n\"x,1\n2,3\n", d);
  auto all = d.sorted();
  REQUIRE(all.size() == 1);
  CHECK(all[0].message == "a quoted field is never closed");
  Diagnostics one;
  parse("a,b\n1\n", one);
  REQUIRE(one.sorted().size() == 1);
  CHECK(one.sorted()[0].message == "this row has 1 field but the header has 2");
}

TEST_CASE("csv: ragged rows are errors naming the row") {
  Diagnostics d;
  CsvTable t = parse("a,b,c\n1,2,3\n1,2\n1,2,3,4\n", d);
  auto all = d.sorted();
  REQUIRE(all.size() == 2);
  CHECK(all[0].pos.line == 3);
  CHECK(all[0].message == "this row has 2 fields but the header has 3");
  CHECK(all[1].pos.line == 4);
  CHECK(all[1].pos.col == 4);
  CHECK(t.rows.size() == 1);
}

TEST_CASE("csv: text after a closing quote, duplicate header, invalid UTF-8") {
  Diagnostics d1;
  parse("a,b\n\"x\"y,2\n", d1);
  REQUIRE(d1.error_count() == 1);
  CHECK(d1.sorted()[0].message == "unexpected text after a closing quote");

  Diagnostics d2;
  parse("a,b,a\n1,2,3\n", d2);
  REQUIRE(d2.error_count() == 1);
  CHECK(d2.sorted()[0].pos.col == 3);

  Diagnostics d3;
  parse("a\n\xff\n", d3);
  CHECK(d3.error_count() == 1);

  Diagnostics d4;
  parse("", d4);
  CHECK(d4.error_count() == 1);
}

TEST_CASE("csv: a control character in a field is an error at its row and field") {
  // Spreadsheets (XML) cannot hold them: the .xlsx and .ods would not open.
  Diagnostics d;
  CsvTable t = parse("a,b\x01\n1,\"x\ty\nz\"\n2,p\x1bq\n3,\xEF\xBF\xBE\n4,\x7f\n", d);
  auto all = d.sorted();
  REQUIRE(all.size() == 4);
  CHECK(all[0].pos.line == 1);
  CHECK(all[0].pos.col == 2);
  CHECK(all[0].message == "this field has an invisible control character (U+0001)");
  CHECK(all[1].pos.line == 4);
  CHECK(all[1].pos.col == 2);  // a tab and a quoted line break are text
  CHECK(all[1].message == "this field has an invisible control character (U+001B)");
  CHECK(all[2].pos.line == 5);
  CHECK(all[2].pos.col == 2);
  CHECK(all[2].message == "this field has an invisible control character (U+FFFE)");
  CHECK(all[3].pos.line == 6);
  CHECK(all[3].pos.col == 2);
  CHECK(t.rows.size() == 4);
  Diagnostics nul;
  parse(std::string_view("a\n1\0\n", 5), nul);
  REQUIRE(nul.error_count() == 1);
  CHECK(nul.sorted()[0].message == "this field has an invisible control character (U+0000)");
}

TEST_CASE("csv: quoting for output round-trips") {
  CHECK(csv_quote("plain") == "plain");
  CHECK(csv_quote("a,b") == "\"a,b\"");
  CHECK(csv_quote("say \"x\"") == "\"say \"\"x\"\"\"");
  CHECK(csv_quote("two\nlines") == "\"two\nlines\"");
  Diagnostics d;
  std::string field = "He said, \"no\"\nok";
  CsvTable t = parse("h\n" + csv_quote(field) + "\n", d);
  REQUIRE(t.rows.size() == 1);
  CHECK(t.rows[0].fields[0] == field);
}

TEST_CASE("csv: a row over kMaxCsvRecordBytes is an error that stops the reading") {
  // A 50 MB file of one line took 13 times its size (the whole line one field, copied into
  // columns and messages); now reading stops at the limit.
  const std::string huge(kMaxCsvRecordBytes + 1, 'x');
  for (const std::string& text :
       {"a,b\n\"" + huge + "\",1\n2,3\n", "a,b\n" + huge + ",1\n2,3\n", "a,b\n\"" + huge}) {
    Diagnostics d;
    CsvTable t = parse(text, d);
    CHECK(t.rows.empty());
    REQUIRE(d.error_count() == 1);
    Diagnostic e = d.sorted()[0];
    CHECK(e.pos.line == 2);
    CHECK(e.pos.col == 1);
    CHECK(e.message ==
          "this row has more than 1048576 bytes; Firefly reads at most 65536 fields and 1048576 "
          "bytes in one row of a CSV file");
  }
  Diagnostics fine;
  CsvTable t = parse("a,b\n" + std::string(kMaxCsvRecordBytes - 3, 'x') + ",1\n", fine);
  CHECK_FALSE(fine.has_errors());
  CHECK(t.rows.size() == 1);
}

TEST_CASE("csv: a header over kMaxCsvFields names no columns") {
  std::string header = "a";
  for (size_t i = 1; i <= kMaxCsvFields; ++i) header += ",a";
  Diagnostics d;
  CsvTable t = parse(header + "\n1\n", d);
  CHECK(t.header.fields.size() == kMaxCsvFields);
  CHECK(t.rows.empty());
  REQUIRE(d.error_count() == 1);  // not 65,536 of "column 'a' appears twice"
  CHECK(d.sorted()[0].pos.col == 65537);
  CHECK(d.sorted()[0].message.substr(0, 38) == "this row has more than 65536 fields; F");
}

TEST_CASE("csv: a header name with spaces around it is an error, as it is published so") {
  // "year ,sessions" matched the column year, but /data/<name>.csv keeps its header as
  // written: its data package named a column its header did not have.
  Diagnostics d;
  CsvTable t = parse("year , sessions,n\n2021,1,2\n", d);
  std::vector<Diagnostic> all = d.sorted();
  REQUIRE(all.size() == 2);
  CHECK(all[0].pos.col == 1);
  CHECK(all[0].message == "the header's name 'year ' has spaces around it");
  CHECK(all[0].hint ==
        "write year: the published CSV keeps its header as written, and programs reading it "
        "would find no column 'year'");
  CHECK(all[1].pos.col == 2);
  CHECK(t.header.fields == std::vector<std::string>{"year", "sessions", "n"});
}

}  // namespace firefly
