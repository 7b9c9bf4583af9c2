#include "render/sitemap_lists.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "core/locale.h"
#include "render/collate.h"
#include "render/context_detail.h"
#include "render/language_runs.h"

namespace firefly {

namespace {

/// An entry with its page's index now (the last tie-break of sort_by_title).
struct Placed {
  std::shared_ptr<const SitemapEntry> entry;
  size_t at;
};

bool before_in_order(const Placed& a, const Placed& b) {
  return title_place_before({a.entry->key, a.entry->title, a.at},
                            {b.entry->key, b.entry->title, b.at});
}

bool same_shown(const SitemapEntry& a, const SitemapEntry& b) {
  return a.section == b.section && a.title == b.title && a.url == b.url &&
         a.has_title_lang == b.has_title_lang && a.title_lang == b.title_lang;
}

}  // namespace

std::shared_ptr<const SitemapLists> sitemap_lists(const Site& site, const std::string& lang,
                                                  const std::string& locale,
                                                  const SitemapLists* before) {
  if (before && (before->lang != lang || before->locale != locale)) before = nullptr;
  // The entries of the build before by address (a graph built again has other pages).
  std::unordered_map<std::string_view, const SitemapEntry*> was;
  if (before) {
    for (const auto& [section, entries] : before->sections) {
      for (const auto& e : entries) was.emplace(e->url, e.get());
    }
  }
  std::unique_ptr<Collator> collator;
  const ScriptLanguages tags = script_languages(site.config->languages);
  std::unordered_map<const SitemapEntry*, size_t> kept;  // entry before -> page index now
  std::map<std::string, std::vector<Placed>> added;
  for (size_t i = 0; i < site.pages.size(); ++i) {
    const auto& p = site.pages[i];
    if (p->lang != lang || p->page_number != 1 || p->kind != PageKind::kPage) continue;
    SitemapEntry e;
    e.section = p->section;
    e.title = p->title;
    e.url = p->url;
    e.has_title_lang = p->fallback;
    if (p->fallback) e.title_lang = detail::language_of(site, p->content_lang).html_lang;
    if (auto it = was.find(e.url); it != was.end() && same_shown(*it->second, e)) {
      if (kept.emplace(it->second, i).second) continue;
    }
    if (!collator) collator = std::make_unique<Collator>(locale);
    e.key = collator->sort_key(e.title);
    Map m{{"title", e.title}, {"url", e.url}};
    m.emplace_back("title_lang", e.has_title_lang ? e.title_lang : std::string());
    add_marked_html(m, "title", e.title, e.has_title_lang ? e.title_lang : locale, tags);
    e.item = Value(std::move(m));
    std::string section = e.section;
    added[section].push_back({std::make_shared<const SitemapEntry>(std::move(e)), i});
  }
  auto lists = std::make_shared<SitemapLists>();
  lists->lang = lang;
  lists->locale = locale;
  std::map<std::string, std::vector<Placed>> placed;
  if (before) {
    for (const auto& [section, entries] : before->sections) {
      std::vector<Placed>& list = placed[section];
      for (const auto& e : entries) {
        if (auto it = kept.find(e.get()); it != kept.end()) list.push_back({e, it->second});
      }
      // Kept in the order before; pages that moved among equal titles are put in place.
      if (!std::is_sorted(list.begin(), list.end(), before_in_order))
        std::sort(list.begin(), list.end(), before_in_order);
    }
  }
  for (auto& [section, list] : added) {
    std::sort(list.begin(), list.end(), before_in_order);
    std::vector<Placed>& into = placed[section];
    std::vector<Placed> merged;
    merged.reserve(into.size() + list.size());
    std::merge(into.begin(), into.end(), list.begin(), list.end(), std::back_inserter(merged),
               before_in_order);
    into = std::move(merged);
  }
  for (auto& [section, list] : placed) {
    if (list.empty()) continue;
    auto& entries = lists->sections[section];
    entries.reserve(list.size());
    for (Placed& p : list) entries.push_back(std::move(p.entry));
  }
  return lists;
}

}  // namespace firefly
