#include "core/language_tag.h"

#include <doctest/doctest.h>

namespace firefly {

TEST_CASE("is_language_tag accepts the tags sites write") {
  CHECK(is_language_tag("en"));
  CHECK(is_language_tag("zh-TW"));
  CHECK(is_language_tag("zh-Hant-TW"));
  CHECK(is_language_tag("nan-Latn"));
  CHECK(is_language_tag("es-419"));
}

TEST_CASE("is_language_tag rejects what is not a tag") {
  CHECK_FALSE(is_language_tag(""));
  CHECK_FALSE(is_language_tag("e"));
  CHECK_FALSE(is_language_tag("english"));
  CHECK_FALSE(is_language_tag("zh_TW"));
  CHECK_FALSE(is_language_tag("zh-"));
  CHECK_FALSE(is_language_tag("-en"));
  CHECK_FALSE(is_language_tag("en--GB"));
  CHECK_FALSE(is_language_tag("12"));
  CHECK_FALSE(is_language_tag("en-x"));
  CHECK_FALSE(is_language_tag("en-abcdefghi"));
  CHECK_FALSE(is_language_tag("en GB"));
  CHECK_FALSE(is_language_tag("中文"));
}

TEST_CASE("is_known_language_code knows the languages, scripts and regions of BCP 47") {
  for (const char* code : {"en", "zh-TW", "zh-Hant-TW", "vi", "id", "th", "nan", "nan-Latn",
                           "es-419", "sr-Latn-RS", "de-1901", "sl-rozaj", "tl", "fil", "my"}) {
    CAPTURE(code);
    CHECK(is_known_language_code(code));
  }
  for (const char* code : {"", "english", "EN", "zh-tw", "zh_TW", "vn", "xx", "und", "en-XX",
                           "zh-Abcd-TW", "en-US-x-private", "中文"}) {
    CAPTURE(code);
    CHECK_FALSE(is_known_language_code(code));
  }
}

TEST_CASE("suggest_language_code finds the code that was meant") {
  CHECK(suggest_language_code("EN") == "en");        // letter case
  CHECK(suggest_language_code("zh_tw") == "zh-TW");  // and '_' for '-'
  CHECK(suggest_language_code("ZH-HANT-tw") == "zh-Hant-TW");
  CHECK(suggest_language_code("english") == "en");  // a language's English name
  CHECK(suggest_language_code("Vietnamese") == "vi");
  CHECK(suggest_language_code("Tiếng Việt") == "vi");  // its name in itself
  CHECK(suggest_language_code("中文") == "zh");
  CHECK(suggest_language_code("vn") == "vi");  // a country: its language
  CHECK(suggest_language_code("jp") == "ja");
  CHECK(suggest_language_code("at") == "de-AT");  // not German's own country
  CHECK(suggest_language_code("iw") == "he");     // a code replaced since
  CHECK(suggest_language_code("xx").empty());
  CHECK(suggest_language_code("").empty());
}

}  // namespace firefly
