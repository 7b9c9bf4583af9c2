#include "render/site_files.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "render/site_files_for_tests.h"

namespace firefly {

TEST_CASE("site_file_print: the sitemap's print leaves out what only the feeds show") {
  Page p;
  p.kind = PageKind::kPage;
  p.key = "stories/a";
  p.lang = "en";
  p.section = "stories";
  p.url = "/stories/a/";
  p.title = "A story";
  p.date = parse_date("2024-05-01");
  const SiteFilePrint before = site_file_print(p, "Its summary.");
  CHECK(site_file_print(p, "Its summary.") == before);

  SUBCASE("title, summary, description: the feeds only") {
    Page q = p;
    q.title = "Another title";
    CHECK(site_file_print(q, "Its summary.").feeds != before.feeds);
    CHECK(site_file_print(q, "Its summary.").sitemap == before.sitemap);
    CHECK(site_file_print(p, "Another summary.").feeds != before.feeds);
    CHECK(site_file_print(p, "Another summary.").sitemap == before.sitemap);
    q = p;
    q.description = "Described";
    CHECK(site_file_print(q, "Its summary.").feeds != before.feeds);
    CHECK(site_file_print(q, "Its summary.").sitemap == before.sitemap);
  }
  SUBCASE("address, dates, marks: both") {
    Page q = p;
    q.url = "/stories/b/";
    CHECK(site_file_print(q, "Its summary.").feeds != before.feeds);
    CHECK(site_file_print(q, "Its summary.").sitemap != before.sitemap);
    q = p;
    q.updated = parse_date("2024-06-01");
    CHECK(site_file_print(q, "Its summary.").sitemap != before.sitemap);
    q = p;
    q.draft = true;
    CHECK(site_file_print(q, "Its summary.").sitemap != before.sitemap);
    q = p;
    q.fallback = true;
    CHECK(site_file_print(q, "Its summary.").sitemap != before.sitemap);
  }
  SUBCASE("the files' prints follow every page's, in order") {
    Page q = p;
    q.title = "Another title";
    const SiteFilePrint other = site_file_print(q, "Its summary.");
    SiteFilePrint both = site_files_fingerprint({before, other});
    CHECK(site_files_fingerprint({before, other}) == both);
    CHECK(site_files_fingerprint({other, before}).feeds != both.feeds);
    CHECK(site_files_fingerprint({before}).sitemap != both.sitemap);
  }
}

TEST_CASE("site_file_paths: the paths of the feeds and sitemap.xml, before they are made") {
  FeedSite fs;
  auto made_paths = [](const Site& site) {
    OutputSet out;
    render_feeds(site, std::vector<Body>(site.pages.size()), out);
    render_sitemap_xml(site, out);
    std::vector<std::string> paths;
    for (const OutputFile& f : out) paths.push_back(f.path);
    std::sort(paths.begin(), paths.end());
    return paths;
  };
  std::vector<std::string> paths = site_file_paths(*fs.site);
  CHECK(paths == made_paths(*fs.site));
  CHECK(std::count(paths.begin(), paths.end(), "en/stories/feed.xml") == 1);

  // A section with no dated page has a feed too; a page outside the sections adds none.
  SourcePages more = fs.sources;
  for (auto [path, text] : {std::pair{"content/notes/_index.md", "---\ntitle: Notes\n---\n"},
                            {"content/about.md", "---\ntitle: Undated\n---\nText.\n"}}) {
    Diagnostics diags;
    auto page = std::make_shared<SourcePage>();
    REQUIRE(load_source_page(path, text, fs.config, *page, diags));
    more.push_back(page);
  }
  Diagnostics diags;
  std::unique_ptr<Site> site = build_site(fs.config, more, fs.inputs, diags);
  REQUIRE_FALSE(diags.has_errors());
  paths = site_file_paths(*site);
  CHECK(paths == made_paths(*site));
  CHECK(std::count(paths.begin(), paths.end(), "notes/feed.xml") == 1);
  CHECK(std::count(paths.begin(), paths.end(), "about/feed.xml") == 0);
}

}  // namespace firefly
