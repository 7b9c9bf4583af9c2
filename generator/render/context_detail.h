// Helpers shared by the files that build a page's template context (render/context.cpp,
// render/page_links.cpp); not for other stages.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "core/value.h"
#include "model/site.h"
#include "render/language_runs.h"

namespace firefly::detail {

inline void add_members(Map&) {}
template <typename K, typename V, typename... More>
void add_members(Map& m, K&& key, V&& value, More&&... more) {
  m.emplace_back(std::forward<K>(key), std::forward<V>(value));
  add_members(m, std::forward<More>(more)...);
}

/// The map of `key, value, key, value, ...`, each value copied or moved into it once (a
/// braced `Map{{k, v}, ...}` copies every member again out of its initializer list), with
/// room for `extra` members added after.
template <typename... KeysAndValues>
Map map_of(size_t extra, KeysAndValues&&... members) {
  static_assert(sizeof...(members) % 2 == 0, "a key, then its value");
  Map m;
  m.reserve(sizeof...(members) / 2 + extra);
  add_members(m, std::forward<KeysAndValues>(members)...);
  return m;
}

/// Notes that the output being rendered shows `page` (as a list entry, link or title).
const Page* noted(const Page* page);
/// Site::groups by hash (a std::map compares keys): the pages of a key by language.
using Groups = std::unordered_map<std::string_view, const std::map<std::string, Page*>*>;
/// The groups of `site`.
Groups groups_of(const Site& site);
/// `site.find(key, lang)` through `groups` (those of the site), noting the lookup and the
/// page found.
const Page* find_noted(const Groups& groups, const std::string& key, const std::string& lang);
/// The site's language `code`, or its default language.
const Language& language_of(const Site& site, const std::string& code);
/// The HTML tag of the site language `code` for a text shown to a reader of `reader` (a
/// code), or "" when the text needs none: `code` empty, or the reader's own.
std::string other_language_tag(const Site& site, const std::string& code,
                               std::string_view reader = {});
/// The language code a page's title is in when it is not the reader's ("" when it is).
std::string title_lang_code(const Page& p);
/// Adds `title_lang` to `m`: the HTML tag of `p`'s title's language when it is not the
/// reader's, else "" (present either way, as add_marked_html's names are).
void add_title_lang(Map& m, const Site& site, const Page& p);
/// Adds `title_html` to `m` when `title`, written in the language `code` ("" = the
/// reader's language `lang`), has runs of another script to mark (language_runs.h).
void add_title_html(Map& m, const Site& site, std::string_view title, const std::string& code,
                    const Language& lang, const ScriptLanguages& tags);
/// add_title_lang and add_title_html of `p`'s title, as a link to `p` shows it.
void add_title_marks(Map& m, const Site& site, const Page& p, const Language& lang,
                     const ScriptLanguages& tags);

}  // namespace firefly::detail
