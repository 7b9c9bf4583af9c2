#include "core/value.h"

#include <charconv>
#include <cmath>

namespace firefly {

namespace {
const List kEmptyList;
const Map kEmptyMap;
const Value kNull;
}  // namespace

const List& Value::as_list() const {
  return is_list() ? *std::get<std::shared_ptr<const List>>(data_) : kEmptyList;
}

const Map& Value::as_map() const {
  return is_map() ? *std::get<std::shared_ptr<const Map>>(data_) : kEmptyMap;
}

const Value* Value::find(std::string_view key) const {
  if (!is_map()) return nullptr;
  for (const auto& [k, v] : as_map()) {
    if (k == key) return &v;
  }
  return nullptr;
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
