// Mustache templates: compile once, render many times on many threads.
// Implements the Mustache spec (interpolation, sections, inverted sections,
// comments, partials, set delimiters), the inheritance module
// ({{<parent}}{{$block}}…{{/block}}{{/parent}}) and dynamic names ({{>*name}}).
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/value.h"

namespace firefly::mustache {

namespace detail {
struct Node;
class Renderer;
}  // namespace detail

/// A partial or parent named in a template ({{>name}} or {{<name}}), with where it is named.
struct PartialRef {
  std::string name;     ///< the name as written (dynamic {{>*x}} names are not listed)
  Pos pos;              ///< line and column of the tag (1-based)
  bool parent = false;  ///< {{<name}} (a parent), not {{>name}} (a partial)
};

/// A parse error with its position in the template source.
struct ParseError {
  std::string message;  ///< what is wrong, in plain language
  Pos pos;              ///< line and column (1-based; columns count UTF-8 characters)
};

class Template;

/// Finds a compiled partial or parent by name; nullptr renders as empty.
using PartialLookup = std::function<const Template*(std::string_view name)>;

/// A template compiled once, rendered many times on many threads concurrently (immutable).
class Template {
 public:
  ~Template();
  Template(const Template&) = delete;
  Template& operator=(const Template&) = delete;

  /// The partials and parents this template names directly, in source order.
  const std::vector<PartialRef>& partials() const { return partials_; }

 private:
  Template();
  friend class detail::Renderer;
  friend bool mentions(const Template&, std::string_view, const PartialLookup&);
  friend std::variant<std::shared_ptr<const Template>, ParseError> compile(std::string_view);
  std::vector<detail::Node> nodes_;
  std::vector<PartialRef> partials_;
};

/// Compiles `source`; on error returns the ParseError (an unclosed section, a mismatched
/// close, an unclosed tag, a bad delimiter, an empty or malformed tag name).
std::variant<std::shared_ptr<const Template>, ParseError> compile(std::string_view source);

/// Bounds on one render, so a template that includes itself cannot hang or crash a build.
struct RenderLimits {
  int max_depth = 64;                  ///< partials and parents nested inside each other
  std::size_t max_steps = 50'000'000;  ///< template nodes rendered in all
  /// Bytes written in all: partials that each include the next ten times over a page's
  /// text made gigabytes in few steps.
  std::size_t max_output = std::size_t{256} << 20;
};

/// What a render looks up in one map of its context (`serve` records which of a page's
/// strings it shows): each name looked up in that map, with its index in the map (or
/// npos: not there), and the map itself when a tag takes it whole (a section over it).
struct MapWatch {
  const Map* map = nullptr;  ///< the map watched (a copy of its Value shares it)
  std::function<void(std::string_view name, std::size_t index)> looked_up;
  std::function<void()> taken_whole;
};

/// Renders `t` against `context` by appending to `out`; returns an error message when a
/// limit is exceeded (e.g. "partial 'x' includes itself too deeply"), after which `out`
/// holds partial output. Never throws for bad templates or data, never overflows the stack.
/// With `watch`, reports the look-ups in its map.
std::optional<std::string> render(const Template& t, const Value& context,
                                  const PartialLookup& partials, std::string& out,
                                  const RenderLimits& limits = {}, const MapWatch* watch = nullptr);

/// Whether `t`, or a partial or parent it includes by a fixed name (found by `partials`, each
/// read once), has a tag whose name's last part is `name` ({{{page.content}}} for "content"):
/// a layout that never names a page's text cannot show it.
bool mentions(const Template& t, std::string_view name, const PartialLookup& partials);

}  // namespace firefly::mustache
