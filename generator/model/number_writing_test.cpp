#include "model/number_writing.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

namespace firefly::number_writing {

using number_forms::Utf8;

TEST_CASE("the quick looks for where a number may begin find what a byte at a time finds") {
  // Pieces near every sign and near-miss of one: digits of each kind, month names and other
  // capitals, 成 and the units 十, 千, 百 and characters of their first two bytes but another
  // last (E5 8D 82, E7 99 BD), Thai and full-width text, lone lead bytes.
  const std::vector<std::string_view> pieces = {
      "a",  " ",  "7",    "2019", "May",  "Juni",     "Setyembre", "Xylo", "s",
      "成", "十", "千",   "百",   "卂",   "白",       "戈",        "年",   "๕",
      "５", "ก",  "\xE0", "\xEF", "\xE5", "\xE5\x8D", "\xE6\x88",  ".",    "Đ"};
  unsigned long long x = 88172645463325252ull;
  auto next = [&] { return x ^= x << 13, x ^= x >> 7, x ^= x << 17; };
  size_t differ = 0;
  for (int round = 0; round < 3000 && differ < 5; ++round) {
    std::string text;
    const size_t n = next() % 60;
    for (size_t k = 0; k < n; ++k) {
      // Mostly plain letters, as prose is: long runs with no sign.
      text +=
          next() % 3 ? std::string(next() % 20, 'e') : std::string(pieces[next() % pieces.size()]);
    }
    for (const char* lang : {"en", "zh-TW", "th", "fil", "id", "vi", "fr"}) {
      for (size_t i = 0; i <= text.size(); ++i) {
        const size_t one = next_sign(Utf8(text), i, number_writing_of(lang), 1);
        if (next_sign(Utf8(text), i, number_writing_of(lang), 16) != one ||
            next_sign(Utf8(text), i, number_writing_of(lang), 32) != one) {
          CHECK_MESSAGE(false, lang, " ", i, " ", text);
          ++differ;
          break;
        }
      }
    }
  }
  CHECK(differ == 0);
}

}  // namespace firefly::number_writing
