// Numbers written in English words ("seventeen", "twenty-five", "two hundred and five"),
// as a translation may write a figure its original states in digits or in Chinese numerals.
#pragma once

#include <string_view>
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

}  // namespace firefly
