#include "model/site.h"

#include <doctest/doctest.h>

#include "core/yaml.h"
#include "model/config_for_tests.h"

namespace firefly {

namespace {

SourcePage source(const SiteConfig& config, const std::string& path, const std::string& text) {
  Diagnostics diags;
  SourcePage page;
  REQUIRE(load_source_page(path, text, config, page, diags));
  return page;
}

const char* kSite =
    "title: T\nlanguages:\n  - {code: zh-TW, html_lang: zh-Hant-TW}\n  - {code: en}\n"
    "collections:\n  people: {sort: title, paginate: 2}\n";

}  // namespace

TEST_CASE("build_site sorts by title with the language's collation and paginates") {
  SiteConfig config = config_from(kSite);
  std::vector<SourcePage> sources = {
      source(config, "content/people/c.md", "---\ntitle: 張\n---\n"),
      source(config, "content/people/a.md", "---\ntitle: 林\n---\n"),
      source(config, "content/people/b.md", "---\ntitle: 王\n---\n"),
  };
  Diagnostics diags;
  auto site = build_site(config, sources, {}, diags);
  CHECK_FALSE(diags.has_errors());
  const Page* list = site->find("section:people", "zh-TW");
  REQUIRE(list);
  REQUIRE(list->list.size() == 2);
  // Stroke order: 王 (4) < 林 (8) < 張 (11); bytes would put 張 first.
  CHECK(list->list[0]->title == "王");
  CHECK(list->list[1]->title == "林");
  CHECK(list->page_count == 2);
  const Page* second = site->find("section:people#2", "zh-TW");
  REQUIRE(second);
  CHECK(second->url == "/people/page/2/");
  CHECK(second->list[0]->title == "張");
}

TEST_CASE("build_site publishes an untranslated page as a marked fallback") {
  SiteConfig config = config_from(kSite);
  std::vector<SourcePage> sources = {source(config, "content/about.md", "---\ntitle: 關於\n---\n")};
  Diagnostics diags;
  auto site = build_site(config, sources, {}, diags);
  const Page* en = site->find("about", "en");
  REQUIRE(en);
  CHECK(en->fallback);
  CHECK(en->url == "/en/about/");
  CHECK(en->content_lang == "zh-TW");
  CHECK_FALSE(site->find("about", "zh-TW")->fallback);
}

TEST_CASE("build_site titles a list page missing in a language by its collection's title there") {
  // The _index is written in the default language only, as `firefly init` makes it; the
  // collection's title in site.yaml has English too, so the English menu, heading and ref
  // labels read "People", not the Chinese heading of the copy.
  SiteConfig config = config_from(
      "title: T\nlanguages:\n  - {code: zh-TW, html_lang: zh-Hant-TW}\n  - {code: en}\n"
      "collections:\n  people: {title: {zh-TW: 人物, en: People}}\n  teams: {title: 團隊}\n");
  std::vector<SourcePage> sources = {
      source(config, "content/people/_index.md", "---\ntitle: 人物誌\n---\n"),
      source(config, "content/teams/_index.md", "---\ntitle: 志工團隊\n---\n")};
  Diagnostics diags;
  auto site = build_site(config, sources, {}, diags);
  const Page* people = site->find("section:people", "en");
  REQUIRE(people);
  CHECK(people->fallback);  // still the original's text, with its notice
  CHECK(people->title == "People");
  CHECK(people->title_lang == "en");
  CHECK(site->find("section:people", "zh-TW")->title == "人物誌");  // the _index wins
  const Page* teams = site->find("section:teams", "en");  // no English title: the original's
  REQUIRE(teams);
  CHECK(teams->title == "志工團隊");
  CHECK(teams->title_lang.empty());
}

TEST_CASE("build_site keeps a page whose front matter has errors, so its body is checked") {
  SiteConfig config = config_from(kSite);
  std::vector<SourcePage> sources = {
      source(config, "content/about.md", "---\ntitle: 關於\ndate: 2021-13-45\n---\nText\n")};
  Diagnostics diags;
  auto site = build_site(config, sources, {}, diags);
  CHECK(diags.error_count() == 1);
  const Page* page = site->find("about", "zh-TW");
  REQUIRE(page);
  CHECK(page->title == "關於");
  CHECK(page->url == "/about/");
  CHECK_FALSE(page->date);
}

TEST_CASE("build_site leaves out an empty translation the CMS wrote, as a missing one") {
  SiteConfig config = config_from(kSite);
  std::vector<SourcePage> sources = {
      source(config, "content/about.md", "---\ntitle: 關於\n---\n"),
      source(config, "content/about.en.md", "---\ndate: 2026-11-20\n---\n")};
  Diagnostics diags;
  auto site = build_site(config, sources, {}, diags);
  CHECK(diags.sorted().empty());
  const Page* en = site->find("about", "en");
  REQUIRE(en);
  CHECK(en->fallback);
  CHECK(site->placeholders == std::map<std::pair<std::string, std::string>, std::string>{
                                  {{"about", "en"}, "content/about.en.md"}});
}

TEST_CASE("build_site omits untranslated pages when asked") {
  SiteConfig config = config_from(
      "title: T\nmissing_translation: omit\nlanguages:\n  - {code: zh-TW}\n  - {code: en}\n");
  std::vector<SourcePage> sources = {source(config, "content/about.md", "---\ntitle: 關於\n---\n")};
  Diagnostics diags;
  auto site = build_site(config, sources, {}, diags);
  CHECK(site->find("about", "en") == nullptr);
}

}  // namespace firefly

namespace firefly {

TEST_CASE(
    "build_site keeps a page whose front matter is not YAML at its file's address, with "
    "no field reported missing") {
  SiteConfig config = config_from(
      "title: T\nlanguages:\n  - {code: en}\ncollections:\n  stories:\n    fields:\n"
      "      program: {type: enum, values: [a, b], required: true}\n");
  Diagnostics loading;
  SourcePage broken;
  REQUIRE(load_source_page("content/stories/roses.md", "---\ntitle: Roses: x\nprogram: c\n---\n",
                           config, broken, loading));
  std::vector<SourcePage> sources = {broken};
  Diagnostics diags;
  auto site = build_site(config, sources, {}, diags);
  const Page* page = site->find("stories/roses", "en");
  REQUIRE(page);
  CHECK(page->url == "/stories/roses/");
  // The enum's value was readable and is wrong; the title may be in the broken line.
  REQUIRE(diags.sorted().size() == 1);
  CHECK(diags.sorted()[0].message == "'program' is 'c', which is not one of: a, b");
}

TEST_CASE("Site::withheld covers a withheld dataset's pages and files in every language") {
  SiteConfig config = config_from(kSite);
  SiteInputs inputs;
  inputs.withheld_datasets = {"awards"};
  inputs.withheld_files = {"/images/pipe.jpg"};
  Diagnostics diags;
  auto site = build_site(config, SourcePages{}, inputs, diags);
  CHECK(site->withheld("/data/awards/"));
  CHECK(site->withheld("/en/data/awards/scorecard/"));
  CHECK(site->withheld("/data/awards.csv"));
  CHECK(site->withheld("/images/pipe.jpg"));
  CHECK_FALSE(site->withheld("/data/award/"));
  CHECK_FALSE(site->withheld("/data/awards-2/"));
  CHECK_FALSE(site->withheld("/stories/data/awards/"));
  CHECK_FALSE(site->withheld("/images/other.jpg"));
}

}  // namespace firefly

namespace firefly {

TEST_CASE("build_site holds back a page until the instant of its publish_at in the site's zone") {
  SiteConfig config = config_from("title: T\ntimezone: Asia/Taipei\nlanguages: [{code: en}]\n");
  // Now: 09:00 on 2 December 2026 in Taipei (UTC+8).
  SiteInputs inputs;
  inputs.now = parse_date("2026-12-02T01:00:00Z")->utc_seconds();
  const std::vector<std::pair<std::string, bool>> cases = {
      {"2026-12-02T08:59", true},           // Taipei's wall clock, a minute ago
      {"2026-12-02T09:00", true},           // now
      {"2026-12-02 09:01", false},          // a minute ahead (YAML's space form)
      {"2026-12-02T09:00:01", false},       // a second ahead
      {"2026-12-02", true},                 // the day alone: since midnight here
      {"2026-12-03", false},                // tomorrow here
      {"2026-12-02T02:00", true},           // 02:00 here, not in UTC (where it is 01:00)
      {"2026-12-02T00:59:59Z", true},       // an instant a second ago
      {"2026-12-02T01:00:01Z", false},      // a second ahead
      {"2026-12-02T09:30+09:00", true},     // 08:30 here
      {"2026-12-01T20:00-05:00", true},     // the day before in New York, now
      {"2026-12-01T20:01-05:00", false},    // a minute ahead
      {"2026-12-02T08:30:00+08:00", true},  // this zone's own offset
  };
  std::vector<SourcePage> sources;
  for (size_t i = 0; i < cases.size(); ++i) {
    sources.push_back(source(config, "content/p" + std::to_string(i) + ".md",
                             "---\ntitle: P\npublish_at: " + cases[i].first + "\n---\n"));
  }
  for (bool drafts : {false, true}) {
    inputs.drafts = drafts;
    Diagnostics diags;
    auto site = build_site(config, sources, inputs, diags);
    CHECK_FALSE(diags.has_errors());
    for (size_t i = 0; i < cases.size(); ++i) {
      CAPTURE(cases[i].first);
      CAPTURE(drafts);
      const Page* p = site->find("p" + std::to_string(i), "en");
      const bool published = cases[i].second;
      CHECK((p != nullptr) == (published || drafts));
      // A page shown before its time (with drafts) says when it goes public.
      if (p) CHECK(p->publish_at.has_value() == !published);
    }
  }
}

TEST_CASE("build_site takes Vietnamese terms that differ only in letter case for one term") {
  // "Đào-tạo" and "đào-tạo" had two pages, /tags/Đào-tạo/ and /tags/đào-tạo/ (one folder
  // on a file system that ignores case), each listing half of the stories.
  SiteConfig config = config_from(
      "title: T\nlanguages:\n  - {code: vi}\ntaxonomies:\n  tags: {title: Từ khóa}\n"
      "collections:\n  stories: {taxonomies: [tags]}\n");
  std::vector<SourcePage> sources = {
      source(config, "content/stories/a.md", "---\ntitle: A\ntags: [Đào-tạo]\n---\n"),
      source(config, "content/stories/b.md", "---\ntitle: B\ntags: [đào-tạo]\n---\n"),
  };
  Diagnostics diags;
  auto site = build_site(config, sources, {}, diags);
  CHECK_FALSE(diags.has_errors());
  CHECK_FALSE(site->find("term:tags/Đào-tạo", "vi"));
  const Page* term = site->find("term:tags/đào-tạo", "vi");
  REQUIRE(term);
  CHECK(term->url == "/tags/đào-tạo/");
  CHECK(term->list.size() == 2);
}

}  // namespace firefly
