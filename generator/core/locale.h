// Locale-aware formatting and collation, through ICU (text segmentation is in
// core/text_break.h, folding for search in core/search_fold.h, included here).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/search_fold.h"

namespace firefly {

/// Which locale and calendar to format for.
struct LocaleSpec {
  std::string locale;    ///< BCP 47 / ICU id, e.g. "zh-Hant-TW", "en", "vi"
  std::string calendar;  ///< "" or "gregorian", or "roc" (Minguo)
};

/// A long-form date in the locale: "民國112年6月30日" (roc), "30 June 2023" (en),
/// "30 tháng 6, 2023" (vi). Years before 1912 fall back to Gregorian for roc. Only the
/// calendar day is shown (no time, no zone shift); an empty calendar means Gregorian even
/// where the locale's default differs (Thai); bare "en" reads day-month-year as en-GB.
/// Thread-safe (formatters are cached per thread).
std::string format_date(const Date& date, const LocaleSpec& locale);
/// How much of a date to show.
enum class DatePart { kDay, kMonth, kYear, kShortMonth, kShortYear };
/// `part` of a date in the locale: for kMonth "民國113年1月" (roc), "January 2024" (en),
/// "tháng 1 năm 2024" (vi); for kYear "民國113年", "2024"; kDay is format_date's long date;
/// kShortMonth, the month as a chart's axis writes it, abbreviated and without an era:
/// "113年1月" (roc), "Jan 2024", "thg 1 2024", "ม.ค. 2024"; kShortYear, the year as such an
/// axis writes it where a month does not fit, without an era: "113年" (roc), "2024".
std::string format_date(const Date& date, const LocaleSpec& locale, DatePart part);
/// A number with the locale's grouping and at most `max_fraction_digits` decimals.
std::string format_number(double value, const LocaleSpec& locale, int max_fraction_digits = 2);
/// A whole number with the locale's grouping, every digit exact (a double keeps 15 or 16:
/// 9007199254740993 stays that, never 9,007,199,254,740,992).
std::string format_integer(std::int64_t value, const LocaleSpec& locale);

/// Compares strings by the locale's collation; thread-safe once constructed.
class Collator {
 public:
  explicit Collator(const std::string& locale);
  ~Collator();
  Collator(const Collator&) = delete;
  Collator& operator=(const Collator&) = delete;
  /// Negative, zero or positive like strcmp; strings that collate equal but differ in bytes
  /// are ordered by their bytes, so zero means identical and sorting is deterministic.
  int compare(std::string_view a, std::string_view b) const;
  /// The collation's sort key of `text`: keys compare by their bytes as compare() does
  /// before its tie on the strings' bytes (empty when the locale has no collator).
  std::string sort_key(std::string_view text) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace firefly
