#include "render/sitemap_xml.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "model/config_for_tests.h"
#include "model/site_patch_match.h"
#include "model/site_reuse.h"
#include "render/site_files.h"
#include "render/site_files_for_tests.h"

namespace firefly {

namespace {

/// A site's sitemap.xml made whole, and made from the file before by patch_sitemap_xml.
struct Sitemaps {
  SiteConfig config = config_from(
      "title: T\nbase_url: https://example.org/\n"
      "languages:\n  - {code: zh-TW, html_lang: zh-Hant-TW}\n  - {code: en}\n"
      "collections:\n  stories: {sort: date desc, paginate: 2}\n");
  SiteInputs inputs;
  SourcePages sources;
  std::unique_ptr<Site> before;
  SitemapXml made;
  std::string full;

  Sitemaps() {
    inputs.config_print = 7;
    inputs.now = 1'900'000'000;
    sources = {dated_page(config, "content/stories/a.en.md", "2023-01-01"),
               dated_page(config, "content/stories/a.md", "2023-01-01"),
               dated_page(config, "content/stories/b.md", "2023-02-01"),
               dated_page(config, "content/stories/c.md", "2023-03-01")};
    Diagnostics diags;
    before = build_site(config, sources, inputs, diags);
    REQUIRE_FALSE(diags.has_errors());
    OutputSet out;
    render_sitemap_xml(*before, out, &made);
    REQUIRE(out.size() == 2);
    full = out[0].bytes;
    CHECK(made.rendered == made.entries.size());
  }

  /// The sitemap.xml of the graph patched for `next`: patched, it must equal the file made
  /// whole; returns how many entries were written rather than copied.
  size_t patched(const SourcePages& next) {
    std::unique_ptr<Site> site = patch_site(*before, sources, config, next, inputs);
    REQUIRE(site);
    OutputSet whole, out;
    render_sitemap_xml(*site, whole);
    SitemapXml again;
    std::vector<SiteFilePrint> before_prints = site_file_prints(*before);
    REQUIRE(patch_sitemap_xml(*site, site_file_prints(*site),
                              pages_now(*site, shared_pages(*before, *site), *before),
                              {*before, before_prints, made}, out, again));
    REQUIRE(out.size() == 2);
    CHECK(out[0].bytes == whole[0].bytes);
    CHECK(out[1].bytes == whole[1].bytes);
    // And the next patch from this one.
    SitemapXml third;
    OutputSet out3;
    std::vector<SiteFilePrint> prints = site_file_prints(*site);
    REQUIRE(patch_sitemap_xml(*site, prints, pages_now(*site, {}, *site), {*site, prints, again},
                              out3, third));
    CHECK(out3[0].bytes == whole[0].bytes);
    CHECK(third.rendered == 0);
    CHECK(out[0].bytes != full);
    return again.rendered;
  }
};

}  // namespace

TEST_CASE("patch_sitemap_xml writes the entries of the changed page's group, copies the rest") {
  Sitemaps maps;
  SourcePages next = maps.sources;
  SUBCASE("a new date: the page's entry (its group has one page with an entry)") {
    next[3] = dated_page(maps.config, "content/stories/c.md", "2023-05-01");
    CHECK(maps.patched(next) == 1);
  }
  SUBCASE("a new date of a translated page: both entries (each lists the other)") {
    next[0] = dated_page(maps.config, "content/stories/a.en.md", "2023-06-01");
    CHECK(maps.patched(next) == 2);
  }
  SUBCASE("a new story, first and last by address, and a deleted one") {
    next.push_back(dated_page(maps.config, "content/stories/0.md", "2024-01-01"));
    next.push_back(dated_page(maps.config, "content/stories/z.md", "2024-01-02"));
    next.erase(next.begin() + 2);
    CHECK(maps.patched(next) == 2);
  }
}

}  // namespace firefly
