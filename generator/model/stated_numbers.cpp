#include "model/stated_numbers.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <utility>

#include "core/text.h"
#include "model/number_forms.h"
#include "model/number_words.h"
#include "model/number_writing.h"

namespace firefly {

namespace {

using number_forms::chinese_numeral;
using number_forms::numeric_date;
using number_forms::NumericDate;
using number_forms::phone_number;
using number_forms::Utf8;
using number_writing::chinese_unit_at;
using number_writing::next_sign;
using number_writing::number_writing_of;
using number_writing::NumberWriting;

/// The digit a code point stands for (ASCII, full-width, Thai), or -1.
int digit(char32_t c) {
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  if (c >= U'０' && c <= U'９') return static_cast<int>(c - U'０');
  if (c >= U'๐' && c <= U'๙') return static_cast<int>(c - U'๐');
  return -1;
}

bool is_letter(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= 0xC0 && c < 0x2000);
}

bool is_ascii_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/// Whether `before`, the text before a number, ends with a word Thai writes before a year
/// of the Buddhist era (2563 is 2020): พ.ศ., ปี ("year") or a month's name (13 เมษายน 2565,
/// as Thai readers read dates), spaces allowed between.
bool after_thai_year_word(std::string_view before, const NumberWriting& w) {
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  if (ends_with(before, "พ.ศ.") || ends_with(before, "ปี")) return true;
  return std::any_of(w.months.begin(), w.months.end(),
                     [&](std::string_view month) { return ends_with(before, month); });
}

/// Whether `before`, the text before a number, is a Buddhist-era year that ends at
/// `year_end` and a range's dash or ถึง ("to") after it: the second year of "พ.ศ. 2568–2570"
/// and "ปี 2568 ถึง 2570" is of that era too.
bool closes_thai_year_range(std::string_view before, size_t year_end) {
  if (year_end == std::string_view::npos || year_end > before.size()) return false;
  std::string_view between = before.substr(year_end);
  auto trim = [&] {
    while (!between.empty() && between.front() == ' ') between.remove_prefix(1);
    while (!between.empty() && between.back() == ' ') between.remove_suffix(1);
  };
  trim();
  return between == "-" || between == "–" || between == "—" || between == "ถึง";
}

/// Whether `before`, the text before a number, ends with ร้อยละ ("per hundred"), which Thai
/// writes before a percentage (ร้อยละ 5 is 5%), spaces allowed between.
bool after_percent_word(std::string_view before) {
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  return ends_with(before, "ร้อยละ");
}

/// The second year of a short range of years ("2019–22", "2019-20", "2019 – 22", in English
/// "2019 to 22": 2022, 2020, 2022, 2022) that is the two digits from `start` to `end`, or
/// nullopt when they are none: after a dash (spaces allowed around it) or `en`'s "to" that
/// follows a year of four digits (1900 to 2099), and later than it in its century ("2019-12"
/// is a month) or, after a dash other than a bare hyphen ("1998–02", "1998 - 02", "1998 to
/// 02": 2002; "1998-02" is a month), at most 20 years later in the next. "18 in 2019 to 25"
/// is no range. `from` is set to where the range starts (its text: "2019–22"). `either` is
/// set when the two digits may be a count as well: after "to", unless they begin with 0
/// ("rose from 2019 to 25 members"; "1998 to 02" is a range).
std::optional<double> short_range_year(const Utf8& s, size_t start, size_t end, bool en,
                                       size_t& from, bool& either) {
  if (end != start + 2 || start < 5) return std::nullopt;
  size_t k = start;
  bool spaced = false;
  auto spaces_before = [&] {
    while (k > 0 && s.byte(k - 1) == ' ') --k, spaced = true;
  };
  spaces_before();
  const bool hyphen = k >= 1 && s.byte(k - 1) == '-';
  bool to = false;
  if (hyphen) {
    k -= 1;
  } else if (k >= 3 && (s.has(k - 3, "–") || s.has(k - 3, "—"))) {
    k -= 3;
  } else if (en && spaced && k >= 3 && s.byte(k - 1) == 'o' && s.byte(k - 2) == 't' &&
             s.byte(k - 3) == ' ') {
    k -= 2;
    to = true;
  } else {
    return std::nullopt;
  }
  spaces_before();
  if (k < 4) return std::nullopt;
  const size_t year_at = k - 4;
  int year = 0;
  for (size_t d = 0; d < 4; ++d) {
    const unsigned char c = s.byte(year_at + d);
    if (c < '0' || c > '9') return std::nullopt;
    year = year * 10 + (c - '0');
  }
  if (year_at > 0 && s.byte(year_at - 1) >= '0' && s.byte(year_at - 1) <= '9') return std::nullopt;
  size_t len;
  if (year < 1900 || year > 2099 || s.digit_at(end, len) >= 0) return std::nullopt;
  if (end < s.size() && (s.byte(end) == '-' || s.byte(end) == '.' || s.byte(end) == ',')) {
    if (s.digit_at(end + 1, len) >= 0) return std::nullopt;  // a date, a decimal: not a range
  }
  if (to && year_at >= 3 && s.byte(year_at - 1) == ' ' && (s.byte(year_at - 2) | 0x20) == 'n' &&
      (s.byte(year_at - 3) | 0x20) == 'i' &&
      (year_at == 3 || !is_ascii_letter(s.byte(year_at - 4)))) {
    return std::nullopt;  // "from 18 in 2019 to 25": two counts, not a range
  }
  const int short_year = (s.byte(start) - '0') * 10 + (s.byte(start + 1) - '0');
  int full = year / 100 * 100 + short_year;
  if (full <= year) {
    if (hyphen && !spaced) return std::nullopt;
    full += 100;
    if (full - year > 20) return std::nullopt;
  }
  from = year_at;
  either = to && s.byte(start) != '0';
  return full;
}

/// Reads the digits and separators at `i` as `w` writes numbers; advances `i`.
double read_number(const Utf8& s, size_t& i, const NumberWriting& w) {
  const char group = w.dot_groups ? '.' : ',';
  const char decimal = w.dot_groups ? ',' : '.';
  auto group_at = [&](size_t at) -> size_t {
    return at < s.size() && s.byte(at) == static_cast<unsigned char>(group) ? 1 : s.space_at(at);
  };
  auto decimal_at = [&](size_t at) -> size_t {
    if (at < s.size() && s.byte(at) == static_cast<unsigned char>(decimal)) return 1;
    return !w.dot_groups && s.has(at, "．") ? 3 : 0;
  };
  // The number of digits at `at`, their bytes in `bytes`.
  auto run = [&](size_t at, size_t& bytes) {
    size_t n = 0, len = 0;
    bytes = 0;
    while (s.digit_at(at + bytes, len) >= 0) bytes += len, ++n;
    return n;
  };
  auto add_digits = [&](double value, size_t at, size_t n) {
    size_t len = 0;
    for (size_t k = 0; k < n; ++k, at += len) value = value * 10 + s.digit_at(at, len);
    return value;
  };
  size_t bytes = 0;
  const size_t first = run(i, bytes);
  double value = add_digits(0, i, first);
  i += bytes;
  bool grouped = false;
  if (first <= 3) {
    // Thousands groups: a separator and exactly three digits, again and again.
    for (size_t g; (g = group_at(i)) != 0 && run(i + g, bytes) == 3; i += g + bytes) {
      value = add_digits(value, i + g, 3);
      grouped = true;
    }
  }
  size_t d = decimal_at(i);
  if (d == 0 && w.dot_groups && !grouped && i < s.size() && s.byte(i) == '.') {
    // "86.97" in Vietnamese or Indonesian cannot be a thousands group ("3.256"): decimals
    // written as the original writes them.
    d = 1;
  }
  if (d != 0) {
    if (size_t n = run(i + d, bytes); n > 0) {
      size_t at = i + d, len = 0;
      double scale = 0.1;
      for (size_t k = 1; k <= n; ++k, scale /= 10, at += len) value += s.digit_at(at, len) * scale;
      i += d + bytes;
    }
  }
  return value;
}

}  // namespace

std::vector<StatedNumber> stated_numbers(std::string_view text, const std::string& lang,
                                         bool english_words) {
  std::vector<StatedNumber> out;
  stated_numbers(text, lang, english_words, out);
  return out;
}

void stated_numbers(std::string_view text, const std::string& lang, bool english_words,
                    std::vector<StatedNumber>& out) {
  stated_numbers(text, number_writing_of(lang), english_words, out);
}

void stated_numbers(std::string_view text, const NumberWriting& w, bool english_words,
                    std::vector<StatedNumber>& out) {
  const Utf8 s(text);
  const bool zh = w.zh;
  bool words = false;     // the number being read is in Chinese numerals
  double range_year = 0;  // of the number being read (StatedNumber::range_year)
  auto add = [&](double value, bool whole, size_t from, size_t to) {
    if (whole && value <= 10 && value == std::floor(value)) return;
    out.push_back({value, std::string(text.substr(from, to - from)), words, from, range_year});
  };
  const size_t size = s.size();
  size_t thai_year_end = std::string_view::npos;  // where the last Buddhist-era year ends
  for (size_t i = 0; i < size;) {
    // Most characters can begin nothing that is read here.
    const size_t from = i;
    range_year = 0;
    i = next_sign(s, i, w);
    if (i == size) break;
    if (zh && s.has(i, "成")) {
      // `words` is as the last number read left it, but false after a full-width or Thai
      // character that is no digit ("％九成"), which the reading once stopped at, as at a
      // sign, and set it for (next_sign passes over them now).
      if (words && std::any_of(text.begin() + static_cast<std::ptrdiff_t>(from),
                               text.begin() + static_cast<std::ptrdiff_t>(i),
                               [](char c) { return c == '\xEF' || c == '\xE0'; })) {
        words = false;
      }
      // "七成": 一 to 九 before it, unless read already.
      static const std::array<std::string_view, 9> kDigits = {"一", "二", "三", "四", "五",
                                                              "六", "七", "八", "九"};
      for (size_t d = 0; i >= from + 3 && d < kDigits.size(); ++d) {
        if (s.has(i - 3, kDigits[d])) {
          add(static_cast<double>((d + 1) * 10), false, i - 3, i + 3);
          break;
        }
      }
      i += 3;
      continue;
    }
    size_t start = i;
    double value = 0;
    words = zh && chinese_unit_at(s, i);
    if (words) {
      // "十二", "二十五", "一百零五": what a translation writes 12, 25, 105.
      const auto numeral = chinese_numeral(s, from, i);
      if (!numeral) {
        i += 3;
        continue;
      }
      start = numeral->start;
      value = numeral->value;
      i = numeral->end;
    } else {
      size_t len;
      const char32_t c = s.at(i, len);
      // Month names.
      if (!w.months.empty() && (i == 0 || !is_letter(s.before(i)))) {
        bool month = false;
        for (size_t m = 0; m < w.months.size(); ++m) {
          const size_t end = i + w.months[m].size();
          if (s.has(i, w.months[m]) && !(end < size && is_ascii_letter(s.byte(end)))) {
            add(static_cast<double>(m % 12 + 1), true, i, end);  // fil: two lists
            i = end;
            month = true;
            break;
          }
        }
        if (month) continue;
      }
      if (digit(c) < 0) {
        i += len;
        continue;
      }
      if (i > 0) {
        const char32_t prev = s.before(i);
        // (a point before a number makes it decimals, except the era's: พ.ศ.2563)
        if (digit(prev) >= 0 || (prev == U'.' && !(w.th && ends_with(text.substr(0, i), "พ.ศ.")))) {
          i += len;
          continue;
        }
      }
      start = i;
      std::string phone;
      if (size_t n = phone_number(s, start, phone)) {
        // Its digits without the leading 0, as one number: 62988133.
        const size_t from_sign =
            start > 0 && (s.byte(start - 1) == '+' || s.byte(start - 1) == '(') ? start - 1 : start;
        out.push_back({std::stod(phone), std::string(text.substr(from_sign, start + n - from_sign)),
                       false, from_sign});
        i = start + n;
        continue;
      }
      if (std::optional<NumericDate> date = numeric_date(s, start, w.zh, w.th)) {
        for (double part : {date->year, date->month, date->day}) add(part, true, start, date->end);
        i = date->end;
        continue;
      }
      value = read_number(s, i, w);
      size_t range_from = start;
      bool either = false;
      if (std::optional<double> year = short_range_year(s, start, i, w.en, range_from, either)) {
        if (either) {
          range_year = *year;  // "2019 to 25": 25, or 2025 if the other language says so
        } else {
          value = *year;
          start = range_from;  // its text is the range's: "2019–22"
        }
      }
      if (start >= 2 && s.byte(start - 1) == '-' && is_ascii_letter(s.byte(start - 2))) {
        continue;  // part of a name: COVID-19
      }
    }
    bool whole = true;
    size_t j = i;
    while (size_t n = s.space_at(j)) j += n;
    const auto percent_word = std::find_if(w.percents.begin(), w.percents.end(),
                                           [&](std::string_view word) { return s.has(j, word); });
    if (j < size && (s.byte(j) == '%' || s.has(j, "％"))) {
      whole = false;
      i = j + (s.byte(j) == '%' ? 1 : 3);
    } else if (percent_word != w.percents.end() ||
               (w.th && after_percent_word(text.substr(0, start)))) {
      whole = false;  // "5 percent", "5 phần trăm", "ร้อยละ 5": as "5%"
      if (percent_word != w.percents.end()) i = j + percent_word->size();
    } else if (zh && s.has(j, "成")) {
      value *= 10;
      whole = false;
      i = j + 3;
    } else {
      for (const auto& [word, factor] : w.factors) {
        if (s.has(j, word)) {
          value *= factor;
          i = j + word.size();
          // "97萬7,000": the rest of the number follows the 萬.
          size_t unused;
          if (zh && factor >= 1e4 && s.digit_at(i, unused) >= 0) value += read_number(s, i, w);
          break;
        }
      }
      // "6至8成": the first number of a range takes the unit of the second.
      if (zh && i < size) {
        size_t dash;
        const char32_t d = s.at(i, dash);
        if (d == U'至' || d == U'到' || d == U'~' || d == U'-' || d == U'–') {
          size_t k = i + dash, n;
          while (s.digit_at(k, n) >= 0) k += n;
          if (k > i + dash && s.has(k, "成")) {
            value *= 10;
            whole = false;
          }
        }
      }
    }
    if (zh && value >= 1 && value < 200 && value == std::floor(value)) {
      // ROC years: "108年", "民國100年", and the first year of "104至107年".
      const bool era = start >= 6 && s.has(start - 6, "民國");
      bool year_after = s.has(i, "年") || s.has(i, "學年");  // 111學年度: a school year
      if (!year_after && i < size) {
        size_t sep;
        const char32_t d = s.at(i, sep);
        if (d == U'至' || d == U'到' || d == U'-' || d == U'–' || d == U'~' || d == U'、') {
          size_t k = i + sep, n = 0, l;
          while (s.digit_at(k, l) >= 0) k += l, ++n;
          year_after = n > 0 && (s.has(k, "年") || s.has(k, "學年"));
        }
      }
      if (era || (year_after && value >= 60)) {
        value += 1911;
        if (year_after && s.has(i, "年")) i += 3;
      }
    }
    if (w.th && value > 2400 && value < 2800 && value == std::floor(value) &&
        (after_thai_year_word(text.substr(0, start), w) ||
         closes_thai_year_range(text.substr(0, start), thai_year_end))) {
      value -= 543;
      thai_year_end = i;
    }
    // "năm Dân Quốc 108": the ROC year, as Vietnamese texts write it, right after the era.
    constexpr std::string_view kRocEra = "Dân Quốc ";
    if (w.vi && value >= 1 && value < 200 && value == std::floor(value) &&
        start >= kRocEra.size() && s.has(start - kRocEra.size(), kRocEra)) {
      value += 1911;
    }
    add(value, whole, start, i);
  }
  if (w.en && english_words) {
    // "seventeen" where the original writes 17 (or 十七).
    for (StatedNumber& n : english_number_words(text)) out.push_back(std::move(n));
  }
}

std::string format_number(double value) {
  // As printf's "%.6f" into 64 bytes writes it (to_chars is specified so), without
  // printf's cost: at most 63 characters. 400 bytes hold any double so written.
  char buf[400];
  char* end = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, 6).ptr;
  std::string s(buf, std::min<size_t>(static_cast<size_t>(end - buf), 63));
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string format_thousandths(long long thousandths) {
  // Below 10^12 thousandths, the double nearest n / 1000 is less than half a millionth from
  // it (ulp(10^9) / 2 is 6e-8), so its six decimals are n's three and "000": the digits of
  // n themselves.
  constexpr long long kExact = 1'000'000'000'000;
  if (thousandths < 0 || thousandths >= kExact) return format_number(thousandths / 1000.0);
  char buf[24];
  char* end = std::to_chars(buf, buf + sizeof buf, thousandths / 1000).ptr;
  if (const auto rest = static_cast<int>(thousandths % 1000)) {
    const char digits[3] = {static_cast<char>('0' + rest / 100),
                            static_cast<char>('0' + rest / 10 % 10),
                            static_cast<char>('0' + rest % 10)};
    *end++ = '.';
    for (int k = 0, last = digits[2] != '0' ? 3 : digits[1] != '0' ? 2 : 1; k < last; ++k)
      *end++ = digits[k];
  }
  return std::string(buf, end);
}

}  // namespace firefly
