#include "config/site_config.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>

#include "config/base_url.h"
#include "core/yaml.h"

namespace firefly {

namespace {
std::optional<SiteConfig> load(const char* yaml, Diagnostics& diags) {
  return site_config_from(parse_yaml(yaml, "site.yaml", diags), diags);
}
}  // namespace

TEST_CASE("site config reads languages, collections and localized term titles") {
  Diagnostics diags;
  auto c = load(
      "title: {zh-TW: 標題, en: Title}\n"
      "languages:\n  - {code: zh-TW, html_lang: zh-Hant-TW, calendar: roc}\n  - {code: en}\n"
      "taxonomies:\n  audiences:\n    title: {en: Who}\n"
      "    terms:\n      elderly: {zh-TW: 長者, en: Older people}\n"
      "collections:\n  stories: {sort: date desc, paginate: 5, taxonomies: [audiences]}\n",
      diags);
  REQUIRE(c);
  CHECK(c->default_language().html_lang == "zh-Hant-TW");
  CHECK(c->title.get("en", "zh-TW") == "Title");
  const Taxonomy* t = c->taxonomy("audiences");
  REQUIRE(t);
  CHECK(t->term_title("elderly", "zh-TW", "zh-TW", "x") == "長者");
  CHECK(t->term_title("elderly", "vi", "zh-TW", "x") == "長者");
  CHECK(t->term_title("youth", "en", "zh-TW", "youth") == "youth");
  CHECK(c->collection("stories")->paginate == 5);
  CHECK(c->collection("stories")->sort_desc);
}

TEST_CASE("site config: an x- key at the top is a place for shared blocks, not an error") {
  Diagnostics diags;
  auto c = load(
      "x-english: &en {code: en, html_lang: en, name: English}\ntitle: T\n"
      "languages:\n  - {<<: *en}\n  - {<<: *en, code: en-GB, html_lang: en-GB}\n",
      diags);
  REQUIRE(c);
  CHECK(diags.sorted().empty());
  REQUIRE(c->languages.size() == 2);
  CHECK(c->languages[1].name == "English");
  // A misspelt known key is still an error, and so is an x- key below the top.
  Diagnostics typo;
  CHECK_FALSE(
      load("x-note: shared\ntitle: T\nlanguages: [{code: en}]\ntimezon: Asia/Taipei\n", typo));
  REQUIRE(typo.error_count() == 1);
  CHECK(typo.sorted()[0].message == "unknown key 'timezon' in site.yaml");
  CHECK(typo.sorted()[0].hint == "did you mean 'timezone'?");
  CHECK(typo.sorted()[0].pos.line == 4);
  Diagnostics nested;
  CHECK_FALSE(load("title: T\nlanguages: [{code: en, x-note: a}]\n", nested));
  REQUIRE(nested.error_count() == 1);
  CHECK(nested.sorted()[0].message == "unknown key 'x-note' in a language");
}

TEST_CASE("site config: unknown keys get a did-you-mean at the key's position") {
  Diagnostics diags;
  CHECK_FALSE(load("title: T\nlanguage:\n  - {code: en}\n", diags));
  auto all = diags.sorted();
  REQUIRE(all.size() == 1);
  CHECK(all[0].message == "unknown key 'language' in site.yaml");
  CHECK(all[0].hint == "did you mean 'languages'?");
  CHECK(all[0].pos.line == 2);
  CHECK(all[0].pos.col == 1);
}

TEST_CASE("site config: a collection using an undefined taxonomy is an error") {
  Diagnostics diags;
  CHECK_FALSE(load(
      "title: T\nlanguages: [{code: en}]\ncollections:\n  stories: {taxonomies: [tagz]}\n", diags));
  CHECK(diags.sorted()[0].message ==
        "collection 'stories' uses taxonomy 'tagz', which is not defined");
  CHECK(diags.sorted()[0].hint == "add it under `taxonomies:`");
  // A misspelt name gets the one meant.
  Diagnostics typo;
  CHECK_FALSE(
      load("title: T\nlanguages: [{code: en}]\ntaxonomies: {wilayah: {}}\n"
           "collections:\n  stories: {taxonomies: [wilayh]}\n",
           typo));
  CHECK(typo.sorted()[0].hint == "did you mean 'wilayah'?");
}

TEST_CASE("site config: a switch is true or false; no, off, 0 and \"false\" are errors") {
  // Read as text, `no` was switched on: markdown.unsafe_html: no published raw HTML.
  for (const char* written : {"no", "off", "0", "'false'", "n"}) {
    CAPTURE(written);
    Diagnostics diags;
    std::string yaml =
        std::string("title: T\nlanguages: [{code: en}]\nrelative_urls: ") + written +
        "\nmarkdown: {unsafe_html: " + written + "}\nphotos: {avif: " + written +
        "}\ncollections:\n  s: {fields: {d: {type: date, label: D, required: " + written + "}}}\n";
    auto c = load(yaml.c_str(), diags);
    std::vector<std::string> found;
    for (const Diagnostic& d : diags.sorted()) found.push_back(d.message + " | " + d.hint);
    CHECK(found.size() == 4);
    const std::string shown = std::string(written) == "'false'" ? "false" : written;
    CHECK(found[0] == "relative_urls must be true or false, not '" + shown +
                          "' | write `relative_urls: false`");
    CHECK(found[1] == "markdown.unsafe_html must be true or false, not '" + shown +
                          "' | write `markdown.unsafe_html: false`");
  }
  Diagnostics yes;
  auto c = load("title: T\nlanguages: [{code: en}]\nrelative_urls: yes\n", yes);
  CHECK(yes.sorted().at(0).hint == "write `relative_urls: true`");
  Diagnostics ok;
  c = load(
      "title: T\nlanguages: [{code: en}]\nrelative_urls: true\nmarkdown: {unsafe_html: false}\n",
      ok);
  REQUIRE(c);
  CHECK_FALSE(ok.has_errors());
  CHECK(c->relative_urls);
  CHECK_FALSE(c->unsafe_html);
}

TEST_CASE("site config: the base_url's scheme and host are case-insensitive") {
  Diagnostics diags;
  auto c = load(
      "title: T\nlanguages: [{code: en}]\nbase_url: HTTPS://Labor.Example.GOV.tw/Portal\n", diags);
  REQUIRE(c);
  CHECK_FALSE(diags.has_errors());
  CHECK(c->base_url == "https://labor.example.gov.tw/Portal/");
  CHECK(base_url_problem("HTTP://x.org/") == "");
  CHECK(base_url_problem("Https://x.org/") == "");
  CHECK(base_url_problem("JAVASCRIPT://x.org/") != "");
  CHECK(base_url_problem("HTTPS:/x.org/") != "");
  CHECK(normalize_base_url("HTTP://X.org") == "http://x.org");
}

TEST_CASE("site config: data_license is a licence id; one without a known address warns") {
  Diagnostics words;
  load("title: T\nlanguages: [{code: en}]\ndata_license: 政府資料開放授權條款\n", words);
  REQUIRE(words.sorted().size() == 1);
  CHECK(words.sorted()[0].message ==
        "data_license '政府資料開放授權條款' is not a licence id (letters, digits, '-', '.', '_')");
  CHECK(words.sorted()[0].pos.line == 3);
  CHECK(words.sorted()[0].hint == "write data_license: OGDL-Taiwan-1.0");
  CHECK(words.has_errors());
  Diagnostics unknown;
  auto c = load("title: T\nlanguages: [{code: en}]\ndata_license: CC-BY-4\n", unknown);
  REQUIRE(c);
  CHECK_FALSE(unknown.has_errors());
  REQUIRE(unknown.sorted().size() == 1);
  CHECK(unknown.sorted()[0].hint == "did you mean 'CC-BY-4.0'?");
}

TEST_CASE("site config: a base_url with a password, a bad port or a '..' part is refused") {
  // Published in every page, feed and data file; a password would be published with it,
  // and browsers drop or climb a '.' or '..' part, so every link would lead elsewhere.
  CHECK(base_url_problem("https://ci:token@x.org/") ==
        "may not contain a user name or password (user:password@)");
  // //evil.example/ after the host: every link and script became //evil.example/...
  const std::string empty_part =
      "has an empty part (//) in its path: links would start with //, which browsers read as "
      "the address of another host";
  CHECK(base_url_problem("https://x.org//evil.example/") == empty_part);
  CHECK(base_url_problem("https://x.org/portal//") == empty_part);
  CHECK(base_url_problem("https://x.org/portal/") == "");
  CHECK(base_url_problem("https://x.org:99999/") ==
        "has the port '99999', which is not a number from 1 to 65535");
  CHECK(base_url_problem("https://x.org:/") != "");
  CHECK(base_url_problem("https://x.org:8080/portal/") == "");
  CHECK(base_url_problem("https://[::1]:8080/") == "");
  CHECK(base_url_problem("https://[::1]/") == "");
  CHECK(base_url_problem("https://x.org/a/../b/") ==
        "has a '.' or '..' part in its path (browsers would drop or climb it)");
  CHECK(base_url_problem("https://x.org/%2E%2e/") != "");
  // A '%' that encodes nothing, or a control character: no URL parser reads the sitemap's
  // addresses, and each link carried it.
  for (const char* bad : {"https://x.org/a%zz/", "https://x.org/100%/", "https://x.org/a%4/"}) {
    CHECK(base_url_problem(bad) ==
          "has a '%' that is not followed by two hexadecimal digits (a percent sign is written "
          "%25)");
  }
  CHECK(base_url_problem("https://x.org/a%00/") == "has the control character %00 in its path");
  CHECK(base_url_problem("https://x.org/a%7f/") == "has the control character %7f in its path");
  CHECK(base_url_problem("https://x.org/%E5%8F%B0%E5%8D%97/") == "");
  CHECK(base_url_problem("https://x.org/100%25/") == "");
  CHECK(base_url_problem("https://x.org/./") != "");
  CHECK(base_url_problem("https://x.org/a..b/") == "");
}

TEST_CASE("site config: a Unicode host is published in ASCII; a host no URL carries is refused") {
  CHECK(normalize_base_url("https://勞工局.台灣/新聞/") ==
        "https://xn--qhr41tckb.xn--kpry57d/新聞/");
  CHECK(normalize_base_url("https://Bücher.example:8080") == "https://xn--bcher-kva.example:8080");
  CHECK(normalize_base_url("https://[::1]:8080/") == "https://[::1]:8080/");
  CHECK(base_url_problem("https://勞工局.台灣:8080/") == "");
  CHECK(base_url_problem("https://x_y.org/") ==
        "has the host name 'x_y.org', which contains '_': a host name has only letters, digits, "
        "'-' and '.'");
  CHECK(base_url_problem("https://-x.org:8080/") ==
        "has the host name '-x.org', which has a part (between dots) that starts or ends with '-'");
  CHECK(base_url_problem("https://a..b/") != "");
  CHECK(base_url_problem("https://" + std::string(64, 'a') + ".org/") != "");
}

TEST_CASE("site config: commit_language names a site language or a BCP 47 tag") {
  const char* langs = "languages:\n  - {code: zh-TW, html_lang: zh-Hant-TW}\n  - {code: en}\n";
  Diagnostics diags;
  auto by_default = load((std::string("title: T\n") + langs).c_str(), diags);
  REQUIRE(by_default);
  CHECK(by_default->commit_lang == "zh-Hant-TW");
  auto by_code = load((std::string("title: T\ncommit_language: zh-TW\n") + langs).c_str(), diags);
  REQUIRE(by_code);
  CHECK(by_code->commit_lang == "zh-Hant-TW");
  auto by_tag = load((std::string("title: T\ncommit_language: en-GB\n") + langs).c_str(), diags);
  REQUIRE(by_tag);
  CHECK(by_tag->commit_lang == "en-GB");
  CHECK_FALSE(diags.has_errors());
  CHECK_FALSE(load((std::string("title: T\ncommit_language: English\n") + langs).c_str(), diags));
  REQUIRE(diags.sorted().size() == 1);
  CHECK(diags.sorted()[0].message == "commit_language 'English' is not a language tag");
}

TEST_CASE("site config: languages are required, one error at site.yaml") {
  Diagnostics missing;
  CHECK_FALSE(load("# the bureau's site\ntitle: T\n", missing));
  REQUIRE(missing.sorted().size() == 1);
  const Diagnostic d = missing.sorted()[0];
  CHECK(d.message == "site.yaml has no languages: a site is published in at least one");
  CHECK(d.hint ==
        "add `languages: [{code: zh-TW, name: 中文}, {code: en, name: English}]`, the default "
        "language first");
  CHECK((d.pos.line == 1 && d.pos.col == 1));
  for (const char* empty : {"title: T\nlanguages:\n", "title: T\nlanguages: []\n"}) {
    Diagnostics diags;
    CHECK_FALSE(load(empty, diags));
    REQUIRE(diags.sorted().size() == 1);
    CHECK(diags.sorted()[0].message == "languages is empty: a site is published in at least one");
    CHECK(diags.sorted()[0].pos.line == 2);  // at the key
  }
  Diagnostics text;
  CHECK_FALSE(load("title: T\nlanguages: en\n", text));
  REQUIRE(text.sorted().size() == 1);
  CHECK(text.sorted()[0].message == "languages must be a list of languages, not text");
}

TEST_CASE("site config: a language code Firefly does not know is an error at the code") {
  struct Case {
    const char* code;
    const char* hint;
  };
  for (const Case& c : {Case{"english", "did you mean 'en'?"}, Case{"EN", "did you mean 'en'?"},
                        Case{"vn", "did you mean 'vi'?"}, Case{"zh_TW", "did you mean 'zh-TW'?"},
                        Case{"xx",
                             "the code is also the language's URL prefix (/en/) and the suffix "
                             "of its files (.en.md)"}}) {
    CAPTURE(c.code);
    Diagnostics diags;
    std::string yaml =
        "title: T\nlanguages:\n  - {code: zh-TW}\n  - {code: " + std::string(c.code) +
        ", name: English}\n";
    CHECK_FALSE(load(yaml.c_str(), diags));
    REQUIRE(diags.sorted().size() == 1);
    const Diagnostic d = diags.sorted()[0];
    CHECK(d.message == "language code '" + std::string(c.code) +
                           "' is not one Firefly knows: write a BCP 47 tag such as en, zh-TW, "
                           "vi, id or th");
    CHECK(d.hint == c.hint);
    CHECK((d.pos.line == 4 && d.pos.col == 12));
  }
  Diagnostics none;
  CHECK_FALSE(load("title: T\nlanguages:\n  - {name: English}\n", none));
  REQUIRE(none.sorted().size() == 1);
  CHECK(none.sorted()[0].message == "a language needs a code, like zh-TW or en");
}

TEST_CASE("site config: a language's calendar and dir are exact words") {
  Diagnostics ok;
  auto c = load(
      "title: T\nlanguages:\n  - {code: zh-TW, calendar: roc}\n  - {code: en, calendar: "
      "gregorian}\n"
      "  - {code: ar, dir: rtl}\n  - {code: th, calendar: buddhist}\n",
      ok);
  REQUIRE(c);
  CHECK_FALSE(ok.has_errors());
  CHECK(c->language("zh-TW")->calendar == "roc");
  // The Thai Buddhist era, พ.ศ. 2566 for 2023, as Thai readers read dates (it was refused).
  CHECK(c->language("th")->calendar == "buddhist");
  CHECK(c->language("ar")->dir == "rtl");
  Diagnostics wrong;
  CHECK_FALSE(
      load("title: T\nlanguages:\n  - {code: zh-TW, calendar: ROC}\n"
           "  - {code: en, calendar: minguo}\n  - {code: ar, dir: RTL}\n",
           wrong));
  std::vector<Diagnostic> errors = wrong.sorted();
  REQUIRE(errors.size() == 3);
  const char* calendars =
      "' is not one Firefly knows: write roc (the Republic of China's, 民國112年), buddhist "
      "(the Thai Buddhist era, พ.ศ. 2566) or gregorian (the default)";
  CHECK(errors[0].message == "calendar 'ROC" + std::string(calendars));
  CHECK(errors[0].hint == "did you mean 'roc'?");
  CHECK((errors[0].pos.line == 3 && errors[0].pos.col == 29));
  CHECK(errors[1].message == "calendar 'minguo" + std::string(calendars));
  CHECK(errors[1].hint.empty());
  CHECK(errors[2].message == "dir 'RTL' is not ltr (left to right) or rtl (right to left)");
  CHECK(errors[2].hint == "did you mean 'rtl'?");
}

TEST_CASE("site config: a language written from right to left is so without dir") {
  // Arabic and Hebrew pages were published with dir="ltr" unless site.yaml said dir: rtl:
  // their sentences' punctuation and numbers stood on the wrong side, the layout mirrored.
  Diagnostics ok;
  auto c = load(
      "title: T\nlanguages:\n  - {code: en}\n  - {code: ar}\n  - {code: he, html_lang: he-IL}\n"
      "  - {code: fa, dir: ltr}\n  - {code: az, html_lang: az-Arab}\n  - {code: ur, dir: rtl}\n",
      ok);
  REQUIRE(c);
  CHECK_FALSE(ok.has_errors());
  CHECK(c->language("en")->dir == "ltr");
  CHECK(c->language("ar")->dir == "rtl");
  CHECK(c->language("he")->dir == "rtl");
  CHECK(c->language("fa")->dir == "ltr");  // as written
  CHECK(c->language("az")->dir == "rtl");  // its html_lang's script
  CHECK(c->language("ur")->dir == "rtl");
}

TEST_CASE("site config: the site's title is not empty, in any language it is written in") {
  // `title: {en: ""}` published every page of the language with <title></title>.
  struct Case {
    const char* title;
    const char* error;  // "line:col message"; "" for none
  };
  for (Case c : {Case{"title: {zh-TW: 標題, en: \"\"}\n", "2:24 the site's title is empty in en"},
                 Case{"title: \"  \"\n", "2:1 the site's title is empty"},
                 Case{"title:\n", "2:1 the site's title is empty"},
                 Case{"# none\n", "1:1 site.yaml has no title"},
                 Case{"title: [a]\n",
                      "2:8 title: expected text or a map of language codes to text, found a list"},
                 Case{"title: {zh-TW: 標題, en: Title}\n", ""}}) {
    CAPTURE(c.title);
    Diagnostics diags;
    load((std::string("# the bureau's site\n") + c.title +
          "languages: [{code: zh-TW}, {code: en}]\n")
             .c_str(),
         diags);
    std::string got;
    for (const Diagnostic& d : diags.sorted()) {
      got += std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) + " " + d.message;
    }
    CHECK(got == c.error);
  }
}

TEST_CASE("site config: a language's name is text, not empty") {
  // name: [English] or name: "" was an empty entry in the language switcher of every page.
  for (const char* name : {"[English]", "\"\"", ""}) {
    CAPTURE(name);
    Diagnostics diags;
    load((std::string("title: T\nlanguages: [{code: en, name: ") + name + "}]\n").c_str(), diags);
    REQUIRE(diags.sorted().size() == 1);
    CHECK(diags.sorted()[0].message == (name[0] == '['
                                            ? "the name of language 'en' must be text, not a list"
                                            : "the name of language 'en' is empty"));
  }
  Diagnostics fine;
  auto c = load("title: T\nlanguages: [{code: en}, {code: vi, name: Tiếng Việt}]\n", fine);
  REQUIRE(c);
  CHECK(c->languages[0].name == "en");
  CHECK(c->languages[1].name == "Tiếng Việt");
}

TEST_CASE("site config: the publisher's email is an address alone") {
  // Every page links it as mailto:; "a@b\nc" made a link broken over two lines.
  for (const char* email :
       {"\"a@b\\nc\"", "Labor Bureau <labor@example.gov.tw>", "mailto:labor@example.gov.tw",
        "labor＠example.gov.tw", "labor@", "\"labor at example.gov.tw\""}) {
    CAPTURE(email);
    Diagnostics diags;
    load((std::string("title: T\nlanguages: [{code: en}]\npublisher: {name: B, email: ") + email +
          "}\n")
             .c_str(),
         diags);
    REQUIRE(diags.sorted().size() == 1);
    CHECK(diags.sorted()[0].message.rfind("publisher email ", 0) == 0);
    CHECK(diags.sorted()[0].hint == "write the address alone, like labor@example.gov.tw");
    CHECK(diags.sorted()[0].pos.line == 3);
  }
  Diagnostics fine;
  auto c =
      load("title: T\nlanguages: [{code: en}]\npublisher: {name: B, email: labor@example.gov.tw}\n",
           fine);
  REQUIRE(c);
  CHECK(c->publisher.email == "labor@example.gov.tw");
}

TEST_CASE("site config: a taxonomy's name is a part of a web address") {
  // `../x` had the writer asked for ../x/index.html, refused there with no line of site.yaml.
  for (const char* name : {"\"../x\"", "\"a/b\"", "\"\"", "\"my tags\"", "Tags", "\"%2e%2e\""}) {
    CAPTURE(name);
    Diagnostics diags;
    load((std::string("title: T\nlanguages: [{code: en}]\ntaxonomies:\n  ") + name +
          ": {title: T}\n")
             .c_str(),
         diags);
    REQUIRE(diags.sorted().size() == 1);
    CHECK(diags.sorted()[0].message.find("cannot be a web address: its pages are published at /") !=
          std::string::npos);
    CHECK(diags.sorted()[0].pos.line == 4);
  }
  Diagnostics fine;
  auto c =
      load("title: T\nlanguages: [{code: en}]\ntaxonomies: {tags: {}, audiences_2: {}, 標籤: {}}\n",
           fine);
  REQUIRE(c);
  CHECK(c->taxonomies.size() == 3);
}

TEST_CASE("site config: a collection's name is a folder of content/") {
  // `../stories` had the writer asked for ../stories/index.html, and `firefly new` write the
  // page beside content/.
  for (const char* name :
       {"\"../stories\"", "\"stories/../..\"", "\"\"", "\"/stories\"", "\"a//b\"", "Stories"}) {
    CAPTURE(name);
    Diagnostics diags;
    load((std::string("title: T\nlanguages: [{code: en}]\ncollections:\n  ") + name +
          ": {sort: date desc}\n")
             .c_str(),
         diags);
    REQUIRE(diags.sorted().size() == 1);
    CHECK(diags.sorted()[0].message.find("cannot be a folder of content/") != std::string::npos);
    CHECK(diags.sorted()[0].pos.line == 4);
  }
  Diagnostics fine;
  auto c = load(
      "title: T\nlanguages: [{code: en}]\ncollections: {stories: {}, programs/2024: {}, "
      "job_fairs: {}}\n",
      fine);
  REQUIRE(c);
  CHECK(c->collections.size() == 3);
}

TEST_CASE("site config: a site.yaml that is a folder says so") {
  // It was "not a regular file (a FIFO, socket or device)".
  namespace fs = std::filesystem;
  fs::path site = fs::temp_directory_path() / ("firefly-yaml-folder-" + std::to_string(::getpid()));
  fs::remove_all(site);
  fs::create_directories(site / "site.yaml");
  Diagnostics diags;
  CHECK_FALSE(load_site_config(site, diags));
  REQUIRE(diags.sorted().size() == 1);
  CHECK(diags.sorted()[0].message == "site.yaml is a folder, not a file");
  fs::remove_all(site);
}

TEST_CASE("site config: the publisher's phone is a number alone, as every page dials it") {
  for (const std::string ok : {"+886-6-000-0000", "(06) 299-1111", "06.299.1111"}) {
    Diagnostics diags;
    const std::string yaml =
        "title: x\nlanguages: [{code: en}]\npublisher: {phone: \"" + ok + "\"}\n";
    CHECK(load(yaml.c_str(), diags));
    CHECK_FALSE(diags.has_errors());
  }
  for (const std::string bad : {"(06) 299-1111 分機 8", "06-2991111 ext. 8", "tel:+886600", "#8"}) {
    INFO(bad);
    Diagnostics diags;
    const std::string yaml =
        "title: x\nlanguages: [{code: en}]\npublisher:\n  phone: \"" + bad + "\"\n";
    CHECK_FALSE(load(yaml.c_str(), diags));
    REQUIRE(diags.error_count() == 1);
    const Diagnostic d = diags.sorted().front();
    CHECK(d.message == "publisher phone '" + bad + "' is not a telephone number alone");
    CHECK(d.pos.line == 4);
    CHECK(d.pos.col == 10);
  }
}

TEST_CASE("site config: a menu has at most 100 entries, the error at the 101st") {
  auto menu = [](int n) {
    std::string yaml = "title: x\nlanguages: [{code: en}]\nmenus:\n  footer:\n";
    for (int i = 0; i < n; ++i)
      yaml += "    - {page: \"https://example.org/" + std::to_string(i) + "\"}\n";
    return yaml;
  };
  Diagnostics fine;
  CHECK(load(menu(100).c_str(), fine));
  CHECK_FALSE(fine.has_errors());
  Diagnostics diags;
  CHECK_FALSE(load(menu(5000).c_str(), diags));
  REQUIRE(diags.error_count() == 1);
  const Diagnostic d = diags.sorted().front();
  CHECK(d.message == "menu 'footer' has 5000 entries; a menu may have at most 100");
  CHECK(d.pos.line == 105);
  CHECK(d.pos.col == 7);
}

}  // namespace firefly
