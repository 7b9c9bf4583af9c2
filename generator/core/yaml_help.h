// The messages of YAML's errors that say what to write instead: a tab in indentation, a
// colon inside an unquoted value, a value starting with a character YAML keeps for itself.
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"

namespace firefly::detail {

/// Reports the first tab in a line's indentation (YAML forbids them; yaml-cpp's own
/// message for it is cryptic); false when there is one.
bool check_tabs(std::string_view text, const std::string& path, Diagnostics& diags,
                int line_offset);

/// The help for yaml-cpp's "illegal map value" on 0-based `line` of `text`, a line `key:
/// some: text`: a colon and a space inside an unquoted value start another key (a title
/// "Volunteers: the team"); "" when the line is not one.
std::string colon_in_value_help(std::string_view text, int line);

/// The help for yaml-cpp's "unknown token" at byte `at` of `text`: a plain value may not
/// start with % @ or ` (YAML keeps them for itself), as in `unit: %`; "" otherwise.
std::string reserved_start_help(std::string_view text, size_t at);

/// "this is not valid YAML", with yaml-cpp's message when it has one.
std::string plain_message(const std::string& msg);

}  // namespace firefly::detail
