#include "render/site_files.h"

#include <doctest/doctest.h>

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

}  // namespace firefly
