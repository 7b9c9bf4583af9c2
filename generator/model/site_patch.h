// The state of one patch of the site graph (site_builder.h SiteBuilder::patch), shared by
// its steps: site_patch.cpp (the changed sources, their pages and groups now),
// site_patch_lists.cpp (sections, homes, terms), site_patch_refs.cpp (references, the pages
// made anew), site_patch_order.cpp (the pages in build()'s order, the graph's maps). Not
// for other stages.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "model/site.h"

namespace firefly::detail {

struct SitePatch {
  explicit SitePatch(const Site& b) : before(b), term_titles(b.term_titles) {}

  const Site& before;
  /// The sources that changed: (before, now), either null for a deleted or new file.
  std::vector<std::pair<const SourcePage*, const SourcePage*>> changes;
  /// The page of each changed source before.
  std::unordered_map<const SourcePage*, const Page*> old_page;
  std::set<std::string> keys;               ///< of the groups that change
  std::vector<std::shared_ptr<Page>> made;  ///< the pages of the sources now
  /// A page of `before` -> its page now (null: gone); pages not in it are shared.
  std::unordered_map<const Page*, std::shared_ptr<Page>> now_of;
  /// The groups that change, now: key -> language -> page (content pages, fallbacks).
  std::map<std::string, std::map<std::string, std::shared_ptr<Page>>> after;
  std::vector<const Page*> added;             ///< the pages of those groups now
  std::unordered_set<const Page*> is_added;   ///< the same
  std::unordered_set<const Page*> group_old;  ///< the pages of those groups before
  std::vector<const Page*> moved;             ///< their kPage pages, before and now
  /// Lists made again: "key lang" -> the first page with its later pages.
  std::unordered_map<std::string, std::vector<std::shared_ptr<Page>>> chains;
  std::unordered_set<const Page*> home_remade;  ///< homes of `before` whose list is made again
  /// (taxonomy, language) -> slug -> the term's pages now (empty: gone).
  std::map<std::pair<std::string, std::string>,
           std::map<std::string, std::vector<std::shared_ptr<Page>>>>
      term_chains;
  std::map<std::string, std::map<std::string, Site::WrittenTerm>> term_titles;
  std::unordered_set<const Page*> remade;  ///< pages now whose lists were made again
  /// (key, language) -> the page now whose referenced_by is made again.
  std::map<std::pair<std::string, std::string>, std::shared_ptr<Page>> targets;

  /// The list page `first` of `before` with its later pages; empty when one is missing.
  std::vector<const Page*> chain_of(const Page& first) const {
    std::vector<const Page*> chain{&first};
    for (int n = 2; n <= first.page_count; ++n) {
      const Page* extra = before.find(first.key + "#" + std::to_string(n), first.lang);
      if (!extra) return {};
      chain.push_back(extra);
    }
    return chain;
  }

  /// The items of the list of `first` before, without the pages of the changed groups.
  std::vector<const Page*> items_of(const Page& first) const {
    std::vector<const Page*> items;
    for (const Page* q : chain_of(first)) {
      for (const Page* item : q->list) {
        if (!group_old.count(item)) items.push_back(item);
      }
    }
    return items;
  }
};

}  // namespace firefly::detail
