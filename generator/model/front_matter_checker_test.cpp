#include "model/front_matter_checker.h"

#include <doctest/doctest.h>

#include "model/front_matter_for_tests.h"

namespace firefly {

using testing::errors_of;
using testing::kValid;

TEST_CASE("front matter: a figure written as a spreadsheet shows it says what to write") {
  CHECK(errors_of(kValid + "age: 1,234\n") ==
        std::vector<std::string>{"5:6 'age' must be a whole number, not text '1,234' | write "
                                 "1234 (no thousands separators)"});
  CHECK(errors_of(kValid + "score: 86.9%\n") ==
        std::vector<std::string>{"5:8 'score' must be a number, not text '86.9%' | write 86.9 "
                                 "without the %"});
}

TEST_CASE("front matter: each field type names the value and what it must be") {
  CHECK(errors_of(kValid + "age: seventy\n") ==
        std::vector<std::string>{"5:6 'age' must be a whole number, not text 'seventy'"});
  CHECK(errors_of(kValid + "score: high\n") ==
        std::vector<std::string>{"5:8 'score' must be a number, not text 'high'"});
  CHECK(errors_of(kValid + "featured: yes\n") ==
        std::vector<std::string>{"5:11 'featured' must be true or false, not text 'yes' | write "
                                 "true"});
  CHECK(errors_of(kValid + "level: nationl\n") ==
        std::vector<std::string>{"5:8 'level' is 'nationl', which is not one of: national, "
                                 "municipal | did you mean 'national'?"});
  // The words pages show for a value, written instead of it.
  CHECK(errors_of(kValid + "level: 市級\n") ==
        std::vector<std::string>{"5:8 'level' is '市級', which is not one of: national, "
                                 "municipal | '市級' is what pages show for 'municipal'; write "
                                 "`level: municipal`"});
  CHECK(errors_of(kValid + "summary_zh: [a]\n") ==
        std::vector<std::string>{"5:13 'summary_zh' must be text, not a list"});
  CHECK(errors_of(kValid + "people: {name: x}\n") ==
        std::vector<std::string>{"5:9 'people' must be a list, not a map of keys"});
  CHECK(errors_of(kValid + "people: [{name: x, agee: 3}]\n") ==
        std::vector<std::string>{"5:20 'people' has no field 'agee' | did you mean 'age'?"});
  // A date field of the schema is told what to write as the page's date is.
  CHECK(errors_of(kValid + "held_on: 113年5月1日\n") ==
        std::vector<std::string>{"5:10 'held_on' must be a date written as YYYY-MM-DD, not "
                                 "'113年5月1日' | write 2024-05-01 (民國113年 is 2024)"});
  CHECK(errors_of(kValid + "held_on: [2024-05-01]\n") ==
        std::vector<std::string>{"5:10 'held_on' must be a date (YYYY-MM-DD), not a list"});
  CHECK(errors_of(kValid + "motto: [a, b]\n") ==
        std::vector<std::string>{
            "5:8 'motto' must be text or a map of language codes to text, not a list"});
}

TEST_CASE("front matter: every image-typed value is typed, in lists and objects too") {
  FrontMatter fm;
  CHECK(errors_of(kValid + "cover: {src: /c.jpg, alt: A cover, caption: Spring}\n"
                           "images:\n"
                           "  - {src: /i.svg, alt: \"\"}\n"
                           "people:\n"
                           "  - {name: Lin}\n"
                           "  - {name: Wu, photo: {src: /wu.png, alt: Ms Wu}}\n",
                  &fm)
            .empty());
  REQUIRE(fm.images.size() == 3);
  CHECK(fm.images[0].field == "images[0]");
  CHECK(fm.images[0].src == "/i.svg");
  CHECK(fm.images[0].alt == "");
  CHECK(fm.images[1].field == "cover");
  CHECK(fm.images[1].alt == "A cover");
  CHECK(fm.images[1].caption == "Spring");
  CHECK(fm.images[1].pos.line == 5);
  CHECK(fm.images[2].field == "people[1].photo");
  CHECK(fm.images[2].src == "/wu.png");
  CHECK(fm.images[2].pos.line == 10);
  CHECK(errors_of(kValid + "people:\n  - {name: Wu, photo: {src: /wu.png}}\n") ==
        std::vector<std::string>{
            "6:23 the image /wu.png has no alt text | add `alt:` describing the image for "
            "people who cannot see it (write alt: \"\" only for a purely decorative image)"});
}

TEST_CASE(
    "front matter: an image's alt text and caption are text, and an empty alt: a forgotten one") {
  // alt: {en: ...} (as site.yaml's texts) and alt: [a] were published as alt="", a described
  // image shown as a decorative one; `alt:` left empty too.
  CHECK(errors_of(kValid + "cover: {src: /c.jpg, alt: {en: A cover}, caption: [Spring]}\n") ==
        std::vector<std::string>{
            "5:27 'cover.alt' must be text, not a map of keys | a page is in one language: "
            "write its alt as text, and each translation's in that translation's file",
            "5:51 'cover.caption' must be text, not a list"});
  CHECK(errors_of(kValid + "images:\n  - {src: /i.svg, alt: }\n") ==
        std::vector<std::string>{
            "6:24 the image /i.svg has no alt text | add `alt:` describing the image for people "
            "who cannot see it (write alt: \"\" only for a purely decorative image)"});
  // Nor is a list or a map read as the text '' of a date or of an enum's value.
  CHECK(errors_of(kValid + "level: [national]\n") ==
        std::vector<std::string>{"5:8 'level' must be one of: national, municipal, not a list"});
  CHECK(errors_of("title: A\ndate: {y: 2024}\nprogram: p\n") ==
        std::vector<std::string>{"3:7 'date' must be a date (YYYY-MM-DD), not a map of keys"});
  FrontMatter fm;
  CHECK(errors_of(kValid + "cover: {src: /c.jpg, alt: 2024, caption: \"\"}\n", &fm).empty());
  REQUIRE(fm.images.size() == 1);
  CHECK(fm.images[0].alt == "2024");
}

TEST_CASE("front matter: a weight is a whole number an int holds") {
  // 9999999999 was cut to 1410065407, and the page sorted where nobody put it.
  CHECK(errors_of(kValid + "weight: 9999999999\n") ==
        std::vector<std::string>{"5:9 'weight' must be a whole number from -1000000000 to "
                                 "1000000000 | a smaller number sorts the page as well: lower "
                                 "comes first"});
  FrontMatter fm;
  CHECK(errors_of(kValid + "weight: -1000000000\n", &fm).empty());
  CHECK(fm.weight == -1000000000);
}

TEST_CASE("front matter: a misspelt title is said once, at the misspelling") {
  CHECK(errors_of("titel: A\ndate: 2023-06-30\nprogram: learning\n") ==
        std::vector<std::string>{"2:1 this page has no title, and 'titel' is none | did you mean "
                                 "'title'? write title: instead of titel:"});
  // Typed with full-width letters (an input method in full-width mode).
  CHECK(errors_of("ｔｉｔｌｅ: A\ndate: 2023-06-30\nprogram: learning\n") ==
        std::vector<std::string>{"2:1 this page has no title, and 'ｔｉｔｌｅ' is none | did you "
                                 "mean 'title'? write title: instead of ｔｉｔｌｅ:"});
}

TEST_CASE("front matter: a title of spaces alone is no title") {
  // title: "   " was published as a page with an empty heading and <title>.
  CHECK(errors_of("title: \"   \"\ndate: 2023-06-30\nprogram: learning\n") ==
        std::vector<std::string>{"2:1 this page has no title | write the page's title after "
                                 "`title:`"});
}

}  // namespace firefly
