// Forms of numbers in text that stated_numbers reads as a whole, each in its own way: dates
// written in numbers, telephone numbers, numbers written in Chinese numerals; and the UTF-8
// reader they share.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace firefly::number_forms {

/// UTF-8 read at byte offsets. A byte that does not begin a well-formed character
/// stands for U+FFFD on its own; content is checked when it is read, so that is for
/// other callers. In well-formed text a word matches the bytes at an offset exactly when
/// it matches the characters there.
class Utf8 {
 public:
  explicit Utf8(std::string_view text) : t_(text) {}

  size_t size() const { return t_.size(); }
  unsigned char byte(size_t i) const { return static_cast<unsigned char>(t_[i]); }
  std::string_view text() const { return t_; }

  /// The character at `i` (< size()); its length in bytes in `len`.
  char32_t at(size_t i, size_t& len) const {
    const unsigned char c = byte(i);
    len = 1;
    if (c < 0x80) return c;
    const size_t n = c >= 0xC0 && c < 0xE0   ? 2
                     : c >= 0xE0 && c < 0xF0 ? 3
                     : c >= 0xF0 && c < 0xF8 ? 4
                                             : 0;
    if (n == 0 || i + n > t_.size()) return U'\uFFFD';
    char32_t cp = c & (0x7F >> n);
    for (size_t k = 1; k < n; ++k) {
      if ((byte(i + k) & 0xC0) != 0x80) return U'\uFFFD';
      cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    len = n;
    return cp;
  }
  /// The character that ends at `i` (> 0).
  char32_t before(size_t i) const {
    size_t k = i - 1;
    while (k > 0 && i - k < 4 && (byte(k) & 0xC0) == 0x80) --k;
    size_t len;
    const char32_t cp = at(k, len);
    return k + len == i ? cp : U'\uFFFD';
  }
  /// Whether `word` (not empty) is at `i`; the first byte compared inline, since most
  /// places where a month or a multiplier is looked for hold none.
  bool has(size_t i, std::string_view word) const {
    return i < t_.size() && t_[i] == word[0] && t_.substr(i, word.size()) == word;
  }
  /// The digit at `i` (ASCII, full-width, Thai) and its length, or -1.
  int digit_at(size_t i, size_t& len) const {
    if (i >= t_.size()) return -1;
    const unsigned char c = byte(i);
    if (c >= '0' && c <= '9') {
      len = 1;
      return c - '0';
    }
    if ((c == 0xEF || c == 0xE0) && i + 2 < t_.size()) {
      const unsigned char b = byte(i + 1), d = byte(i + 2);
      if (((c == 0xEF && b == 0xBC) || (c == 0xE0 && b == 0xB9)) && d >= 0x90 && d <= 0x99) {
        len = 3;
        return d - 0x90;  // ０-９ (U+FF10..19), ๐-๙ (U+0E50..59)
      }
    }
    return -1;
  }
  /// The length of the space at `i` (U+0020, U+00A0, U+202F), or 0.
  size_t space_at(size_t i) const {
    if (i >= t_.size()) return 0;
    if (byte(i) == ' ') return 1;
    if (has(i, "\u00A0")) return 2;
    if (has(i, "\u202F")) return 3;
    return 0;
  }

 private:
  std::string_view t_;
};

/// A date written with numbers only: year, month and day.
struct NumericDate {
  double year = 0, month = 0, day = 0;
  size_t end = 0;
};

/// The date at `i` written "2022-04-13", "13/4/2022", "4/13/2022", "13.4.2022" or, in
/// Chinese (`zh`), with the ROC year first ("111/4/13", "111.4.13", "111-04-13"), its year
/// Gregorian (of a Thai date, `th`, the Buddhist era's made Gregorian); nullopt when the three
/// numbers there are no date (a version "1.2.3", an address).
std::optional<NumericDate> numeric_date(const Utf8& s, size_t i, bool zh, bool th);

/// The length of the Taiwanese telephone number at `i` ("(06) 298-8133", "06-2988133",
/// "0800-211-459", "+886-6-298-8133" from its "886") and its digits as the country writes
/// them (leading 0), or 0 when there is none: one number, however it is grouped.
size_t phone_number(const Utf8& s, size_t i, std::string& digits);

/// A number written in Chinese numerals ("十二", "二十五", "一百零五", "三千"), found at one of
/// its units (十, 百, 千) at `unit`, in text read from `from`.
struct ChineseNumeral {
  double value = 0;
  size_t start = 0, end = 0;
};

/// The number at the unit at `unit` (not before `from`), or nullopt: a unit with no digit
/// before it but 十 ("百貨", "千萬不要" are words), an estimate ("數十", "幾十", "十幾").
std::optional<ChineseNumeral> chinese_numeral(const Utf8& s, size_t from, size_t unit);

}  // namespace firefly::number_forms
