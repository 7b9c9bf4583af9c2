#include "core/time_zone.h"

#include <doctest/doctest.h>

namespace firefly {

namespace {

/// The instant `text` names (it must carry an offset).
long long instant(const char* text) {
  auto d = parse_date(text);
  REQUIRE(d);
  REQUIRE(d->has_tz);
  return d->utc_seconds();
}

TimeZone zone(const char* name) {
  auto z = TimeZone::find(name);
  REQUIRE(z);
  return *z;
}

}  // namespace

TEST_CASE("time zone: unknown names are refused, UTC is the default") {
  CHECK_FALSE(TimeZone::find("Asia/Taipe"));
  CHECK_FALSE(TimeZone::find(""));
  CHECK_FALSE(TimeZone::find("Not a zone"));
  CHECK(TimeZone().name() == "UTC");
  CHECK(TimeZone().offset_at(instant("2021-07-01T12:00:00Z")) == 0);
  CHECK(zone("Asia/Taipei").name() == "Asia/Taipei");
}

TEST_CASE("time zone: an instant near midnight falls on the zone's own day") {
  // 20:00 UTC on New Year's Day is already 2 January in Taipei.
  Date taipei = zone("Asia/Taipei").at(instant("2024-01-01T20:00:00Z"));
  CHECK(taipei.iso() == "2024-01-02T04:00:00+08:00");
  CHECK(TimeZone().at(instant("2024-01-01T20:00:00Z")).iso() == "2024-01-01T20:00:00Z");
  // A commit made at 23:30 in New York is the next day in UTC and in Taipei.
  auto ny = parse_date("2023-12-31T23:30:00-05:00");
  REQUIRE(ny);
  CHECK(TimeZone().local(*ny).iso() == "2024-01-01T04:30:00Z");
  CHECK(zone("Asia/Taipei").local(*ny).iso() == "2024-01-01T12:30:00+08:00");
  CHECK(zone("America/New_York").local(*ny).iso() == "2023-12-31T23:30:00-05:00");
  // The last second before midnight stays on its day.
  CHECK(zone("Asia/Taipei").at(instant("2024-01-01T15:59:59Z")).iso() ==
        "2024-01-01T23:59:59+08:00");
  CHECK(zone("Asia/Taipei").at(instant("2024-01-01T16:00:00Z")).iso() ==
        "2024-01-02T00:00:00+08:00");
  // Dates without an offset are the zone's already.
  auto plain = parse_date("2021-03-04");
  REQUIRE(plain);
  CHECK(zone("Asia/Taipei").local(*plain).iso() == "2021-03-04");
}

TEST_CASE("time zone: daylight saving time in Europe/Berlin") {
  TimeZone berlin = zone("Europe/Berlin");
  CHECK(berlin.offset_at(instant("2021-01-15T12:00:00Z")) == 60);
  CHECK(berlin.offset_at(instant("2021-07-15T12:00:00Z")) == 120);
  // Clocks go from 02:00 to 03:00 on 28 March 2021 (01:00 UTC).
  CHECK(berlin.at(instant("2021-03-28T00:59:59Z")).iso() == "2021-03-28T01:59:59+01:00");
  CHECK(berlin.at(instant("2021-03-28T01:00:00Z")).iso() == "2021-03-28T03:00:00+02:00");
  // And back from 03:00 to 02:00 on 31 October 2021 (01:00 UTC).
  CHECK(berlin.at(instant("2021-10-31T00:59:59Z")).iso() == "2021-10-31T02:59:59+02:00");
  CHECK(berlin.at(instant("2021-10-31T01:00:00Z")).iso() == "2021-10-31T02:00:00+01:00");
  // 22:30 UTC on a summer evening is the next day in Berlin, not in winter.
  CHECK(berlin.at(instant("2021-06-30T22:30:00Z")).iso().substr(0, 10) == "2021-07-01");
  CHECK(berlin.at(instant("2021-12-31T22:30:00Z")).iso().substr(0, 10) == "2021-12-31");
}

TEST_CASE("time zone: RFC 3339 timestamps of dates written without an offset") {
  auto day = parse_date("2021-03-04");
  REQUIRE(day);
  CHECK(zone("Asia/Taipei").rfc3339(*day) == "2021-03-04T00:00:00+08:00");
  CHECK(TimeZone().rfc3339(*day) == "2021-03-04T00:00:00Z");
  CHECK(zone("America/New_York").rfc3339(*day) == "2021-03-04T00:00:00-05:00");
  // Midnight in Berlin is +01:00 in winter and +02:00 in summer.
  TimeZone berlin = zone("Europe/Berlin");
  CHECK(berlin.rfc3339(*parse_date("2021-01-04")) == "2021-01-04T00:00:00+01:00");
  CHECK(berlin.rfc3339(*parse_date("2021-07-04")) == "2021-07-04T00:00:00+02:00");
  // The day clocks change: midnight is still winter time, the afternoon summer time.
  CHECK(berlin.rfc3339(*parse_date("2021-03-28")) == "2021-03-28T00:00:00+01:00");
  CHECK(berlin.rfc3339(*parse_date("2021-03-28T15:00")) == "2021-03-28T15:00:00+02:00");
  CHECK(berlin.instant(*parse_date("2021-07-04")) == instant("2021-07-03T22:00:00Z"));
  CHECK(berlin.instant(*parse_date("2021-07-04T01:00:00+08:00")) ==
        instant("2021-07-03T17:00:00Z"));
  // A time with its own offset keeps its instant, written in the zone.
  CHECK(zone("Asia/Taipei").rfc3339(*parse_date("2024-01-01T20:00:00Z")) ==
        "2024-01-02T04:00:00+08:00");
}

TEST_CASE("time zone: today is the zone's date") {
  Date utc = TimeZone().today();
  CHECK_FALSE(utc.has_time);
  // Kiritimati (+14) and Niue (-11) are 25 hours apart: never on the same date (two dates
  // apart between 10:00 and 11:00 UTC).
  Date east = zone("Pacific/Kiritimati").today();
  Date west = zone("Pacific/Niue").today();
  CHECK(east.days_since_epoch() - west.days_since_epoch() >= 1);
  CHECK(east.days_since_epoch() - utc.days_since_epoch() <= 1);
}

}  // namespace firefly
