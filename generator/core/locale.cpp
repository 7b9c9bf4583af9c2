// Locale-aware dates, numbers, collation and folding for search, through ICU.
#include "core/locale.h"

#include <unicode/calendar.h>
#include <unicode/coll.h>
#include <unicode/datefmt.h>
#include <unicode/dtptngen.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/numberformatter.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <unordered_map>
#include <vector>

#include "core/text_break.h"

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

namespace {

/// A character a reader does not see inside a word, which search takes out so that the
/// word is found whole: a soft hyphen (inter&shy;preters), a zero-width non-joiner, joiner
/// or word joiner, a zero-width no-break space (U+FEFF).
bool is_invisible_joiner(uint32_t c) {
  return c == 0xAD || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF;
}

/// Folds `s` in place, as fold_for_search describes: lower case, NFKD, without U+0300 to
/// U+036F, đ as d, NFC, lower case again (NFKD can uncover capitals: "㎒" is "MHz").
/// Invisible joiners (is_invisible_joiner) are taken out.
void fold(icu::UnicodeString& s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return;
  s.toLower(icu::Locale::getRoot());
  icu::UnicodeString split = nfkd->normalize(s, status);
  icu::UnicodeString kept;
  for (int32_t i = 0; i < split.length(); ++i) {
    char16_t c = split.charAt(i);
    if ((c >= 0x300 && c <= 0x36F) || is_invisible_joiner(c)) continue;
    kept.append(c == 0x111 ? char16_t{'d'} : c);
  }
  s = nfc->normalize(kept, status);
  s.toLower(icu::Locale::getRoot());
}

bool is_thai(UChar32 c) { return c >= 0x0E00 && c <= 0x0E7F; }

constexpr uint32_t kLetterOrDigit = U_GC_L_MASK | U_GC_N_MASK;

/// Punctuation and spaces that folding may change but that separate words either way (not
/// the invisible joiners, which folding takes out of a word).
bool is_plain_separator(uint32_t c) {
  return (c >= 0x2000 && c <= 0x206F && c != 0x200C && c != 0x200D && c != 0x2060) ||
         (c >= 0x3000 && c <= 0x3004) || (c >= 0x3008 && c <= 0x3011) ||
         (c >= 0x3014 && c <= 0x301F) || (c >= 0xFF01 && c <= 0xFF0F) ||
         (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
         (c >= 0xFF5B && c <= 0xFF65);
}

/// Appends the pieces of a run without Thai: words, and CJK characters one by one.
void non_thai_pieces(std::string_view run, std::vector<SearchPiece>& out) {
  std::string word;
  bool after_cjk = false;
  auto flush = [&] {
    if (!word.empty()) out.push_back({std::move(word), false, false});
    word.clear();
  };
  if (search_text_is_simple(run)) {  // nothing to fold: ASCII, Han ideographs and punctuation
    for (size_t i = 0; i < run.size();) {
      auto c = static_cast<unsigned char>(run[i]);
      if (c < 0x80) {
        if (std::isalnum(c)) {
          word += static_cast<char>(std::tolower(c));
        } else {
          flush();
        }
        after_cjk = false;
        ++i;
        continue;
      }
      // Simple text has 3-byte sequences only: ideographs and separators.
      if (is_unified_ideograph(three_byte_code_point(run, i))) {
        flush();
        out.push_back({std::string(run.substr(i, 3)), true, after_cjk});
        after_cjk = true;
      } else {
        flush();
        after_cjk = false;
      }
      i += 3;
    }
    flush();
    return;
  }
  icu::UnicodeString folded =
      icu::UnicodeString::fromUTF8(icu::StringPiece(run.data(), static_cast<int32_t>(run.size())));
  fold(folded);
  for (int32_t i = 0; i < folded.length();) {
    UChar32 c = folded.char32At(i);
    i += U16_LENGTH(c);
    uint32_t gc = U_GET_GC_MASK(c);
    if ((gc & kLetterOrDigit) && is_cjk(c)) {
      flush();
      std::string ch;
      icu::UnicodeString(c).toUTF8String(ch);
      out.push_back({std::move(ch), true, after_cjk});
      after_cjk = true;
    } else if (gc & (kLetterOrDigit | U_GC_M_MASK)) {
      // A mark on no letter of a word: on a CJK character, or on a symbol (the U+FE0F of an
      // emoji, ❤️): not a word.
      if ((gc & U_GC_M_MASK) && word.empty()) continue;
      icu::UnicodeString(c).toUTF8String(word);
      after_cjk = false;
    } else {
      flush();
      after_cjk = false;
    }
  }
  flush();
}

/// Appends the words of a run of Thai, split at ICU's dictionary word breaks (without its
/// invisible joiners, which search_pieces keeps in the run).
void thai_pieces(std::string_view run, std::vector<SearchPiece>& out) {
  std::string visible;
  if (run.find("\xC2\xAD") != std::string_view::npos ||
      run.find("\xE2\x80\x8C") != std::string_view::npos ||
      run.find("\xE2\x80\x8D") != std::string_view::npos ||
      run.find("\xE2\x81\xA0") != std::string_view::npos ||
      run.find("\xEF\xBB\xBF") != std::string_view::npos) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(run.data(), static_cast<int32_t>(run.size())));
    icu::UnicodeString kept;
    for (int32_t i = 0; i < u.length(); ++i) {
      if (!is_invisible_joiner(u.charAt(i))) kept.append(u.charAt(i));
    }
    visible = to_utf8(kept);
    run = visible;
  }
  std::vector<size_t> stops = word_boundaries(run);
  if (stops.empty()) {
    out.push_back({fold_for_search(run), false, false});
    return;
  }
  const auto* bytes = reinterpret_cast<const uint8_t*>(run.data());
  for (size_t k = 1; k < stops.size(); ++k) {
    auto start = static_cast<int32_t>(stops[k - 1]), end = static_cast<int32_t>(stops[k]);
    bool wordish = false;
    for (int32_t i = start; i < end && !wordish;) {
      UChar32 c;
      U8_NEXT(bytes, i, end, c);
      wordish = c >= 0 && (U_GET_GC_MASK(c) & kLetterOrDigit);
    }
    if (wordish) {
      out.push_back({fold_for_search(
                         run.substr(static_cast<size_t>(start), static_cast<size_t>(end - start))),
                     false, false});
    }
  }
}

}  // namespace

bool search_text_is_simple(std::string_view text) {
  // Every page's text is read here before it is tokenized: ASCII is skipped eight bytes
  // at a time, and a character's code point read inline (three_byte_code_point's test).
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  for (size_t i = 0; i < n;) {
    if ((s[i] & 0x80) == 0) {
      ++i;
      for (uint64_t w; i + 8 <= n; i += 8) {
        std::memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080ULL) break;
      }
      continue;
    }
    if (i + 2 >= n) return false;  // not 3 bytes: code point 0
    // A lead byte of E5-E9 is U+5000-9FFF, an ideograph whatever the next two bytes hold
    // (most of a Chinese text's characters): no code point worked out.
    if (static_cast<unsigned char>(s[i] - 0xE5) < 5) {
      i += 3;
      continue;
    }
    if ((s[i] & 0xF0) != 0xE0) return false;
    uint32_t c = (static_cast<uint32_t>(s[i] & 0x0F) << 12) |
                 (static_cast<uint32_t>(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3Fu);
    if (!is_unified_ideograph(c) && !is_plain_separator(c)) return false;
    i += 3;
  }
  return true;
}

uint32_t three_byte_code_point(std::string_view s, size_t i) {
  if (i + 2 >= s.size() || (static_cast<unsigned char>(s[i]) & 0xF0) != 0xE0) return 0;
  return (static_cast<uint32_t>(s[i] & 0x0F) << 12) |
         (static_cast<uint32_t>(s[i + 1] & 0x3F) << 6) | static_cast<uint32_t>(s[i + 2] & 0x3F);
}

std::string fold_for_search(std::string_view text) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  fold(s);
  return to_utf8(s);
}

std::vector<SearchPiece> search_pieces(std::string_view text) {
  std::vector<SearchPiece> out;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  auto size = static_cast<int32_t>(text.size());
  int32_t run = 0;  // start of the current run
  bool thai = false;
  for (int32_t i = 0; i < size;) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(bytes, i, size, c);
    // An invisible joiner goes on with the run it is in: a Thai word it is inside stays whole.
    bool t = is_thai(c) || (thai && is_invisible_joiner(static_cast<uint32_t>(c)));
    if (t == thai) continue;
    std::string_view piece = text.substr(static_cast<size_t>(run), static_cast<size_t>(at - run));
    if (thai) {
      thai_pieces(piece, out);
    } else {
      non_thai_pieces(piece, out);
    }
    run = at;
    thai = t;
  }
  std::string_view rest = text.substr(static_cast<size_t>(run));
  if (thai) {
    thai_pieces(rest, out);
  } else {
    non_thai_pieces(rest, out);
  }
  return out;
}

}  // namespace firefly
