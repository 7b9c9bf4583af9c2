// The compiled form of a template: a tree of nodes built once by the parser
// and walked by the renderer. Internal to the mustache engine.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace firefly::mustache::detail {

/// What a node does when rendered.
enum class NodeKind : std::uint8_t {
  kText,      ///< literal text
  kVar,       ///< {{name}}: HTML-escaped value
  kRawVar,    ///< {{{name}}} or {{&name}}: the value as it is
  kSection,   ///< {{#name}}…{{/name}}
  kInverted,  ///< {{^name}}…{{/name}}
  kPartial,   ///< {{>name}}
  kParent,    ///< {{<name}}…{{/name}}: children are the overriding blocks
  kBlock,     ///< {{$name}}…{{/name}}: children are the default content
};

/// One part of a dotted name, with its hash for Value::find (worked out once, at compile).
struct NamePart {
  std::string name;
  std::uint32_t hash = 0;
};

/// One node of a compiled template.
struct Node {
  NodeKind kind = NodeKind::kText;
  bool standalone = false;     ///< partial/parent: alone on its line; block: its opener is
  bool ends_line = false;      ///< block: opener and closer both alone on their lines
  bool dynamic = false;        ///< partial/parent: the name is looked up in the context
  std::string text;            ///< the text, or the tag's name as written
  std::string indent;          ///< partial/parent/block: indentation added to each line
  std::vector<NamePart> path;  ///< dotted name split on '.'; empty for "."
  std::vector<Node> children;  ///< section, inverted, parent or block content
};

}  // namespace firefly::mustache::detail
