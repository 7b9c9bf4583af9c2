#include "render/chart_dates.h"

#include <numeric>
#include <optional>

#include "core/date.h"

namespace firefly {

namespace {

/// A day of a month as a series at a step of months gives it.
enum class MonthDay { kSame, kLast };

/// How the dates sit in their months: all on one day of the month (up to the 28th, which
/// every month has) or all on the last day; nullopt otherwise.
std::optional<MonthDay> month_day_of(const std::vector<Date>& dates) {
  bool same = dates.front().day <= 28, last = true;
  for (const Date& d : dates) {
    same = same && d.day == dates.front().day;
    last = last && d.day == days_in_month(d.year, d.month);
  }
  if (same) return MonthDay::kSame;
  if (last) return MonthDay::kLast;
  return std::nullopt;
}

/// The largest step every gap between neighbouring `points` (ascending) is a multiple of.
long common_step(const std::vector<long>& points) {
  long step = 0;
  for (size_t i = 1; i < points.size(); ++i) step = std::gcd(step, points[i] - points[i - 1]);
  return step;
}

/// The points from the first to the last of `points` at `step` that are not among them,
/// or nothing when they would outnumber `points`.
std::vector<long> missing_points(const std::vector<long>& points, long step) {
  std::vector<long> missing;
  if (step <= 0) return missing;
  const long all = (points.back() - points.front()) / step + 1;
  if (all - static_cast<long>(points.size()) > static_cast<long>(points.size())) return missing;
  size_t at = 0;
  for (long p = points.front(); p <= points.back(); p += step) {
    if (at < points.size() && points[at] == p) {
      ++at;
    } else {
      missing.push_back(p);
    }
  }
  return missing;
}

std::string iso_day(int year, int month, int day) {
  Date d;
  d.year = year;
  d.month = month;
  d.day = day;
  return d.iso();
}

/// `texts` as days, when there are two or more and each is "YYYY-MM-DD"; else none.
std::vector<Date> plain_days(const std::vector<std::string>& texts) {
  std::vector<Date> dates;
  if (texts.size() < 2) return dates;
  for (const std::string& t : texts) {
    std::optional<Date> d = parse_date(t);
    if (!d || d->has_time || t.size() != 10) return {};
    dates.push_back(*d);
  }
  return dates;
}

}  // namespace

DateSeries date_series(const std::vector<std::string>& texts) {
  DateSeries out;
  std::vector<Date> dates = plain_days(texts);
  if (dates.empty()) return out;
  if (std::optional<MonthDay> day = month_day_of(dates)) {
    std::vector<long> months;
    for (const Date& d : dates) months.push_back(d.year * 12L + (d.month - 1));
    const long step = common_step(months);
    for (long m : missing_points(months, step)) {
      const int year = static_cast<int>(m / 12), month = static_cast<int>(m % 12) + 1;
      out.missing.push_back(iso_day(
          year, month, *day == MonthDay::kSame ? dates.front().day : days_in_month(year, month)));
    }
    // Months when each is a whole month's (its first or its last day), years when they
    // are also a whole number of years apart at a year's start or end.
    if (*day == MonthDay::kLast || dates.front().day == 1) {
      const int month = dates.front().month;
      const bool whole_years = step % 12 == 0 && month == (*day == MonthDay::kSame ? 1 : 12);
      out.part = whole_years ? DatePart::kYear : DatePart::kMonth;
    }
    return out;
  }
  std::vector<long> days;
  for (const Date& d : dates) days.push_back(d.days_since_epoch());
  for (long n : missing_points(days, common_step(days))) {
    Date d = date_from_wall_seconds(n * 86400LL, 0);
    out.missing.push_back(iso_day(d.year, d.month, d.day));
  }
  return out;
}

}  // namespace firefly
