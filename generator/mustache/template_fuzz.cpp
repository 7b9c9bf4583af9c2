// libFuzzer target: compiles arbitrary bytes as a template and renders it with a
// small fixed context, every partial and parent name resolving to the template itself.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/value.h"
#include "mustache/template.h"

namespace {

const firefly::Value& fuzz_context() {
  using firefly::List;
  using firefly::Map;
  using firefly::Value;
  static const Value context(Map{
      {"a", Value(Map{{"b", Value("<b>&'\"")}, {"c", Value(List{Value(1), Value(2.5)})}})},
      {"list", Value(List{Value("x"), Value(Map{{"a", Value(true)}}), Value(List{})})},
      {"name", Value("a")},
      {"empty", Value("")},
      {"no", Value(false)},
      {"n", Value(nullptr)},
      {"text", Value("line\nline")},
  });
  return context;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view source(reinterpret_cast<const char*>(data), size);
  auto compiled = firefly::mustache::compile(source);
  auto* t = std::get_if<std::shared_ptr<const firefly::mustache::Template>>(&compiled);
  if (!t) return 0;
  const firefly::mustache::Template* self = t->get();
  firefly::mustache::PartialLookup lookup = [self](std::string_view) { return self; };
  firefly::mustache::RenderLimits limits;
  limits.max_depth = 16;
  limits.max_steps = 20000;
  std::string out;
  firefly::mustache::render(*self, fuzz_context(), lookup, out, limits);
  return 0;
}
