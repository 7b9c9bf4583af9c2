// Locale-aware dates, numbers and collation, through ICU (folding for search: core/search_fold).
#include "core/locale.h"

#include <unicode/calendar.h>
#include <unicode/coll.h>
#include <unicode/datefmt.h>
#include <unicode/dtptngen.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/numberformatter.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstring>
#include <unordered_map>
#include <vector>

namespace firefly {

namespace {

/// The ICU locale for a BCP 47 tag ("zh-Hant-TW") or an ICU id ("zh_Hant_TW"); "en" when empty.
icu::Locale make_locale(std::string_view id) {
  std::string s(id.empty() ? std::string_view("en") : id);
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale loc = icu::Locale::forLanguageTag(s, status);
  if (U_FAILURE(status) || loc.isBogus() || loc.getLanguage()[0] == '\0') {
    loc = icu::Locale::createCanonical(s.c_str());
  }
  if (loc.isBogus()) loc = icu::Locale("en");
  return loc;
}

/// UTF-8 of an ICU string.
std::string to_utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

/// True for a calendar keyword ICU could know: lower-case letters, digits and '-'.
bool plausible_calendar(std::string_view cal) {
  if (cal.empty() || cal.size() > 32) return false;
  return std::all_of(cal.begin(), cal.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

/// The locale (with its calendar keyword) a date is formatted in.
icu::Locale date_locale(const Date& date, const LocaleSpec& spec) {
  icu::Locale loc = make_locale(spec.locale);
  // Bare English reads day-month-year ("30 June 2023"), as in British and international use.
  if (std::strcmp(loc.getLanguage(), "en") == 0 && loc.getCountry()[0] == '\0') {
    loc = icu::Locale("en", "GB");
  }
  std::string cal = spec.calendar;
  if (cal == "minguo") cal = "roc";
  UErrorCode status = U_ZERO_ERROR;
  char existing[64] = "";
  loc.getKeywordValue("calendar", existing, sizeof existing, status);
  if (cal.empty()) cal = status == U_ZERO_ERROR && existing[0] ? existing : "gregorian";
  if (!plausible_calendar(cal)) cal = "gregorian";
  // The Republic of China era starts in 1912; earlier dates are shown in the Gregorian calendar.
  if (cal == "roc" && date.year < 1912) cal = "gregorian";
  status = U_ZERO_ERROR;
  loc.setKeywordValue("calendar", cal.c_str(), status);
  return loc;
}

/// The ICU skeleton of a part of a date: a month and its year, or a year alone.
const char* date_skeleton(DatePart part) {
  if (part == DatePart::kShortMonth) return "yMMM";
  return part == DatePart::kMonth ? "yMMMM" : "y";  // kYear, kShortYear
}

/// `pattern` without its era fields ("Gy年M月" -> "y年M月"): the Minguo calendar's 民國,
/// which an axis of many dates need not repeat (the table beside it keeps it). Taken out
/// only for the Minguo calendar, whose one era a reader of it assumes; another calendar's
/// era (a Japanese one) says which years are meant.
icu::UnicodeString without_era(const icu::UnicodeString& pattern) {
  icu::UnicodeString out;
  bool quoted = false;
  for (int32_t i = 0; i < pattern.length(); ++i) {
    const char16_t c = pattern.charAt(i);
    if (c == u'\'') quoted = !quoted;
    if (!quoted && c == u'G') {
      while (i + 1 < pattern.length() && pattern.charAt(i + 1) == u' ') ++i;
      continue;
    }
    out.append(c);
  }
  return out;
}

/// The formatter of kShortMonth or kShortYear (`part`): the locale's pattern for its
/// skeleton, less the era.
icu::DateFormat* short_format(const icu::Locale& loc, DatePart part, UErrorCode& status) {
  std::unique_ptr<icu::DateTimePatternGenerator> generator(
      icu::DateTimePatternGenerator::createInstance(loc, status));
  if (!generator || U_FAILURE(status)) return nullptr;
  icu::UnicodeString pattern = generator->getBestPattern(date_skeleton(part), status);
  char calendar[32] = "";
  loc.getKeywordValue("calendar", calendar, sizeof calendar, status);
  if (U_FAILURE(status)) return nullptr;
  if (std::strcmp(calendar, "roc") == 0) pattern = without_era(pattern);
  return new icu::SimpleDateFormat(pattern, loc, status);
}

/// A formatter of `part` of a date (kDay: the long date) for `loc` in UTC with a proleptic
/// Gregorian calendar, or null.
std::unique_ptr<icu::DateFormat> make_date_format(const icu::Locale& loc, DatePart part) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::DateFormat> fmt(
      part == DatePart::kDay ? icu::DateFormat::createDateInstance(icu::DateFormat::kLong, loc)
      : part == DatePart::kShortMonth || part == DatePart::kShortYear
          ? short_format(loc, part, status)
          : icu::DateFormat::createInstanceForSkeleton(icu::UnicodeString(date_skeleton(part)), loc,
                                                       status));
  if (!fmt || U_FAILURE(status)) return nullptr;
  std::unique_ptr<icu::Calendar> cal(fmt->getCalendar()->clone());
  if (auto* greg = dynamic_cast<icu::GregorianCalendar*>(cal.get())) {
    UErrorCode status = U_ZERO_ERROR;
    greg->setGregorianChange(-1e300, status);  // no Julian calendar before 1582
  }
  cal->setTimeZone(*icu::TimeZone::getGMT());
  fmt->adoptCalendar(cal.release());
  fmt->setTimeZone(*icu::TimeZone::getGMT());
  return fmt;
}

/// This thread's formatter of `part` for `loc` (ICU formatters are not shared between
/// threads).
icu::DateFormat* date_format(const icu::Locale& loc, DatePart part) {
  thread_local std::unordered_map<std::string, std::unique_ptr<icu::DateFormat>> cache;
  auto [it, inserted] =
      cache.try_emplace(std::string(loc.getName()) + "#" + std::to_string(static_cast<int>(part)));
  if (inserted) it->second = make_date_format(loc, part);
  return it->second.get();
}

/// This thread's number formatter for `loc` with at most `digits` decimals.
const icu::number::LocalizedNumberFormatter& number_format(const icu::Locale& loc, int digits) {
  thread_local std::unordered_map<std::string, icu::number::LocalizedNumberFormatter> cache;
  std::string key = std::string(loc.getName()) + "#" + std::to_string(digits);
  auto it = cache.find(key);
  if (it == cache.end()) {
    auto fmt = icu::number::NumberFormatter::withLocale(loc)
                   .precision(icu::number::Precision::minMaxFraction(0, digits))
                   .roundingMode(UNUM_ROUND_HALFUP)
                   .sign(UNUM_SIGN_NEGATIVE);
    it = cache.emplace(std::move(key), std::move(fmt)).first;
  }
  return it->second;
}

/// `part` of a day in the locale and calendar of `spec`, formatted by ICU.
std::string format_day(const Date& date, const LocaleSpec& spec, DatePart part = DatePart::kDay) {
  icu::DateFormat* fmt = date_format(date_locale(date, spec), part);
  if (!fmt) return date.iso();
  Date day_only;
  day_only.year = date.year;
  day_only.month = date.month;
  day_only.day = date.day;
  UDate when = static_cast<double>(day_only.days_since_epoch()) * U_MILLIS_PER_DAY;
  icu::UnicodeString out;
  fmt->format(when, out);
  return out.isEmpty() ? date.iso() : to_utf8(out);
}

}  // namespace

std::string format_date(const Date& date, const LocaleSpec& spec) {
  if (!is_valid_date(date.year, date.month, date.day)) return date.iso();
  // Lists and feeds show the same dates on many pages: each thread keeps what it wrote,
  // by locale and calendar (a site has a few), then by day.
  struct Days {
    std::string locale, calendar;
    std::unordered_map<int, std::string> by_day;
  };
  thread_local std::vector<Days> formatted;
  Days* days = nullptr;
  for (Days& d : formatted) {
    if (d.locale == spec.locale && d.calendar == spec.calendar) days = &d;
  }
  if (!days) days = &formatted.emplace_back(Days{spec.locale, spec.calendar, {}});
  int day = (date.year * 100 + date.month) * 100 + date.day;  // valid: year <= 9999
  auto [it, inserted] = days->by_day.try_emplace(day);
  if (inserted) it->second = format_day(date, spec);
  return it->second;
}

std::string format_date(const Date& date, const LocaleSpec& spec, DatePart part) {
  if (part == DatePart::kDay) return format_date(date, spec);
  if (!is_valid_date(date.year, date.month, date.day)) return date.iso();
  return format_day(date, spec, part);
}

std::string format_number(double value, const LocaleSpec& spec, int max_fraction_digits) {
  int digits = std::clamp(max_fraction_digits, 0, 15);
  const auto& fmt = number_format(make_locale(spec.locale), digits);
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString out = fmt.formatDouble(value, status).toString(status);
  if (U_FAILURE(status)) return std::to_string(value);
  return to_utf8(out);
}

std::string format_integer(std::int64_t value, const LocaleSpec& spec) {
  const auto& fmt = number_format(make_locale(spec.locale), 0);
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString out = fmt.formatInt(value, status).toString(status);
  if (U_FAILURE(status)) return std::to_string(value);
  return to_utf8(out);
}

struct Collator::Impl {
  std::unique_ptr<icu::Collator> collator;  // only const methods are used: thread-safe
};

Collator::Collator(const std::string& locale) : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->collator.reset(icu::Collator::createInstance(make_locale(locale), status));
  if (U_FAILURE(status)) impl_->collator.reset();
}

Collator::~Collator() = default;

int Collator::compare(std::string_view a, std::string_view b) const {
  if (impl_->collator) {
    UErrorCode status = U_ZERO_ERROR;
    UCollationResult r = impl_->collator->compareUTF8(
        icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
        icu::StringPiece(b.data(), static_cast<int32_t>(b.size())), status);
    if (U_SUCCESS(status) && r != UCOL_EQUAL) return r == UCOL_LESS ? -1 : 1;
  }
  int c = a.compare(b);  // distinct strings never tie, so sorting is deterministic
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

std::string Collator::sort_key(std::string_view text) const {
  if (!impl_->collator) return {};
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  std::string key(2 * static_cast<size_t>(s.length()) + 16, '\0');
  auto fill = [&] {
    return impl_->collator->getSortKey(s, reinterpret_cast<uint8_t*>(key.data()),
                                       static_cast<int32_t>(key.size()));
  };
  int32_t n = fill();
  if (n > static_cast<int32_t>(key.size())) {
    key.resize(static_cast<size_t>(n));
    n = fill();
  }
  key.resize(static_cast<size_t>(std::max<int32_t>(n, 0)));
  return key;
}

}  // namespace firefly
