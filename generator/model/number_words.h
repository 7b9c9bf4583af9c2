// Numbers written in English words ("seventeen", "twenty-five", "two hundred and five"),
// as a translation may write a figure its original states in digits or in Chinese numerals.
#pragma once

#include <string_view>
#include <vector>

#include "model/stated_numbers.h"

namespace firefly {

/// The numbers above ten that `text` writes in English words, each with `words` set: the
/// teens, the tens with or without a unit ("twenty-five", "twenty five", "ninety"), and a
/// hundred's multiple of one of those ("two hundred", "one hundred and five"). A word is
/// read whole ("often", "tenth" and "someone" hold none), in lower case or with a capital.
std::vector<StatedNumber> english_number_words(std::string_view text);

}  // namespace firefly
