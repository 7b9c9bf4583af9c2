#include "core/localized.h"

#include <doctest/doctest.h>

#include "core/error.h"
#include "core/yaml.h"

namespace firefly {

TEST_CASE("to_localized says where a comma cut an unquoted text of a language map short") {
  // Written as a translator writes a ministry's name; YAML reads "Bộ Lao động" as a key
  // with no text, and the Vietnamese page would name half of the ministry.
  Diagnostics d;
  Value v = parse_yaml("by: {zh-TW: 勞動部, vi: Cơ quan Phát triển, Bộ Lao động}\n", "a.yaml", d);
  REQUIRE_FALSE(d.has_errors());
  std::string error, hint;
  Localized out = to_localized(v.get("by"), &error, &hint);
  CHECK(out.empty());
  CHECK(error ==
        "'Bộ Lao động' is not a language code: a comma inside the text for 'vi' ended it "
        "there");
  CHECK(hint == "put that text in quotes: vi: \"Cơ quan Phát triển, Bộ Lao động\"");
  Value twice = parse_yaml("by: {en: Tainan, Taiwan, Asia}\n", "c.yaml", d);
  to_localized(twice.get("by"), &error, &hint);
  CHECK(hint == "put that text in quotes: en: \"Tainan, Taiwan, Asia\"");
  // A language's empty text, and a map of languages only, are read as before.
  error.clear();
  Value ok = parse_yaml("by: {zh-TW: 勞動部, en: , vi: Bộ}\n", "b.yaml", d);
  Localized read = to_localized(ok.get("by"), &error);
  CHECK(error.empty());
  CHECK(read.by_lang.size() == 3);
  CHECK(read.get("vi", "zh-TW") == "Bộ");
}

}  // namespace firefly

namespace firefly {

TEST_CASE("a text written under a shorter code of the language is that language's") {
  Localized title;
  title.by_lang = {{"zh-TW", "勞工局"}, {"vi", "Cục Lao động"}, {"en", "Labor Bureau"}};
  // A site whose languages carry regions: staff write `vi:` and `en:`.
  CHECK(title.get("vi-VN", "zh-TW") == "Cục Lao động");
  CHECK(title.get("en-GB", "zh-TW") == "Labor Bureau");
  CHECK(title.has("vi-VN"));
  CHECK(title.lang_of("vi-VN", "zh-TW") == "vi-VN");  // in the page's own language: no mark
  // Traditional Chinese is found for Hong Kong; Simplified never stands in for it.
  CHECK(title.get("zh-HK", "en") == "勞工局");
  Localized simplified;
  simplified.by_lang = {{"zh", "劳工局"}, {"en", "Labor Bureau"}};
  CHECK(simplified.get("zh-TW", "en") == "Labor Bureau");
  CHECK_FALSE(simplified.has("zh-TW"));
  CHECK(simplified.lang_of("zh-TW", "en") == "en");
  // Another language is not found this way, and a code's own text comes first.
  CHECK_FALSE(title.has("id-ID"));
  CHECK(title.get("id-ID", "en") == "Labor Bureau");
  Localized both;
  both.by_lang = {{"vi", "chung"}, {"vi-VN", "riêng"}};
  CHECK(both.get("vi-VN", "vi") == "riêng");
  CHECK(both.get("vi", "vi-VN") == "chung");
}

}  // namespace firefly

namespace firefly {

TEST_CASE("a text written once is in the default language when it reads as it") {
  auto once = [](std::string text) {
    Localized l;
    l.plain = std::move(text);
    return l;
  };
  // Staff of a site in Vietnamese write its title once: an English page reads it in
  // Vietnamese, and so does a Thai or a Chinese one.
  CHECK(once("Báo cáo việc làm").lang_of("en", "vi") == "vi");
  CHECK(once("Tainan City").lang_of("th", "vi-VN") == "vi-VN");
  CHECK(once("Laporan tenaga kerja").lang_of("zh-TW", "id") == "id");
  CHECK(once("Labor report").lang_of("id", "en") == "en");
  CHECK(once("Ulat sa paggawa").lang_of("ko", "fil") == "fil");
  // On the default language's own pages, and another of the same language: no mark.
  CHECK(once("Báo cáo").lang_of("vi", "vi") == "vi");
  CHECK(once("Labor report").lang_of("en-GB", "en") == "en-GB");
  // An acronym, a number or a sign is in no language; a name in another script is marked
  // by its script (render/language_runs.h), as is a text written once on a Chinese or Thai
  // site.
  CHECK(once("GDP").lang_of("en", "vi") == "");
  CHECK(once("ILO 2023").lang_of("th", "id") == "");
  CHECK(once("COVID-19 — %").lang_of("th", "id") == "");
  CHECK(once("臺南市").lang_of("en", "vi") == "");
  CHECK(once("กรุงเทพ").lang_of("en", "id") == "");
  CHECK(once("臺南市").lang_of("en", "zh-TW") == "");
  CHECK(once("ข้อมูล").lang_of("en", "th") == "");
  // Languages whose script no run marks: Korean, Japanese (its kanji too).
  CHECK(once("노동 보고서").lang_of("en", "ko") == "ko");
  CHECK(once("労働局").lang_of("en", "ja") == "ja");
  CHECK(once("").lang_of("en", "vi") == "");
}

TEST_CASE("reads_as: a letter of the language's script, not an acronym's") {
  CHECK(reads_as("臺南市", "zh-TW"));
  CHECK(reads_as("สถิติ", "th"));
  CHECK(reads_as("Đà Nẵng", "vi"));
  CHECK_FALSE(reads_as("GDP", "en"));
  CHECK_FALSE(reads_as("Labor", "zh-TW"));
  CHECK_FALSE(reads_as("2023", "vi"));
  CHECK_FALSE(written_once_in("臺南市", "zh-TW"));
}

}  // namespace firefly
