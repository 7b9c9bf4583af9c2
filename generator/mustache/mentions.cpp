// Whether a template names a value anywhere, through its partials and parents: what a
// theme's layout can show is fixed by the names its tags use.
#include <set>
#include <vector>

#include "mustache/node.h"
#include "mustache/template.h"

namespace firefly::mustache {

namespace {

/// Walks nodes breadth-first, without recursion: a template may nest deeply.
struct Mentions {
  std::string_view name;
  const PartialLookup& partials;
  std::set<const Template*> seen;
  std::vector<const std::vector<detail::Node>*> todo;

  void add(const Template* t, const std::vector<detail::Node>& nodes) {
    if (t && !seen.insert(t).second) return;
    todo.push_back(&nodes);
  }
};

}  // namespace

bool mentions(const Template& t, std::string_view name, const PartialLookup& partials) {
  Mentions m{name, partials, {}, {}};
  m.add(&t, t.nodes_);
  while (!m.todo.empty()) {
    const std::vector<detail::Node>& nodes = *m.todo.back();
    m.todo.pop_back();
    for (const detail::Node& n : nodes) {
      if (!n.path.empty() && n.path.back().name == name && n.kind != detail::NodeKind::kPartial &&
          n.kind != detail::NodeKind::kParent && n.kind != detail::NodeKind::kBlock) {
        return true;
      }
      if (n.kind == detail::NodeKind::kPartial || n.kind == detail::NodeKind::kParent) {
        // A name looked up as the page renders ({{>*kind}}) may be any template: it may
        // name `name`.
        if (n.dynamic) return true;
        if (const Template* included = partials ? partials(n.text) : nullptr) {
          m.add(included, included->nodes_);
        }
      }
      if (!n.children.empty()) m.add(nullptr, n.children);
    }
  }
  return false;
}

}  // namespace firefly::mustache
