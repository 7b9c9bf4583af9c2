// A dynamically typed, immutable-once-built value tree: what YAML front
// matter, site.yaml and JSON parse into, and what templates render from.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace firefly {

/// A position in a source file (1-based; 0 means unknown).
struct Pos {
  int line = 0;
  int col = 0;
};

class Value;
struct MapData;
/// Ordered list of values.
using List = std::vector<Value>;
/// Ordered map; keys keep their source order.
using Map = std::vector<std::pair<std::string, Value>>;

/// A null, bool, integer, double, string, list or map, with its source position.
/// Lists and maps are shared, so copying a Value is cheap.
class Value {
 public:
  enum class Kind { kNull, kBool, kInt, kDouble, kString, kList, kMap };

  Value() = default;
  Value(std::nullptr_t) {}
  Value(bool b) : data_(b) {}
  Value(int i) : data_(static_cast<std::int64_t>(i)) {}
  Value(std::int64_t i) : data_(i) {}
  Value(double d) : data_(d) {}
  Value(const char* s) : data_(std::string(s)) {}
  Value(std::string s) : data_(std::move(s)) {}
  Value(std::string_view s) : data_(std::string(s)) {}
  Value(List l) : data_(std::make_shared<const List>(std::move(l))) {}
  Value(Map m);

  Kind kind() const { return static_cast<Kind>(data_.index()); }
  bool is_null() const { return kind() == Kind::kNull; }
  bool is_bool() const { return kind() == Kind::kBool; }
  bool is_int() const { return kind() == Kind::kInt; }
  bool is_double() const { return kind() == Kind::kDouble; }
  bool is_number() const { return is_int() || is_double(); }
  bool is_string() const { return kind() == Kind::kString; }
  bool is_list() const { return kind() == Kind::kList; }
  bool is_map() const { return kind() == Kind::kMap; }

  bool as_bool() const { return std::get<bool>(data_); }
  std::int64_t as_int() const { return std::get<std::int64_t>(data_); }
  double as_double() const {
    return is_int() ? static_cast<double>(as_int()) : std::get<double>(data_);
  }
  const std::string& as_string() const { return std::get<std::string>(data_); }
  const List& as_list() const;
  const Map& as_map() const;

  /// The member `key` of a map (the first, should a key be written twice), or nullptr
  /// (also for non-maps).
  const Value* find(std::string_view key) const;
  /// find() with `hash` = key_hash(key) worked out beforehand (a template's names are
  /// hashed once when it is compiled): a map compares hashes before any text.
  const Value* find(std::string_view key, std::uint32_t hash) const;
  /// The hash of a map key that find() compares: 8 bytes a step (a key of up to 16 bytes,
  /// as in contexts and front matter, is two overlapping loads).
  static std::uint32_t key_hash(std::string_view key) {
    constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15u;
    const char* p = key.data();
    size_t n = key.size();
    std::uint64_t h = (n + 1) * kMul;
    auto mix = [&](std::uint64_t w) { h = ((h ^ w) * kMul) ^ (h >> 31); };
    auto load = [](const char* at, size_t bytes) {
      std::uint64_t w = 0;
      std::memcpy(&w, at, bytes);
      return w;
    };
    if (n >= 8) {
      for (; n > 8; p += 8, n -= 8) mix(load(p, 8));
      mix(load(p + n - 8, 8));  // the last 8 bytes, overlapping the step before
    } else if (n >= 4) {
      mix(load(p, 4) | load(p + n - 4, 4) << 32);
    } else if (n > 0) {
      mix(static_cast<unsigned char>(p[0]) | static_cast<unsigned char>(p[n / 2]) << 8 |
          static_cast<std::uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16);
    }
    return static_cast<std::uint32_t>(h >> 32);
  }
  /// Like find, but a null Value when absent.
  const Value& get(std::string_view key) const;

  /// Mustache truthiness: false for null, false, empty list and empty string.
  bool truthy() const;
  /// A scalar as text ("" for null, "true"/"false", shortest round-trip number).
  std::string to_text() const;
  /// A short name of the kind for error messages ("a string", "a list", ...).
  std::string_view kind_name() const;

  Pos pos;      ///< where this value was written, when it came from a file
  Pos key_pos;  ///< where its key was written, when it is a member of a map from a file

 private:
  std::variant<std::monostate, bool, std::int64_t, double, std::string, std::shared_ptr<const List>,
               std::shared_ptr<const MapData>>
      data_;
};

/// Returns a copy of `value` with its position set to `pos`.
Value with_pos(Value value, Pos pos);

/// True when `a` and `b` hold the same data (kinds, scalars, keys in order), wherever
/// they were written.
bool same_content(const Value& a, const Value& b);

/// True when `a` and `b` hold the same data written at the same places (every value's
/// `pos` and `key_pos` too): what an error about either would say is the same.
bool same_written(const Value& a, const Value& b);

}  // namespace firefly
