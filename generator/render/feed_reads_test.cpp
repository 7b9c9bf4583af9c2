#include "render/feed_reads.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "model/config_for_tests.h"
#include "model/site_patch_match.h"
#include "model/site_reuse.h"
#include "render/site_files_for_tests.h"

namespace firefly {

TEST_CASE("feed_languages_changed: the languages whose feeds show or would show a changed page") {
  FeedSite fs;
  const Site* before = fs.site.get();
  std::vector<Body> bodies(before->pages.size());
  OutputSet out;
  std::vector<FeedShown> shown;
  render_feeds(*before, bodies, out, &shown);
  REQUIRE(shown.size() == 4);  // per language, the site's and the stories'
  for (const FeedShown& f : shown) CHECK(f.full == (f.lang == "zh-TW"));
  std::vector<SiteFilePrint> prints_before = site_file_prints(*before);
  auto changed = [&](size_t at, const std::string& date) {
    std::unique_ptr<Site> site = fs.redated(at, date);
    std::vector<size_t> now_of = pages_now(*site, shared_pages(*before, *site), *before);
    REQUIRE(now_of.size() == before->pages.size());
    return feed_languages_changed(*site, site_file_prints(*site), *before, prints_before, now_of,
                                  shown);
  };
  // s10 is among the oldest: not shown, and still too old for the feeds.
  CHECK(changed(0, "2022-05-01").empty());
  // Now the newest: it takes a place in the Chinese feeds.
  CHECK(changed(0, "2024-05-01") == std::set<std::string>{"zh-TW"});
  // s27, dated 2023-01-27, is shown; older now, it leaves them.
  CHECK(changed(17, "2022-05-01") == std::set<std::string>{"zh-TW"});
  // The English feeds show every English story.
  CHECK(changed(25, "2021-01-01") == std::set<std::string>{"en"});
}

}  // namespace firefly
