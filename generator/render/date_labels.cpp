#include "render/date_labels.h"

#include <algorithm>
#include <optional>

namespace firefly {

int period_months(const std::string& frequency) {
  if (frequency == "quarterly" || frequency == "P3M" || frequency == "R/P3M") return 3;
  if (frequency == "semiannual" || frequency == "P6M" || frequency == "R/P6M") return 6;
  return 0;
}

int period_of(const Date& day, int months) {
  if (day.day == 1 && (day.month - 1) % months == 0) return (day.month - 1) / months + 1;
  if (day.day == days_in_month(day.year, day.month) && day.month % months == 0) {
    return day.month / months;
  }
  return 0;
}

std::string DateLabels::label(const Date& day, const DataView& view) const {
  if (months == 0) return format_date(day, view.locale(), part);
  const int n = period_of(day, months);
  const std::string year = format_date(day, view.locale(), DatePart::kYear);
  if (months == 3) {
    return view.format("chart_quarter", "Q{quarter} {year}",
                       {{"quarter", std::to_string(n)}, {"year", year}});
  }
  return n == 1 ? view.format("chart_half_first", "first half of {year}", {{"year", year}})
                : view.format("chart_half_second", "second half of {year}", {{"year", year}});
}

DateLabels date_labels(const std::string& frequency, const std::vector<std::string>& dates,
                       DatePart part) {
  DateLabels out{part, part == DatePart::kMonth ? period_months(frequency) : 0};
  if (out.months && !std::all_of(dates.begin(), dates.end(), [&](const std::string& text) {
        std::optional<Date> day = parse_date(text);
        return day && period_of(*day, out.months) != 0;
      })) {
    out.months = 0;
  }
  return out;
}

}  // namespace firefly
