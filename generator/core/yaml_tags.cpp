#include "core/yaml_tags.h"

#include <charconv>
#include <cstdint>

namespace firefly {

namespace {

constexpr std::string_view kCorePrefix = "tag:yaml.org,2002:";

/// The name after `!!` of a tag with YAML's own prefix, else empty.
std::string_view core_name(std::string_view tag) {
  if (tag.substr(0, kCorePrefix.size()) != kCorePrefix) return {};
  return tag.substr(kCorePrefix.size());
}

TaggedScalar refused(std::string message, std::string hint) {
  return {Value(), std::move(message), std::move(hint)};
}

TaggedScalar not_of_kind(std::string_view tag, std::string_view text, std::string_view kind,
                         std::string_view example) {
  return refused(
      "the tag " + tag_as_written(tag) + " marks " + std::string(kind) + ", but '" +
          std::string(text) + "' is not one",
      "remove the tag, or write " + std::string(kind) + " such as " + std::string(example));
}

}  // namespace

std::string tag_as_written(std::string_view tag) {
  std::string_view name = core_name(tag);
  if (!name.empty()) return "!!" + std::string(name);
  return std::string(tag);
}

Value plain_scalar(std::string_view s) {
  // Most scalars are text: the words below are only compared when the length matches.
  if (s.empty()) return Value();
  if (s.size() <= 5) {
    if (s == "~" || s == "null" || s == "Null" || s == "NULL") return Value();
    if (s == "true" || s == "True" || s == "TRUE") return Value(true);
    if (s == "false" || s == "False" || s == "FALSE") return Value(false);
  }
  const char* b = s.data();
  const char* e = s.data() + s.size();
  const char* digits = (*b == '-' || *b == '+') ? b + 1 : b;
  if (digits < e && *digits >= '0' && *digits <= '9') {
    // Leading zeros ("007") and dates stay text.
    bool leading_zero = *digits == '0' && digits + 1 < e && digits[1] != '.';
    std::int64_t i;
    auto r = std::from_chars(*b == '+' ? b + 1 : b, e, i);
    if (r.ec == std::errc() && r.ptr == e && !leading_zero) return Value(i);
    double d;
    auto rd = std::from_chars(*b == '+' ? b + 1 : b, e, d);
    if (rd.ec == std::errc() && rd.ptr == e && !leading_zero) return Value(d);
  }
  return Value(s);
}

bool is_merge_key(std::string_view tag, std::string_view text) {
  return text == "<<" && (tag == "?" || core_name(tag) == "merge");
}

TaggedScalar read_tagged_scalar(std::string_view tag, std::string_view text) {
  if (tag == "?") return {plain_scalar(text), {}, {}};
  std::string_view name = core_name(tag);
  // "!" is a quoted scalar's (or a `! value`'s): text, as `!!str` and `!!timestamp` are.
  if (tag == "!" || name == "str" || name == "timestamp" || name == "merge") {
    return {Value(text), {}, {}};
  }
  if (name == "int" || name == "float") {
    Value v = plain_scalar(text);
    if (v.is_int() && name == "float") return {Value(static_cast<double>(v.as_int())), {}, {}};
    if (v.is_int() || (v.is_double() && name == "float")) return {std::move(v), {}, {}};
    return name == "int" ? not_of_kind(tag, text, "a whole number", "2024")
                         : not_of_kind(tag, text, "a number", "2.5");
  }
  if (name == "bool") {
    Value v = plain_scalar(text);
    if (v.is_bool()) return {std::move(v), {}, {}};
    return not_of_kind(tag, text, "true or false", "true");
  }
  if (name == "null") {
    Value v = plain_scalar(text);
    if (v.is_null()) return {Value(), {}, {}};
    return not_of_kind(tag, text, "an empty value", "~");
  }
  if (name == "binary") {
    return refused("Firefly does not read binary data (!!binary) from YAML",
                   "put the file in the site's static/ folder and write its path here");
  }
  return refused("the tag " + tag_as_written(tag) +
                     " is not one Firefly reads: the value would be dropped or misread",
                 "remove the tag; to keep the value as text, write it in quotes");
}

std::optional<TaggedScalar> refuse_collection_tag(std::string_view tag, bool is_map) {
  if (tag == "?" || tag == "!" || tag.empty()) return std::nullopt;
  std::string_view name = core_name(tag);
  if (name == (is_map ? "map" : "seq")) return std::nullopt;
  return refused("the tag " + tag_as_written(tag) + " is not one Firefly reads on " +
                     (is_map ? "a map" : "a list") + ": the values would be misread",
                 "remove the tag");
}

}  // namespace firefly
