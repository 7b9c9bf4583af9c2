// Parsing and printing of ISO 8601 dates (proleptic Gregorian calendar).
#include "core/date.h"

#include <cstdio>
#include <ctime>

namespace firefly {

namespace {

/// Reads exactly `n` ASCII digits at `pos`, advancing it; false when they are not there.
bool read_digits(std::string_view s, size_t& pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = 0; i < n; ++i) {
    char c = s[pos + i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  pos += n;
  out = v;
  return true;
}

/// Consumes `c` at `pos` when it is there.
bool read_char(std::string_view s, size_t& pos, char c) {
  if (pos >= s.size() || s[pos] != c) return false;
  ++pos;
  return true;
}

/// `a / b` rounded towards negative infinity (b > 0).
long floor_div(long a, long b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

/// "+08:00", "-05:30" or "Z" for an offset in minutes.
std::string offset_text(int minutes) {
  if (minutes == 0) return "Z";
  char sign = minutes < 0 ? '-' : '+';
  int m = minutes < 0 ? -minutes : minutes;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", sign, (m / 60) % 100, m % 60);
  return buf;
}

/// Writes `v` (0 <= v < 10^width) as `width` digits at `at`.
void put_digits(char* at, int v, int width) {
  for (int i = width - 1; i >= 0; --i, v /= 10) at[i] = static_cast<char>('0' + v % 10);
}

/// "YYYY-MM-DD" for the date; pages show thousands of dates, so no printf for the usual ones.
std::string day_text(const Date& d) {
  int year = d.year % 10000, month = d.month % 100, day = d.day % 100;
  if (year < 0 || month < 0 || day < 0) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
  }
  std::string out = "0000-00-00";
  put_digits(&out[0], year, 4);
  put_digits(&out[5], month, 2);
  put_digits(&out[8], day, 2);
  return out;
}

/// "YYYY-MM-DDTHH:MM:SS" for the date and its time of day.
std::string date_time_text(const Date& d) {
  int hour = d.hour % 100, minute = d.minute % 100, second = d.second % 100;
  if (hour < 0 || minute < 0 || second < 0) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", d.year % 10000, d.month % 100,
                  d.day % 100, hour, minute, second);
    return buf;
  }
  std::string out = day_text(d) + "T00:00:00";
  size_t t = out.size() - 8;
  put_digits(&out[t], hour, 2);
  put_digits(&out[t + 3], minute, 2);
  put_digits(&out[t + 6], second, 2);
  return out;
}

}  // namespace

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

bool is_valid_date(int year, int month, int day) {
  return year >= 1 && year <= 9999 && day >= 1 && day <= days_in_month(year, month);
}

std::string Date::iso() const {
  if (!has_time) return day_text(*this);
  std::string out = date_time_text(*this);
  if (has_tz) out += offset_text(tz_offset_minutes);
  return out;
}

std::string Date::rfc3339() const { return rfc3339(0); }

std::string Date::rfc3339(int default_tz_offset_minutes) const {
  std::string out = date_time_text(*this);
  out += offset_text(has_tz ? tz_offset_minutes : default_tz_offset_minutes);
  return out;
}

long Date::days_since_epoch() const {
  // Count whole years from 1 March of year 0 so that the leap day falls at the end of a
  // year, then whole months with the 153-days-per-5-months rule, then days.
  long y = month <= 2 ? year - 1L : year;
  long m = month <= 2 ? month + 9L : month - 3L;  // 0 = March ... 11 = February
  long leap_days = floor_div(y, 4) - floor_div(y, 100) + floor_div(y, 400);
  long days = 365 * y + leap_days + (153 * m + 2) / 5 + (day - 1);
  // 1970-01-01 is day 719468 of this count (0000-03-01 is day 0).
  return days - 719468L;
}

long long Date::wall_seconds() const {
  return days_since_epoch() * 86400LL + hour * 3600LL + minute * 60LL + second;
}

long long Date::utc_seconds() const {
  return wall_seconds() - (has_tz ? tz_offset_minutes * 60LL : 0);
}

Date date_from_wall_seconds(long long wall_seconds, int offset_minutes) {
  // Days and seconds of the day, rounding towards negative infinity.
  long long days = wall_seconds >= 0 ? wall_seconds / 86400 : (wall_seconds - 86399) / 86400;
  long long rem = wall_seconds - days * 86400;
  // The civil date of a day count (proleptic Gregorian), in 400-year eras from 0000-03-01.
  long long z = days + 719468;
  long long era = (z >= 0 ? z : z - 146096) / 146097;
  long long doe = z - era * 146097;
  long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long long mp = (5 * doy + 2) / 153;
  Date d;
  d.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  d.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  d.year = static_cast<int>(yoe + era * 400 + (d.month <= 2 ? 1 : 0));
  d.hour = static_cast<int>(rem / 3600);
  d.minute = static_cast<int>(rem % 3600 / 60);
  d.second = static_cast<int>(rem % 60);
  d.has_time = true;
  d.has_tz = true;
  d.tz_offset_minutes = offset_minutes;
  return d;
}

std::optional<Date> parse_date(std::string_view text) {
  Date d;
  size_t p = 0;
  if (!read_digits(text, p, 4, d.year) || !read_char(text, p, '-') ||
      !read_digits(text, p, 2, d.month) || !read_char(text, p, '-') ||
      !read_digits(text, p, 2, d.day))
    return std::nullopt;
  if (!is_valid_date(d.year, d.month, d.day)) return std::nullopt;
  if (p == text.size()) return d;
  if (!read_char(text, p, 'T') && !read_char(text, p, ' ')) return std::nullopt;
  if (!read_digits(text, p, 2, d.hour) || !read_char(text, p, ':') ||
      !read_digits(text, p, 2, d.minute))
    return std::nullopt;
  if (read_char(text, p, ':') && !read_digits(text, p, 2, d.second)) return std::nullopt;
  if (d.hour > 23 || d.minute > 59 || d.second > 59) return std::nullopt;
  d.has_time = true;
  if (p == text.size()) return d;
  if (read_char(text, p, 'Z')) {
    d.has_tz = true;
  } else if (p < text.size() && (text[p] == '+' || text[p] == '-')) {
    int sign = text[p] == '-' ? -1 : 1;
    ++p;
    int h = 0, m = 0;
    if (!read_digits(text, p, 2, h) || !read_char(text, p, ':') || !read_digits(text, p, 2, m))
      return std::nullopt;
    if (h > 23 || m > 59) return std::nullopt;
    d.has_tz = true;
    d.tz_offset_minutes = sign * (h * 60 + m);
  }
  if (p != text.size()) return std::nullopt;
  return d;
}

Date today() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  Date d;
  d.year = tm.tm_year + 1900;
  d.month = tm.tm_mon + 1;
  d.day = tm.tm_mday;
  return d;
}

std::string not_a_day(std::string_view text) {
  auto digits = [&](size_t at, size_t n) {
    int v = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (text[i] < '0' || text[i] > '9') return -1;
      v = v * 10 + (text[i] - '0');
    }
    return v;
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return "";
  int year = digits(0, 4), month = digits(5, 2), day = digits(8, 2);
  if (year < 0 || month < 0 || day < 0) return "";
  if (month < 1 || month > 12) return ": there is no month " + std::to_string(month);
  if (day < 1 || day > days_in_month(year, month)) {
    return ": " + std::string(text.substr(0, 7)) + " has no day " + std::to_string(day);
  }
  return "";
}

}  // namespace firefly
