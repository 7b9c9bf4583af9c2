// sitemap.xml and robots.txt: made whole, or from the file of the build before with only
// the entries that read something that changed made again.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/output.h"
#include "model/site.h"

namespace firefly {

struct SiteFilePrint;

/// A sitemap.xml as made: each entry's bytes, for the next build to copy the entries
/// that did not change. The file itself goes to the output; the entries are kept apart
/// (in the pieces they were written in), so that a patch does not copy the whole file
/// once more to keep it.
struct SitemapXml {
  bool made = false;
  /// Each entry in the file's order (by address): the index of its page in the site it
  /// was made from, and its bytes (in one of `pieces`).
  std::vector<std::pair<size_t, std::string_view>> entries;
  /// The buffers the entries are in: the first those of the file made whole, then one a
  /// patch (made again whole from time to time, so that they hold few stale entries).
  std::vector<std::shared_ptr<const std::string>> pieces;
  size_t rendered = 0;  ///< the entries written when it was made; the others were copied
};

/// /sitemap.xml with xhtml:link hreflang alternates, and /robots.txt; with `made`, what
/// the next build needs to patch the file.
void render_sitemap_xml(const Site& site, OutputSet& out, SitemapXml* made = nullptr);

/// The build before, as patch_sitemap_xml reads it.
struct SitemapBefore {
  const Site& site;
  const std::vector<SiteFilePrint>& prints;  ///< site_file_print of each of its pages
  const SitemapXml& file;                    ///< its sitemap.xml
};

/// The same files as render_sitemap_xml, made from `before`'s sitemap.xml (made with the
/// same configuration): a page's entry reads its own sitemap print and those of its
/// group (its alternates), so the entries of the groups of every page that is new, gone
/// or has another print are written again, and every other entry is copied. `prints`:
/// those of `site`'s pages; `now_of`: for each page of `before.site`, the index of the
/// same page in `site` (render/site_files.h pages_now). False, with nothing made, when
/// the pages were not matched or the file before is not known.
bool patch_sitemap_xml(const Site& site, const std::vector<SiteFilePrint>& prints,
                       const std::vector<size_t>& now_of, const SitemapBefore& before,
                       OutputSet& out, SitemapXml& made);

}  // namespace firefly
