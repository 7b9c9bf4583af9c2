// How each language writes numbers (number_writing_of), and the quick look for where one may
// begin in a text (next_sign), which stated_numbers reads from.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/number_forms.h"

namespace firefly::number_writing {

/// How one language writes numbers: the words after a number that multiply it, the
/// month names that stand for a number, and the bytes that can begin a character where
/// one is read: a digit (ASCII; 0xEF and 0xE0 begin full-width and Thai ones) or a month
/// name. In Chinese, 成 is looked for too ("七成").
struct NumberWriting {
  bool zh = false, th = false, vi = false, en = false;
  bool dot_groups = false;  ///< "vi", "id": "3.256,5"
  std::vector<std::pair<std::string_view, double>> factors;
  std::vector<std::string_view> months;
  std::vector<std::string_view> percents;  ///< words after a number that make it a percentage
  std::array<bool, 256> starts{};
  std::vector<unsigned char> month_starts;  ///< the first bytes of months, but 0xE0
  bool capital_months = false;              ///< month_starts are all capitals A to Z
};

/// How `code` ("zh-TW", "vi-VN", "tl") writes numbers, by its language subtag.
const NumberWriting& number_writing_of(const std::string& code);

/// Whether a unit of Chinese numerals (十, 百, 千) is at `i`.
inline bool chinese_unit_at(const number_forms::Utf8& s, size_t i) {
  return s.has(i, "十") || s.has(i, "百") || s.has(i, "千");
}

/// The first offset from `i` where a digit (ASCII, full-width, Thai), a month's name or
/// (Chinese) 成 or a unit of Chinese numerals begins as `w` writes them, or the size: where
/// stated_numbers may read a number. Most text holds none of them: looked for `step` bytes at
/// once, 32 (where the processor has AVX2, else 16), 16 or 1; the same answer whichever
/// (`step` is for tests).
size_t next_sign(const number_forms::Utf8& s, size_t i, const NumberWriting& w, int step = 32);

}  // namespace firefly::number_writing
