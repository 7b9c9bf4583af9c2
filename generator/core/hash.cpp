#include "core/hash.h"

#include <functional>

namespace firefly {

namespace {

/// A 64-bit finalizer (splitmix64): spreads every input bit over the result.
std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

}  // namespace

Hasher& Hasher::add(std::uint64_t n) {
  h_ = mix(h_ ^ mix(n + 0x632be59bd9b4e019ull));
  return *this;
}

Hasher& Hasher::add(std::string_view bytes) {
  add(static_cast<std::uint64_t>(bytes.size()));
  return add(static_cast<std::uint64_t>(std::hash<std::string_view>{}(bytes)));
}

Hasher& Hasher::add_value(const Value& v) {
  add(static_cast<std::uint64_t>(v.kind()));
  switch (v.kind()) {
    case Value::Kind::kNull:
      break;
    case Value::Kind::kBool:
      add(static_cast<std::uint64_t>(v.as_bool()));
      break;
    case Value::Kind::kInt:
      add(static_cast<std::uint64_t>(v.as_int()));
      break;
    case Value::Kind::kDouble: {
      double d = v.as_double();
      add(std::string_view(reinterpret_cast<const char*>(&d), sizeof d));
      break;
    }
    case Value::Kind::kString:
      add(v.as_string());
      break;
    case Value::Kind::kList:
      add(static_cast<std::uint64_t>(v.as_list().size()));
      for (const Value& x : v.as_list()) add_value(x);
      break;
    case Value::Kind::kMap:
      add(static_cast<std::uint64_t>(v.as_map().size()));
      for (const auto& [k, x] : v.as_map()) add(k).add_value(x);
      break;
  }
  return *this;
}

std::uint64_t hash_bytes(std::string_view bytes) { return Hasher().add(bytes).get(); }

}  // namespace firefly
