// The dates a chart over a date column leaves out: a series reported at a regular step
// (every day, week, month, quarter or year) whose rows skip some steps. The chart draws
// its categories evenly spaced, so a skipped month drawn as no category at all would put
// January next to March as if they followed each other.
#pragma once

#include <string>
#include <vector>

#include "core/locale.h"

namespace firefly {

/// What a chart over a date column makes of its dates (ascending, distinct, each
/// "YYYY-MM-DD"; see date_series).
struct DateSeries {
  /// The dates ("YYYY-MM-DD") that complete the given ones into a sequence at one step,
  /// when they have one: in months when every date is the same day of its month or the
  /// last day of its month (monthly, quarterly, yearly series), else in days (daily,
  /// weekly); the step is the largest that every gap between two dates is a multiple of.
  /// Empty when nothing is missing, or when the missing dates would outnumber the given
  /// ones (dates of events, not a series reported at a step).
  std::vector<std::string> missing;
  /// What the dates stand for: years when they are all 1 January, or all 31 December, at
  /// steps of whole years; months when they are all the first, or all the last, day of
  /// their month; else days. A chart labels them so: "January 2024", not "1 January
  /// 2024", for a monthly series.
  DatePart part = DatePart::kDay;
};

/// The series `dates` make; nothing missing, and days, for fewer than two dates or when
/// any is not "YYYY-MM-DD". The dates it adds keep what the given ones stand for.
DateSeries date_series(const std::vector<std::string>& dates);

}  // namespace firefly
