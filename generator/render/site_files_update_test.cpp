#include "render/site_files_update.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "model/config_for_tests.h"
#include "model/site_patch_match.h"
#include "model/site_reuse.h"
#include "render/site_files_for_tests.h"

namespace firefly {

namespace {

// Every file made whole, as the first build makes them.
OutputSet made_whole(const Site& site, const std::vector<Body>& bodies, std::uint64_t config,
                     SiteFilesState& state) {
  SiteFilesUpdate update(site, bodies, config, nullptr, state);
  update.find_prints();
  OutputSet out;
  std::vector<std::string> taken;
  update.feeds(out, taken);
  update.sitemap(out, taken);
  CHECK(taken.empty());
  return out;
}

const OutputFile* file(const OutputSet& out, const std::string& path) {
  for (const OutputFile& f : out) {
    if (f.path == path) return &f;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("SiteFilesUpdate: takes over, makes again by language, or makes whole") {
  FeedSite fs;
  const Site* before = fs.site.get();
  std::vector<Body> bodies(before->pages.size());
  SiteFilesState first;
  OutputSet whole = made_whole(*before, bodies, 1, first);
  REQUIRE(first.feed_paths.size() == 4);     // per language, the site's and the stories'
  REQUIRE(first.sitemap_paths.size() == 2);  // sitemap.xml and robots.txt

  // The update of `next` (the source at `at` redated) after `before`.
  struct Update {
    std::unique_ptr<Site> site;
    SiteFilesState state;
    OutputSet out;
    std::vector<std::string> taken;
  };
  auto update = [&](size_t at, const std::string& date, std::uint64_t config_print) {
    Update u;
    u.site = at < fs.sources.size()
                 ? fs.redated(at, date)
                 : patch_site(*before, fs.sources, fs.config, fs.sources, fs.inputs);
    REQUIRE(u.site);
    std::vector<size_t> index = shared_pages(*before, *u.site);
    SiteFilesBefore was{*before, bodies, first, 1, index};
    std::vector<Body> now_bodies(u.site->pages.size());
    SiteFilesUpdate update(*u.site, now_bodies, config_print, &was, u.state);
    update.find_prints();
    update.feeds(u.out, u.taken);
    update.sitemap(u.out, u.taken);
    return u;
  };

  SUBCASE("nothing changed: every file taken over, none made") {
    Update u = update(fs.sources.size(), "", 1);
    CHECK(u.out.empty());
    CHECK(u.taken.size() == 6);
    CHECK(u.state.feed_paths == first.feed_paths);
    CHECK(u.state.print == first.print);
  }
  SUBCASE("an old story redated among the old: no feed made, sitemap.xml patched") {
    Update u = update(0, "2022-05-01", 1);
    CHECK(u.taken.size() == 4);  // the four feeds
    REQUIRE(u.out.size() == 2);
    CHECK(file(u.out, "sitemap.xml"));
    CHECK(u.state.sitemap_xml.rendered < u.site->pages.size());
  }
  SUBCASE("the English story redated: the English feeds made, the Chinese taken over") {
    Update u = update(25, "2021-01-01", 1);
    size_t en_feeds = 0;
    for (const OutputFile& f : u.out) en_feeds += f.path.find("feed.xml") != std::string::npos;
    CHECK(en_feeds == 2);
    CHECK(u.taken.size() == 2);
    CHECK(u.state.feed_paths.size() == 4);
    CHECK(u.state.feeds_shown.size() == 4);
  }
  SUBCASE("another configuration: every file made whole") {
    Update u = update(0, "2022-05-01", 2);
    CHECK(u.taken.empty());
    CHECK(u.out.size() == whole.size());
  }
}

}  // namespace firefly
