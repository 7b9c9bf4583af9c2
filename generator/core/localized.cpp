#include "core/localized.h"

#include "core/language_tag.h"
#include "core/yaml.h"

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

Localized to_localized(const Value& v, std::string* error, std::string* hint) {
  Localized out;
  out.pos = v.pos;
  if (v.is_map()) {
    const Map& entries = v.as_map();
    for (size_t i = 0; i < entries.size(); ++i) {
      const auto& [code, text] = entries[i];
      if (text.is_map() || text.is_list()) {
        if (error) *error = "the text for '" + code + "' must be plain text";
        return Localized{};
      }
      // `{zh-TW: 勞動部, vi: Cục Lao động, Bộ Lao động}`: YAML ends a text written without
      // quotes at the comma, and reads what follows as a key with no text. The text before
      // it would be published cut short, and the rest taken for a language.
      auto cut = [&](size_t k) {
        return entries[k].second.is_null() && !is_known_language_code(entries[k].first);
      };
      if (cut(i) && !out.by_lang.empty()) {
        const auto& [before_code, before] = out.by_lang.back();
        std::string whole = before;
        for (size_t k = i; k < entries.size() && cut(k); ++k) whole += ", " + entries[k].first;
        if (error) {
          *error = "'" + code + "' is not a language code: a comma inside the text for '" +
                   before_code + "' ended it there";
        }
        if (hint) *hint = "put that text in quotes: " + before_code + ": " + yaml_quoted(whole);
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
