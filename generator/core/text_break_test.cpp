#include "core/sentence.h"

#include <doctest/doctest.h>

using firefly::first_sentence;
using firefly::short_summary;

TEST_CASE("first_sentence: Chinese ends at 。 and English at a full stop") {
  CHECK(first_sentence("勞工局歷年獲得的獎項。資料取自申請書。", "zh-Hant-TW") ==
        "勞工局歷年獲得的獎項。");
  CHECK(first_sentence("  Awards won by the bureau. Taken from its application.\n", "en") ==
        "Awards won by the bureau.");
  CHECK(first_sentence("Có bao nhiêu lớp? Mỗi năm một lớp.", "vi") == "Có bao nhiêu lớp?");
}

TEST_CASE("first_sentence: a known abbreviation does not end the sentence in English") {
  CHECK(first_sentence("Classes, e.g. sewing and cooking, for older workers. Second.", "en") ==
        "Classes, e.g. sewing and cooking, for older workers.");
}

TEST_CASE("first_sentence: a text without a sentence end is one sentence") {
  CHECK(first_sentence("รางวัลที่สำนักงานแรงงานได้รับ ข้อมูลมาจากตารางรางวัล", "th") ==
        "รางวัลที่สำนักงานแรงงานได้รับ ข้อมูลมาจากตารางรางวัล");
  CHECK(first_sentence("", "en").empty());
  CHECK(first_sentence(" \n ", "en").empty());
}

TEST_CASE("short_summary: the first sentence, cut with an ellipsis only when still too long") {
  CHECK(short_summary("One. Two.", "en", 100) == "One.");
  std::string thai =
      short_summary("รางวัลที่สำนักงานแรงงานเมืองไถหนาน หน่วยงานในสังกัด บริษัทและสหภาพแรงงาน", "th", 20);
  CHECK(thai.size() < 20 * 9);
  CHECK(thai.rfind("\u2026") == thai.size() - 3);
  CHECK(short_summary("臺南市政府勞工局、所屬機關與工會歷年獲得的獎項。其餘。", "zh-Hant-TW", 10) ==
        "臺南市政府勞工局、所\u2026");
}
