#include "load/dataset.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>

#include "core/yaml.h"

namespace firefly {

namespace {

const char* kMeta = R"(title: {zh-TW: 歷年得獎, en: Awards}
description: Awards by year
frequency: yearly
license: OGDL-Taiwan-1.0
chart: {x: year, y: count, kind: bar}
columns:
  - {name: year, type: integer, title: {zh-TW: 年度, en: Year}}
  - {name: count, type: number, unit: awards}
  - {name: open, type: boolean}
  - {name: day, type: date}
  - {name: note, type: string}
)";

std::optional<Dataset> build(const std::string& yaml, const std::string& csv, Diagnostics& d) {
  Value meta = parse_yaml(yaml, "data/awards.yaml", d);
  return build_dataset("awards", meta, csv, d);
}

std::vector<std::string> messages(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& x : d.sorted()) {
    out.push_back(x.path + ":" + std::to_string(x.pos.line) + ":" + std::to_string(x.pos.col) +
                  ": " + x.message + (x.hint.empty() ? "" : " | " + x.hint));
  }
  return out;
}

}  // namespace

TEST_CASE("dataset: a valid dataset is typed cell by cell") {
  Diagnostics d;
  auto ds = build(kMeta,
                  "\xEF\xBB\xBFyear,count,open,day,note\r\n2021,3.5,true,2021-06-30,\"a, b\"\r\n"
                  "2022,,FALSE,,\r\n",
                  d);
  REQUIRE(ds);
  CHECK(messages(d).empty());
  REQUIRE(ds->row_count() == 2);
  const std::vector<Value> row0 = ds->row(0);
  const std::vector<Value> row1 = ds->row(1);
  CHECK(ds->cells(0) == std::vector<std::string>{"2021", "3.5", "true", "2021-06-30", "a, b"});
  CHECK(row0[0].is_int());
  CHECK(row0[0].as_int() == 2021);
  CHECK(row0[1].as_double() == doctest::Approx(3.5));
  CHECK(row0[2].as_bool());
  CHECK(row0[3].as_string() == "2021-06-30");
  CHECK(row0[4].as_string() == "a, b");
  CHECK(row1[1].is_null());
  CHECK_FALSE(row1[2].as_bool());
  CHECK(row1[4].is_null());
  CHECK(ds->row_line(1) == 3);
  CHECK(ds->columns[1].unit.plain == "awards");
  CHECK(ds->columns[0].title.get("en", "zh-TW") == "Year");
  CHECK(ds->columns[1].title.get("en", "zh-TW") == "count");  // defaults to the name
  REQUIRE(ds->chart);
  CHECK(ds->chart->y == std::vector<std::string>{"count"});
  CHECK(ds->csv_bytes.substr(0, 3) == "\xEF\xBB\xBF");  // kept byte for byte
}

TEST_CASE("dataset: type errors name the row, field and column") {
  Diagnostics d;
  auto ds = build(kMeta,
                  "year,count,open,day,note\n2021,1,true,2021-01-01,x\nabc,1.2.3,maybe,"
                  "2023-02-30,y\n",
                  d);
  CHECK_FALSE(ds);
  auto m = messages(d);
  REQUIRE(m.size() == 4);
  CHECK(m[0] == "data/awards.csv:3:1: value 'abc' in column 'year' is not a whole number");
  CHECK(m[1] == "data/awards.csv:3:2: value '1.2.3' in column 'count' is not a number");
  CHECK(m[2] == "data/awards.csv:3:3: value 'maybe' in column 'open' is not true or false");
  CHECK(m[3] ==
        "data/awards.csv:3:4: value '2023-02-30' in column 'day' is not a date (YYYY-MM-DD): "
        "2023-02 has no day 30");
  Diagnostics month;
  build(kMeta, "year,count,open,day,note\n2025,1,true,2025-13-01,x\n", month);
  CHECK(messages(month).at(0) ==
        "data/awards.csv:2:4: value '2025-13-01' in column 'day' is not "
        "a date (YYYY-MM-DD): there is no month 13");
}

TEST_CASE("dataset: a column whose values mostly do not fit its type is one error past three") {
  Diagnostics d;
  auto ds = build(R"(title: T
columns:
  - {name: year, type: integer}
  - {name: share, type: integer}
)",
                  "year,share\n2019,1.5\n2020,2.5\n2021,3\n2022,4.5\n2023,5.5\n", d);
  CHECK_FALSE(ds);
  auto m = messages(d);
  REQUIRE(m.size() == 4);
  CHECK(m[0].rfind("data/awards.csv:2:2: value '1.5' in column 'share' is not a whole number", 0) ==
        0);
  CHECK(m[2].rfind("data/awards.csv:5:2: value '4.5'", 0) == 0);
  CHECK(m[3] ==
        "data/awards.yaml:4:5: 4 of the 5 values of column 'share' are not of its type, integer "
        "(the first 3 are shown in data/awards.csv) | if the column holds other values, declare "
        "its type for them; else correct the values");
}

TEST_CASE("dataset: type_cell accepts the written forms of each type") {
  Column integer{"n", ColumnType::kInteger, {}, {}, {}, {}};
  Column number{"x", ColumnType::kNumber, {}, {}, {}, {}};
  std::string e;
  CHECK(type_cell("-42", integer, &e).as_int() == -42);
  CHECK(type_cell(" 7 ", integer, &e).as_int() == 7);
  CHECK(e.empty());
  CHECK(type_cell("1,000", integer, &e).is_null());
  CHECK(e == "value '1,000' in column 'n' is not a whole number");
  e.clear();
  CHECK(type_cell("99999999999999999999", integer, &e).is_null());
  CHECK_FALSE(e.empty());
  e.clear();
  CHECK(type_cell("1e3", number, &e).as_double() == 1000.0);
  CHECK(type_cell(".5", number, &e).as_double() == 0.5);
  CHECK(type_cell("-", number, &e).is_null());
  CHECK_FALSE(e.empty());
  // The largest double drew a chart whose axis had no end; 1e100 and 1e-300 are figures.
  CHECK(type_cell("1e100", number, &e).as_double() == 1e100);
  CHECK(type_cell("-1e100", number, &e).as_double() == -1e100);
  e.clear();
  CHECK(type_cell("1e-100", number, &e).as_double() == 1e-100);
  CHECK(type_cell("-0.0", number, &e).as_double() == 0.0);
  CHECK(e.empty());
  for (const char* tiny : {"5e-324", "-1e-101", "1e-400"}) {  // "-nan%" in a chart; 0 read
    CAPTURE(tiny);
    e.clear();
    CHECK(type_cell(tiny, number, &e).is_null());
    CHECK(e == "value '" + std::string(tiny) + "' in column 'x' is not a number in range");
  }
  e.clear();
  CHECK(type_cell("1.7976931348623157e308", number, &e).is_null());
  CHECK(e == "value '1.7976931348623157e308' in column 'x' is not a number in range");
  e.clear();
  CHECK(type_cell("-1.1e100", number, &e).is_null());
  CHECK(e == "value '-1.1e100' in column 'x' is not a number in range");
}

TEST_CASE("dataset: a frequency written in the staff's language names the word to write") {
  for (auto [written, meant] : {std::pair{"bulanan", "monthly"}, std::pair{"รายปี", "yearly"},
                                std::pair{"hằng quý", "quarterly"}, std::pair{"每年", "yearly"},
                                std::pair{"Annual", "yearly"}}) {
    CAPTURE(written);
    Diagnostics d;
    build(std::string("title: T\nfrequency: ") + written +
              "\ncolumns: [{name: year, type: integer}]\n",
          "year\n2021\n", d);
    auto m = messages(d);
    REQUIRE(m.size() == 1);
    CHECK(m[0].find(" | write frequency: " + std::string(meant)) != std::string::npos);
  }
}

TEST_CASE("dataset: metadata errors suggest the fix") {
  Diagnostics d;
  auto ds = build(R"(title: T
descripton: oops
frequency: yearlyy
chart: {x: yaer, y: count, kind: pie}
columns:
  - {name: year, type: integr}
  - {name: count, type: integer}
)",
                  "year,count\n1,2\n", d);
  CHECK_FALSE(ds);
  auto m = messages(d);
  REQUIRE(m.size() == 5);
  CHECK(m[0] ==
        "data/awards.yaml:2:1: unknown key 'descripton' in dataset metadata | did you "
        "mean 'description'?");
  CHECK(m[1].find("unknown frequency 'yearlyy'") != std::string::npos);
  CHECK(m[1].find("did you mean 'yearly'?") != std::string::npos);
  CHECK(m[2].find("unknown column 'yaer' in 'chart' | did you mean 'year'?") != std::string::npos);
  CHECK(m[3].find("unknown chart kind 'pie'") != std::string::npos);
  CHECK(m[3].find("| Firefly draws no pie charts: the parts of a whole compare better as bars; "
                  "use kind: hbar") != std::string::npos);
  CHECK(m[4].find("unknown column type 'integr'") != std::string::npos);
  CHECK(m[4].find("did you mean 'integer'?") != std::string::npos);
}

TEST_CASE("dataset: another tool's name for a type names ours, and the column is read as it") {
  Diagnostics d;
  auto ds = build(
      "title: T\nchart: {x: year, y: count}\ncolumns:\n"
      "  - {name: year, type: int}\n  - {name: count, type: float}\n",
      "year,count\n2021,2.5\n2022,x\n", d);
  CHECK_FALSE(ds);
  auto m = messages(d);
  // No "not a number column" for the chart: 'float' is read as number, and its cells checked.
  REQUIRE(m.size() == 3);
  CHECK(m[0] == "data/awards.csv:3:2: value 'x' in column 'count' is not a number");
  CHECK(m[1] ==
        "data/awards.yaml:4:24: unknown column type 'int' (use string, integer, number, "
        "boolean or date) | write type: integer");
  CHECK(m[2] ==
        "data/awards.yaml:5:25: unknown column type 'float' (use string, integer, number, "
        "boolean or date) | write type: number");
  // In any letter case: a type of ours written with a capital, another tool's in capitals.
  for (const auto& [written, meant] : std::vector<std::pair<std::string, std::string>>{
           {"Integer", "integer"}, {"DATE", "date"}, {"INT", "integer"}}) {
    Diagnostics e;
    build("title: T\ncolumns:\n  - {name: n, type: " + written + "}\n", "n\n1\n", e);
    auto all = messages(e);
    CAPTURE(all.size());
    CHECK(std::any_of(all.begin(), all.end(), [&](const std::string& x) {
      return x.find("unknown column type '" + written + "'") != std::string::npos &&
             x.find("| write type: " + meant) != std::string::npos;
    }));
  }
}

TEST_CASE("dataset: a header written with the columns' titles names each column to write") {
  Diagnostics d;
  CHECK_FALSE(
      build("title: T\ncolumns:\n  - {name: year, type: integer, title: {zh-TW: 年度}}\n"
            "  - {name: count, type: integer, title: {zh-TW: 人數, en: People}}\n",
            "年度,People\n2021,3\n", d));
  auto m = messages(d);
  // Two errors, not four: the declared columns are not said to be missing as well.
  REQUIRE(m.size() == 2);
  CHECK(m[0] ==
        "data/awards.csv:1:1: column '年度' is not declared in data/awards.yaml | '年度' "
        "is the title of column 'year': the header row names each column by its name; "
        "write year");
  CHECK(m[1].find("'People' is the title of column 'count'") != std::string::npos);
}

TEST_CASE("dataset: metadata errors do not hide the rows' errors while the columns are known") {
  Diagnostics d;
  auto ds = build(R"(title: T
frequency: every year
columns:
  - {name: year, type: integer}
  - {name: share, type: percent}
  - {name: count, type: integer}
)",
                  "year,share,count\n2021,0.5,12\n2022,0.4,twelve\n2023,14\n", d);
  CHECK_FALSE(ds);
  auto m = messages(d);
  REQUIRE(m.size() == 4);
  CHECK(m[0] == "data/awards.csv:3:3: value 'twelve' in column 'count' is not a whole number");
  CHECK(m[1].rfind("data/awards.csv:4:2: this row has 2 fields but the header has 3", 0) == 0);
  CHECK(m[2].rfind("data/awards.yaml:2:12: unknown frequency 'every year'", 0) == 0);
  CHECK(m[2].find(" | write frequency: yearly") != std::string::npos);
  // A column of an unknown type is read as text: its cells give no second error.
  CHECK(m[3].rfind("data/awards.yaml:5:25: unknown column type 'percent'", 0) == 0);

  // A column entry that is not a column: the header cannot be matched, the rows wait.
  Diagnostics e;
  CHECK_FALSE(build("title: T\ncolumns:\n  - {name: year, type: integer}\n  - {type: integer}\n",
                    "year,count\nx,1\n", e));
  auto n = messages(e);
  REQUIRE(n.size() == 1);
  CHECK(n[0] == "data/awards.yaml:4:5: a column needs a 'name' (its CSV header)");
}

TEST_CASE("dataset: header and declared columns must match") {
  Diagnostics d;
  auto ds = build("title: T\ncolumns:\n  - {name: year, type: integer}\n  - {name: count}\n",
                  "year,cuont\n1,2\n", d);
  CHECK_FALSE(ds);
  auto m = messages(d);
  REQUIRE(m.size() == 2);
  CHECK(m[0] ==
        "data/awards.csv:1:2: column 'cuont' is not declared in data/awards.yaml | did "
        "you mean 'count'?");
  CHECK(m[1] ==
        "data/awards.yaml:4:5: column 'count' is declared but missing from "
        "data/awards.csv | did you mean 'cuont'?");
}

TEST_CASE("dataset: frequencies and licences") {
  Diagnostics d;
  CHECK(build("title: T\nfrequency: R/P1Y\ncolumns: [{name: a}]\n", "a\n1\n", d));
  CHECK(build("title: T\nfrequency: P3M\ncolumns: [{name: a}]\n", "a\n1\n", d));
  CHECK_FALSE(d.has_errors());
  CHECK_FALSE(build("title: T\nlicense: my licence\ncolumns: [{name: a}]\n", "a\n1\n", d));
  CHECK(license_url("OGDL-Taiwan-1.0") == "https://data.gov.tw/license");
  CHECK(license_url("nope").empty());
}

TEST_CASE("dataset: load_datasets pairs files, sorts and reports orphans") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("firefly_dataset_test_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "data");
  auto write = [&](const std::string& rel, const std::string& text) {
    std::ofstream(dir / rel, std::ios::binary) << text;
  };
  write("data/b.yaml", "title: B\ncolumns: [{name: a, type: integer}]\n");
  write("data/b.csv", "a\n1\n");
  write("data/a.yaml",
        "title: A\nmodified: 2021-03-04\nissued: 2019-01-02\ntemporal: 2018/2020\n"
        "columns: [{name: a, type: integer}]\n");
  write("data/a.csv", "a\n2\n");
  write("data/lonely.csv", "a\n1\n");
  write("data/meta-only.yaml", "title: M\ncolumns: [{name: a}]\n");
  fs::last_write_time(dir / "data/a.csv",
                      fs::file_time_type::clock::now() - std::chrono::hours(24 * 400));
  fs::last_write_time(dir / "data/a.yaml",
                      fs::file_time_type::clock::now() - std::chrono::hours(24 * 400));
  Diagnostics d;
  auto all = load_datasets(dir, TimeZone(), d);
  REQUIRE(all.size() == 2);
  CHECK(all[0].name == "a");
  CHECK(all[1].name == "b");
  auto m = messages(d);
  REQUIRE(m.size() == 2);
  CHECK(m[0].find("data/lonely.csv:0:0: data/lonely.csv has no metadata") == 0);
  CHECK(m[1].find("data/meta-only.yaml:0:0: data/meta-only.yaml has no data") == 0);
  // Outside git, the dates are what the metadata declares; never the files' times or the
  // clock.
  CHECK(all[0].updated.iso() == "2021-03-04");
  CHECK(all[0].issued.iso() == "2019-01-02");
  CHECK(all[0].temporal->iso() == "2018/2020");
  CHECK(all[1].updated.year == 0);
  CHECK(all[1].issued.year == 0);
  CHECK_FALSE(all[1].temporal);  // column 'a' is neither a date nor a year
  CHECK(all[0].history.empty());
  fs::remove_all(dir);
}

}  // namespace firefly

namespace firefly {

TEST_CASE("dataset: source is the agency, or {agency, title, date, url}") {
  Diagnostics d;
  const std::string csv = "year,count,open,day,note\n2021,1,true,2021-06-30,x\n";
  auto plain =
      build(std::string(kMeta) + "source: {zh-TW: 臺南市政府勞工局, en: Tainan}\n", csv, d);
  REQUIRE(plain);
  CHECK(plain->source.agency.get("en", "zh-TW") == "Tainan");
  CHECK(plain->source.title.empty());
  auto full = build(std::string(kMeta) +
                        "source:\n  agency: {zh-TW: 臺中市政府勞工局, en: Taichung}\n"
                        "  title: 108年度施政計畫\n  date: 2019-01-01\n"
                        "  url: https://www.taichung.gov.tw/plan.pdf\nversion: '2'\n",
                    csv, d);
  REQUIRE(full);
  CHECK(messages(d).empty());
  CHECK(full->source.agency.get("zh-TW", "zh-TW") == "臺中市政府勞工局");
  CHECK(full->source.title.get("zh-TW", "zh-TW") == "108年度施政計畫");
  CHECK(full->source.date == Date{2019, 1, 1});
  CHECK(full->source.url == "https://www.taichung.gov.tw/plan.pdf");
  CHECK(full->version == "2");
  Diagnostics bad;
  CHECK_FALSE(build(
      std::string(kMeta) + "source:\n  agency: X\n  date: soon\n  url: www.x.tw\n  titel: y\n", csv,
      bad));
  CHECK(messages(bad) ==
        std::vector<std::string>{
            "data/awards.yaml:14:9: source date 'soon' is not a date like 2019-12-31",
            "data/awards.yaml:15:8: source url 'www.x.tw' must start with https:// or http://",
            "data/awards.yaml:16:3: unknown key 'titel' in 'source' | did you mean 'title'?"});
}

TEST_CASE("dataset: the rows take at most three times the file's size in memory") {
  // Short cells are the worst case: every row costs its offset besides its bytes.
  std::string csv = "year,count,open,day,note\n";
  for (int i = 0; i < 200000; ++i) csv += "2021,1,true,,\n";
  const size_t file_size = csv.size();
  Diagnostics d;
  auto ds = build(kMeta, csv, d);
  REQUIRE(ds);
  CHECK(ds->row_count() == 200000);
  CHECK(ds->memory_bytes() <= 3 * file_size);
  CHECK(ds->row(199999)[2].as_bool());
}

TEST_CASE("dataset: many undeclared header columns give one error that counts them") {
  std::string header = "year,count,open,day,note";
  for (int i = 1; i <= 20000; ++i) header += ",c" + std::to_string(i);
  Diagnostics d;
  CHECK_FALSE(build(kMeta, header + "\n", d));
  REQUIRE(messages(d).size() == 1);
  CHECK(messages(d)[0] ==
        "data/awards.csv:1:6: 20000 columns of the header are not declared in "
        "data/awards.yaml: 'c1', 'c2', 'c3', and 19997 more | declare each column under "
        "'columns:' in data/awards.yaml, or remove the columns from the CSV file");
}

}  // namespace firefly

namespace firefly {

TEST_CASE("dataset: coverage from a date column ends with the last row's period") {
  auto period = [](const std::string& frequency, const std::string& rows) {
    Diagnostics scratch;
    Value meta = parse_yaml("title: T\nfrequency: " + frequency +
                                "\ncolumns: [{name: day, type: date}, {name: n, type: integer}]\n",
                            "data/t.yaml", scratch);
    Diagnostics d;
    auto ds = build_dataset("t", meta, "day,n\n" + rows, d);
    REQUIRE(ds);
    REQUIRE(ds->temporal);
    return ds->temporal->iso();
  };
  // A row named by its period's first day covers the period (a journalist citing the
  // coverage reads the first quarter of 2025 as ending on 31 March).
  CHECK(period("quarterly", "2024-04-01,1\n2025-01-01,2\n") == "2024-04-01/2025-03-31");
  CHECK(period("monthly", "2024-01-01,1\n2024-02-01,2\n") == "2024-01-01/2024-02-29");
  CHECK(period("semiannual", "2024-07-01,1\n") == "2024-07-01/2024-12-31");
  CHECK(period("yearly", "2023-01-01,1\n2024-01-01,2\n") == "2023-01-01/2024-12-31");
  CHECK(period("yearly", "2023-07-01,1\n") == "2023-07-01");  // a year from July: not known
  // Days that are not the first of their months, or another frequency: the dates as given.
  CHECK(period("quarterly", "2024-03-31,1\n2024-06-30,2\n") == "2024-03-31/2024-06-30");
  CHECK(period("irregular", "2024-01-01,1\n2024-03-01,2\n") == "2024-01-01/2024-03-01");
}

TEST_CASE("dataset: coverage from a year column, declared periods and metadata warnings") {
  Diagnostics scratch;
  Value meta = parse_yaml(
      "title: {en: T}\ndescription: short\nspatial: {en: Tainan City}\n"
      "columns: [{name: year, type: integer}, {name: n, type: integer}]\n",
      "data/t.yaml", scratch);
  Diagnostics d;
  auto ds = build_dataset("t", meta, "year,n\n2019,1\n2017,2\n,3\n", d);
  REQUIRE(ds);
  REQUIRE(ds->temporal);
  CHECK(ds->temporal->iso() == "2017/2019");
  CHECK(ds->temporal->start.iso() == "2017-01-01");
  CHECK(ds->temporal->end.iso() == "2019-12-31");
  Diagnostics w;
  check_dataset_metadata(*ds, {"en", "vi"}, w);
  std::string all;
  for (const Diagnostic& x : w.sorted()) all += x.message + "\n";
  CHECK(all.find("has no date") != std::string::npos);
  CHECK(all.find("under 50 characters") != std::string::npos);
  CHECK(all.find("has no keywords") != std::string::npos);
  CHECK(all.find("which period") == std::string::npos);
  CHECK(all.find("which place") == std::string::npos);
  CHECK(all.find("vi: the title of dataset 't' is not translated") != std::string::npos);

  Value bad = parse_yaml("title: T\ntemporal: 2020/2017\nmodified: soon\ncolumns: [{name: a}]\n",
                         "data/b.yaml", scratch);
  Diagnostics e;
  CHECK_FALSE(build_dataset("b", bad, "a\n1\n", e));
  std::string errs;
  for (const Diagnostic& x : e.sorted()) errs += x.message + "\n";
  CHECK(errs.find("'modified' must be a date like 2023-06-30, not 'soon'") != std::string::npos);
  CHECK(errs.find("'temporal' must be a period like 2017/2021") != std::string::npos);
}

TEST_CASE(
    "dataset: a date of the metadata written day first or with an ROC year says what to write") {
  Diagnostics scratch;
  Value meta = parse_yaml(
      "title: T\nmodified: 31.01.2026\nissued: 113/05/20\nsource: {agency: A, date: 31/12/2019}\n"
      "columns: [{name: a}]\n",
      "data/b.yaml", scratch);
  Diagnostics e;
  CHECK_FALSE(build_dataset("b", meta, "a\n1\n", e));
  std::string errs;
  for (const Diagnostic& x : e.sorted()) errs += x.message + " | " + x.hint + "\n";
  CHECK(errs.find(
            "'modified' must be a date like 2023-06-30, not '31.01.2026' | write 2026-01-31\n") !=
        std::string::npos);
  CHECK(
      errs.find(
          "'issued' must be a date like 2023-06-30, not '113/05/20' | write 2024-05-20 (民國113年 "
          "is 2024)\n") != std::string::npos);
  CHECK(errs.find("source date '31/12/2019' is not a date like 2019-12-31 | write 2019-12-31\n") !=
        std::string::npos);
}

}  // namespace firefly

namespace firefly {

TEST_CASE("dataset: years of the Republic of China in a year column are a warning at the cell") {
  Diagnostics scratch;
  Value meta = parse_yaml(
      "title: {zh-TW: T}\ncolumns: [{name: note, type: string}, {name: year, type: integer}]\n",
      "data/t.yaml", scratch);
  Diagnostics d;
  auto ds = build_dataset("t", meta, "note,year\n\"a, b\",\n\"舊, 制\",110\nc,111\n", d);
  REQUIRE(ds);
  CHECK_FALSE(ds->temporal);
  Diagnostics w;
  check_dataset_metadata(*ds, {"zh-TW"}, w);
  std::vector<Diagnostic> found = w.sorted();
  auto roc = std::find_if(found.begin(), found.end(),
                          [](const Diagnostic& x) { return x.path == "data/t.csv"; });
  REQUIRE(roc != found.end());
  CHECK(roc->pos.line == 3);
  CHECK(roc->pos.col == 2);  // the field, after the quoted cell with its comma
  CHECK(roc->message ==
        "the year 110 looks like a year of the Republic of China (民國110年 is 2021); open data "
        "gives years in four digits, which spreadsheets, catalogues and the chart read as years");
  CHECK(roc->hint == "write 2021 (add 1911 to each year of the column)");
  for (const Diagnostic& x : found) CHECK(x.message.find("which period") == std::string::npos);
  // Western years: no warning.
  auto western = build_dataset("t", meta, "note,year\na,2021\nb,2022\n", d);
  REQUIRE(western);
  Diagnostics none;
  check_dataset_metadata(*western, {"zh-TW"}, none);
  for (const Diagnostic& x : none.sorted()) CHECK(x.path != "data/t.csv");
  // A count per year, or a column with a unit, is not a year.
  Value counts = parse_yaml(
      "title: {zh-TW: T}\ncolumns: [{name: forums_per_year, type: integer}, "
      "{name: year, type: integer, unit: persons}]\n",
      "data/t.yaml", scratch);
  auto counted = build_dataset("t", counts, "forums_per_year,year\n5,12\n", d);
  REQUIRE(counted);
  Diagnostics quiet;
  check_dataset_metadata(*counted, {"zh-TW"}, quiet);
  for (const Diagnostic& x : quiet.sorted()) CHECK(x.path != "data/t.csv");
}

TEST_CASE("dataset: a column's values give words to its codes; mistakes are errors") {
  Diagnostics d;
  auto ds = build(R"(title: T
columns:
  - {name: kind, values: {at_least: {zh-TW: 至少, en: at least}, exact: 確數}}
  - {name: n, type: integer, values: {1: 男, 2: 女}}
)",
                  "kind,n\nat_least,1\n", d);
  REQUIRE(ds);
  CHECK(d.error_count() == 0);
  const Column& kind = ds->columns[0];
  REQUIRE(kind.values.size() == 2);
  REQUIRE(kind.label_of("at_least"));
  CHECK(kind.label_of("at_least")->get("en", "zh-TW") == "at least");
  CHECK(kind.label_of("exact")->get("en", "zh-TW") == "確數");
  CHECK(kind.label_of("nearly") == nullptr);
  CHECK(ds->columns[1].label_of("2")->get("zh-TW", "zh-TW") == "女");
  Diagnostics e;
  build(R"(title: T
columns:
  - {name: a, values: [x, y]}
  - {name: b, type: number, values: {1: one}}
  - {name: c, values: {x: [1, 2]}}
)",
        "a,b,c\n", e);
  CHECK(messages(e) ==
        std::vector<std::string>{
            "data/awards.yaml:3:23: 'values' must map each code to its words, e.g. "
            "{at_least: {zh-TW: 至少, en: at least}}",
            "data/awards.yaml:4:37: 'values' gives words for the codes of a string or "
            "integer column, not of number column 'b'",
            "data/awards.yaml:5:27: the words of code 'x' in column 'c' must be a text or "
            "a map of language: text"});
}

}  // namespace firefly

namespace firefly {

TEST_CASE("dataset: a key names each row; themes are EU data theme codes") {
  const char* meta = R"(title: T
themes: [SOCI, SOCIAL]
key: [team, nmber]
columns:
  - {name: team, type: string}
  - {name: number, type: integer}
)";
  Diagnostics d;
  CHECK_FALSE(build(meta, "team,number\na,1\n", d));
  auto m = messages(d);
  REQUIRE(m.size() == 2);
  CHECK(m[0].find("data/awards.yaml:2:16: unknown data theme 'SOCIAL' | use the EU data theme "
                  "codes") == 0);
  CHECK(m[1] ==
        "data/awards.yaml:3:13: key column 'nmber' is not a declared column | did you "
        "mean 'number'?");
  Diagnostics ok;
  std::string good = R"(title: T
themes: [SOCI, EDUC]
key: [team, number]
columns:
  - {name: team, type: string}
  - {name: number, type: integer}
)";
  auto ds = build(good, "team,number\na,1\na,2\nb,1\n", ok);
  REQUIRE(ds);
  CHECK(ds->themes == std::vector<std::string>{"SOCI", "EDUC"});
  CHECK(ds->key == std::vector<std::string>{"team", "number"});
  Diagnostics dup;
  CHECK_FALSE(build(good, "team,number\na,1\nb,1\na,1\n", dup));
  CHECK(messages(dup) ==
        std::vector<std::string>{"data/awards.csv:4:1: this row has the same key (team, number) as "
                                 "line 2 | give each row its own key, or remove the repeated row"});
  // Lines as the file has them (a blank line, CRLF, a quoted line break), the key's cells
  // found in the file's order of columns, each repeat said.
  Diagnostics lines;
  CHECK_FALSE(
      build(good, "number,team\r\n1,\"a\nb\"\r\n\r\n1,a\r\n1,\"a\nb\"\r\n2,a\n1,a\n", lines));
  CHECK(messages(lines) ==
        std::vector<std::string>{"data/awards.csv:6:1: this row has the same key (team, number) as "
                                 "line 2 | give each row its own key, or remove the repeated row",
                                 "data/awards.csv:9:1: this row has the same key (team, number) as "
                                 "line 5 | give each row its own key, or remove the repeated row"});
  // A column named twice: the data package's primaryKey would name it twice.
  Diagnostics twice;
  CHECK_FALSE(
      build("title: T\nkey: [team, number, team]\ncolumns:\n  - {name: team, type: "
            "string}\n  - {name: number, type: integer}\n",
            "team,number\na,1\n", twice));
  CHECK(messages(twice) ==
        std::vector<std::string>{"data/awards.yaml:2:21: key column 'team' is named twice | name "
                                 "each column of the key once"});
}

}  // namespace firefly

namespace firefly {

TEST_CASE("dataset: a year column named or titled in the site's languages gives the period") {
  Diagnostics scratch;
  auto period = [&](const std::string& columns, const std::string& csv) -> std::string {
    Value meta = parse_yaml("title: {id: T}\ncolumns: " + columns + "\n", "data/t.yaml", scratch);
    Diagnostics d;
    auto ds = build_dataset("t", meta, csv, d);
    REQUIRE(ds);
    return ds->temporal ? ds->temporal->iso() : std::string("none");
  };
  const std::string n = "{name: n, type: integer}";
  CHECK(period("[{name: tahun, type: integer}, " + n + "]", "tahun,n\n2019,1\n2022,2\n") ==
        "2019/2022");
  CHECK(period("[{name: tahun_laporan, type: integer}, " + n + "]", "tahun_laporan,n\n2020,1\n") ==
        "2020");
  CHECK(period("[{name: 年度, type: integer}, " + n + "]", "年度,n\n2018,1\n") == "2018");
  CHECK(period("[{name: taon_ng_ulat, type: integer}, " + n + "]", "taon_ng_ulat,n\n2021,1\n") ==
        "2021");
  CHECK(period("[{name: p, type: integer, title: {fil: Taon}}, " + n + "]", "p,n\n2015,1\n") ==
        "2015");
  CHECK(period("[{name: periode, type: integer, title: {id: Tahun, en: Year}}, " + n + "]",
               "periode,n\n2016,1\n2017,2\n") == "2016/2017");
  // Vietnamese "nam" without its tone mark also means "men": a count, not a year.
  CHECK(period("[{name: nam, type: integer}, " + n + "]", "nam,n\n2019,1\n") == "none");
  // A string column named tahun is text ("2019/2020"), not years.
  CHECK(period("[{name: tahun, type: string}, " + n + "]", "tahun,n\n2019,1\n") == "none");
}

}  // namespace firefly

namespace firefly {

TEST_CASE("dataset: unit: percent, as the CSV check advises, is worded in each language") {
  Diagnostics scratch;
  Value meta = parse_yaml(
      "title: {id: T}\ncolumns: [{name: a, type: number, unit: percent}, "
      "{name: b, type: number, unit: orang}]\n",
      "data/t.yaml", scratch);
  Diagnostics d;
  auto ds = build_dataset("t", meta, "a,b\n86.97,3\n", d);
  REQUIRE(ds);
  CHECK(ds->columns[0].unit.get("id", "id") == "persen");
  CHECK(ds->columns[0].unit.get("zh-TW", "id") == "%");
  CHECK(ds->columns[0].unit.get("en", "id") == "percent");
  CHECK(ds->columns[0].unit.get("fil", "id") == "porsyento");
  CHECK(ds->columns[0].unit.get("tl", "id") == "porsyento");
  CHECK(ds->columns[0].unit.pos.line == 2);
  CHECK(ds->columns[1].unit.plain == "orang");  // other units stay as written
}

TEST_CASE("dataset: a column without a title is a warning at the column") {
  // Its name headed the column on every language's pages, and nothing said so.
  Diagnostics d;
  auto ds = build(
      "title: {en: Hours}\ncolumns:\n  - {name: year, type: integer, title: {en: Year}}\n"
      "  - name: volunteer_hours\n    type: integer\n",
      "year,volunteer_hours\n2021,3\n", d);
  REQUIRE(ds);
  CHECK(ds->columns[1].title.plain == "volunteer_hours");
  Diagnostics w;
  check_dataset_metadata(*ds, {"en"}, w);
  std::vector<std::string> untitled;
  for (const std::string& m : messages(w)) {
    if (m.find("has no title") != std::string::npos) untitled.push_back(m);
  }
  CHECK(untitled ==
        std::vector<std::string>{
            "data/awards.yaml:4:5: column 'volunteer_hours' has no title: the pages of every "
            "language show its name (volunteer_hours) as its heading | add a title in each of "
            "the site's languages, e.g. title: {en: Volunteer hours}"});
}

TEST_CASE("dataset: keywords, themes and dates given a list or a map say so") {
  // keywords: [[a], ~] was published as the keywords "" in the catalogue; a date given a
  // list was quoted as ''.
  const char* meta = R"(title: T
keywords: [jobs, [a, b], {en: x}, ~]
themes: [SOCI, [ECON]]
modified: [2024-05-01]
columns:
  - {name: team, type: string}
)";
  Diagnostics d;
  CHECK_FALSE(build(meta, "team\na\n", d));
  CHECK(messages(d) ==
        std::vector<std::string>{
            "data/awards.yaml:2:18: each keyword must be a word or words, not a list | write the "
            "keywords in one list, e.g. keywords: [employment, training]",
            "data/awards.yaml:2:26: each keyword must be a word or words, not a map of keys | "
            "write the keywords in one list, e.g. keywords: [employment, training]",
            "data/awards.yaml:2:35: this keyword is empty | write the keywords in one list, e.g. "
            "keywords: [employment, training]",
            "data/awards.yaml:3:16: each of 'themes' is an EU data theme code, not a list | write "
            "them in one list, e.g. themes: [SOCI, ECON]",
            "data/awards.yaml:4:11: 'modified' must be a date like 2023-06-30, not a list"});
}

TEST_CASE("dataset: metadata of comments alone is an error, not a dataset left out") {
  // What was left of a file whose lines all became a comment: the site was published
  // without the dataset, and without a word.
  const std::string site = std::filesystem::temp_directory_path() /
                           ("firefly-meta-comments-" + std::to_string(::getpid()));
  std::filesystem::remove_all(site);
  std::filesystem::create_directories(site + "/data");
  std::ofstream(site + "/data/hours.csv") << "year,hours\n2024,12\n";
  std::ofstream(site + "/data/hours.yaml") << "# title: Hours\n# columns: [...]\n";
  Diagnostics d;
  CHECK(load_datasets(site, TimeZone(), d).empty());
  CHECK(messages(d) ==
        std::vector<std::string>{
            "data/hours.yaml:0:0: the metadata must be a map (title, columns, ...)"});
  std::filesystem::remove_all(site);
}

TEST_CASE("dataset: a column title empty in a language is an error; of spaces, no title") {
  // {en: ""} was an empty heading in English tables, charts and downloads.
  const char* meta = R"(title: T
columns:
  - {name: team, type: string, title: {en: "", zh-TW: 隊}}
)";
  Diagnostics d;
  CHECK_FALSE(build(meta, "team\na\n", d));
  CHECK(messages(d) == std::vector<std::string>{
                           "data/awards.yaml:3:44: the title of column 'team' is empty in en | "
                           "write its title in en, or leave en out of the map"});
  // "   " is no title: the column is named by its name, and warned of as untitled.
  Diagnostics ok;
  auto ds =
      build("title: T\ncolumns:\n  - {name: n, type: integer, title: \"   \"}\n", "n\n1\n", ok);
  REQUIRE(ds);
  CHECK(ds->columns[0].untitled);
  CHECK(ds->columns[0].title.plain == "n");
}

TEST_CASE("dataset: a source url names a web site") {
  // `url: https://` was a link to nowhere on the dataset's page and in the catalogue.
  Diagnostics d;
  CHECK_FALSE(build("title: T\nsource: {agency: A, url: \"https://\"}\ncolumns: [{name: a}]\n",
                    "a\n1\n", d));
  CHECK(messages(d) ==
        std::vector<std::string>{"data/awards.yaml:2:26: source url 'https://' names no web site "
                                 "(write it like https://www.gov.tw/)"});
}

}  // namespace firefly
