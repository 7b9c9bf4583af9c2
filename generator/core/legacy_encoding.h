// Files saved in an encoding other than UTF-8: which one, so that the error can say how
// to save them again. The only file that uses ICU's converters.
#pragma once

#include <string>
#include <string_view>

namespace firefly {

/// The help for a file whose bytes are not UTF-8: `fallback` ("save the file as UTF-8"),
/// after the name of the encoding it was saved in when its bytes read as Big5 (what
/// Windows in Traditional Chinese saves as "ANSI") or UTF-16 (Windows' "Unicode").
std::string not_utf8_help(std::string_view bytes, std::string_view fallback);

namespace detail {
/// True when `bytes` (at most the first 64 KB are read) are Big5 text, mostly of its common
/// Chinese characters, with no control or private-use character.
bool reads_as_big5(std::string_view bytes);
/// True when `bytes` start with a UTF-16 byte order mark.
bool starts_as_utf16(std::string_view bytes);
}  // namespace detail

}  // namespace firefly
