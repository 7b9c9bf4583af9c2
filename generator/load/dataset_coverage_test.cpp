#include "load/dataset_coverage.h"

#include <doctest/doctest.h>

#include "core/yaml.h"
#include "load/dataset.h"

namespace firefly {

namespace {

/// The period of a dataset of `columns` (a YAML list) and `csv`, "none" when it has none;
/// `extra` is more metadata (`key: …`).
std::string period_of(const std::string& columns, const std::string& csv,
                      const std::string& extra = "") {
  Diagnostics scratch;
  Value meta =
      parse_yaml("title: {en: T}\n" + extra + "columns: " + columns + "\n", "data/t.yaml", scratch);
  Diagnostics d;
  auto ds = build_dataset("t", meta, csv, d);
  REQUIRE(ds);
  return ds->temporal ? ds->temporal->iso() : std::string("none");
}

}  // namespace

TEST_CASE("period: a publication or \"as of\" date never gives the rows' period") {
  const std::string n = "{name: n, type: integer}";
  // Figures of 2019 and 2020, published in 2021: the period is 2019-2020, whichever
  // column comes first.
  CHECK(period_of("[{name: published, type: date}, {name: year, type: integer}, " + n + "]",
                  "published,year,n\n2021-03-01,2019,1\n2021-03-01,2020,2\n") == "2019/2020");
  CHECK(period_of("[{name: as_of, type: date}, {name: day, type: date}, " + n + "]",
                  "as_of,day,n\n2021-03-01,2020-05-04,1\n2021-03-01,2020-06-30,2\n") ==
        "2020-05-04/2020-06-30");
  // Named so in the title only, in another language than English.
  CHECK(period_of("[{name: d1, type: date, title: {zh-TW: 公布日期, en: D1}}, "
                  "{name: d2, type: date}, " +
                      n + "]",
                  "d1,d2,n\n2021-03-01,2020-05-04,1\n") == "2020-05-04");
  CHECK(period_of("[{name: d1, type: date, title: {vi: Tính đến ngày}}, {name: d2, type: date}, " +
                      n + "]",
                  "d1,d2,n\n2021-03-01,2020-05-04,1\n") == "2020-05-04");
  // Only an "as of" date: no period (check asks for `temporal:`).
  CHECK(period_of("[{name: release_date, type: date}, " + n + "]",
                  "release_date,n\n2021-03-01,1\n") == "none");
}

TEST_CASE("period: a column named as the period comes before another date, then a key") {
  const std::string n = "{name: n, type: integer}";
  // The day of a visit first, the month the figures count second: the month is the period.
  CHECK(period_of("[{name: visited, type: date}, {name: month, type: date}, " + n + "]",
                  "visited,month,n\n2020-01-09,2020-01-01,1\n2020-03-02,2020-02-01,2\n",
                  "frequency: monthly\n") == "2020-01-01/2020-02-29");
  // A date of the key names the row: it comes before another date.
  CHECK(period_of("[{name: noted, type: date}, {name: day, type: date}, " + n + "]",
                  "noted,day,n\n2020-01-09,2019-05-01,1\n2020-01-10,2019-06-01,2\n",
                  "key: day\n") == "2019-05-01/2019-06-01");
  // Without a name that says which, the first date column, as before.
  CHECK(period_of("[{name: a, type: date}, {name: b, type: date}, " + n + "]",
                  "a,b,n\n2020-01-09,2019-05-01,1\n") == "2020-01-09");
  // A column with no value is passed over.
  CHECK(period_of("[{name: month, type: date}, {name: b, type: date}, " + n + "]",
                  "month,b,n\n,2019-05-01,1\n") == "2019-05-01");
}

TEST_CASE("period: a row with no figure is no part of it") {
  const std::string cols =
      "[{name: year, type: integer}, {name: district, type: string}, "
      "{name: jobs, type: integer}, {name: rate, type: number}]";
  // The year to come written ahead, every figure empty (its district named): 2019-2021.
  CHECK(period_of(cols,
                  "year,district,jobs,rate\n2018,A,,\n2019,A,-3,\n2020,A,5,0.5\n"
                  "2021,A,,-1.25\n2022,A,,\n") == "2019/2021");
  // One figure in the row is enough, at either end.
  CHECK(period_of(cols, "year,district,jobs,rate\n2018,A,0,\n2022,A,,0\n") == "2018/2022");
  // Only rows without figures: no period.
  CHECK(period_of(cols, "year,district,jobs,rate\n2018,A,,\n2019,B,,\n") == "none");
  // A date period ends at the last month with a figure, and that month stands for itself.
  CHECK(period_of("[{name: month, type: date}, {name: n, type: integer}]",
                  "month,n\n2024-01-01,4\n2024-02-01,7\n2024-03-01,\n",
                  "frequency: monthly\n") == "2024-01-01/2024-02-29");
  // Without numbers, a text is the figure; the key and dates name the row, not figures.
  CHECK(period_of("[{name: year, type: integer}, {name: team, type: string}, "
                  "{name: award, type: string}, {name: noted, type: date}]",
                  "year,team,award,noted\n2019,A,Gold,\n2020,B,,2020-05-01\n",
                  "key: [year, team]\n") == "2019");
  // A dataset of years alone: each row is its own figure.
  CHECK(period_of("[{name: year, type: integer}]", "year\n2019\n2023\n") == "2019/2023");
}

TEST_CASE("period: which column gives it") {
  Diagnostics scratch;
  Value meta = parse_yaml(
      "title: T\ncolumns: [{name: updated_at, type: date}, {name: quarter, type: date}, "
      "{name: n, type: integer}]\n",
      "data/t.yaml", scratch);
  Diagnostics d;
  auto ds = build_dataset("t", meta, "updated_at,quarter,n\n2021-01-05,2020-10-01,1\n", d);
  REQUIRE(ds);
  CHECK(is_as_of_column(ds->columns[0]));
  CHECK_FALSE(is_as_of_column(ds->columns[1]));
  CHECK(period_column(*ds) == 1);
}

}  // namespace firefly
