#include "render/body.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <utility>

#include "core/yaml.h"
#include "model/translation_checks.h"
#include "render/data_views.h"
#include "render/theme.h"

namespace firefly {

namespace {

/// A two-language site (zh-TW, en) of the pages `files` ({path, text}), its theme and data
/// views, as the build makes them for render_bodies.
struct TwoLanguageSite {
  Diagnostics diags;
  std::optional<SiteConfig> config;
  std::vector<SourcePage> sources;
  std::unique_ptr<Site> site;
  std::unique_ptr<Theme> theme;
  std::vector<Dataset> datasets;  // none; kept, as the views refer to it
  std::unique_ptr<DataViews> data;

  explicit TwoLanguageSite(const std::vector<std::pair<std::string, std::string>>& files,
                           const std::string& more_yaml = {}) {
    config = site_config_from(
        parse_yaml(
            "title: T\nlanguages:\n  - {code: zh-TW, html_lang: zh-Hant-TW}\n  - {code: en}\n" +
                more_yaml,
            "site.yaml", diags),
        diags);
    REQUIRE(config);
    for (const auto& [path, text] : files) {
      SourcePage page;
      REQUIRE(load_source_page(path, text, *config, page, diags));
      sources.push_back(std::move(page));
    }
    site = build_site(*config, sources, {}, diags);
    REQUIRE(site);
    theme = load_theme(std::filesystem::temp_directory_path() / "firefly-no-site", *config, diags);
    REQUIRE(theme);
    data = std::make_unique<DataViews>(datasets, make_data_site(*config), *theme);
    REQUIRE_FALSE(diags.has_errors());
  }
};

}  // namespace

TEST_CASE("render_bodies says when each source's pages all have their bodies") {
  // a.md has no English translation: its English page shows it too (a fallback).
  TwoLanguageSite t({{"content/a.md", "---\ntitle: 甲\n---\n甲文\n"},
                     {"content/b.md", "---\ntitle: 乙\n---\n乙文\n"},
                     {"content/b.en.md", "---\ntitle: B\n---\nB text\n"}});
  Diagnostics& diags = t.diags;
  std::vector<SourcePage>& sources = t.sources;
  auto& site = t.site;
  DataViews& data = *t.data;

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

TEST_CASE("bodies the translation checks rendered ahead are the bodies rendered anew") {
  // b's pages share one parse for the checks and the render; c's (a `~`) are parsed twice;
  // a has no translation (not checked) and its English page is a fallback.
  const std::vector<std::pair<std::string, std::string>> files = {
      {"content/a.md", "---\ntitle: 甲\n---\n甲文 [乙](/b/) 2,500 人\n"},
      {"content/b.md",
       "---\ntitle: 乙\n---\n# 標題\n\n乙文 [甲](/a/)、![pic](/nowhere.png) 與 [丙](/c/#top) "
       "3,256\n"},
      {"content/b.en.md",
       "---\ntitle: B\n---\n# Title\n\nB text [a](/a/), ![pic](/nowhere.png), [丙](/c/?q=1&r='s') "
       "3,000\n"},
      {"content/c.md", "---\ntitle: 丙\n---\n104~107年 [乙](/b/)\n"},
      {"content/c.en.md", "---\ntitle: C\n---\n2015 to 2018 [b](/b/)\n"}};
  auto build = [&](bool take_bodies, std::vector<SourcePage>& sources, Diagnostics& diags) {
    auto config = site_config_from(
        parse_yaml("title: T\nlanguages:\n  - {code: zh-TW}\n  - {code: en}\n", "site.yaml", diags),
        diags);
    REQUIRE(config);
    sources.resize(files.size());
    for (size_t i = 0; i < files.size(); ++i) {
      REQUIRE(load_source_page(files[i].first, files[i].second, *config, sources[i], diags));
    }
    auto site = build_site(*config, sources, {}, diags);
    REQUIRE(site);
    check_translations(*site, {}, diags, 2, nullptr, nullptr, take_bodies);
    if (take_bodies) {
      CHECK(sources[1].body_ahead);  // b and b.en: rendered ahead, their Markdown freed
      CHECK(sources[2].body_ahead);
      CHECK(sources[2].body.empty());
      CHECK_FALSE(sources[0].body_ahead);  // a: not checked; c: parsed twice
      CHECK_FALSE(sources[3].body_ahead);
      CHECK_FALSE(sources[3].body.empty());
    }
    auto theme =
        load_theme(std::filesystem::temp_directory_path() / "firefly-no-site", *config, diags);
    REQUIRE(theme);
    DataViews data({}, make_data_site(*config), *theme);
    std::vector<Body> bodies = render_bodies(*site, data, 2, diags);
    for (const SourcePage& s : sources) CHECK_FALSE(s.body_ahead);  // taken and freed
    std::vector<std::string> out;
    for (size_t i = 0; i < site->pages.size(); ++i) {
      out.push_back(site->pages[i]->url + "\n" + bodies[i].html.str() + "\n" +
                    bodies[i].summary.str() + "\n" + std::to_string(bodies[i].reading_minutes));
    }
    for (const Diagnostic& d : diags.sorted()) out.push_back(d.path + ": " + d.message);
    return out;
  };
  std::vector<SourcePage> twice, once;
  Diagnostics twice_diags, once_diags;
  std::vector<std::string> parsed_twice = build(false, twice, twice_diags);
  std::vector<std::string> parsed_once = build(true, once, once_diags);
  CHECK(parsed_once == parsed_twice);
  CHECK(twice_diags.has_errors());  // the broken image, reported once
  std::string all;
  for (const std::string& s : parsed_once) all += s + "\n";
  CHECK(all.find("id=\"標題\"") != std::string::npos);
  CHECK(all.find("href=\"/en/c/?q=1&amp;r=&#x27;s&#x27;\"") != std::string::npos);
}

TEST_CASE("a link to a page's file goes to that page, in the reader's language") {
  // As a repository's web view follows them: from the linking file's folder.
  TwoLanguageSite t(
      {{"content/stories/a.md",
        "---\ntitle: 甲\n---\n[乙](b.md) [首頁](../_index.md#top) [B](/stories/b.en.md)\n"},
       {"content/stories/b.md", "---\ntitle: 乙\n---\n乙文\n"},
       {"content/stories/b.en.md", "---\ntitle: B\n---\nB text [gone](c.md)\n"},
       {"content/_index.md", "---\ntitle: 首頁\n---\n"}});
  Diagnostics& diags = t.diags;
  auto& site = t.site;
  DataViews& data = *t.data;
  std::vector<Body> bodies = render_bodies(*site, data, 1, diags, nullptr, nullptr);
  std::map<std::string, std::string> html;  // url -> body
  for (size_t i = 0; i < site->pages.size(); ++i) html[site->pages[i]->url] = bodies[i].html.str();
  CHECK(html["/stories/a/"].find("<a href=\"/stories/b/\">乙</a>") != std::string::npos);
  CHECK(html["/stories/a/"].find("<a href=\"/#top\">首頁</a>") != std::string::npos);
  // As every link: to the page in the reader's language, whichever translation's file.
  CHECK(html["/stories/a/"].find("<a href=\"/stories/b/\">B</a>") != std::string::npos);
  // a.md shown in English (it has no translation) links to b's English page.
  CHECK(html["/en/stories/a/"].find("<a href=\"/en/stories/b/\">乙</a>") != std::string::npos);
  // A file that is no page is still a broken link.
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.sorted()[0].message ==
        "the link c.md (/stories/b/c.md) points to nothing this site publishes");
}

TEST_CASE("link targets' fingerprint changes with a page's file, not only its address") {
  auto print = [](const std::string& file) {
    TwoLanguageSite t({{file, "---\ntitle: 甲\nurl: /x/\ntranslation_key: k\n---\n"}});
    return link_targets_fingerprint(*t.site);
  };
  CHECK(print("content/a.md") == print("content/a.md"));
  // Renamed, keeping its address and key: a link naming a.md names nothing now.
  CHECK(print("content/a.md") != print("content/b.md"));
}

}  // namespace firefly

namespace firefly {

TEST_CASE("a footnote's link back is named in the language the body is written in") {
  // a.md (Chinese) has an English translation; c.md has none: its English page shows the
  // Chinese text, marked as Chinese, so its back link is named in Chinese there too.
  TwoLanguageSite t({{"content/a.md", "---\ntitle: 甲\n---\n甲文[^1]\n\n[^1]: 註。\n"},
                     {"content/a.en.md", "---\ntitle: A\n---\nA text[^n]\n\n[^n]: Note.\n"},
                     {"content/c.md", "---\ntitle: 丙\n---\n丙文[^1]\n\n[^1]: 註。\n"}});
  std::vector<Body> bodies = render_bodies(*t.site, *t.data, 1, t.diags);
  size_t chinese = 0, english = 0;
  for (size_t i = 0; i < t.site->pages.size(); ++i) {
    const Page& page = *t.site->pages[i];
    if (!page.source) continue;
    std::string html = bodies[i].html.str();
    if (page.source->lang == "en") {
      CHECK(html.find("aria-label=\"Back to content\"") != std::string::npos);
      ++english;
    } else {
      CHECK(html.find("aria-label=\"回到內文\"") != std::string::npos);
      CHECK(html.find("Back to content") == std::string::npos);
      ++chinese;
    }
  }
  CHECK(english == 1);
  CHECK(chinese == 3);  // a, c and c's English fallback page

  // Words with markup characters are escaped; a theme without the string keeps the name.
  std::string html = "<a aria-label=\"Back to content\">↩</a> <a aria-label=\"Back to content\">";
  CHECK(name_footnote_back_links(html, Value(Map{{"footnote_back", Value("A \"B\" & C")}})));
  CHECK(html ==
        "<a aria-label=\"A &quot;B&quot; &amp; C\">↩</a> <a aria-label=\"A &quot;B&quot; &amp; "
        "C\">");
  std::string plain = "<p>no notes</p>";
  CHECK_FALSE(name_footnote_back_links(plain, Value(Map{})));
  std::string kept = "<a aria-label=\"Back to content\">";
  CHECK(name_footnote_back_links(kept, Value(Map{})));
  CHECK(kept == "<a aria-label=\"Back to content\">");
}

}  // namespace firefly

namespace firefly {

TEST_CASE("a site path to a page published only in another language links to it there") {
  // missing_translation: omit: e.html is only in English, at /en/e/; a Chinese page links
  // it as written, without the language prefix, as every link to a page is written.
  TwoLanguageSite t({{"content/a.md", "---\ntitle: 甲\n---\n見 [E](/e/) 與 [E2](../e/#x)\n"},
                     {"content/e.en.md", "---\ntitle: E\n---\nEnglish only\n"}},
                    "missing_translation: omit\n");
  std::vector<Body> bodies = render_bodies(*t.site, *t.data, 1, t.diags);
  CHECK_FALSE(t.diags.has_errors());
  bool seen = false;
  for (size_t i = 0; i < t.site->pages.size(); ++i) {
    const Page& page = *t.site->pages[i];
    if (!page.source || page.source->path != "content/a.md") continue;
    std::string html = bodies[i].html.str();
    CHECK(html.find("href=\"/en/e/\"") != std::string::npos);
    CHECK(html.find("href=\"/en/e/#x\"") != std::string::npos);
    seen = true;
  }
  CHECK(seen);
  // A path no language publishes is still an error.
  TwoLanguageSite broken({{"content/a.md", "---\ntitle: 甲\n---\n[X](/nowhere/)\n"}},
                         "missing_translation: omit\n");
  render_bodies(*broken.site, *broken.data, 1, broken.diags);
  CHECK(broken.diags.has_errors());
}

}  // namespace firefly
