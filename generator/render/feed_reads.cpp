#include "render/feed_reads.h"

#include <map>
#include <string_view>
#include <unordered_set>

#include "model/site_patch_match.h"

namespace firefly {

std::set<std::string> feed_languages_changed(const Site& site,
                                             const std::vector<SiteFilePrint>& prints,
                                             const Site& before,
                                             const std::vector<SiteFilePrint>& prints_before,
                                             const std::vector<size_t>& now_of,
                                             const std::vector<FeedShown>& shown) {
  std::set<std::string> langs;
  // Each feed before by language and section, and the pages any of them showed.
  std::map<std::pair<std::string_view, std::string_view>, const FeedShown*> feeds;
  std::unordered_set<size_t> was_shown;
  for (const FeedShown& f : shown) {
    feeds[{f.lang, f.section}] = &f;
    was_shown.insert(f.entries.begin(), f.entries.end());
  }
  // A page as it is now: a section page names its feed (or makes one); a page the feeds
  // may list changes a feed of its own that is not full, or that it enters.
  auto takes_place = [&](const Page& p, std::string_view section) {
    auto it = feeds.find({p.lang, section});
    if (it == feeds.end()) return true;  // a feed that was not there
    const FeedShown& f = *it->second;
    return !f.full || f.entries.empty() || before_in_feeds(p, *before.pages[f.entries.back()]);
  };
  auto now_counts = [&](const Page& p) {
    if (p.kind == PageKind::kSection) return true;
    if (!in_feeds(p)) return false;
    if (takes_place(p, "")) return true;
    return p.kind == PageKind::kPage && !p.section.empty() && takes_place(p, p.section);
  };
  std::vector<bool> matched(site.pages.size(), false);
  for (size_t j = 0; j < now_of.size(); ++j) {
    const Page& q = *before.pages[j];
    size_t i = now_of[j];
    if (i != kNoPageBefore) {
      matched[i] = true;
      if (prints[i].feeds == prints_before[j].feeds) continue;
      if (now_counts(*site.pages[i])) langs.insert(site.pages[i]->lang);
    }
    // The page as it was: a feed it was shown in, or its section's name.
    if (was_shown.count(j) || q.kind == PageKind::kSection) langs.insert(q.lang);
  }
  for (size_t i = 0; i < site.pages.size(); ++i) {
    if (!matched[i] && now_counts(*site.pages[i])) langs.insert(site.pages[i]->lang);
  }
  return langs;
}

}  // namespace firefly
