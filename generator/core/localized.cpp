#include "core/localized.h"

namespace firefly {

std::string Localized::get(std::string_view lang, std::string_view fallback_lang) const {
  if (by_lang.empty()) return plain;
  for (const auto& [code, text] : by_lang) {
    if (code == lang) return text;
  }
  for (const auto& [code, text] : by_lang) {
    if (code == fallback_lang) return text;
  }
  return by_lang.front().second;
}

std::string_view Localized::lang_of(std::string_view lang, std::string_view fallback_lang) const {
  if (by_lang.empty()) return {};
  for (const auto& entry : by_lang) {
    if (entry.first == lang) return entry.first;
  }
  for (const auto& entry : by_lang) {
    if (entry.first == fallback_lang) return entry.first;
  }
  return by_lang.front().first;
}

bool Localized::has(std::string_view lang) const {
  if (by_lang.empty()) return true;
  for (const auto& entry : by_lang) {
    if (entry.first == lang) return true;
  }
  return false;
}

Localized to_localized(const Value& v, std::string* error) {
  Localized out;
  out.pos = v.pos;
  if (v.is_map()) {
    for (const auto& [code, text] : v.as_map()) {
      if (text.is_map() || text.is_list()) {
        if (error) *error = "the text for '" + code + "' must be plain text";
        return Localized{};
      }
      out.by_lang.emplace_back(code, text.to_text());
    }
  } else if (v.is_list()) {
    if (error) *error = "expected text or a map of language codes to text, found a list";
  } else {
    out.plain = v.to_text();
  }
  return out;
}

}  // namespace firefly
