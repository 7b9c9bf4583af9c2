// The full-width forms of ASCII characters (U+FF01-U+FF5E: ａ, Ｚ, ２, ：), which a Chinese,
// Japanese or Korean input method left in full-width mode types for the ASCII ones. An
// address (a page's file name, a taxonomy term) is written with ASCII letters and digits:
// one typed full-width would be another address that looks the same.
#pragma once

#include <string>
#include <string_view>

namespace firefly {

/// The first letter or digit of UTF-8 `s` typed full-width (U+FF10-U+FF19, U+FF21-U+FF3A,
/// U+FF41-U+FF5A), as written ("ａ"); "" when it has none. Full-width punctuation (（）,
/// which Chinese text uses) is not looked for.
std::string wide_letter_or_digit(std::string_view s);

/// `s` with each full-width form of an ASCII character as that character (ａｂ as ab).
std::string half_width(std::string_view s);

/// `s` with each full-width form of an ASCII character and each Thai digit (๐ to ๙) as its
/// ASCII character: a day or a figure typed in a Chinese input method's full-width mode
/// (２０２４／０３／１５) or with a Thai keyboard's digits (๒๕๖๗), as ASCII reads it.
std::string ascii_digits_and_forms(std::string_view s);

/// `s` has a Thai digit (๐ to ๙, U+0E50 to U+0E59).
bool has_thai_digit(std::string_view s);

/// `s` with each full-width letter or digit as its ASCII one, letters in lower case
/// (ＴＴＱＳ-２ as ttqs-2); the rest as it is (（）stays).
std::string narrow_letters_and_digits(std::string_view s);

}  // namespace firefly
