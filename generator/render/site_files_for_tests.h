// For tests of the site files (feeds, sitemap.xml): dated pages and their prints.
#pragma once

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "load/content.h"
#include "render/site_files.h"

namespace firefly {

/// The page at `path` titled "T", dated `date`, with the front matter lines `more`; the
/// test fails when it does not load.
inline std::shared_ptr<const SourcePage> dated_page(const SiteConfig& config,
                                                    const std::string& path,
                                                    const std::string& date,
                                                    const std::string& more = "") {
  Diagnostics diags;
  auto page = std::make_shared<SourcePage>();
  std::string text = "---\ntitle: T\ndate: " + date + "\n" + more + "---\nText.\n";
  REQUIRE(load_source_page(path, text, config, *page, diags));
  return page;
}

/// What the site files show of each page of `site` (no summaries).
inline std::vector<SiteFilePrint> site_file_prints(const Site& site) {
  std::vector<SiteFilePrint> prints;
  for (const auto& p : site.pages) prints.push_back(site_file_print(*p, ""));
  return prints;
}

}  // namespace firefly
