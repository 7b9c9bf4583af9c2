// Numbers written in English words ("seventeen", "twenty-five", "two hundred and five"),
// as a translation may write a figure its original states in digits or in Chinese numerals.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

#include "model/stated_numbers.h"

namespace firefly {

/// The numbers above ten that `text` writes in English words, each with `words` set: the
/// teens, the tens with or without a unit ("twenty-five", "twenty five", "ninety"), hundreds
/// ("two hundred", "one hundred and twelve", "twelve hundred", "a hundred"), thousands,
/// millions and billions ("two thousand and five", "a thousand", "three million"), and the
/// ordinals of those ("twenty-first", "one hundred and twelfth", "eleventh"; an ordinal unit
/// joins tens by a hyphen only: "twenty first-time buyers" are twenty). "A" is one only
/// before "hundred", "thousand", "million" or "billion" ("a second look" holds no number), and
/// "one hundredth" (a fraction, as often as not) is one. A word is read whole ("often",
/// "someone" and "elevenfold" hold none), in lower case or with a capital.
std::vector<StatedNumber> english_number_words(std::string_view text);

/// Parts of number words ("wenty", "undred") of which every text that english_number_words
/// reads `value` in holds one: "wenty" or "wentie" for 21 ("twenty-one", "Twenty-first"),
/// "undred" for 205, "undred", "housand" or "illion" above 999 ("twelve hundred"). None when
/// it reads no such value (ten and below, fractions). A text that holds none of them states
/// `value` in no words, so it need not be read for it.
std::vector<std::string_view> english_word_marks(double value);

/// Whether `text` holds one of `marks` (each of two bytes or more): MarkSearch(marks).in(text).
bool holds_mark(std::string_view text, const std::vector<std::string_view>& marks);

/// A look for marks (english_word_marks) in one text after another, its parts to look for
/// worked out once: 32 bytes a step (16 where the processor has no AVX2).
class MarkSearch {
 public:
  explicit MarkSearch(const std::vector<std::string_view>& marks);
  /// Whether `text` holds one of the marks, looking at `step` offsets at once: 1, 16, or 32
  /// where the processor can (else 16); the same answer whichever (`step` is for tests).
  bool in(std::string_view text, int step = 32) const;

  /// A part of marks few other words hold, looked for at many offsets at once: its bytes (two
  /// or three), and the marks it is part of, with its offset in each.
  struct Anchor {
    std::string_view bytes;
    std::vector<std::pair<std::string_view, size_t>> marks;
  };

 private:
  std::vector<std::string_view> marks_;
  std::vector<Anchor> anchors_;  ///< those of three bytes first
  size_t three_ = 0;             ///< of anchors_, of three bytes
  size_t longest_ = 0;           ///< of marks_
};

}  // namespace firefly
