// Files saved in an encoding other than UTF-8: which one, so that the error can say how
// to save them again. The only file that uses ICU's converters.
#pragma once

#include <string>
#include <string_view>

namespace firefly {

/// The error for a file with a byte that is not part of any UTF-8 character.
inline constexpr const char* kNotUtf8 =
    "this file is not valid UTF-8 text (a byte here is not part of any character)";
/// The error for a file in UTF-16 without a byte order mark (saved_as_utf16): valid UTF-8
/// where it is ASCII, each character with a NUL byte.
inline constexpr const char* kUtf16WithoutMark =
    "this file is not UTF-8 text: every second byte of it is zero";

/// The help for a file whose bytes are not UTF-8: `fallback` ("save the file as UTF-8"),
/// after the name of the encoding it was saved in when its bytes read as Big5 (what
/// Windows in Traditional Chinese saves as "ANSI") or UTF-16 (Windows' "Unicode").
std::string not_utf8_help(std::string_view bytes, std::string_view fallback);

/// True when `bytes` are UTF-16 text: they start with its byte order mark, or, without one,
/// in their first 4 KB one byte of a fifth or more of the pairs is zero and almost never
/// the other (letters, digits and commas in UTF-16, which are valid UTF-8 with NULs).
bool saved_as_utf16(std::string_view bytes);

namespace detail {
/// True when `bytes` (at most the first 64 KB are read) are Big5 text, mostly of its common
/// Chinese characters, with no control or private-use character.
bool reads_as_big5(std::string_view bytes);
/// True when `bytes` start with a UTF-16 byte order mark.
bool starts_as_utf16(std::string_view bytes);
}  // namespace detail

}  // namespace firefly
