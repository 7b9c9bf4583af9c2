#include "core/value.h"

#include <charconv>
#include <cmath>
#include <cstring>

namespace firefly {

/// A map's members and an index of their keys: each key's hash, a 64-bit summary of
/// the hashes (a key whose bit is clear is absent) and, for a larger map, a hash table.
struct MapData {
  explicit MapData(Map m);
  /// key_hash of each member's key, in order.
  const std::uint32_t* hashes() const { return large.empty() ? small : large.data(); }

  /// Up to this many members a lookup reads the hashes in order; more get a table.
  static constexpr size_t kLinear = 8;

  Map items;
  std::uint64_t bits = 0;             ///< bit (hash % 64) set for every key
  std::uint32_t small[kLinear] = {};  ///< the hashes of a small map (no allocation)
  std::vector<std::uint32_t> large;   ///< those of a larger map
  std::vector<std::uint32_t> slots;   ///< open addressing by hash: member index + 1, 0 free
};

MapData::MapData(Map m) : items(std::move(m)) {
  const size_t n = items.size();
  if (n > kLinear) large.resize(n);
  std::uint32_t* h = n > kLinear ? large.data() : small;
  for (size_t i = 0; i < n; ++i) {
    h[i] = Value::key_hash(items[i].first);
    bits |= std::uint64_t{1} << (h[i] & 63);
  }
  if (n <= kLinear) return;
  size_t size = 16;
  while (size < 2 * n) size *= 2;
  slots.assign(size, 0);
  const size_t mask = size - 1;
  for (size_t i = 0; i < n; ++i) {
    for (size_t s = (h[i] >> 6) & mask;; s = (s + 1) & mask) {
      std::uint32_t taken = slots[s];
      if (taken == 0) {
        slots[s] = static_cast<std::uint32_t>(i + 1);
        break;
      }
      // A key written twice: the first is the member found.
      if (h[taken - 1] == h[i] && items[taken - 1].first == items[i].first) break;
    }
  }
}

namespace {

/// `a == b` for a key whose hash matched: no call to memcmp for the short keys of
/// contexts and front matter (two overlapping 8- or 4-byte loads compare up to 16 bytes).
inline __attribute__((always_inline)) bool same_key(const std::string& a, std::string_view b) {
  size_t n = a.size();
  if (n != b.size()) return false;
  const char *x = a.data(), *y = b.data();
  auto load8 = [](const char* p) {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
  };
  auto load4 = [](const char* p) {
    std::uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
  };
  if (n >= 8) {
    if (n > 16) return std::memcmp(x, y, n) == 0;
    return load8(x) == load8(y) && load8(x + n - 8) == load8(y + n - 8);
  }
  if (n >= 4) return load4(x) == load4(y) && load4(x + n - 4) == load4(y + n - 4);
  for (size_t i = 0; i < n; ++i) {
    if (x[i] != y[i]) return false;
  }
  return true;
}

const List kEmptyList;
const Map kEmptyMap;
const Value kNull;
}  // namespace

Value::Value(Map m) : data_(std::make_shared<const MapData>(std::move(m))) {}

const List& Value::as_list() const {
  return is_list() ? *std::get<std::shared_ptr<const List>>(data_) : kEmptyList;
}

const Map& Value::as_map() const {
  return is_map() ? std::get<std::shared_ptr<const MapData>>(data_)->items : kEmptyMap;
}

const Value* Value::find(std::string_view key) const {
  const auto* data = std::get_if<std::shared_ptr<const MapData>>(&data_);
  if (!data) return nullptr;
  const MapData& map = **data;
  if (map.slots.empty()) {  // a few members: comparing the keys costs less than hashing
    for (const auto& [k, v] : map.items) {
      if (k == key) return &v;
    }
    return nullptr;
  }
  return find(key, key_hash(key));
}

const Value* Value::find(std::string_view key, std::uint32_t hash) const {
  const auto* data = std::get_if<std::shared_ptr<const MapData>>(&data_);
  if (!data) return nullptr;
  const MapData& map = **data;
  if (!(map.bits >> (hash & 63) & 1)) return nullptr;
  const std::uint32_t* hashes = map.hashes();
  if (map.slots.empty()) {
    for (size_t i = 0; i < map.items.size(); ++i) {
      if (hashes[i] == hash && same_key(map.items[i].first, key)) return &map.items[i].second;
    }
    return nullptr;
  }
  const size_t mask = map.slots.size() - 1;
  for (size_t s = (hash >> 6) & mask;; s = (s + 1) & mask) {
    std::uint32_t taken = map.slots[s];
    if (taken == 0) return nullptr;
    if (hashes[taken - 1] == hash && same_key(map.items[taken - 1].first, key)) {
      return &map.items[taken - 1].second;
    }
  }
}

const Value& Value::get(std::string_view key) const {
  const Value* v = find(key);
  return v ? *v : kNull;
}

bool Value::truthy() const {
  switch (kind()) {
    case Kind::kNull:
      return false;
    case Kind::kBool:
      return as_bool();
    case Kind::kString:
      return !as_string().empty();
    case Kind::kList:
      return !as_list().empty();
    default:
      return true;
  }
}

std::string Value::to_text() const {
  switch (kind()) {
    case Kind::kNull:
      return "";
    case Kind::kBool:
      return as_bool() ? "true" : "false";
    case Kind::kInt:
      return std::to_string(as_int());
    case Kind::kDouble: {
      double d = as_double();
      if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e15) {
        return std::to_string(static_cast<std::int64_t>(d)) + ".0";
      }
      char buf[64];
      auto res = std::to_chars(buf, buf + sizeof buf, d);
      return std::string(buf, res.ptr);
    }
    case Kind::kString:
      return as_string();
    default:
      return "";
  }
}

std::string_view Value::kind_name() const {
  switch (kind()) {
    case Kind::kNull:
      return "nothing";
    case Kind::kBool:
      return "true/false";
    case Kind::kInt:
      return "a whole number";
    case Kind::kDouble:
      return "a number";
    case Kind::kString:
      return "text";
    case Kind::kList:
      return "a list";
    case Kind::kMap:
      return "a map of keys";
  }
  return "a value";
}

Value with_pos(Value value, Pos pos) {
  value.pos = pos;
  return value;
}

namespace {

/// same_content(), and with `where` the same positions too.
bool same_values(const Value& a, const Value& b, bool where) {
  if (a.kind() != b.kind()) return false;
  if (where && (a.pos.line != b.pos.line || a.pos.col != b.pos.col ||
                a.key_pos.line != b.key_pos.line || a.key_pos.col != b.key_pos.col)) {
    return false;
  }
  switch (a.kind()) {
    case Value::Kind::kNull:
      return true;
    case Value::Kind::kBool:
      return a.as_bool() == b.as_bool();
    case Value::Kind::kInt:
      return a.as_int() == b.as_int();
    case Value::Kind::kDouble:
      return a.as_double() == b.as_double();
    case Value::Kind::kString:
      return a.as_string() == b.as_string();
    case Value::Kind::kList: {
      const List &x = a.as_list(), &y = b.as_list();
      if (&x == &y) return true;  // shared
      if (x.size() != y.size()) return false;
      for (size_t i = 0; i < x.size(); ++i) {
        if (!same_values(x[i], y[i], where)) return false;
      }
      return true;
    }
    case Value::Kind::kMap: {
      const Map &x = a.as_map(), &y = b.as_map();
      if (&x == &y) return true;
      if (x.size() != y.size()) return false;
      for (size_t i = 0; i < x.size(); ++i) {
        if (x[i].first != y[i].first || !same_values(x[i].second, y[i].second, where)) {
          return false;
        }
      }
      return true;
    }
  }
  return false;
}

}  // namespace

bool same_content(const Value& a, const Value& b) { return same_values(a, b, false); }

bool same_written(const Value& a, const Value& b) { return same_values(a, b, true); }

}  // namespace firefly
