#include "render/cms.h"

#include <doctest/doctest.h>

#include "core/error.h"
#include "core/json.h"
#include "core/yaml.h"

namespace firefly {
namespace {

SiteConfig config_of(const std::string& yaml) {
  Diagnostics diags;
  Value root = parse_yaml(yaml, "site.yaml", diags);
  auto c = site_config_from(root, diags);
  const std::string first = diags.sorted().empty() ? "" : diags.sorted().front().message;
  REQUIRE_MESSAGE(c, first);
  return *c;
}

const std::string kSite = R"(title: {zh-TW: 勞工局, en: Labour Bureau}
languages:
  - {code: zh-TW, html_lang: zh-Hant-TW}
  - {code: en}
taxonomies:
  audiences: {title: {zh-TW: 服務對象, en: Who it serves}, terms: {elderly: 長者, workers: 勞工}}
collections:
  programs: {sort: weight}
  stories:
    taxonomies: [audiences]
    fields:
      date: {type: date, required: true, label: {zh-TW: 日期, en: Date}}
      program: {type: ref, to: programs, required: true, hint: {zh-TW: 這篇故事屬於哪個平台, en: Which platform}}
      kind: {type: enum, values: [news, story]}
      photo: {type: image}
      people: {type: list, of: {type: object, fields: {name: string, age: integer}}}
      links: {type: list}
      topic: {type: enum, values: {jobs: {zh-TW: 就業, en: Jobs}, safety: {en: Safety}, other: {}}}
cms: {backend: gitlab, repo: bureau/portal, script: /cms.js}
)";

/// The field named `name` of a list of widgets.
Value find(const Value& list, const std::string& name) {
  for (const Value& v : list.as_list()) {
    if (v.get("name").to_text() == name) return v;
  }
  FAIL("no field " << name);
  return {};
}

}  // namespace

TEST_CASE("cms config: backend, editorial workflow, media folder and one file per language") {
  SiteConfig c = config_of(kSite);
  Value cfg = cms_config(c, {{"awards", Localized{{{"zh-TW", "得獎"}}, "", {}}}});
  CHECK(cfg.get("backend").get("name").to_text() == "gitlab");
  CHECK(cfg.get("backend").get("repo").to_text() == "bureau/portal");
  CHECK(cfg.get("backend").get("branch").to_text() == "main");
  CHECK(cfg.get("publish_mode").to_text() == "editorial_workflow");
  CHECK_FALSE(cfg.find("local_backend"));
  CHECK(cfg.get("media_folder").to_text() == "static/images");
  CHECK(cfg.get("public_folder").to_text() == "/images");
  CHECK(cfg.get("i18n").get("structure").to_text() == "multiple_files");
  CHECK(to_json(cfg.get("i18n").get("locales")) == R"(["zh-TW","en"])");
  CHECK(cfg.get("i18n").get("default_locale").to_text() == "zh-TW");
  // Asked for (serve, build --cms-local): decap-server edits the checkout's files, which
  // have no pull requests, so the editorial workflow is left out.
  c.cms->local_backend = true;
  Value local = cms_config(c, {});
  CHECK(local.get("local_backend").truthy());
  CHECK_FALSE(local.find("publish_mode"));
}

TEST_CASE("cms config: a collection per content collection, the ref target, and datasets") {
  SiteConfig c = config_of(kSite);
  Value cfg = cms_config(c, {{"awards", Localized{{{"zh-TW", "得獎"}}, "", {}}}});
  const Value& cols = cfg.get("collections");
  REQUIRE(cols.as_list().size() == 3);
  CHECK(find(cols, "programs").get("folder").to_text() == "content/programs");
  const Value stories = find(cols, "stories");
  CHECK(stories.get("folder").to_text() == "content/stories");
  CHECK(stories.get("i18n").truthy());
  const Value data = find(cols, "datasets");
  CHECK(data.get("files").as_list().at(0).get("file").to_text() == "data/awards.yaml");
  CHECK(data.get("files").as_list().at(0).get("label").to_text() == "得獎");
}

TEST_CASE("cms config: widgets follow the schema") {
  SiteConfig c = config_of(kSite);
  const Value fields = find(cms_config(c, {}).get("collections"), "stories").get("fields");
  Value date = find(fields, "date");
  CHECK(date.get("widget").to_text() == "datetime");
  CHECK(date.get("format").to_text() == "YYYY-MM-DD");
  CHECK(date.get("label").to_text() == "日期");
  CHECK(date.get("required").truthy());
  CHECK(date.get("i18n").to_text() == "duplicate");
  Value program = find(fields, "program");
  CHECK(program.get("widget").to_text() == "relation");
  CHECK(program.get("collection").to_text() == "programs");
  CHECK(program.get("value_field").to_text() == "{{slug}}");
  CHECK(program.get("hint").to_text() == "這篇故事屬於哪個平台");
  Value kind = find(fields, "kind");
  CHECK(kind.get("widget").to_text() == "select");
  CHECK(to_json(kind.get("options")) == R"(["news","story"])");
  CHECK_FALSE(kind.get("required").truthy());
  // Values with words are offered by them, in the default language (else the first written).
  CHECK(to_json(find(fields, "topic").get("options")) ==
        R"([{"label":"就業","value":"jobs"},{"label":"Safety","value":"safety"},"other"])");
  Value photo = find(fields, "photo");
  CHECK(photo.get("widget").to_text() == "object");
  CHECK(find(photo.get("fields"), "src").get("widget").to_text() == "image");
  CHECK(find(photo.get("fields"), "alt").get("required").truthy());
  Value people = find(fields, "people");
  CHECK(people.get("widget").to_text() == "list");
  CHECK(find(people.get("fields"), "age").get("value_type").to_text() == "int");
  CHECK(find(fields, "links").get("widget").to_text() == "list");
  Value audiences = find(fields, "audiences");
  CHECK(audiences.get("widget").to_text() == "select");
  CHECK(audiences.get("multiple").truthy());
  CHECK(audiences.get("label").to_text() == "服務對象");
  CHECK(find(fields, "title").get("i18n").truthy());
  CHECK(find(fields, "body").get("widget").to_text() == "markdown");
}

TEST_CASE("cms: /admin/ loads the configured script and its config; nothing without cms") {
  SiteConfig c = config_of(kSite);
  OutputSet out;
  render_cms(c, {}, out);
  REQUIRE(out.size() == 2);
  CHECK(out[0].path == "admin/config.yml");
  CHECK(out[1].path == "admin/index.html");
  const std::string& page = out[1].bytes;
  CHECK(page.find("<script src=\"/cms.js\" onload=") != std::string::npos);
  // Until the script runs: "loading" in zh-TW, then English; its failure is said, hidden.
  CHECK(page.find(
            "<p lang=\"zh-Hant-TW\">正在載入編輯器…</p>\n<p lang=\"en\">Loading the editor…</p>") !=
        std::string::npos);
  CHECK(page.find("<div role=\"alert\" id=\"cms-failed\" hidden>") != std::string::npos);
  CHECK(page.find("could not be loaded from <code>/cms.js</code>") != std::string::npos);
  CHECK(out[1].bytes.find("rel=\"cms-config-url\"") != std::string::npos);
  c.cms.reset();
  out.clear();
  render_cms(c, {}, out);
  CHECK(out.empty());
}

TEST_CASE("cms: /admin/ says \"loading\" in Filipino for a fil or a tl site, then in English") {
  for (const char* code : {"fil", "tl"}) {
    CAPTURE(code);
    SiteConfig c = config_of(std::string("title: Kawanihan\nlanguages: [{code: ") + code +
                             "}]\ncms: {backend: github, repo: a/b, script: /cms.js}\n");
    OutputSet out;
    render_cms(c, {}, out);
    REQUIRE(out.size() == 2);
    CHECK(out[1].bytes.find("<p lang=\"fil\">Nilo-load ang editor…</p>\n<p lang=\"en\">Loading "
                            "the editor…</p>") != std::string::npos);
  }
}

TEST_CASE("cms: /admin/ says \"loading\" in the language of a code with a region, ja, ko") {
  for (auto [code, words] : {std::pair{"vi-VN", "<p lang=\"vi\">Đang tải trình soạn thảo…</p>"},
                             {"zh-HK", "<p lang=\"zh-Hant-TW\">正在載入編輯器…</p>"},
                             {"ja-JP", "<p lang=\"ja\">編集画面を読み込んでいます…</p>"},
                             {"ko", "<p lang=\"ko\">편집기를 불러오는 중…</p>"}}) {
    CAPTURE(code);
    SiteConfig c = config_of(std::string("title: Bureau\nlanguages: [{code: ") + code +
                             "}]\ncms: {backend: github, repo: a/b, script: /cms.js}\n");
    OutputSet out;
    render_cms(c, {}, out);
    REQUIRE(out.size() == 2);
    CHECK(out[1].bytes.find(words) != std::string::npos);
  }
}

TEST_CASE("cms settings are checked") {
  Diagnostics diags;
  Value root = parse_yaml("title: x\nlanguages: [{code: en}]\ncms: {backend: svn, repo: a/b}\n",
                          "site.yaml", diags);
  CHECK_FALSE(site_config_from(root, diags));
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.sorted().front().message == "cms backend 'svn' is not one of github, gitlab, gitea");
  Diagnostics d2;
  root = parse_yaml(
      "title: x\nlanguages: [{code: en}]\ncms: {backend: github, repo: portal, editorial: false}\n",
      "site.yaml", d2);
  CHECK_FALSE(site_config_from(root, d2));
  CHECK(d2.error_count() == 2);
  Diagnostics d3;
  root = parse_yaml(
      "title: x\nlanguages: [{code: en}]\ncms: {backend: github, repo: a/b, editorial_workflow: "
      "false}\n",
      "site.yaml", d3);
  auto c = site_config_from(root, d3);
  REQUIRE(c);
  CHECK_FALSE(cms_config(*c, {}).find("publish_mode"));
  Diagnostics d3b;  // site.yaml cannot publish the local backend: only serve and --cms-local
  root = parse_yaml(
      "title: x\nlanguages: [{code: en}]\ncms: {backend: github, repo: a/b, local_backend: true}\n",
      "site.yaml", d3b);
  CHECK_FALSE(site_config_from(root, d3b));
  Diagnostics d4;
  root = parse_yaml(
      "title: x\nlanguages: [{code: en}]\ncms: {backend: gitlab, repo: /, api_root: "
      "git.example.org}\n",
      "site.yaml", d4);
  CHECK_FALSE(site_config_from(root, d4));
  CHECK(d4.error_count() == 2);  // every problem of the block at once
  Diagnostics d5;
  root = parse_yaml("title: x\nlanguages: [{code: en}]\ncms: github\n", "site.yaml", d5);
  CHECK_FALSE(site_config_from(root, d5));
  CHECK(d5.sorted().front().message ==
        "cms (a map of settings: backend, repo, ...): found 'github'");
}

}  // namespace firefly
