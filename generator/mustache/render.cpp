// Renders a compiled template: walks the node tree with a stack of context
// pointers (no copies of the data), appending to the caller's string.
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "core/text.h"
#include "mustache/node.h"
#include "mustache/template.h"

namespace firefly::mustache {

namespace detail {

/// The parent tags being expanded, innermost first; their blocks override blocks below.
struct Frame {
  const Node* parent;
  const Frame* next;
};

/// The state of one render call (one per call, so rendering is thread-safe).
class Renderer {
 public:
  Renderer(const PartialLookup& lookup, std::string& out, const RenderLimits& limits,
           const MapWatch* watch)
      : lookup_(lookup), out_(out), limits_(limits), watch_(watch) {
    stack_.reserve(32);
  }

  std::optional<std::string> run(const Template& t, const Value& context) {
    push(&context);
    nodes(t.nodes_, nullptr);
    return std::move(error_);
  }

 private:
  bool nodes(const std::vector<Node>& list, const Frame* frames) {
    steps_ += list.size();  // a list's nodes are counted as it starts
    if (steps_ > limits_.max_steps) {
      return fail("rendering takes more than " + std::to_string(limits_.max_steps) +
                  " steps; does a partial include itself?");
    }
    for (const Node& n : list) {
      // Text and variables, most of the nodes, are written here without a call.
      if (n.kind == NodeKind::kText) {
        write_text(n.text);  // adds at most the template's own size: no limit to look at
        continue;
      } else if (n.kind == NodeKind::kVar || n.kind == NodeKind::kRawVar) {
        if (const Value* v = resolve(n.path)) {
          if (v->is_string()) {
            write_string(v->as_string(), n.kind == NodeKind::kVar);
          } else {
            write_value(*v, n.kind == NodeKind::kVar);
          }
        }
      } else if (!node(n, frames)) {
        return false;
      }
      if (out_.size() > limits_.max_output) {
        return fail("rendering makes more than " + std::to_string(limits_.max_output >> 20) +
                    " MB of text; does a partial include itself, or others many times over?");
      }
    }
    return true;
  }

  /// A node other than text and variables (nodes() writes those itself).
  __attribute__((noinline)) bool node(const Node& n, const Frame* frames) {
    switch (n.kind) {
      case NodeKind::kText:
      case NodeKind::kVar:
      case NodeKind::kRawVar:
        return true;  // written by nodes(), never passed here
      case NodeKind::kSection:
        return section(n, frames);
      case NodeKind::kInverted: {
        const Value* v = resolve(n.path);
        return (v && v->truthy()) || nodes(n.children, frames);
      }
      case NodeKind::kPartial:
      case NodeKind::kParent:
        return include(n, frames);
      case NodeKind::kBlock:
        return block(n, frames);
    }
    return true;
  }

  bool section(const Node& n, const Frame* frames) {
    const Value* v = resolve(n.path);
    if (!v || !v->truthy()) return true;
    if (v->is_list()) {
      for (const Value& item : v->as_list()) {
        push(&item);
        bool ok = nodes(n.children, frames);
        pop();
        if (!ok) return false;
      }
      return true;
    }
    push(v);
    bool ok = nodes(n.children, frames);
    pop();
    return ok;
  }

  bool include(const Node& n, const Frame* frames) {
    std::string_view name = n.text;
    if (n.dynamic) {
      const Value* v = resolve(n.path);
      if (!v || !v->is_string()) return true;
      name = v->as_string();
    }
    const Template* t = n.dynamic ? find_partial(name) : partial_of(n);
    if (!t) return true;
    if (depth_ >= limits_.max_depth) {
      return fail("partial '" + std::string(name) + "' includes itself too deeply (more than " +
                  std::to_string(limits_.max_depth) + " levels)");
    }
    Frame frame{&n, frames};
    const Frame* inner = n.kind == NodeKind::kParent ? &frame : frames;
    ++depth_;
    bool ok = indented(n.standalone, n.indent, [&] { return nodes(t->nodes_, inner); });
    --depth_;
    return ok;
  }

  bool block(const Node& n, const Frame* frames) {
    const Node* override_node = nullptr;
    for (const Frame* f = frames; f; f = f->next) {
      for (const Node& b : f->parent->children) {
        if (b.text == n.text) override_node = &b;  // the outermost override wins
      }
    }
    if (!override_node && !n.standalone) return nodes(n.children, frames);
    const Node& content = override_node ? *override_node : n;
    size_t start = out_.size();
    bool ok = indented(n.standalone, n.indent, [&] { return nodes(content.children, frames); });
    if (ok && n.ends_line && out_.size() > start && out_.back() != '\n') {
      out_ += '\n';
      line_start_ = true;
    }
    return ok;
  }

  const Template* find_partial(std::string_view name) const {
    return lookup_ ? lookup_(name) : nullptr;
  }

  /// The partial or parent a tag with a fixed name includes: found once per render (a list
  /// includes the same partial for each item), kept by the tag's node.
  const Template* partial_of(const Node& n) {
    Included& slot = included_[(reinterpret_cast<std::uintptr_t>(&n) / sizeof(Node)) % kIncluded];
    if (slot.node != &n) slot = {&n, find_partial(n.text)};
    return slot.partial;
  }

  /// Runs `body` with `indent` added to every line it writes; `own_line` when the tag
  /// replaced a whole line, so the first line is indented too.
  template <typename F>
  bool indented(bool own_line, std::string_view indent, F&& body) {
    size_t mark = indent_.size();
    indent_ += indent;
    if (own_line) line_start_ = true;
    bool ok = body();
    indent_.resize(mark);
    return ok;
  }

  const Value* resolve(const std::vector<NamePart>& path) const {
    if (watch_) return resolve_watched(path);
    if (path.empty()) return stack_.back();
    // Pointers, not indexes: a NamePart is 40 bytes, and size() would divide by it.
    const Value* v = nullptr;
    const NamePart* part = path.data();
    const NamePart* end = part + path.size();
    for (const Value* const* at = stack_.data() + stack_.size(); at != stack_.data();) {
      if ((v = (*--at)->find(part->name, part->hash))) break;
    }
    while (v && ++part != end) v = v->find(part->name, part->hash);
    return v;
  }

  bool watched(const Value* v) const { return v->is_map() && &v->as_map() == watch_->map; }

  /// The context stack, counting the watched map's places on it: a name is looked up in
  /// each frame, but the frames need checking only while the map is one of them.
  void push(const Value* v) {
    stack_.push_back(v);
    if (watch_ && watched(v)) ++watched_frames_;
  }
  void pop() {
    if (watch_ && watched(stack_.back())) --watched_frames_;
    stack_.pop_back();
  }

  /// Reports `name` looked up in the watched map, where `found` (a member's value or null).
  void report(std::string_view name, const Value* found) const {
    const Map& map = *watch_->map;
    size_t index = std::string_view::npos;
    if (found && !map.empty()) {
      auto at = static_cast<size_t>(reinterpret_cast<const char*>(found) -
                                    reinterpret_cast<const char*>(&map.front().second)) /
                sizeof(map.front());
      if (at < map.size() && &map[at].second == found) index = at;
    }
    watch_->looked_up(name, index);
  }

  /// resolve() reporting every look-up in the watched map, and the map when it is the value.
  __attribute__((noinline)) const Value* resolve_watched(const std::vector<NamePart>& path) const {
    const Value* v = nullptr;
    if (path.empty()) {
      v = stack_.back();
    } else {
      const NamePart* part = path.data();
      const NamePart* end = part + path.size();
      for (const Value* const* at = stack_.data() + stack_.size(); at != stack_.data();) {
        const Value* frame = *--at;
        v = frame->find(part->name, part->hash);
        if (watched_frames_ && watched(frame)) report(part->name, v);
        if (v) break;
      }
      while (v && ++part != end) {
        const Value* in = v;
        v = v->find(part->name, part->hash);
        if (watched(in)) report(part->name, v);
      }
    }
    if (v && watched(v)) watch_->taken_whole();
    return v;
  }

  void begin_line_if_needed() {
    if (line_start_) {
      out_ += indent_;
      line_start_ = false;
    }
  }

  void write_text(std::string_view s) {
    if (!indent_.empty()) return write_indented(s);
    out_ += s;
    line_start_ = !s.empty() ? s.back() == '\n' : line_start_;
  }

  /// write_text inside an indented partial or block: the indentation begins each line.
  __attribute__((noinline)) void write_indented(std::string_view s) {
    while (!s.empty()) {
      begin_line_if_needed();
      const void* nl = std::memchr(s.data(), '\n', s.size());
      size_t len = nl ? static_cast<const char*>(nl) - s.data() + 1 : s.size();
      out_.append(s.data(), len);
      if (nl) line_start_ = true;
      s.remove_prefix(len);
    }
  }

  void write_string(std::string_view s, bool escape) {
    if (s.empty()) return;
    if (!indent_.empty()) begin_line_if_needed();
    line_start_ = false;
    if (escape) {
      write_escaped(s);
    } else {
      out_ += s;
    }
  }

  __attribute__((noinline)) void write_value(const Value& v, bool escape) {
    char buf[32];
    std::string_view s;
    switch (v.kind()) {
      case Value::Kind::kString:
        s = v.as_string();
        break;
      case Value::Kind::kBool:
        s = v.as_bool() ? "true" : "false";
        break;
      case Value::Kind::kInt: {
        auto r = std::to_chars(buf, buf + sizeof buf, v.as_int());
        s = std::string_view(buf, r.ptr - buf);
        break;
      }
      case Value::Kind::kDouble: {
        double d = v.as_double();
        // Whole numbers print without a fraction ("2", not "2.0"), as in JSON.
        auto r = std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e15
                     ? std::to_chars(buf, buf + sizeof buf, static_cast<std::int64_t>(d))
                     : std::to_chars(buf, buf + sizeof buf, d);
        s = std::string_view(buf, r.ptr - buf);
        break;
      }
      default:
        return;  // null, lists and maps print nothing
    }
    write_string(s, escape);
  }

  void write_escaped(std::string_view s) { append_html_escaped(out_, s); }

  bool fail(std::string message) {
    error_ = std::move(message);
    return false;
  }

  struct Included {
    const Node* node = nullptr;
    const Template* partial = nullptr;
  };
  static constexpr size_t kIncluded = 32;
  Included included_[kIncluded];  ///< partials found, by their tag's node (direct-mapped)
  const PartialLookup& lookup_;
  std::string& out_;
  const RenderLimits& limits_;
  const MapWatch* watch_;
  int watched_frames_ = 0;  ///< the watched map's places on stack_
  std::vector<const Value*> stack_;
  std::string indent_;      ///< indentation of the partials and blocks being expanded
  bool line_start_ = true;  ///< the next output starts a line (gets indent_ first)
  int depth_ = 0;
  size_t steps_ = 0;
  std::optional<std::string> error_;
};

}  // namespace detail

std::optional<std::string> render(const Template& t, const Value& context,
                                  const PartialLookup& partials, std::string& out,
                                  const RenderLimits& limits, const MapWatch* watch) {
  return detail::Renderer(partials, out, limits, watch).run(t, context);
}

}  // namespace firefly::mustache
