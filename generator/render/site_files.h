// The site-wide files beside the pages: Atom feeds, sitemap.xml, robots.txt.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/output.h"
#include "model/site.h"
#include "render/body.h"

namespace firefly {

/// Atom feeds: /feed.xml per language and /<section>/feed.xml per section and language.
void render_feeds(const Site& site, const std::vector<Body>& bodies, OutputSet& out);
/// The feeds of one language.
void render_feeds(const Site& site, const std::vector<Body>& bodies, const Language& lang,
                  OutputSet& out);
/// /sitemap.xml with xhtml:link hreflang alternates, and /robots.txt.
void render_sitemap_xml(const Site& site, OutputSet& out);

/// The fingerprint of everything the feeds, sitemap.xml and robots.txt show besides the
/// configuration: each page's kind, key, language, section, address, title, dates, marks
/// (draft, fallback), summary and description. Equal fingerprints (with the same
/// configuration): the same files.
std::uint64_t site_files_fingerprint(const Site& site, const std::vector<Body>& bodies);
/// What those files show of one page (`summary`: its body's), as a fingerprint.
std::uint64_t site_file_print(const Page& p, std::string_view summary);
/// site_files_fingerprint() from the site_file_print() of every page, in order (so that a
/// build can take the prints of the pages that did not change from the build before).
std::uint64_t site_files_fingerprint(const std::vector<std::uint64_t>& prints);

}  // namespace firefly
