#include "render/page_fields.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "model/config_for_tests.h"
#include "model/site_reuse.h"

namespace firefly {

namespace {

const char* kConfig =
    "title: T\nbase_url: https://example.org/\n"
    "languages:\n  - {code: zh-TW, html_lang: zh-Hant-TW}\n  - {code: en}\n"
    "taxonomies: {tags: {}}\n"
    "collections:\n"
    "  programs: {}\n"
    "  stories:\n"
    "    taxonomies: [tags]\n"
    "    fields:\n"
    "      date: {type: date, required: true}\n"
    "      topic: {type: enum, values: {employment: {zh-TW: 就業, en: Jobs}, safety: {zh-TW: "
    "安全}}, label: {zh-TW: 主題, en: Topic}}\n"
    "      code: {type: enum, values: [a1, b2]}\n"
    "      place: {type: string, label: {zh-TW: 地點}}\n"
    "      volunteers: {type: integer}\n"
    "      held_on: {type: date}\n"
    "      free: {type: boolean}\n"
    "      partners: {type: list}\n"
    "      program: {type: ref, to: programs}\n"
    "      cover: {type: image}\n"
    "      contact: {type: object, fields: {name: string}}\n"
    "      blank: {type: string}\n"
    "      awarded_by: {type: localized, label: {zh-TW: 頒獎單位, en: Awarded by}}\n";

/// The fields as one line: label[label_lang]=value[lang]|... ; a boolean as yes/no.
std::string shown(const std::vector<ShownField>& fields) {
  std::string s;
  for (const ShownField& f : fields) {
    s += f.label + (f.label_lang.empty() ? "" : "[" + f.label_lang + "]") + "=";
    if (f.flag) s += *f.flag ? "yes" : "no";
    for (size_t i = 0; i < f.values.size(); ++i) {
      s += (i ? "," : "") + f.values[i].text +
           (f.values[i].lang.empty() ? "" : "[" + f.values[i].lang + "]");
    }
    if (!f.iso.empty()) s += "@" + f.iso;
    s += ";";
  }
  return s;
}

}  // namespace

TEST_CASE("shown_fields: a story's own fields, as each language's reader sees them") {
  SiteConfig config = config_from(kConfig);
  Diagnostics diags;
  auto story = std::make_shared<SourcePage>();
  REQUIRE(load_source_page("content/stories/a.zh-TW.md",
                           "---\ntitle: 修屋頂\ndate: 2023-01-02\ntopic: employment\ncode: b2\n"
                           "place: 新營區\nvolunteers: 1234\nheld_on: 2023-03-04\nfree: false\n"
                           "partners: [伊甸基金會, 工會]\ntags: [roofs]\nprogram: p\n"
                           "cover: {src: /a.png, alt: 屋頂}\ncontact: {name: 林}\nblank: \"\"\n"
                           "---\n內容。\n",
                           config, *story, diags));
  auto program = std::make_shared<SourcePage>();
  REQUIRE(load_source_page("content/programs/p.zh-TW.md", "---\ntitle: P\n---\nP.\n", config,
                           *program, diags));
  SiteInputs inputs;
  inputs.files = {"/a.png"};
  std::unique_ptr<Site> site = build_site(config, {story, program}, inputs, diags);
  REQUIRE_FALSE(diags.has_errors());
  const Page* zh = site->find("stories/a", "zh-TW");
  const Page* en = site->find("stories/a", "en");  // untranslated: the original's fields
  REQUIRE(zh);
  REQUIRE(en);
  // Not shown: date (the page's), tags (a taxonomy), program (a ref), cover (an image),
  // contact (an object) and an empty string.
  CHECK(shown(shown_fields(*site, *zh, config.languages[0], zh)) ==
        "主題=就業;code=b2;地點=新營區;volunteers=1,234;held_on=2023年3月4日@2023-03-04;"
        "free=no;partners=伊甸基金會,工會;");
  CHECK(shown(shown_fields(*site, *en, config.languages[1], site->find("stories/a", "zh-TW"))) ==
        "Topic=Jobs;code=b2;地點[zh-Hant-TW]=新營區[zh-Hant-TW];volunteers=1,234;"
        "held_on=4 March 2023@2023-03-04;free=no;"
        "partners=伊甸基金會[zh-Hant-TW],工會[zh-Hant-TW];");
  const Page* programs = site->find("programs/p", "zh-TW");
  REQUIRE(programs);
  CHECK(shown_fields(*site, *programs, config.languages[0], nullptr).empty());  // no schema
}

TEST_CASE("shown_fields: an enum value's words in another language are marked") {
  SiteConfig config = config_from(kConfig);
  Diagnostics diags;
  auto story = std::make_shared<SourcePage>();
  REQUIRE(load_source_page("content/stories/b.en.md",
                           "---\ntitle: Safe\ndate: 2023-01-02\ntopic: safety\nfree: true\n---\n"
                           "Text.\n",
                           config, *story, diags));
  SiteInputs inputs;
  std::unique_ptr<Site> site = build_site(config, {story}, inputs, diags);
  REQUIRE_FALSE(diags.has_errors());
  const Page* en = site->find("stories/b", "en");
  REQUIRE(en);
  CHECK(shown(shown_fields(*site, *en, config.languages[1], site->find("stories/b", "zh-TW"))) ==
        "Topic=安全[zh-Hant-TW];free=yes;");
}

TEST_CASE(
    "shown_fields: a translation's text kept from the original is in the original's language") {
  SiteConfig config = config_from(kConfig);
  Diagnostics diags;
  auto zh = std::make_shared<SourcePage>();
  auto en = std::make_shared<SourcePage>();
  REQUIRE(
      load_source_page("content/stories/c.zh-TW.md",
                       "---\ntitle: 甲\ndate: 2023-01-02\nplace: 新營區\npartners: [伊甸, 工會]\n"
                       "---\n內容。\n",
                       config, *zh, diags));
  REQUIRE(load_source_page(
      "content/stories/c.en.md",
      "---\ntitle: A\ndate: 2023-01-02\nplace: 新營區\npartners: [伊甸, Union, 勞工局]\n"
      "---\nText.\n",
      config, *en, diags));
  SiteInputs inputs;
  std::unique_ptr<Site> site = build_site(config, {zh, en}, inputs, diags);
  REQUIRE_FALSE(diags.has_errors());
  const Page* page = site->find("stories/c", "en");
  REQUIRE(page);
  REQUIRE_FALSE(page->fallback);
  CHECK(shown(shown_fields(*site, *page, config.languages[1], site->find("stories/c", "zh-TW"))) ==
        "地點[zh-Hant-TW]=新營區[zh-Hant-TW];partners=伊甸[zh-Hant-TW],Union,勞工局[zh-Hant-TW];");
  // Without the original to compare with, a text wholly in another script is in the
  // language the site writes that script in; the rest in the file's language.
  CHECK(shown(shown_fields(*site, *page, config.languages[1], nullptr)) ==
        "地點[zh-Hant-TW]=新營區[zh-Hant-TW];partners=伊甸[zh-Hant-TW],Union,勞工局[zh-Hant-TW];");
}

TEST_CASE("shown_fields: a localized field written once is in its page's language") {
  // awarded_by: 勞動部 on the English copy of a Chinese page was shown unmarked, so a
  // screen reader read the ministry's name with English sounds.
  SiteConfig config = config_from(kConfig);
  Diagnostics diags;
  auto story = std::make_shared<SourcePage>();
  REQUIRE(load_source_page("content/stories/d.zh-TW.md",
                           "---\ntitle: 甲\ndate: 2023-01-02\nawarded_by: 勞動部\n---\n內容。\n",
                           config, *story, diags));
  auto both = std::make_shared<SourcePage>();
  REQUIRE(load_source_page("content/stories/e.zh-TW.md",
                           "---\ntitle: 乙\ndate: 2023-01-02\nawarded_by: {zh-TW: 勞動部, en: "
                           "Ministry of Labor}\n---\n內容。\n",
                           config, *both, diags));
  SiteInputs inputs;
  std::unique_ptr<Site> site = build_site(config, {story, both}, inputs, diags);
  REQUIRE_FALSE(diags.has_errors());
  const Page* en = site->find("stories/d", "en");
  REQUIRE(en);
  CHECK(shown(shown_fields(*site, *en, config.languages[1], site->find("stories/d", "zh-TW"))) ==
        "Awarded by=勞動部[zh-Hant-TW];");
  const Page* zh = site->find("stories/d", "zh-TW");
  CHECK(shown(shown_fields(*site, *zh, config.languages[0], zh)) == "頒獎單位=勞動部;");
  const Page* en2 = site->find("stories/e", "en");
  CHECK(shown(shown_fields(*site, *en2, config.languages[1], site->find("stories/e", "zh-TW"))) ==
        "Awarded by=Ministry of Labor;");
}

}  // namespace firefly
