// The template context of a page (docs/templates.md): every value a template shows.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/value.h"
#include "model/site.h"
#include "render/body.h"
#include "render/language_runs.h"
#include "render/photos.h"
#include "render/sitemap_lists.h"
#include "render/theme.h"

namespace firefly {

class DataViews;

/// Whether the site map of `page.lang` lists `page`: a first page of a story or section,
/// a dataset or a scorecard (render/grains.cpp fingerprints what it shows of them).
bool shown_in_sitemap(const Page& page);

/// Builds contexts for the pages of one site; thread-safe after construction.
class ContextBuilder {
 public:
  ContextBuilder(const Site& site, const Theme& theme, const std::vector<Body>& bodies,
                 const DataViews& data);
  /// The context of `site.pages[index]`.
  Value page_context(size_t index) const;
  /// A list item map of `page` (title, url, summary, date, ...).
  Value list_item(const Page& page) const;
  /// Offers the published sizes of the photos in `photos` (once, before rendering).
  void set_photos(const PhotoSet* photos) { photos_ = photos; }
  /// Offers the site map lists of the build before (its builder's sitemaps()), for the
  /// site map pages to patch instead of sorting every page again (once, before rendering).
  void set_sitemaps_before(std::vector<std::shared_ptr<const SitemapLists>> before) {
    sitemaps_before_ = std::move(before);
  }
  /// The site map lists of each language as this builder made them, or else as it was
  /// offered them (null: neither), for the next build. Not while rendering.
  std::vector<std::shared_ptr<const SitemapLists>> sitemaps() const;
  /// {iso, display} of a date in `lang`.
  Value date_value(const Date& date, const Language& lang) const;

 private:
  Value site_value(const Page& page, const Language& lang) const;
  Value page_value(const Page& page, const Language& lang) const;
  Value sitemap_value(const Language& lang) const;
  /// has_translations, translations, alternates and canonical (render/page_links.cpp).
  void add_translations(Map& m, const Page& page, const Language& lang) const;
  /// Home, then the section or catalogue, then a plan's dataset and scorecard.
  Value breadcrumbs_value(const Page& page, const Language& lang) const;
  /// {current, total, pages[{n, url, current} or {gap}], prev, next} of a paginated list.
  Value pagination_value(const Page& page) const;
  /// The page's taxonomy terms [{name, title, terms[{title, url, title_lang}]}].
  Value taxonomies_value(const Page& page, const Language& lang) const;
  /// One term {title, url, title_lang} of `page`, or null when `value` has no slug.
  Value term_value(const Taxonomy& tax, const std::string& name, const std::string& value,
                   const Page& page, const Language& lang) const;
  size_t index_of(const Page& page) const;
  /// Where index_ looks for `page` first.
  size_t index_slot(const Page* page) const;
  /// list_item's map, made anew (list_item keeps it).
  Value make_list_item(const Page& page) const;
  Value images_value(const Page& page, PhotoPlace first) const;
  /// The front matter's people {name, age, union}, with `name_lang`/`union_lang` when that
  /// text is in another language than the page (kept from the original, or a fallback).
  Value people_value(const Page& page, const Language& lang) const;
  /// The collection's own fields the page shows as "label: value" [{name, label,
  /// label_lang, text, text_lang, iso, yes, no, has_values, values[{text, text_lang}]}]
  /// (render/context_fields.cpp).
  Value fields_value(const Page& page, const Language& lang) const;

  /// What every page in one language shows alike, made once: `lang`, `assets` and the
  /// members of `site` that do not depend on the page.
  struct LanguageParts {
    const Language* language = nullptr;
    Value lang, assets, publisher, data_license;
    Map site_head;  ///< title ... feed_url, the first members of `site`
  };
  LanguageParts language_parts(const Language& lang) const;
  const LanguageParts& parts_of(const Language& lang, LanguageParts& spare) const;

  const Site& site_;
  const Theme& theme_;
  const std::vector<Body>& bodies_;
  const DataViews& data_;
  /// Each page's index in `site.pages`, by its address: open addressing in a power of two
  /// of slots, at least twice the pages (a list page looks up each page it lists: one
  /// slot read, where a node-based map read its bucket and then its node).
  std::vector<std::pair<const Page*, size_t>> index_;
  /// Site::groups by hash.
  std::unordered_map<std::string_view, const std::map<std::string, Page*>*> groups_;
  const PhotoSet* photos_ = nullptr;
  std::vector<LanguageParts> languages_;  ///< one for each language of the site
  ScriptLanguages script_tags_;           ///< the site's tags for marked scripts
  /// Tells this builder from every other made in the process (for what threads keep).
  std::uint64_t serial_;
  /// The site map lists offered from the build before, and those made, by language.
  std::vector<std::shared_ptr<const SitemapLists>> sitemaps_before_;
  struct SitemapSlot {
    std::mutex lock;
    std::shared_ptr<const SitemapLists> made;
  };
  std::vector<std::unique_ptr<SitemapSlot>> sitemap_slots_;
  /// Each page's list item, by index in `site.pages`, made the first time a list shows the
  /// page: a story is listed on its section's pages, its terms' pages and the home page,
  /// and its item shows the same there (nothing of the listing page). Each item's state:
  /// 0 not made, 1 being made by a thread, 2 made (not std::call_once: glibc's once wakes
  /// waiters with a system call every time it runs, 24,000 calls at 10,000 stories).
  mutable std::unique_ptr<std::atomic<std::uint8_t>[]> list_item_made_;
  mutable std::unique_ptr<Value[]> list_items_;
};

}  // namespace firefly
