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

}  // namespace firefly
