// The feeds and sitemap.xml of an update: taken over from the build before when what they
// show did not change, made again for the languages (feeds) or entries (sitemap.xml) whose
// pages changed, or made whole.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/output.h"
#include "model/site.h"
#include "render/body.h"
#include "render/site_files.h"
#include "render/sitemap_xml.h"

namespace firefly {

/// The feeds and sitemap.xml as a build made them, kept for the next build.
struct SiteFilesState {
  /// What the feeds and sitemap.xml show, with the configuration's fingerprint.
  SiteFilePrint print;
  /// What they show of each page (site_file_print), indexed like the site's pages.
  std::vector<SiteFilePrint> prints;
  std::vector<std::string> feed_paths, sitemap_paths;
  /// What each feed shows, for the next build to take those it need not make again.
  std::vector<FeedShown> feeds_shown;
  /// sitemap.xml with where each page's entry is, for the next build to patch.
  SitemapXml sitemap_xml;
};

/// The build before, as an update of its site files reads it.
struct SiteFilesBefore {
  const Site& site;
  const std::vector<Body>& bodies;  ///< the bodies of its pages (their summaries)
  const SiteFilesState& files;
  std::uint64_t config;  ///< the fingerprint of its configuration
  /// For each page now, the index of the same page before (model/site_patch_match.h
  /// shared_pages), or kNoPageBefore; empty: the same index.
  const std::vector<size_t>& index;
};

/// Makes the feeds and sitemap.xml of a site into `state`, in three steps (so that a
/// caller can time each and write the feeds while sitemap.xml is made). Without a build
/// before (or with another configuration) every file is made whole.
class SiteFilesUpdate {
 public:
  /// `config`: the fingerprint of this build's configuration; `before` may be null.
  SiteFilesUpdate(const Site& site, const std::vector<Body>& bodies, std::uint64_t config,
                  const SiteFilesBefore* before, SiteFilesState& state);

  /// What the files show of each page: taken from the build before for a page it shares
  /// with the same summary.
  void find_prints();
  /// The feeds: files made into `out`, and the paths of those taken over unchanged from
  /// the build before into `taken`.
  void feeds(OutputSet& out, std::vector<std::string>& taken);
  /// sitemap.xml and robots.txt, likewise.
  void sitemap(OutputSet& out, std::vector<std::string>& taken);

 private:
  const Site& site_;
  const std::vector<Body>& bodies_;
  std::uint64_t config_;
  const SiteFilesBefore* before_;
  SiteFilesState& state_;
  bool take_prints_ = false;
  /// For each page before, the same page now (pages_now), when the files can be made
  /// from those before; empty when they cannot. Made by find_prints, before feeds() and
  /// sitemap(), which read it and may run on two threads at once.
  std::vector<size_t> now_of_;
};

}  // namespace firefly
