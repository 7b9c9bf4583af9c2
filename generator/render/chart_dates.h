// The dates a chart over a date column leaves out: a series reported at a regular step
// (every day, week, month, quarter or year) whose rows skip some steps. The chart draws
// its categories evenly spaced, so a skipped month drawn as no category at all would put
// January next to March as if they followed each other.
#pragma once

#include <string>
#include <vector>

#include "core/locale.h"

namespace firefly {

/// The dates ("YYYY-MM-DD") that complete `dates` (ascending, distinct, each
/// "YYYY-MM-DD") into a sequence at one step, when they have one: in months when every
/// date is the same day of its month or the last day of its month (monthly, quarterly,
/// yearly series), else in days (daily, weekly); the step is the largest that every gap
/// between two dates is a multiple of. Empty when nothing is missing, when a date is not
/// "YYYY-MM-DD", or when the missing dates would outnumber the given ones (dates of
/// events, not a series reported at a step).
std::vector<std::string> missing_series_dates(const std::vector<std::string>& dates);

/// What the dates of a series (ascending, distinct, "YYYY-MM-DD") stand for: years when
/// they are all 1 January, or all 31 December, at steps of whole years; months when they
/// are all the first, or all the last, day of their month; else days (and for fewer than
/// two dates, or any that is not "YYYY-MM-DD"). A chart labels them so: "January 2024",
/// not "1 January 2024", for a monthly series.
DatePart series_date_part(const std::vector<std::string>& dates);

}  // namespace firefly
