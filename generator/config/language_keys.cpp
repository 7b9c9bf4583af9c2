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

/// The codes of `text` a page of `site_langs` shows (Localized::code_for).
std::vector<std::string_view> shown_codes(const Localized& text,
                                          const std::vector<std::string>& site_langs) {
  std::vector<std::string_view> shown;
  for (const std::string& lang : site_langs) {
    if (std::string_view code = text.code_for(lang); !code.empty()) shown.push_back(code);
  }
  return shown;
}

/// Calls `unread(code)` for each code of `text` no page shows, when some page shows one
/// (else it is no map of the site's languages).
template <class Unread>
void each_unread(const Localized& text, const std::vector<std::string>& site_langs,
                 Unread&& unread) {
  std::vector<std::string_view> shown = shown_codes(text, site_langs);
  if (shown.empty()) return;
  for (const auto& [code, t] : text.by_lang) {
    if (std::find(shown.begin(), shown.end(), code) == shown.end()) unread(code);
  }
}

}  // namespace

bool language_key_read(std::string_view code, const std::vector<std::string>& site_langs) {
  Localized one;
  one.by_lang.emplace_back(std::string(code), "");
  return !shown_codes(one, site_langs).empty();
}

std::string site_language_meant(std::string_view code, const std::vector<std::string>& site_langs) {
  // A language's own code ("vi" on a site without Vietnamese) is no slip for another
  // (suggest_language_code reads "vi" as the Virgin Islands, whose language is English).
  if (is_known_language_code(code)) return "";
  std::string known = suggest_language_code(code);
  if (known.empty()) return "";
  Localized one;
  one.by_lang.emplace_back(known, "");
  for (const std::string& lang : site_langs) {
    if (!one.code_for(lang).empty()) return lang;
  }
  return "";
}

void warn_unread_language_keys(const Localized& text, const std::vector<std::string>& site_langs,
                               const std::string& path, Pos where, const std::string& what,
                               Diagnostics& diags) {
  each_unread(text, site_langs,
              [&](std::string_view code) { warn_one(code, site_langs, path, where, what, diags); });
}

namespace {

void walk(const Value& v, const std::vector<std::string>& site_langs, const std::string& path,
          const std::string& key_above, Diagnostics& diags) {
  if (v.is_list()) {
    for (const Value& item : v.as_list()) walk(item, site_langs, path, key_above, diags);
    return;
  }
  if (!v.is_map()) return;
  const Map& members = v.as_map();
  // A map of texts (every value text or empty): its codes no page shows, each at its key.
  if (!members.empty() && std::none_of(members.begin(), members.end(), [](const auto& m) {
        return m.second.is_map() || m.second.is_list();
      })) {
    each_unread(to_localized(v), site_langs, [&](std::string_view code) {
      for (const auto& [key, value] : members) {
        if (key == code) warn_one(code, site_langs, path, value.key_pos, key_above, diags);
      }
    });
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
