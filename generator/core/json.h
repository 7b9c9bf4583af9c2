// JSON in and out (the only file that includes nlohmann-json).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/value.h"

namespace firefly {

/// Serialises `v` as JSON: maps keep their order, strings are UTF-8 and
/// "<", ">", "&" are escaped as \u003c etc. so the result is safe inside <script>.
/// `indent` < 0 gives the compact form.
std::string to_json(const Value& v, int indent = -1);
/// Appends `s` to `out` as a JSON string, quoted and escaped as to_json does, for writers
/// of large files that would rather not build a Value first.
void append_json_string(std::string& out, std::string_view s);
/// Parses JSON text; nullopt when malformed (`error` gets the reason).
std::optional<Value> parse_json(std::string_view text, std::string* error = nullptr);

}  // namespace firefly
