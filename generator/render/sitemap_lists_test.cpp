#include "render/sitemap_lists.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "model/config_for_tests.h"
#include "model/site_reuse.h"

namespace firefly {

namespace {

std::shared_ptr<const SourcePage> titled(const SiteConfig& config, const std::string& path,
                                         const std::string& title) {
  Diagnostics diags;
  auto page = std::make_shared<SourcePage>();
  std::string text = "---\ntitle: " + title + "\ndate: 2023-01-01\n---\nText.\n";
  REQUIRE(load_source_page(path, text, config, *page, diags));
  return page;
}

/// The lists as one string: section, then each entry's title, url, title_lang and page.
std::string shown(const SitemapLists& lists) {
  std::string s;
  for (const auto& [section, entries] : lists.sections) {
    s += "[" + section + "]";
    for (const auto& e : entries) {
      s += e->title + "|" + e->url + "|" + e->title_lang + "|" + e->item.get("title").to_text() +
           "|" + e->item.get("url").to_text() + "|" + e->item.get("title_lang").to_text() + ";";
    }
  }
  return s;
}

}  // namespace

TEST_CASE("sitemap_lists patched after a new, a deleted and a retitled page equal fresh ones") {
  SiteConfig config = config_from(
      "title: T\nbase_url: https://example.org/\n"
      "languages:\n  - {code: zh-TW, html_lang: zh-Hant-TW}\n  - {code: en}\n"
      "collections:\n  stories: {sort: date desc, paginate: 2}\n");
  SiteInputs inputs;
  inputs.config_print = 7;
  inputs.now = 1'900'000'000;
  SourcePages sources = {titled(config, "content/stories/a.md", "Rose"),
                         titled(config, "content/stories/b.md", "rose"),
                         titled(config, "content/stories/c.md", "Tulip"),
                         titled(config, "content/stories/d.md", "Rose"),
                         titled(config, "content/stories/e.md", "Aster"),
                         titled(config, "content/about.md", "About")};
  Diagnostics diags;
  std::unique_ptr<Site> before = build_site(config, sources, inputs, diags);
  REQUIRE_FALSE(diags.has_errors());
  REQUIRE_FALSE(before->reported);
  std::vector<std::shared_ptr<const SitemapLists>> lists;
  for (const Language& l : config.languages)
    lists.push_back(sitemap_lists(*before, l.code, l.html_lang, nullptr));
  // A new page tied with two others, a deleted page, a page retitled into the tie, and a
  // page whose title no longer ties; then the same again from the patched lists.
  std::vector<SourcePages> edits;
  SourcePages next = sources;
  next.insert(next.begin() + 1, titled(config, "content/stories/aa.md", "Rose"));
  next.erase(next.begin() + 3);  // c.md
  edits.push_back(next);
  next[2] = titled(config, "content/stories/b.md", "Rose");
  next[3] = titled(config, "content/stories/d.md", "Zinnia");
  edits.push_back(next);
  next.erase(next.begin());  // a.md: the first of the tie
  next.push_back(titled(config, "content/stories/f.md", "Rose"));
  edits.push_back(next);
  for (const SourcePages& now : edits) {
    std::unique_ptr<Site> site = patch_site(*before, sources, config, now, inputs);
    REQUIRE(site);
    for (size_t i = 0; i < config.languages.size(); ++i) {
      const Language& l = config.languages[i];
      auto patched = sitemap_lists(*site, l.code, l.html_lang, lists[i].get());
      auto fresh = sitemap_lists(*site, l.code, l.html_lang, nullptr);
      CHECK(shown(*patched) == shown(*fresh));
      // The unchanged pages' entries are those of the lists before, not made again.
      size_t taken = 0;
      for (const auto& [section, entries] : patched->sections) {
        for (const auto& e : entries) {
          for (const auto& [s, was] : lists[i]->sections) {
            for (const auto& w : was) taken += w == e;
          }
        }
      }
      CHECK(taken >= 2);
      lists[i] = patched;
    }
    before = std::move(site);
    sources = now;
  }
}

}  // namespace firefly
