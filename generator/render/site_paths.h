// How the output writes site paths ("/en/stories/a/"): as they are, under the path of
// the base URL ("/portal/en/stories/a/" for https://example.org/portal/), or relative to
// each page (relative_urls: true), so the site works from any folder, even file://.
#pragma once

#include <string>
#include <string_view>

#include "config/site_config.h"
#include "core/output.h"

namespace firefly {

/// Rewrites the site paths of generated HTML files for where the site is published.
class SitePaths {
 public:
  explicit SitePaths(const SiteConfig& config);
  /// True when files need rewriting at all.
  bool active() const { return relative_ || !base_path_.empty(); }
  /// Rewrites href, src, action, data-index and data-root values and meta-refresh
  /// targets that start with one "/"; other files are left alone.
  void apply(OutputFile& file) const;

 private:
  bool relative_ = false;
  std::string base_path_;  ///< "/portal", or "" at the top of the host
};

/// The relative form of site path `url` seen from the output file `from` ("en/a/index.html");
/// a directory gets "index.html" so file:// browsing works.
std::string relative_url(const std::string& from, const std::string& url);

/// The path of a base URL without its last slash: "https://h.org/portal/" -> "/portal".
std::string base_path(std::string_view base_url);

}  // namespace firefly
