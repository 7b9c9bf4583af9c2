// The plain shapes of front matter read without a general YAML parser: `key: value`
// lines at the margin whose values are one-line scalars, one-line flow mappings or lists
// of scalars, or block lists of such items. Any other text is left to yaml-cpp
// (core/yaml.cpp), which reads these shapes to the same events, only about ten times
// slower (a story's `images:` line alone cost 106,000 instructions).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace firefly {

/// One parser event, as yaml-cpp reports it: where it starts (byte offset, 0-based line
/// and byte column) and, for a scalar, its text and whether it was quoted.
struct YamlEvent {
  enum class Kind { kScalar, kMapStart, kMapEnd, kListStart, kListEnd };
  Kind kind = Kind::kScalar;
  int offset = 0, line = 0, column = 0;
  bool quoted = false;
  int members = 0;        ///< a start event's count of direct members (a map's keys)
  std::string_view text;  ///< a scalar's value (inside its quotes), a view into the text
};

/// The events of `text` (no BOM, no tab in indentation, valid UTF-8) when it is one of
/// the plain shapes (a map at the margin with at least one key), else nullopt. Refuses
/// anything whose events it is not sure of: comments after a value, escapes, multi-line
/// scalars, anchors, tags, nested flow collections, values left empty.
std::optional<std::vector<YamlEvent>> simple_yaml_events(std::string_view text);

}  // namespace firefly
