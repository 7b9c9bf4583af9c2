#include "core/date.h"

#include <doctest/doctest.h>

namespace firefly {

TEST_CASE("iso and rfc3339 pad every part with zeros") {
  Date d;
  d.year = 7;
  d.month = 3;
  d.day = 9;
  CHECK(d.iso() == "0007-03-09");
  d.has_time = true;
  d.hour = 4;
  d.minute = 0;
  d.second = 6;
  CHECK(d.iso() == "0007-03-09T04:00:06");
  CHECK(d.rfc3339() == "0007-03-09T04:00:06Z");
  d.year = 12345;  // only the last four digits of a year, as ever
  CHECK(d.iso() == "2345-03-09T04:00:06");
}

TEST_CASE("parse_date accepts plain dates") {
  auto d = parse_date("2023-06-30");
  REQUIRE(d);
  CHECK(d->year == 2023);
  CHECK(d->month == 6);
  CHECK(d->day == 30);
  CHECK_FALSE(d->has_time);
  CHECK_FALSE(d->has_tz);
  CHECK(d->iso() == "2023-06-30");
  CHECK(d->rfc3339() == "2023-06-30T00:00:00Z");
  CHECK(d->rfc3339(480) == "2023-06-30T00:00:00+08:00");
  CHECK(d->rfc3339(-330) == "2023-06-30T00:00:00-05:30");
}

TEST_CASE("parse_date accepts times and offsets") {
  auto a = parse_date("2023-06-30T08:05");
  REQUIRE(a);
  CHECK(a->has_time);
  CHECK(a->hour == 8);
  CHECK(a->minute == 5);
  CHECK(a->second == 0);
  CHECK_FALSE(a->has_tz);
  CHECK(a->iso() == "2023-06-30T08:05:00");
  CHECK(a->rfc3339(480) == "2023-06-30T08:05:00+08:00");

  auto b = parse_date("2023-06-30T08:00:59+08:00");
  REQUIRE(b);
  CHECK(b->second == 59);
  CHECK(b->has_tz);
  CHECK(b->tz_offset_minutes == 480);
  CHECK(b->iso() == "2023-06-30T08:00:59+08:00");
  CHECK(b->rfc3339() == "2023-06-30T08:00:59+08:00");
  CHECK(b->rfc3339(-60) == "2023-06-30T08:00:59+08:00");

  auto c = parse_date("2023-01-02T23:59:00Z");
  REQUIRE(c);
  CHECK(c->has_tz);
  CHECK(c->tz_offset_minutes == 0);
  CHECK(c->rfc3339(480) == "2023-01-02T23:59:00Z");

  auto n = parse_date("2023-01-02T10:00-03:30");
  REQUIRE(n);
  CHECK(n->tz_offset_minutes == -210);
  CHECK(n->iso() == "2023-01-02T10:00:00-03:30");

  auto y = parse_date("2023-01-02 10:00");
  REQUIRE(y);
  CHECK(y->hour == 10);
}

TEST_CASE("parse_date knows leap years") {
  CHECK(parse_date("2024-02-29"));
  CHECK(parse_date("2000-02-29"));
  CHECK_FALSE(parse_date("2023-02-29"));
  CHECK_FALSE(parse_date("1900-02-29"));
  CHECK(is_leap_year(2024));
  CHECK_FALSE(is_leap_year(2100));
  CHECK(days_in_month(2023, 4) == 30);
  CHECK(days_in_month(2023, 13) == 0);
}

TEST_CASE("parse_date rejects everything else") {
  const char* bad[] = {"",
                       "2023-02-30",
                       "2023-13-01",
                       "2023-00-10",
                       "2023-04-31",
                       "2023-06-00",
                       "0000-01-01",
                       "23-06-30",
                       "2023-6-30",
                       "2023/06/30",
                       "2023-06-30T",
                       "2023-06-30T8:00",
                       "2023-06-30T24:00",
                       "2023-06-30T12:60",
                       "2023-06-30T12:00:60",
                       "2023-06-30T12:00:5",
                       "2023-06-30T12:00+0800",
                       "2023-06-30T12:00+08",
                       "2023-06-30T12:00+24:00",
                       "2023-06-30Z",
                       "2023-06-30T12:00Zx",
                       " 2023-06-30",
                       "2023-06-30 ",
                       "民國112年6月30日",
                       "2023-06-3O"};
  for (const char* s : bad) {
    CAPTURE(s);
    CHECK_FALSE(parse_date(s));
  }
}

TEST_CASE("days_since_epoch") {
  CHECK(parse_date("1970-01-01")->days_since_epoch() == 0);
  CHECK(parse_date("1970-01-02")->days_since_epoch() == 1);
  CHECK(parse_date("1969-12-31")->days_since_epoch() == -1);
  CHECK(parse_date("2000-03-01")->days_since_epoch() == 11017);
  CHECK(parse_date("2023-06-30")->days_since_epoch() == 19538);
  CHECK(parse_date("0001-01-01")->days_since_epoch() == -719162);
  // Consecutive days across every month boundary of a leap and a common year.
  for (int year : {2023, 2024}) {
    long prev = parse_date(std::to_string(year - 1) + "-12-31")->days_since_epoch();
    for (int m = 1; m <= 12; ++m) {
      for (int d = 1; d <= days_in_month(year, m); ++d) {
        Date date;
        date.year = year;
        date.month = m;
        date.day = d;
        CHECK(date.days_since_epoch() == prev + 1);
        prev = date.days_since_epoch();
      }
    }
  }
}

TEST_CASE("dates order by value") {
  CHECK(*parse_date("2023-06-30") < *parse_date("2023-07-01"));
  CHECK(*parse_date("2022-12-31") < *parse_date("2023-01-01"));
}

}  // namespace firefly
