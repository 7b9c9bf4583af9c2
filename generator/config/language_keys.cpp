#include "config/language_keys.h"

#include <algorithm>

#include "core/language_tag.h"

namespace firefly {

namespace {

std::string site_languages_list(const std::vector<std::string>& site_langs) {
  std::string all;
  for (const std::string& l : site_langs) all += (all.empty() ? "" : ", ") + l;
  return all;
}

void warn_one(std::string_view code, const std::vector<std::string>& site_langs,
              const std::string& path, Pos where, const std::string& what, Diagnostics& diags) {
  std::string meant = site_language_meant(code, site_langs);
  diags.warning(path, where,
                (what.empty() ? "" : what + ": ") + "'" + std::string(code) +
                    "' is not a language of this site, so no page shows its text",
                (meant.empty() ? std::string() : "did you mean '" + meant + "'? ") +
                    "the site's languages: " + site_languages_list(site_langs));
}

/// A map of texts: every value text (or empty), and a key a site language reads.
bool is_text_map(const Value& v, const std::vector<std::string>& site_langs) {
  if (!v.is_map() || v.as_map().empty()) return false;
  bool read = false;
  for (const auto& [key, value] : v.as_map()) {
    if (value.is_map() || value.is_list()) return false;
    read = read || language_key_read(key, site_langs);
  }
  return read;
}

}  // namespace

bool language_key_read(std::string_view code, const std::vector<std::string>& site_langs) {
  for (const std::string& lang : site_langs) {
    if (lang == code) return true;
  }
  const std::vector<std::string> one{std::string(code)};
  return std::any_of(site_langs.begin(), site_langs.end(), [&](const std::string& lang) {
    return closest_language(lang, one) == one.front();
  });
}

std::string site_language_meant(std::string_view code, const std::vector<std::string>& site_langs) {
  // A language's own code ("vi" on a site without Vietnamese) is no slip for another
  // (suggest_language_code reads "vi" as the Virgin Islands, whose language is English).
  if (is_known_language_code(code)) return "";
  std::string known = suggest_language_code(code);
  if (known.empty()) return "";
  const std::vector<std::string> one{known};
  for (const std::string& lang : site_langs) {
    if (lang == known || closest_language(lang, one) == known) return lang;
  }
  return "";
}

void warn_unread_language_keys(const Localized& text, const std::vector<std::string>& site_langs,
                               const std::string& path, Pos where, const std::string& what,
                               Diagnostics& diags) {
  if (text.by_lang.empty() || site_langs.empty()) return;
  bool any_read = false;
  for (const auto& [code, t] : text.by_lang)
    any_read = any_read || language_key_read(code, site_langs);
  if (!any_read) return;  // not a map of languages at all, or one reported elsewhere
  for (const auto& [code, t] : text.by_lang) {
    if (!language_key_read(code, site_langs)) warn_one(code, site_langs, path, where, what, diags);
  }
}

namespace {

void walk(const Value& v, const std::vector<std::string>& site_langs, const std::string& path,
          const std::string& key_above, Diagnostics& diags) {
  if (v.is_list()) {
    for (const Value& item : v.as_list()) walk(item, site_langs, path, key_above, diags);
    return;
  }
  if (!v.is_map()) return;
  if (is_text_map(v, site_langs)) {
    for (const auto& [key, value] : v.as_map()) {
      if (!language_key_read(key, site_langs)) {
        warn_one(key, site_langs, path, value.key_pos, key_above, diags);
      }
    }
    return;
  }
  for (const auto& [key, value] : v.as_map()) walk(value, site_langs, path, key, diags);
}

}  // namespace

void warn_unread_language_keys(const Value& root, const std::vector<std::string>& site_langs,
                               const std::string& path, Diagnostics& diags) {
  if (!site_langs.empty()) walk(root, site_langs, path, "", diags);
}

}  // namespace firefly
