#include "render/body.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <map>

#include "core/yaml.h"
#include "render/data_views.h"
#include "render/theme.h"

namespace firefly {

TEST_CASE("render_bodies says when each source's pages all have their bodies") {
  Diagnostics diags;
  auto config = site_config_from(
      parse_yaml("title: T\nlanguages:\n  - {code: zh-TW, html_lang: zh-Hant-TW}\n  - {code: en}\n",
                 "site.yaml", diags),
      diags);
  REQUIRE(config);
  auto source = [&](const std::string& path, const std::string& text) {
    SourcePage page;
    REQUIRE(load_source_page(path, text, *config, page, diags));
    return page;
  };
  // a.md has no English translation: its English page shows it too (a fallback).
  std::vector<SourcePage> sources = {source("content/a.md", "---\ntitle: 甲\n---\n甲文\n"),
                                     source("content/b.md", "---\ntitle: 乙\n---\n乙文\n"),
                                     source("content/b.en.md", "---\ntitle: B\n---\nB text\n")};
  auto site = build_site(*config, sources, {}, diags);
  REQUIRE(site);
  auto theme =
      load_theme(std::filesystem::temp_directory_path() / "firefly-no-site", *config, diags);
  REQUIRE(theme);
  DataViews data({}, make_data_site(*config), *theme);
  REQUIRE_FALSE(diags.has_errors());

  // As the build does: each source's Markdown is freed once it says so.
  std::map<std::string, int> done;
  std::vector<Body> bodies =
      render_bodies(*site, data, 1, diags, nullptr, [&](const SourcePage& s) {
        ++done[s.path];
        sources[&s - sources.data()].body = SharedText();
      });
  CHECK(done == std::map<std::string, int>{
                    {"content/a.md", 1}, {"content/b.md", 1}, {"content/b.en.md", 1}});
  size_t shown = 0;
  for (size_t i = 0; i < site->pages.size(); ++i) {
    if (site->pages[i]->source) {
      std::string text = site->pages[i]->source == &sources[0]   ? "甲文"
                         : site->pages[i]->source == &sources[1] ? "乙文"
                                                                 : "B text";
      CHECK(bodies[i].html.str().find(text) != std::string::npos);
      ++shown;
    }
  }
  CHECK(shown == 4);  // a in both languages, b and its translation
}

}  // namespace firefly
