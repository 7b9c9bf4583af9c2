#include "model/front_matter_schema.h"

#include <doctest/doctest.h>

#include "model/front_matter_for_tests.h"

namespace firefly {

using testing::errors_of;
using testing::kValid;
using testing::schema_site;

TEST_CASE("front matter: a valid story has no errors and its ref and terms") {
  FrontMatter fm;
  CHECK(errors_of(kValid + "audiences: [elderly]\nage: 73\nscore: 4.5\nfeatured: true\n"
                           "level: national\ncover: {src: /a.svg, alt: A roof}\n"
                           "people: [{name: 方, age: 71}]\nmotto: {en: Hi, zh-TW: 嗨}\n",
                  &fm)
            .empty());
  REQUIRE(fm.refs.size() == 1);
  CHECK(fm.refs[0].second == "programs/learning");
  REQUIRE(fm.terms.size() == 1);
  CHECK(fm.terms[0].second == std::vector<std::string>{"elderly"});
  CHECK(fm.date->iso() == "2023-06-30");
}

TEST_CASE("front matter: a taxonomy the collection does not list is a warning, its terms kept") {
  FrontMatter fm;
  CHECK(errors_of(kValid + "tags: [repair]\n", &fm) ==
        std::vector<std::string>{
            "5:1 collection 'stories' does not list the taxonomy 'tags', so the editor's form has "
            "no field for these terms | add it in site.yaml: collections: stories: taxonomies: "
            "[audiences, tags]"});
  REQUIRE(fm.terms.size() == 1);
  CHECK(fm.terms[0].second == std::vector<std::string>{"repair"});
}

TEST_CASE("front matter: images written as one address say how to list it") {
  CHECK(errors_of(kValid + "images: /images/roof.jpg\n") ==
        std::vector<std::string>{"5:9 'images' must be a list of images, not the address "
                                 "'/images/roof.jpg' | write images: [{src: /images/roof.jpg, "
                                 "alt: what it shows}]"});
}

TEST_CASE("front matter: fields written without the --- lines are one error, saying so") {
  SiteConfig config = schema_site();
  Diagnostics diags;
  SourcePage page;
  REQUIRE(load_source_page("content/stories/a.md", "title: A\ndate: 2023-06-30\n\nBody\n", config,
                           page, diags));
  FrontMatter fm;
  read_front_matter(page, config, fm, diags);
  REQUIRE(diags.sorted().size() == 1);  // not also "no title", "needs a 'date'", ...
  CHECK(diags.sorted()[0].message ==
        "this file has no front matter: `title:` and the lines after it are read as the page's "
        "text");
  CHECK(diags.sorted()[0].hint == "put a line --- above it, and another after the last field");
}

TEST_CASE("front matter: dates, required fields, images and unknown keys") {
  CHECK(errors_of("title: A\ndate: 2023-02-30\nprogram: x\n") ==
        std::vector<std::string>{"3:7 'date' must be a date written as YYYY-MM-DD, not "
                                 "'2023-02-30': 2023-02 has no day 30 | for example 2023-06-30"});
  // A day written as its digits alone (YAML reads a number): the day to write.
  CHECK(errors_of("title: A\ndate: 20240101\nprogram: learning\n") ==
        std::vector<std::string>{"3:7 'date' must be a date written as YYYY-MM-DD, not "
                                 "'20240101' | write 2024-01-01"});
  CHECK(errors_of("title: A\ndate: 1130315\nprogram: learning\n") ==
        std::vector<std::string>{"3:7 'date' must be a date written as YYYY-MM-DD, not "
                                 "'1130315' | write 2024-03-15 (民國113年 is 2024)"});
  CHECK(errors_of("title: A\ndate: 2023-06-30\n") ==
        std::vector<std::string>{"1:1 this page needs a 'program' field (ref) | add `program: "
                                 "...` to its front matter"});
  // Misspelt, it is said once, at the misspelling, with the name to write instead.
  CHECK(errors_of("title: A\ndate: 2023-06-30\nprogramme: learning\n") ==
        std::vector<std::string>{"4:1 this page needs a 'program' field (ref), and 'programme' is "
                                 "none | did you mean 'program'? write program: instead of "
                                 "programme:"});
  CHECK(errors_of(kValid + "cover: {src: /a.svg}\n") ==
        std::vector<std::string>{
            "5:8 the image /a.svg has no alt text | add `alt:` describing the image for people "
            "who cannot see it (write alt: \"\" only for a purely decorative image)"});
  CHECK(errors_of(kValid + "audience: [elderly]\n") ==
        std::vector<std::string>{"5:1 unknown front-matter field 'audience' | did you mean "
                                 "'audiences'?"});
}

TEST_CASE("front matter: mistakes that would publish a page or make terms are errors") {
  // A misspelt field that keeps a page unpublished.
  for (std::string key : {"darft", "Draft", "drafts", "publish_on", "publishat", "ｄｒａｆｔ",
                          "ｐｕｂｌｉｓｈ＿ａｔ"}) {
    std::string guess = key.find("pub") == 0 || key.find("ｐ") == 0 ? "publish_at" : "draft";
    CHECK(errors_of(kValid + key + ": true\n") ==
          std::vector<std::string>{"5:1 unknown front-matter field '" + key +
                                   "': this page would be published now, whatever it says | "
                                   "did you mean '" +
                                   guess + "'?"});
  }
  // Terms written as text with commas, not as a list.
  CHECK(errors_of(kValid + "audiences: elderly, volunteers\n") ==
        std::vector<std::string>{"5:12 'audiences' is one piece of text here, not a list of "
                                 "terms | write the terms in brackets: audiences: [elderly, "
                                 "volunteers]"});
  // draft written as a word: the word to write.
  CHECK(errors_of(kValid + "draft: 是\n") ==
        std::vector<std::string>{"5:8 'draft' must be true or false | write true"});
  CHECK(errors_of(kValid + "draft: no\n") ==
        std::vector<std::string>{"5:8 'draft' must be true or false | write false"});
  CHECK(errors_of(kValid + "draft: maybe\n") ==
        std::vector<std::string>{"5:8 'draft' must be true or false | write true (not "
                                 "published) or false"});
  // Chinese commas: 、 and ， in text are commas too; in a list, a warning at the term.
  CHECK(errors_of(kValid + "audiences: 長者、志工\n") ==
        std::vector<std::string>{"5:12 'audiences' is one piece of text here, not a list of "
                                 "terms | write the terms in brackets: audiences: [長者, 志工]"});
  CHECK(errors_of(kValid + "audiences: 長者，志工 ,\n") ==
        std::vector<std::string>{"5:12 'audiences' is one piece of text here, not a list of "
                                 "terms | write the terms in brackets: audiences: [長者, 志工]"});
  FrontMatter fm;
  CHECK(errors_of(kValid + "audiences: [長者，志工, 移工]\n", &fm) ==
        std::vector<std::string>{
            "5:13 this term has a full-width comma (，), so it is one term, "
            "長者，志工 | for separate terms, write them with a half-width comma: 長者, 志工"});
  REQUIRE(fm.terms.size() == 1);
  CHECK(fm.terms[0].second == std::vector<std::string>{"長者，志工", "移工"});
  // Dates written with slashes, or with the year of the Republic of China: the day to write.
  CHECK(errors_of("title: A\ndate: 2024/01/03\nprogram: x\n") ==
        std::vector<std::string>{"3:7 'date' must be a date written as YYYY-MM-DD, not "
                                 "'2024/01/03' | write 2024-01-03"});
  CHECK(errors_of("title: A\ndate: 113/01/02\nprogram: x\n") ==
        std::vector<std::string>{"3:7 'date' must be a date written as YYYY-MM-DD, not "
                                 "'113/01/02' | write 2024-01-02 (民國113年 is 2024)"});
  // Day first, as Indonesian, Vietnamese and Thai staff write it: the day to write.
  CHECK(errors_of("title: A\ndate: 17-12-2019\nprogram: x\n") ==
        std::vector<std::string>{"3:7 'date' must be a date written as YYYY-MM-DD, not "
                                 "'17-12-2019' | write 2019-12-17"});
  // Dates in the right shape that are not days, and years that cannot be meant.
  CHECK(errors_of("title: A\ndate: 2021-13-45\nprogram: x\n") ==
        std::vector<std::string>{"3:7 'date' must be a date written as YYYY-MM-DD, not "
                                 "'2021-13-45': there is no month 13 | for example 2023-06-30"});
  CHECK(errors_of("title: A\ndate: 2023-02-29\nprogram: x\n") ==
        std::vector<std::string>{"3:7 'date' must be a date written as YYYY-MM-DD, not "
                                 "'2023-02-29': 2023-02 has no day 29 | for example 2023-06-30"});
  CHECK(errors_of("title: A\ndate: 0113-05-20\nprogram: x\n") ==
        std::vector<std::string>{"3:7 'date' has the year 0113, which cannot be meant | write "
                                 "the year of the Western calendar in four digits (民國113年 is "
                                 "2024)"});
  CHECK(errors_of("title: A\ndate: 2024-02-29\nprogram: x\n").empty());
  // A year of the Thai Buddhist era (พ.ศ. 2567 is 2024), as Thai forms write it: the page
  // would be dated 543 years ahead. In ASCII or Thai digits.
  CHECK(errors_of("title: A\ndate: 2567-03-15\nprogram: x\n") ==
        std::vector<std::string>{"3:7 'date' has the year 2567, which cannot be meant | write "
                                 "2024-03-15 (the year 2567 of the Buddhist era, พ.ศ., is 2024)"});
  CHECK(errors_of("title: A\ndate: 2567/03/15\nprogram: x\n") ==
        std::vector<std::string>{"3:7 'date' must be a date written as YYYY-MM-DD, not "
                                 "'2567/03/15' | write 2024-03-15 (the year 2567 of the "
                                 "Buddhist era, พ.ศ., is 2024)"});
  CHECK(errors_of("title: A\ndate: ๒๕๖๗-๐๓-๑๕\nprogram: x\n") ==
        std::vector<std::string>{"3:7 'date' is written in Thai digits: '๒๕๖๗-๐๓-๑๕' | write "
                                 "2024-03-15 (the year 2567 of the Buddhist era, พ.ศ., is 2024)"});
  CHECK(errors_of("title: A\ndate: ๑๕/๐๓/๒๐๒๔\nprogram: x\n") ==
        std::vector<std::string>{"3:7 'date' is written in Thai digits: '๑๕/๐๓/๒๐๒๔' | write "
                                 "2024-03-15"});
  CHECK(errors_of("title: A\ndate: 2399-12-31\nprogram: x\n").empty());
}

TEST_CASE("front matter: with an error, what could be read is kept") {
  FrontMatter fm;
  auto errors =
      errors_of("title: A\ndate: 2021-13-45\nprogram: learning\nlevel: nationl\nurl: ../up\n", &fm);
  REQUIRE(errors.size() == 3);
  CHECK(fm.title == "A");
  CHECK_FALSE(fm.date);
  CHECK(fm.refs ==
        std::vector<std::pair<std::string, std::string>>{{"program", "programs/learning"}});
  CHECK(fm.url.empty());  // a url that is not allowed leaves the file's own address
  // A title that is not text is one error, not also "no title".
  CHECK(errors_of("title: [a, b]\ndate: 2023-06-30\nprogram: learning\n") ==
        std::vector<std::string>{"2:8 'title' must be text, not a list"});
}

TEST_CASE("front matter: at most 100 terms of a taxonomy, the first 100 kept") {
  std::string list = "audiences: [";
  for (int i = 0; i < 150; ++i) list += (i ? ", t" : "t") + std::to_string(i);
  FrontMatter fm;
  // t100 (the 101st) starts at column 13 + 100 items of "tN, " before it: 10 * 4 + 90 * 5.
  CHECK(errors_of(kValid + list + "]\n", &fm) ==
        std::vector<std::string>{
            "5:503 this page has 150 terms in 'audiences'; at most 100 are allowed | keep the "
            "terms that say what the page is about: each one is a page of its own in every "
            "language"});
  REQUIRE(fm.terms.size() == 1);
  CHECK(fm.terms[0].second.size() == 100);
  CHECK(fm.terms[0].second.back() == "t99");
  list = "audiences: [";
  for (int i = 0; i < 100; ++i) list += (i ? ", t" : "t") + std::to_string(i);
  CHECK(errors_of(kValid + list + "]\n", &fm).empty());
  CHECK(fm.terms[0].second.size() == 100);
}

TEST_CASE("front matter: at most 100 aliases, the first 100 kept") {
  std::string list = "aliases: [";
  for (int i = 0; i < 101; ++i) list += (i ? ", /a" : "/a") + std::to_string(i);
  FrontMatter fm;
  // /a100 (the 101st) starts at column 11 + 100 items of "/aN, " before it: 10 * 5 + 90 * 6.
  CHECK(errors_of(kValid + list + "]\n", &fm) ==
        std::vector<std::string>{
            "5:601 this page has 101 aliases; at most 100 are allowed | keep the old addresses "
            "people still use: each one is a redirect page of its own"});
  CHECK(fm.aliases.size() == 100);
  CHECK(fm.aliases.back().first == "/a99/");
  list = "aliases: [";
  for (int i = 0; i < 100; ++i) list += (i ? ", /a" : "/a") + std::to_string(i);
  CHECK(errors_of(kValid + list + "]\n", &fm).empty());
  CHECK(fm.aliases.size() == 100);
}

}  // namespace firefly
