// The site-wide files beside the pages: Atom feeds, sitemap.xml, robots.txt.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/output.h"
#include "model/site.h"
#include "render/body.h"
#include "render/sitemap_xml.h"

namespace firefly {

/// Atom feeds: /feed.xml per language and /<section>/feed.xml per section and language.
void render_feeds(const Site& site, const std::vector<Body>& bodies, OutputSet& out);
/// The feeds of one language.
void render_feeds(const Site& site, const std::vector<Body>& bodies, const Language& lang,
                  OutputSet& out);

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
