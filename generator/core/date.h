// Calendar dates and times as written in front matter and data (ISO 8601).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace firefly {

/// A Gregorian date with an optional time of day (always treated as local to the site).
struct Date {
  int year = 0, month = 0, day = 0;
  int hour = 0, minute = 0, second = 0;
  bool has_time = false;
  int tz_offset_minutes = 0;  ///< offset from UTC when the text gave one
  bool has_tz = false;

  /// "2023-06-30" (or "2023-06-30T08:00:00+08:00" when it has a time).
  std::string iso() const;
  /// RFC 3339 timestamp for feeds: "2023-06-30T00:00:00Z" (midnight, UTC when no offset given).
  std::string rfc3339() const;
  /// RFC 3339 timestamp using `default_tz_offset_minutes` (e.g. 480 for "+08:00") when the
  /// text gave no offset: "2023-06-30T00:00:00+08:00".
  std::string rfc3339(int default_tz_offset_minutes) const;
  /// Days since 1970-01-01, for comparisons.
  long days_since_epoch() const;
  /// Seconds since 1970-01-01T00:00:00 of the date and time of day as written, ignoring the
  /// offset (the wall-clock reading as if it were UTC).
  long long wall_seconds() const;
  /// The instant, in seconds since 1970-01-01T00:00:00Z: the wall-clock reading less the
  /// offset (none when the text gave none).
  long long utc_seconds() const;
  auto operator<=>(const Date&) const = default;
};

/// True for Gregorian leap years (2000, 2024; not 1900).
bool is_leap_year(int year);
/// Days in `month` (1-12) of `year`; 0 for a month out of range.
int days_in_month(int year, int month);
/// True when year 1-9999, month and day form a real calendar date.
bool is_valid_date(int year, int month, int day);

/// The date and time of day of `wall_seconds` (as Date::wall_seconds counts them), with
/// `offset_minutes` recorded as its offset from UTC.
Date date_from_wall_seconds(long long wall_seconds, int offset_minutes);

/// Today's date in the machine's local time zone.
Date today();

/// Parses "YYYY-MM-DD", optionally followed by "THH:MM[:SS]" (or a space instead of "T", as
/// YAML writes it) and "Z" or "+HH:MM"/"-HH:MM".
/// Returns nullopt for anything else, including impossible dates (2023-02-30).
std::optional<Date> parse_date(std::string_view text);

/// ": there is no month 13" or ": 2023-02 has no day 30" for text in the shape YYYY-MM-DD
/// that is not a day of the calendar; "" otherwise. What an error about such a date adds.
std::string not_a_day(std::string_view text);

}  // namespace firefly
