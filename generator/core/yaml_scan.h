// What the YAML reader (core/yaml.cpp) looks up in a file's text beside its parser: the
// invisible control characters it refuses in values, where one was written, and an
// alias's name. No YAML library here: only the text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace firefly {

/// The first character of a value that a page must not show: a C0 control character other
/// than tab, newline and carriage return, DEL, a C1 control (U+0080-U+009F: a parse error
/// in HTML), U+FFFE or U+FFFF (XML allows none of these but the C1 controls; a browser
/// shows nothing or a box). `offset` is npos when there is none.
struct ControlChar {
  size_t offset = std::string_view::npos;  ///< bytes into the value
  char32_t code = 0;
};

/// The first invisible control character of `value` (valid UTF-8).
ControlChar find_control_char(std::string_view value);

/// The offset in `text` where the first control character of the scalar starting at
/// `start` was written: the character itself, or in a double-quoted scalar the escape
/// that makes one (`\0`, `\e`, `\x01`, `\u007F`...). npos when none is found.
size_t control_char_in_source(std::string_view text, size_t start);

/// "U+001B": how a message names a character.
std::string code_point_name(char32_t code);

/// How a message names the control character `code`: "U+001B", and for a C1 control the
/// Windows-1252 character a text read as Latin-1 has in its place ("U+0093: probably “ of
/// a file read in the wrong encoding").
std::string control_char_name(char32_t code);

/// The name of the alias written at `offset` (its `*`), without the `*`; empty if there
/// is no alias there.
std::string_view alias_name_at(std::string_view text, size_t offset);

}  // namespace firefly
