#include "core/json.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace firefly {

namespace {

/// True for a byte that JSON text (inside <script> too) may hold as it is.
bool plain_json_byte(unsigned char c) {
  return c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&';
}

void newline(std::string& out, int indent, int depth) {
  if (indent < 0) return;
  out += '\n';
  out.append(static_cast<size_t>(indent * depth), ' ');
}

void write_value(std::string& out, const Value& v, int indent, int depth) {
  switch (v.kind()) {
    case Value::Kind::kNull:
      out += "null";
      break;
    case Value::Kind::kBool:
    case Value::Kind::kInt:
      out += v.to_text();
      break;
    case Value::Kind::kDouble:
      out += std::isfinite(v.as_double()) ? v.to_text() : "null";
      break;
    case Value::Kind::kString:
      append_json_string(out, v.as_string());
      break;
    case Value::Kind::kList: {
      const List& list = v.as_list();
      out += '[';
      for (size_t i = 0; i < list.size(); ++i) {
        if (i) out += ',';
        newline(out, indent, depth + 1);
        write_value(out, list[i], indent, depth + 1);
      }
      if (!list.empty()) newline(out, indent, depth);
      out += ']';
      break;
    }
    case Value::Kind::kMap: {
      const Map& map = v.as_map();
      out += '{';
      for (size_t i = 0; i < map.size(); ++i) {
        if (i) out += ',';
        newline(out, indent, depth + 1);
        append_json_string(out, map[i].first);
        out += indent < 0 ? ":" : ": ";
        write_value(out, map[i].second, indent, depth + 1);
      }
      if (!map.empty()) newline(out, indent, depth);
      out += '}';
      break;
    }
  }
}

Value from_json(const nlohmann::ordered_json& j) {
  switch (j.type()) {
    case nlohmann::ordered_json::value_t::boolean:
      return Value(j.get<bool>());
    case nlohmann::ordered_json::value_t::number_integer:
      return Value(j.get<std::int64_t>());
    case nlohmann::ordered_json::value_t::number_unsigned:
      return Value(static_cast<std::int64_t>(j.get<std::uint64_t>()));
    case nlohmann::ordered_json::value_t::number_float:
      return Value(j.get<double>());
    case nlohmann::ordered_json::value_t::string:
      return Value(j.get<std::string>());
    case nlohmann::ordered_json::value_t::array: {
      List list;
      list.reserve(j.size());
      for (const auto& item : j) list.push_back(from_json(item));
      return Value(std::move(list));
    }
    case nlohmann::ordered_json::value_t::object: {
      Map map;
      map.reserve(j.size());
      for (const auto& [k, item] : j.items()) map.emplace_back(k, from_json(item));
      return Value(std::move(map));
    }
    default:
      return Value();
  }
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  size_t i = 0;
  while (i < s.size()) {
    size_t run = i;
    while (run < s.size() && plain_json_byte(static_cast<unsigned char>(s[run]))) ++run;
    out.append(s.data() + i, run - i);  // copy plain runs whole: most of the text
    if (run == s.size()) break;
    unsigned char c = static_cast<unsigned char>(s[run]);
    i = run + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '<':
        out += "\\u003c";
        break;
      case '>':
        out += "\\u003e";
        break;
      case '&':
        out += "\\u0026";
        break;
      default: {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out += buf;
      }
    }
  }
  out += '"';
}

std::string to_json(const Value& v, int indent) {
  std::string out;
  write_value(out, v, indent, 0);
  return out;
}

std::optional<Value> parse_json(std::string_view text, std::string* error) {
  auto j = nlohmann::ordered_json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    if (error) *error = "malformed JSON";
    return std::nullopt;
  }
  return from_json(j);
}

}  // namespace firefly
