// For tests of the site files (feeds, sitemap.xml): dated pages and their prints.
#pragma once

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "load/content.h"
#include "model/config_for_tests.h"
#include "model/site_reuse.h"
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

/// A two-language site of 25 Chinese stories (more than a feed shows, dated 2023-01-10 to
/// 2023-01-27) and one English story (2023-02-01), built.
struct FeedSite {
  SiteConfig config = config_from(
      "title: T\nlanguages:\n  - {code: zh-TW, html_lang: zh-Hant-TW}\n  - {code: en}\n"
      "collections:\n  stories: {sort: date desc, paginate: 10}\n");
  SiteInputs inputs;
  SourcePages sources;
  std::unique_ptr<Site> site;

  FeedSite() {
    inputs.config_print = 7;
    inputs.now = 1'900'000'000;
    for (int k = 0; k < 25; ++k) {
      sources.push_back(dated_page(config, "content/stories/s" + std::to_string(10 + k) + ".md",
                                   "2023-01-" + std::to_string(10 + k % 18)));
    }
    sources.push_back(dated_page(config, "content/stories/e.en.md", "2023-02-01"));
    Diagnostics diags;
    site = build_site(config, sources, inputs, diags);
    REQUIRE_FALSE(diags.has_errors());
  }

  /// The site patched after the source at `at` is dated `date`.
  std::unique_ptr<Site> redated(size_t at, const std::string& date) const {
    SourcePages next = sources;
    next[at] = dated_page(config, next[at]->path, date);
    std::unique_ptr<Site> now = patch_site(*site, sources, config, next, inputs);
    REQUIRE(now);
    return now;
  }
};

}  // namespace firefly
