#include "render/chart_dates.h"

#include <doctest/doctest.h>

namespace firefly {

using Days = std::vector<std::string>;

TEST_CASE("chart dates: a month, quarter or year a series skips is found") {
  CHECK(date_series({"2023-01-01", "2023-02-01", "2023-04-01", "2023-05-01"}).missing ==
        Days{"2023-03-01"});
  // The last day of each month (February's 28th or 29th), across a year's end.
  CHECK(date_series({"2023-11-30", "2024-01-31", "2024-02-29", "2024-04-30"}).missing ==
        Days{"2023-12-31", "2024-03-31"});
  // Quarters and years: the step is what every gap is a multiple of.
  CHECK(date_series({"2022-03-31", "2022-06-30", "2022-12-31"}).missing == Days{"2022-09-30"});
  CHECK(date_series({"2019-07-01", "2020-07-01", "2023-07-01"}).missing ==
        Days{"2021-07-01", "2022-07-01"});
  CHECK(date_series({"2023-01-15", "2023-03-15", "2023-04-15"}).missing == Days{"2023-02-15"});
}

TEST_CASE("chart dates: a day or week a series skips is found") {
  CHECK(date_series({"2024-02-27", "2024-02-28", "2024-03-01"}).missing == Days{"2024-02-29"});
  CHECK(date_series({"2023-01-02", "2023-01-09", "2023-01-23"}).missing == Days{"2023-01-16"});
}

TEST_CASE("chart dates: nothing is added where no step is skipped, or the dates are events") {
  CHECK(date_series({"2023-01-01", "2023-02-01", "2023-03-01"}).missing.empty());
  CHECK(date_series({"2020-01-01", "2020-01-03"}).missing.empty());  // every other day
  CHECK(date_series({"2023-01-01"}).missing.empty());
  CHECK(date_series({}).missing.empty());
  // Dates of events: the days between would outnumber them.
  CHECK(date_series({"2023-01-05", "2023-02-17", "2023-06-30", "2023-07-02"}).missing.empty());
  // Half of the steps missing is still a series; more is not.
  CHECK(date_series({"2023-01-01", "2023-02-01", "2023-05-01"}).missing ==
        Days{"2023-03-01", "2023-04-01"});
  CHECK(date_series({"2023-01-01", "2023-02-01", "2023-06-01"}).missing ==
        Days{"2023-03-01", "2023-04-01", "2023-05-01"});
  CHECK(date_series({"2023-01-01", "2023-02-01", "2023-07-01"}).missing.empty());
  // Every other month is a series of its own, with nothing skipped.
  CHECK(date_series({"2023-01-01", "2023-03-01", "2023-05-01"}).missing.empty());
  // Not all plain days: left as they are.
  CHECK(date_series({"2023-01-01", "2023-03-01", "2023-04-01T08:00"}).missing.empty());
  CHECK(date_series({"2023-01-01", "2023-03-01", "soon"}).missing.empty());
}

TEST_CASE("chart dates: a series of first or last days stands for months, of new years for years") {
  CHECK(date_series({"2024-01-01", "2024-02-01", "2024-04-01"}).part == DatePart::kMonth);
  CHECK(date_series({"2024-01-31", "2024-02-29", "2024-03-31"}).part == DatePart::kMonth);
  CHECK(date_series({"2022-03-31", "2022-06-30"}).part == DatePart::kMonth);  // quarters
  CHECK(date_series({"2020-01-01", "2021-01-01", "2023-01-01"}).part == DatePart::kYear);
  CHECK(date_series({"2020-12-31", "2021-12-31"}).part == DatePart::kYear);
  // Days: the 15th of each month, a month's first day among others, one date alone.
  CHECK(date_series({"2024-01-15", "2024-02-15"}).part == DatePart::kDay);
  CHECK(date_series({"2024-01-01", "2024-01-02"}).part == DatePart::kDay);
  CHECK(date_series({"2024-01-01"}).part == DatePart::kDay);
  // A yearly series on 1 July is not a calendar year's: its months are shown.
  CHECK(date_series({"2020-07-01", "2021-07-01"}).part == DatePart::kMonth);
  CHECK(date_series({"2020-01-01", "2020-07-01"}).part == DatePart::kMonth);
}

}  // namespace firefly
