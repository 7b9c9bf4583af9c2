// The lists of pages of an HTML site map (/sitemap/), one for each section of a language,
// sorted by title: kept from one build to the next and patched with the pages that came,
// went or changed, instead of made and sorted again whole.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/value.h"
#include "model/site.h"

namespace firefly {

/// One page of a site map list: what it shows and its place.
struct SitemapEntry {
  std::string section, title, url;
  bool has_title_lang = false;
  std::string title_lang;
  std::string key;  ///< the title's sort key in the list's collation
  Value item;       ///< {title, url[, title_lang]}
};

/// The lists of one language's site map: section ("" for top-level pages) -> its pages in
/// sort_by_title's order (the collation's key, then the title's bytes, then page order).
struct SitemapLists {
  std::string lang, locale;
  std::map<std::string, std::vector<std::shared_ptr<const SitemapEntry>>> sections;
};

/// The lists of the site map of `lang` (first pages of kind kPage), sorted in the
/// collation of `locale`. With `before` (the lists of the build before), the entries of
/// pages at the same address with the same section and title are taken with their sort
/// keys and places, and only the pages that came or changed are given a key and merged
/// in; the result is what a build without `before` makes.
std::shared_ptr<const SitemapLists> sitemap_lists(const Site& site, const std::string& lang,
                                                  const std::string& locale,
                                                  const SitemapLists* before);

}  // namespace firefly
