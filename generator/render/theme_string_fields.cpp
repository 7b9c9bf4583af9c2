#include "render/theme_string_fields.h"

#include <vector>

namespace firefly {

std::set<std::string> string_fields(std::string_view text) {
  std::set<std::string> out;
  for (size_t open = text.find('{'); open != std::string_view::npos;
       open = text.find('{', open + 1)) {
    size_t end = open + 1;
    while (end < text.size() && ((text[end] >= 'a' && text[end] <= 'z') ||
                                 (text[end] >= '0' && text[end] <= '9') || text[end] == '_')) {
      ++end;
    }
    if (end > open + 1 && end < text.size() && text[end] == '}') {
      out.insert(std::string(text.substr(open, end + 1 - open)));
    }
  }
  return out;
}

void add_string_fields(const Value& strings, StringFields& fields) {
  for (const auto& [key, value] : strings.as_map()) {
    if (!value.is_string()) continue;
    std::set<std::string>& of_key = fields[key];
    for (const std::string& f : string_fields(value.as_string())) of_key.insert(f);
  }
}

void check_site_string_fields(const std::string& key, const Value& value,
                              const StringFields& fields, const std::string& path,
                              Diagnostics& diags) {
  auto theirs = fields.find(key);
  if (theirs == fields.end() || !value.is_string()) return;
  std::vector<std::string> known(theirs->second.begin(), theirs->second.end());
  for (const std::string& field : string_fields(value.as_string())) {
    if (theirs->second.count(field)) continue;
    std::string list;
    for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
    std::string guess = did_you_mean(field, known);
    diags.error(path, value.pos.line ? value.pos : Pos{1, 1},
                "the string " + in_quotes(key) + " has " + field +
                    ", which the theme does not fill in: the pages would show it as written",
                !guess.empty()  ? "did you mean " + guess + "?"
                : known.empty() ? "the theme fills in nothing in this string"
                                : "the theme fills in " + list);
  }
}

}  // namespace firefly
