#include "core/wide_forms.h"

#include <doctest/doctest.h>

namespace firefly {

TEST_CASE("full-width letters and digits are found; full-width punctuation is not looked for") {
  CHECK(wide_letter_or_digit("ａｂ") == "ａ");
  CHECK(wide_letter_or_digit("ttqs-２０２２") == "２");
  CHECK(wide_letter_or_digit("志工Ｚ") == "Ｚ");
  CHECK(wide_letter_or_digit("ｚ") == "ｚ");
  CHECK(wide_letter_or_digit("ab-2022") == "");
  CHECK(wide_letter_or_digit("志工（外籍）：一") == "");  // Chinese text's own punctuation
  CHECK(wide_letter_or_digit("＠＿｛") == "");
  CHECK(wide_letter_or_digit("\xEF\xBC") == "");  // cut short
}

TEST_CASE("full-width forms of ASCII are written half-width") {
  CHECK(half_width("ａｂ") == "ab");
  CHECK(half_width("ＴＴＱＳ　２０２２！～") == "TTQS　2022!~");  // U+3000 is no form of ASCII
  CHECK(half_width("志工-ａ") == "志工-a");
  CHECK(half_width("plain") == "plain");
}

TEST_CASE("full-width forms and Thai digits are read as ASCII; other text stays") {
  CHECK(ascii_digits_and_forms("２０２４／０３／１５") == "2024/03/15");
  CHECK(ascii_digits_and_forms("๒๕๖๗-๐๓-๑๕") == "2567-03-15");
  CHECK(ascii_digits_and_forms("ปี ๒๕๖๗") == "ปี 2567");      // Thai letters stay
  CHECK(ascii_digits_and_forms("\xE0\xB9") == "\xE0\xB9");  // cut short
  CHECK(ascii_digits_and_forms("2024-03-15") == "2024-03-15");
  CHECK(has_thai_digit("ปี ๒๕๖๗"));
  CHECK_FALSE(has_thai_digit("ปี 2567"));  // ป is E0 B8 9B: no digit
  CHECK_FALSE(has_thai_digit("\xE0\xB9"));
}

TEST_CASE("full-width letters and digits are narrowed for an address; the rest stays") {
  CHECK(narrow_letters_and_digits("２０２４年志工") == "2024年志工");
  CHECK(narrow_letters_and_digits("ＴＴＱＳ-ｓｌｕｇ") == "ttqs-slug");
  CHECK(narrow_letters_and_digits("勞工（外籍）") == "勞工（外籍）");  // Chinese punctuation
  CHECK(narrow_letters_and_digits("Plain-2") == "Plain-2");            // ASCII as it was
  CHECK(narrow_letters_and_digits("\xEF\xBC") == "\xEF\xBC");          // cut short
}

}  // namespace firefly
