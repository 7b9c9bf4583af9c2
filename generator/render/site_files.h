// The site-wide files beside the pages: Atom feeds, sitemap.xml, robots.txt.
#pragma once

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

}  // namespace firefly
