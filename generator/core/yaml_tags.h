// What a YAML tag (`!!str 2024`, `!!int "5"`, `!!binary ...`, `!custom`) makes of the
// value it is written on. The YAML reader (core/yaml.cpp) asks here for every tagged
// value: a tag Firefly does not read is an error, never a value silently misread.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/value.h"

namespace firefly {

/// A value read under a tag, or why it cannot be (`message` and `hint` for the error).
struct TaggedScalar {
  Value value;
  std::string message;  ///< empty when `value` is good
  std::string hint;
};

/// `tag` as the author wrote it: "!!str" for yaml-cpp's "tag:yaml.org,2002:str".
///
/// `!!` is short for the tag prefix `tag:yaml.org,2002:`; other tags stay as they are.
std::string tag_as_written(std::string_view tag);

/// The scalar `text` read under `tag` as yaml-cpp reports it ("?" for a plain scalar
/// without a tag, "!" for a quoted one). `!!str` keeps the text (`!!str 2024` is the text
/// "2024", not a number); `!!int`, `!!float`, `!!bool` and `!!null` take only text of
/// their kind; `!!timestamp` keeps the text (dates are read from text). `!!binary` and
/// any other tag give a message instead.
TaggedScalar read_tagged_scalar(std::string_view tag, std::string_view text);

/// Why a list (`is_map` false) or map tagged `tag` cannot be read, or nullopt when the
/// tag is none, `!`, `!!seq` on a list or `!!map` on a map.
std::optional<TaggedScalar> refuse_collection_tag(std::string_view tag, bool is_map);

/// Whether a key written `text` under `tag` is YAML's merge key (`<<`, plain or `!!merge`).
bool is_merge_key(std::string_view tag, std::string_view text);

/// Reads a plain scalar: null, true/false, an integer, a decimal, or else text.
Value plain_scalar(std::string_view s);

}  // namespace firefly
