#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "core/text.h"
#include "model/config_for_tests.h"
#include "model/site_patch_match.h"
#include "model/site_reuse.h"

namespace firefly {

namespace {

std::shared_ptr<const SourcePage> story(const SiteConfig& config, const std::string& path,
                                        const std::string& text) {
  Diagnostics diags;
  auto page = std::make_shared<SourcePage>();
  REQUIRE(load_source_page(path, text, config, *page, diags));
  return page;
}

/// Every page of `site` in its order, with what the graph says of it: lists, references,
/// terms; then the maps and the terms' titles.
std::string describe(const Site& site) {
  std::string out;
  for (const auto& p : site.pages) {
    out += std::string(kind_name(p->kind)) + " " + p->lang + " " + p->key + " " + p->url + " " +
           p->out_path + " " + p->title + " " + p->title_lang + (p->fallback ? " fallback" : "") +
           " " + std::to_string(p->page_number) + "/" + std::to_string(p->page_count) + " [";
    for (const Page* q : p->list) out += q->url + " ";
    out += "] refs [";
    for (const auto& [collection, pages] : p->referenced_by) {
      out += collection + ":";
      for (const Page* q : pages) out += q->url + " ";
    }
    out += "] " + p->redirect_to + " " + (p->source ? p->source->path : "-") + "\n";
  }
  for (const auto& [url, page] : site.by_url) out += url + " -> " + page->out_path + "\n";
  for (const auto& [key, by_lang] : site.groups) {
    for (const auto& [lang, page] : by_lang) out += key + " " + lang + " -> " + page->url + "\n";
  }
  for (const auto& [tax, terms] : site.term_titles) {
    for (const auto& [slug, written] : terms) {
      out += tax + " " + slug + " " + written.title + " " + written.lang + "\n";
    }
  }
  return out;
}

struct Fixture {
  SiteConfig config = config_from(
      "title: T\nlanguages:\n  - {code: zh-TW, html_lang: zh-Hant-TW}\n  - {code: en}\n"
      "taxonomies:\n  tags: {title: Tags}\n"
      "collections:\n  stories: {sort: date desc, paginate: 2, taxonomies: [tags]}\n"
      "  programs: {sort: weight}\n");
  SourcePages sources;
  SiteInputs inputs;
  std::unique_ptr<Site> before;

  static std::string text(const std::string& title, const std::string& date,
                          const std::string& tags, const std::string& more = "") {
    return "---\ntitle: " + title + "\ndate: " + date + "\ntags: [" + tags + "]\n" + more +
           "---\nText.\n";
  }

  Fixture() {
    inputs.config_print = 7;
    inputs.now = 1'900'000'000;
    sources = {
        story(config, "content/programs/health.md", "---\ntitle: Health\nweight: 1\n---\n"),
        story(config, "content/stories/a.en.md", text("A", "2023-01-01", "repair")),
        story(config, "content/stories/a.md", text("甲", "2023-01-01", "志工")),
        story(config, "content/stories/b.md", text("乙", "2023-02-01", "repair, youth")),
        story(config, "content/stories/c.md", text("丙", "2023-03-01", "Repair")),
        story(config, "content/stories/d.md",
              text("丁", "2023-04-01", "youth", "aliases: [/old/d/]\n")),
    };
    Diagnostics diags;
    before = build_site(config, sources, inputs, diags);
    REQUIRE_FALSE(diags.has_errors());
  }

  /// The graph patched for `next`, checked against the graph built from it.
  std::unique_ptr<Site> patched(const SourcePages& next) const {
    std::unique_ptr<Site> site = patch_site(*before, sources, config, next, inputs);
    if (!site) return nullptr;
    Diagnostics diags;
    std::unique_ptr<Site> built = build_site(config, next, inputs, diags);
    CHECK_FALSE(diags.has_errors());
    CHECK(describe(*site) == describe(*built));
    return site;
  }

  SourcePages with(size_t index, const std::string& text) const {
    SourcePages next = sources;
    next[index] = story(config, sources[index]->path, text);
    return next;
  }
};

}  // namespace

TEST_CASE("patch_site makes the graph build_site makes after an edit of front matter") {
  Fixture f;
  // A title; a date that moves a story to the list's other page; tags that make a term and
  // drop one; the first way a term is written (its title) changing.
  CHECK(f.patched(f.with(3, Fixture::text("乙乙", "2023-02-01", "repair, youth"))));
  CHECK(f.patched(f.with(3, Fixture::text("乙", "2024-02-01", "repair, youth"))));
  CHECK(f.patched(f.with(3, Fixture::text("乙", "2023-02-01", "gardening"))));
  CHECK(f.patched(f.with(4, Fixture::text("丙", "2022-03-01", "Repair"))));
  CHECK(f.patched(f.with(1, Fixture::text("A", "2023-01-01", "REPAIR"))));
  // A term written with a Vietnamese capital in one story and without in another is one
  // term, as build() takes it (the patch compared ASCII letters' case only, and gave up).
  SourcePages vi = f.with(3, Fixture::text("乙", "2023-02-01", "đào-tạo"));
  vi[4] = story(f.config, f.sources[4]->path, Fixture::text("丙", "2023-03-01", "Đào-tạo"));
  CHECK(f.patched(vi));
  // An alias moved; a story with an alias edited.
  CHECK(f.patched(f.with(5, Fixture::text("丁", "2023-04-01", "youth", "aliases: [/new/d/]\n"))));
  CHECK(f.patched(f.with(5, Fixture::text("丁丁", "2023-04-01", "youth", "aliases: [/old/d/]\n"))));
  // A new story (its English page falls back to it), and one deleted.
  SourcePages more = f.sources;
  more.push_back(story(f.config, "content/stories/e.md", Fixture::text("戊", "2025-01-01", "new")));
  CHECK(f.patched(more));
  SourcePages fewer = f.sources;
  fewer.erase(fewer.begin() + 3);
  CHECK(f.patched(fewer));
}

TEST_CASE(
    "a term a language's own front matter writes is in that language wherever first written") {
  Fixture f;
  // "repair" is first written by a Chinese story, and by the English one too: its English
  // page is titled as English, not marked as Chinese.
  const Page* repair = f.before->find("term:tags/repair", "en");
  REQUIRE(repair);
  CHECK(repair->title == "repair");
  CHECK(repair->title_lang.empty());
  // "youth" is only in Chinese stories (shown untranslated in English), but its script is
  // not Chinese: it is not marked so. A new such story's 志工 is.
  const Page* youth = f.before->find("term:tags/youth", "en");
  REQUIRE(youth);
  CHECK(youth->title_lang.empty());
  SourcePages more = f.sources;
  more.push_back(
      story(f.config, "content/stories/e.md", Fixture::text("戊", "2025-01-01", "志工")));
  std::unique_ptr<Site> added = f.patched(more);
  REQUIRE(added);
  const Page* volunteers = added->find("term:tags/" + slugify("志工"), "en");
  REQUIRE(volunteers);
  CHECK(volunteers->title_lang == "zh-TW");
  // The English story drops the term, then writes it in capitals: patched as built.
  std::unique_ptr<Site> dropped = f.patched(f.with(1, Fixture::text("A", "2023-01-01", "youth")));
  REQUIRE(dropped);
  CHECK(dropped->find("term:tags/repair", "en")->title_lang.empty());  // Latin: not Chinese
  CHECK(dropped->find("term:tags/repair", "en")->title == "repair");
  std::unique_ptr<Site> capitals = f.patched(f.with(1, Fixture::text("A", "2023-01-01", "REPAIR")));
  REQUIRE(capitals);
  CHECK(capitals->find("term:tags/repair", "en")->title == "REPAIR");
  CHECK(capitals->find("term:tags/repair", "en")->title_lang.empty());
}

TEST_CASE("patch_site puts new stories among the others in build()'s order") {
  Fixture f;
  // New files before every story, between two, and after every one: each in its place in
  // the pages' order, with its fallback among the fallbacks.
  SourcePages more = f.sources;
  more.push_back(story(f.config, "content/stories/0.md", Fixture::text("零", "2021-01-01", "x")));
  more.push_back(
      story(f.config, "content/stories/bb.md", Fixture::text("乙乙", "2023-02-02", "y")));
  more.push_back(story(f.config, "content/stories/z.en.md", Fixture::text("Z", "2020-01-01", "x")));
  std::sort(more.begin(), more.end(),
            [](const auto& a, const auto& b) { return a->path < b->path; });
  CHECK(f.patched(more));
}

TEST_CASE("patch_site tells whether every address, key and language is as before") {
  Fixture f;
  auto same = [&](const SourcePages& next) {
    std::unique_ptr<Site> site = f.patched(next);
    REQUIRE(site);
    return site->addresses_as_before;
  };
  // A title, a date (the list pages keep their addresses), tags of terms that exist.
  CHECK(same(f.with(3, Fixture::text("乙乙", "2023-02-01", "repair, youth"))));
  CHECK(same(f.with(3, Fixture::text("乙", "2024-02-01", "repair, youth"))));
  CHECK(same(f.with(3, Fixture::text("乙", "2023-02-01", "repair"))));
  // A new term's page, a term gone, a moved alias, a new story, a deleted story.
  CHECK_FALSE(same(f.with(3, Fixture::text("乙", "2023-02-01", "repair, youth, new"))));
  CHECK_FALSE(same(f.with(2, Fixture::text("甲", "2023-01-01", "repair"))));
  CHECK_FALSE(same(f.with(5, Fixture::text("丁", "2023-04-01", "youth", "aliases: [/new/d/]\n"))));
  SourcePages more = f.sources;
  more.push_back(story(f.config, "content/stories/e.md", Fixture::text("戊", "2025-01-01", "new")));
  CHECK_FALSE(same(more));
  SourcePages fewer = f.sources;
  fewer.erase(fewer.begin() + 4);
  CHECK_FALSE(same(fewer));
}

TEST_CASE("patch_site shares the pages no list of the edit holds") {
  Fixture f;
  std::unique_ptr<Site> site =
      f.patched(f.with(3, Fixture::text("乙乙", "2023-02-01", "repair, youth")));
  REQUIRE(site);
  CHECK(site->find("programs/health", "zh-TW") == f.before->find("programs/health", "zh-TW"));
  CHECK(site->find("stories/c", "zh-TW") == f.before->find("stories/c", "zh-TW"));
  CHECK(site->find("stories/b", "zh-TW") != f.before->find("stories/b", "zh-TW"));
  CHECK(site->find("stories/b", "zh-TW")->title == "乙乙");
  CHECK(f.before->find("stories/b", "zh-TW")->title == "乙");  // the graph before as it was
}

TEST_CASE("a dataset's new title: the graph taken over or patched shows it, never the old one") {
  Fixture f;
  Localized counts;
  counts.by_lang = {{"zh-TW", "人數"}, {"en", "People"}};
  Localized visits;
  visits.plain = "Visits";
  f.inputs.datasets = {{"counts", counts}, {"visits", visits}};
  Diagnostics diags;
  f.before = build_site(f.config, f.sources, f.inputs, diags);
  REQUIRE_FALSE(diags.has_errors());
  // The English title gone (the English page shows the Chinese one, in its language),
  // and the other dataset's title in every language.
  SiteInputs renamed = f.inputs;
  renamed.datasets[0].second.by_lang = {{"zh-TW", "參與人數"}};
  renamed.datasets[1].second.plain = "Visitors";
  auto built_from = [&](const SourcePages& sources) {
    Diagnostics again;
    std::unique_ptr<Site> built = build_site(f.config, sources, renamed, again);
    CHECK_FALSE(again.has_errors());
    return describe(*built);
  };
  auto no_old_title = [](const Site& site) {
    for (const auto& p : site.pages) {
      CHECK(p->title != "People");
      CHECK(p->title != "人數");
      CHECK(p->title != "Visits");
    }
  };
  std::unique_ptr<Site> reused = reuse_site(*f.before, f.sources, f.config, f.sources, renamed);
  REQUIRE(reused);
  CHECK(describe(*reused) == built_from(f.sources));
  CHECK(reused->find("data/counts", "en")->title == "參與人數");
  CHECK(reused->find("data/counts", "en")->title_lang == "zh-TW");
  CHECK(reused->find("data/visits", "zh-TW")->title == "Visitors");
  no_old_title(*reused);
  // With a story's title edited in the same update: the graph patched.
  SourcePages next = f.with(3, Fixture::text("乙乙", "2023-02-01", "repair, youth"));
  REQUIRE_FALSE(reuse_site(*f.before, f.sources, f.config, next, renamed));
  std::unique_ptr<Site> patched = patch_site(*f.before, f.sources, f.config, next, renamed);
  REQUIRE(patched);
  CHECK(describe(*patched) == built_from(next));
  no_old_title(*patched);
  // The graph before keeps its titles; a dataset added is another graph.
  CHECK(f.before->find("data/counts", "en")->title == "People");
  CHECK(f.before->find("data/counts", "en")->title_lang.empty());
  renamed.datasets.push_back({"jobs", visits});
  CHECK_FALSE(reuse_site(*f.before, f.sources, f.config, f.sources, renamed));
  CHECK_FALSE(patch_site(*f.before, f.sources, f.config, next, renamed));
}

TEST_CASE("shared_pages finds each shared page of a patched graph where it was before") {
  Fixture f;
  // Every page of `site` found is the very page at that index before; every page of
  // `before` that `site` shares is found.
  auto check = [&](const Site& site) {
    std::vector<size_t> at = shared_pages(*f.before, site);
    REQUIRE(at.size() == site.pages.size());
    size_t found = 0;
    for (size_t i = 0; i < at.size(); ++i) {
      if (at[i] == kNoPageBefore) continue;
      ++found;
      CHECK(f.before->pages[at[i]] == site.pages[i]);
    }
    size_t shared = 0;
    for (const auto& q : f.before->pages) {
      for (const auto& p : site.pages) shared += p == q ? 1 : 0;
    }
    CHECK(found == shared);
    return found;
  };
  SourcePages more = f.sources;
  more.push_back(story(f.config, "content/stories/e.md", Fixture::text("戊", "2025-01-01", "new")));
  std::unique_ptr<Site> added = f.patched(more);
  REQUIRE(added);
  REQUIRE(added->pages.size() > f.before->pages.size());
  size_t kept = check(*added);
  CHECK(kept > 0);
  // The program page comes first in both.
  size_t health = shared_pages(*f.before, *added)[0];
  CHECK(health == 0);
  SourcePages fewer = f.sources;
  fewer.erase(fewer.begin() + 3);
  std::unique_ptr<Site> removed = f.patched(fewer);
  REQUIRE(removed);
  REQUIRE(removed->pages.size() < f.before->pages.size());
  CHECK(check(*removed) > 0);
  // A graph built anew shares nothing.
  Diagnostics diags;
  std::unique_ptr<Site> built = build_site(f.config, more, f.inputs, diags);
  CHECK(check(*built) == 0);
}

TEST_CASE("patch_site leaves to build_site what it cannot be sure of") {
  Fixture f;
  // Errors: a term with no letters, a second page at one address; an index page.
  CHECK_FALSE(patch_site(*f.before, f.sources, f.config,
                         f.with(3, Fixture::text("乙", "2023-02-01", "\"!!!\"")), f.inputs));
  CHECK_FALSE(patch_site(
      *f.before, f.sources, f.config,
      f.with(3, Fixture::text("乙", "2023-02-01", "repair", "url: /stories/c/\n")), f.inputs));
  SourcePages index = f.sources;
  index.insert(index.begin() + 1,
               story(f.config, "content/stories/_index.md", "---\ntitle: S\n---\n"));
  CHECK_FALSE(patch_site(*f.before, f.sources, f.config, index, f.inputs));
  // Other inputs.
  SiteInputs inputs = f.inputs;
  inputs.config_print = 8;
  CHECK_FALSE(patch_site(*f.before, f.sources, f.config,
                         f.with(3, Fixture::text("乙乙", "2023-02-01", "repair")), inputs));
}

}  // namespace firefly
