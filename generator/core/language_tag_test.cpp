#include "core/language_tag.h"

#include <doctest/doctest.h>

namespace firefly {

TEST_CASE("lang_attribute writes lang in HTML and xml:lang in XML, nothing for no tag") {
  CHECK(lang_attribute("zh-Hant-TW") == " lang=\"zh-Hant-TW\"");
  CHECK(lang_attribute("vi", LangSyntax::kHtml) == " lang=\"vi\"");
  CHECK(lang_attribute("zh-Hant-TW", LangSyntax::kXml) == " xml:lang=\"zh-Hant-TW\"");
  // The text is in the language of what holds it.
  CHECK(lang_attribute("") == "");
  CHECK(lang_attribute("", LangSyntax::kXml) == "");
  // A tag is written escaped, whatever a caller passes.
  CHECK(lang_attribute("x\"><b") == " lang=\"x&quot;&gt;&lt;b\"");
}

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

TEST_CASE("closest_language finds the words of a code with a region or a script") {
  const std::vector<std::string> theme = {"en", "fil", "id", "th", "vi", "zh-TW"};
  CHECK(closest_language("vi", theme) == "vi");     // itself
  CHECK(closest_language("vi-VN", theme) == "vi");  // the region dropped
  CHECK(closest_language("fil-PH", theme) == "fil");
  CHECK(closest_language("id-ID", theme) == "id");
  CHECK(closest_language("th-TH", theme) == "th");
  CHECK(closest_language("en-GB", theme) == "en");
  CHECK(closest_language("vi-Latn-VN", theme) == "vi");  // and the script it is written in
  CHECK(closest_language("tl", theme) == "fil");         // Filipino is written under either code
  CHECK(closest_language("tl-PH", theme) == "fil");
  CHECK(closest_language("fil", {"en", "tl"}) == "tl");
  CHECK(closest_language("ja", theme).empty());  // no words in the language
  CHECK(closest_language("ms", theme).empty());
}

TEST_CASE("closest_language keeps Traditional and Simplified Chinese apart") {
  const std::vector<std::string> theme = {"en", "vi", "zh-TW"};
  CHECK(closest_language("zh-TW", theme) == "zh-TW");
  CHECK(closest_language("zh-Hant-TW", theme) == "zh-TW");  // the same region and script
  CHECK(closest_language("zh-Hant", theme) == "zh-TW");
  CHECK(closest_language("zh-HK", theme) == "zh-TW");  // Traditional, as Hong Kong writes
  CHECK(closest_language("zh-MO", theme) == "zh-TW");
  CHECK(closest_language("zh-Hant-HK", theme) == "zh-TW");
  CHECK(closest_language("zh", theme).empty());  // Simplified, as ICU reads "zh"
  CHECK(closest_language("zh-CN", theme).empty());
  CHECK(closest_language("zh-Hans", theme).empty());
  CHECK(closest_language("zh-SG", theme).empty());
  CHECK(closest_language("zh-Hans-TW", theme).empty());  // a script written wins
  const std::vector<std::string> both = {"zh", "zh-CN", "zh-Hant", "zh-TW"};
  CHECK(closest_language("zh-Hant-TW", both) == "zh-TW");
  CHECK(closest_language("zh-HK", both) == "zh-Hant");  // no region before another region
  CHECK(closest_language("zh-Hant", both) == "zh-Hant");
  CHECK(closest_language("zh-SG", both) == "zh");
  CHECK(closest_language("zh-Hans-CN", both) == "zh-CN");
  CHECK(closest_language("zh-Hans", {"zh-TW", "zh-CN"}) == "zh-CN");
  CHECK(closest_language("zh-TW", {"zh", "zh-CN", "zh-Hans"}).empty());
}

TEST_CASE("closest_language prefers the same region, then none, then the main one") {
  CHECK(closest_language("en-GB", {"en-US", "en-GB", "en"}) == "en-GB");
  CHECK(closest_language("en-AU", {"en-US", "en-GB", "en"}) == "en");
  CHECK(closest_language("en-AU", {"en-GB", "en-US"}) == "en-US");  // English's main region
  CHECK(closest_language("pt-PT", {"pt-BR"}) == "pt-BR");
  CHECK(closest_language("pt", {"pt-PT", "pt-BR"}) == "pt-BR");
  CHECK(closest_language("es-MX", {"es-419", "es"}) == "es");
  CHECK(closest_language("sr-Latn", {"sr"}).empty());  // Serbian's own script is Cyrillic
  CHECK(closest_language("sr-Latn-RS", {"sr", "sr-Latn"}) == "sr-Latn");
  CHECK(closest_language("sr-RS", {"sr-Latn", "sr"}) == "sr");
  CHECK(closest_language("", {"en"}).empty());
  CHECK(closest_language("en", {}).empty());
}

TEST_CASE("primary_language is the language subtag, tl read as fil") {
  CHECK(primary_language("vi-VN") == "vi");
  CHECK(primary_language("zh-Hant-TW") == "zh");
  CHECK(primary_language("en") == "en");
  CHECK(primary_language("tl-PH") == "fil");
  CHECK(primary_language("fil") == "fil");
}

TEST_CASE("has_script_of: a text holds a letter of its language's script") {
  CHECK(has_script_of("志工", "zh-TW"));
  CHECK(has_script_of("LINE 群組", "zh-TW"));
  CHECK_FALSE(has_script_of("repair", "zh-TW"));
  CHECK_FALSE(has_script_of("repair", "th"));
  CHECK(has_script_of("แรงงาน", "th"));
  CHECK(has_script_of("ボランティア", "ja"));
  CHECK(has_script_of("lao động", "vi"));
  CHECK_FALSE(has_script_of("志工", "vi"));
  CHECK_FALSE(has_script_of("", "zh-TW"));
  CHECK(has_script_of("anything", "x-unknown-script"));
}

TEST_CASE("is_right_to_left: Arabic, Hebrew and Thaana run from right to left") {
  CHECK(is_right_to_left("ar"));
  CHECK(is_right_to_left("ar-EG"));
  CHECK(is_right_to_left("he"));
  CHECK(is_right_to_left("fa"));
  CHECK(is_right_to_left("ur-PK"));
  CHECK(is_right_to_left("dv"));
  CHECK(is_right_to_left("az-Arab"));
  CHECK_FALSE(is_right_to_left("az"));
  CHECK_FALSE(is_right_to_left("en"));
  CHECK_FALSE(is_right_to_left("zh-Hant-TW"));
  CHECK_FALSE(is_right_to_left("th"));
  CHECK_FALSE(is_right_to_left("x-unknown-script"));
}

}  // namespace firefly
