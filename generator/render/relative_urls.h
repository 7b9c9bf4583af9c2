// relative_urls: true — site paths in HTML rewritten relative to each page, so the
// output can be browsed from file:// or any sub-path.
#pragma once

#include <string>

#include "core/output.h"

namespace firefly {

/// Rewrites href="/…" and src="/…" in every .html file of `files` relative to its path;
/// a directory link gets "index.html" appended so file:// browsing works.
void make_urls_relative(OutputSet& files);
/// The same for one file (left alone unless it is generated HTML).
void make_urls_relative(OutputFile& file);
/// The relative form of site path `url` seen from the output file `from` ("en/a/index.html").
std::string relative_url(const std::string& from, const std::string& url);

}  // namespace firefly
