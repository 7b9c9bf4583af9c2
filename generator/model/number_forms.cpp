#include "model/number_forms.h"

#include <array>

namespace firefly::number_forms {

namespace {

/// The digits of a run at `i` (ASCII, full-width, Thai): their value, count and bytes.
struct DigitRun {
  double value = 0;
  size_t digits = 0, bytes = 0;
};

DigitRun digit_run(const Utf8& s, size_t i) {
  DigitRun r;
  size_t len = 0;
  for (int d; (d = s.digit_at(i + r.bytes, len)) >= 0; r.bytes += len, ++r.digits) {
    r.value = r.value * 10 + d;
  }
  return r;
}

/// The Chinese digit (一 to 九, 兩) at `i`, or -1.
int chinese_digit(const Utf8& s, size_t i) {
  static const std::array<std::string_view, 10> kDigits = {"一", "二", "三", "四", "五",
                                                           "六", "七", "八", "九", "兩"};
  for (size_t d = 0; d < kDigits.size(); ++d) {
    if (s.has(i, kDigits[d])) return d == 9 ? 2 : static_cast<int>(d + 1);
  }
  return -1;
}

/// The unit (十 10, 百 100, 千 1000) at `i`, or 0.
int chinese_unit(const Utf8& s, size_t i) {
  return s.has(i, "十") ? 10 : s.has(i, "百") ? 100 : s.has(i, "千") ? 1000 : 0;
}

}  // namespace

std::optional<NumericDate> numeric_date(const Utf8& s, size_t i, bool zh, bool th) {
  const DigitRun a = digit_run(s, i);
  const size_t sep_at = i + a.bytes;
  if (sep_at >= s.size()) return std::nullopt;
  const unsigned char sep = s.byte(sep_at);
  if (sep != '/' && sep != '.' && sep != '-') return std::nullopt;
  const DigitRun b = digit_run(s, sep_at + 1);
  const size_t sep2 = sep_at + 1 + b.bytes;
  if (b.digits == 0 || b.digits > 2 || sep2 >= s.size() || s.byte(sep2) != sep) return std::nullopt;
  const DigitRun c = digit_run(s, sep2 + 1);
  const size_t end = sep2 + 1 + c.bytes;
  if (c.digits == 0 || c.digits > 4) return std::nullopt;
  size_t len = 0;
  if (end < s.size() && (s.byte(end) == sep && s.digit_at(end + 1, len) >= 0)) return std::nullopt;
  auto day = [](const DigitRun& r) { return r.digits <= 2 && r.value >= 1 && r.value <= 31; };
  auto month = [](const DigitRun& r) { return r.digits <= 2 && r.value >= 1 && r.value <= 12; };
  NumericDate d;
  d.end = end;
  if (a.digits == 4 && month(b) && day(c)) {
    d = {a.value, b.value, c.value, end};
  } else if (c.digits == 4 && day(a) && day(b) && (month(a) || month(b))) {
    d = {c.value, b.value, a.value, end};  // the day and month as written, both read
  } else if (zh && (a.digits == 2 || a.digits == 3) && a.value >= 60 && a.value < 200 && month(b) &&
             day(c)) {
    d = {a.value + 1911, b.value, c.value, end};
  } else {
    return std::nullopt;
  }
  // Thai dates give the year of the Buddhist era: 13/4/2565.
  if (th && d.year > 2400 && d.year < 2800) d.year -= 543;
  return d;
}

size_t phone_number(const Utf8& s, size_t i, std::string& digits) {
  digits.clear();
  size_t at = i;
  if (i > 0 && s.byte(i - 1) == '+') {
    if (!s.has(i, "886")) return 0;
    digits.push_back('0');
    at = i + 3;
  } else if (!(s.byte(i) == '0' && i + 1 < s.size() && s.byte(i + 1) >= '0' &&
               s.byte(i + 1) <= '9')) {
    return 0;
  }
  size_t end = at;
  bool separated = false;
  while (true) {
    size_t k = end, n = 0;
    while (k < s.size() && n < 2 && (s.byte(k) == '-' || s.byte(k) == ' ' || s.byte(k) == ')')) {
      ++k, ++n;
    }
    if (k >= s.size() || s.byte(k) < '0' || s.byte(k) > '9') break;
    if (n > 0 && end > at) separated = true;
    if (n > 0 && end == at && digits.empty()) break;  // "0 -" begins nothing
    while (k < s.size() && s.byte(k) >= '0' && s.byte(k) <= '9')
      digits += static_cast<char>(s.byte(k++));
    end = k;
  }
  if (digits.size() < 9 || digits.size() > 10 || (!separated && digits.size() < 10)) return 0;
  if (digits[0] != '0' || digits[1] == '0') return 0;
  return end - i;
}

std::optional<ChineseNumeral> chinese_numeral(const Utf8& s, size_t from, size_t unit) {
  ChineseNumeral n;
  n.start = unit >= from + 3 && chinese_digit(s, unit - 3) >= 0 ? unit - 3 : unit;
  if (n.start == unit) {
    // 百 and 千 need a digit (百貨, 千萬不要); 十 alone is ten, but not after 數 or 幾 (some tens).
    if (!s.has(unit, "十") ||
        (unit >= from + 3 && (s.has(unit - 3, "數") || s.has(unit - 3, "幾")))) {
      return std::nullopt;
    }
  }
  double total = 0;
  int pending = -1, last_unit = 10000;
  size_t at = n.start;
  while (at < s.size()) {
    if (int d = chinese_digit(s, at); d >= 0) {
      if (pending >= 0) break;  // two digits in a row: not one number
      pending = d;
    } else if (s.has(at, "零") || s.has(at, "〇")) {
      if (pending >= 0) break;
    } else if (int u = chinese_unit(s, at); u != 0 && u < last_unit) {
      if (pending < 0 && !(u == 10 && total == 0)) break;
      total += (pending < 0 ? 1 : pending) * u;
      pending = -1;
      last_unit = u;
    } else {
      break;
    }
    at += 3;
  }
  if (pending >= 0) total += pending;
  if (s.has(at, "幾")) return std::nullopt;  // 十幾, 二十幾: an estimate
  n.value = total;
  n.end = at;
  return n;
}

}  // namespace firefly::number_forms
