// How the dates of a column are shown where they stand for periods: a monthly series as
// months ("October 2023"), a quarterly or half-yearly dataset's as its quarters ("Q4
// 2023") or halves, a yearly one as years; the chart's categories and the data table show
// a date the same way.
#pragma once

#include <string>
#include <vector>

#include "core/date.h"
#include "core/locale.h"
#include "render/data_table.h"

namespace firefly {

/// How many months a row of `frequency` stands for when it is a quarter (3) or a half
/// year (6); 0 for any other frequency.
int period_months(const std::string& frequency);

/// The quarter or half year (1-based) that `day` stands for in a series of `months`-long
/// periods: the first day of its first month (2019-04-01, the second quarter) or the last
/// day of its last (2019-06-30); 0 when it is neither.
int period_of(const Date& day, int months);

/// What the dates of one column stand for, and so how each is written.
struct DateLabels {
  DatePart part = DatePart::kDay;  ///< days, months or years (DateSeries::part)
  int months = 0;  ///< 3 or 6 when every date is a quarter or half year of the dataset's
  /// `date` as the reader's language writes what it stands for: "Q4 2023" (chart_quarter),
  /// "first half of 2023", "October 2023", "2023" or the day.
  std::string label(const Date& date, const DataView& view) const;
};

/// The labels of `dates` ("YYYY-MM-DD" texts, any order) that stand for `part` (what
/// date_series finds) in a dataset reported at `frequency`: quarters or halves when the
/// frequency is quarterly or semiannual and the part months and every date is the first
/// or last day of such a period.
DateLabels date_labels(const std::string& frequency, const std::vector<std::string>& dates,
                       DatePart part);

}  // namespace firefly
