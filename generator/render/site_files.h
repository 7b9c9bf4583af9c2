// The site-wide files beside the pages: Atom feeds, sitemap.xml, robots.txt.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/output.h"
#include "model/site.h"
#include "render/body.h"
#include "render/sitemap_xml.h"

namespace firefly {

/// The entries of a feed: its newest pages.
inline constexpr size_t kFeedEntries = 20;

/// True for a page the Atom feeds of its language may list: a dated page or plan's results
/// in its own language.
bool in_feeds(const Page& p);

/// True when `a` comes before `b` in a feed: newer, or as new with a smaller address
/// (addresses are unique, so the order is total).
bool before_in_feeds(const Page& a, const Page& b);

/// One feed as made: its file, language, section ("" for the language's feed of the whole
/// site) and the pages of its entries (indices in the site it was made from), newest
/// first; `full` when pages older than its entries were left out.
struct FeedShown {
  std::string path, lang, section;
  std::vector<size_t> entries;
  bool full = false;
};

/// Atom feeds: /feed.xml per language and /<section>/feed.xml per section and language;
/// with `shown`, what each shows.
void render_feeds(const Site& site, const std::vector<Body>& bodies, OutputSet& out,
                  std::vector<FeedShown>* shown = nullptr);
/// The feeds of one language.
void render_feeds(const Site& site, const std::vector<Body>& bodies, const Language& lang,
                  OutputSet& out, std::vector<FeedShown>* shown = nullptr);

/// The paths of the files render_feeds and render_sitemap_xml make for `site`, sorted: a
/// feed per language and per section of it, sitemap.xml and robots.txt (so that an
/// update can check and name them before it makes them).
std::vector<std::string> site_file_paths(const Site& site);

/// For each page of `before`, the index of the same page in `site`: the page at `index`
/// (model/site_patch_match.h shared_pages; empty: the same index), or else (a page made
/// anew) the page now at its address; kNoPageBefore when none. Empty when the pages
/// cannot be matched.
std::vector<size_t> pages_now(const Site& site, const std::vector<size_t>& index,
                              const Site& before);

/// What the feeds and what sitemap.xml with robots.txt show (besides the configuration),
/// as two fingerprints: equal fingerprints (with the same configuration), the same files.
struct SiteFilePrint {
  std::uint64_t feeds = 0;    ///< kind, key, language, section, address, title, dates,
                              ///< marks (draft, fallback), summary and description
  std::uint64_t sitemap = 0;  ///< kind, key, language, address, dates and marks
  bool operator==(const SiteFilePrint&) const = default;
};

/// What those files show of one page (`summary`: its body's).
SiteFilePrint site_file_print(const Page& p, std::string_view summary);
/// The files' fingerprints from the site_file_print() of every page, in order (so that a
/// build can take the prints of the pages that did not change from the build before).
SiteFilePrint site_files_fingerprint(const std::vector<SiteFilePrint>& prints);

}  // namespace firefly
