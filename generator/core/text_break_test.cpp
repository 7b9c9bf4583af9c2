#include "core/text_break.h"

#include <doctest/doctest.h>
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <memory>
#include <string>
#include <vector>

namespace firefly {

namespace {

const std::string kEllipsis = "\u2026";

/// `text` cut by truncate_text without its ellipsis; checks the ellipsis is there.
std::string cut_part(const std::string& text, size_t units) {
  std::string out = truncate_text(text, units);
  REQUIRE(out.size() >= kEllipsis.size());
  REQUIRE(out.substr(out.size() - kEllipsis.size()) == kEllipsis);
  std::string kept = out.substr(0, out.size() - kEllipsis.size());
  CHECK(text.compare(0, kept.size(), kept) == 0);  // a prefix of the original
  return kept;
}

}  // namespace

TEST_CASE("truncate_text keeps short text whole") {
  CHECK(truncate_text("", 3) == "");
  CHECK(truncate_text("abc", 3) == "abc");
  CHECK(truncate_text("臺南市", 3) == "臺南市");
  CHECK(truncate_text("abc", static_cast<size_t>(-1)) == "abc");
  CHECK(truncate_text("abc", 0) == kEllipsis);
}

TEST_CASE("truncate_text cuts Chinese by characters") {
  CHECK(cut_part("臺南市政府勞工局施政成果報告", 5) == "臺南市政府");
  CHECK(cut_part("臺南市政府勞工局施政成果報告", 1) == "臺");
  // Never ends on an opening bracket or a comma.
  CHECK(cut_part("勞工局（臺南市）的報告", 4) == "勞工局");
  CHECK(cut_part("勞工局，臺南市", 4) == "勞工局");
}

TEST_CASE("truncate_text prefers word boundaries in Latin text") {
  CHECK(cut_part("The quick brown fox jumps over the lazy dog", 12) == "The quick");
  CHECK(cut_part("The quick brown fox", 15) == "The quick brown");
  CHECK(cut_part("hello, world and more", 8) == "hello");
  // A single long word is cut at a grapheme.
  CHECK(cut_part("Supercalifragilisticexpialidocious word", 10) == "Supercalif");
}

TEST_CASE("truncate_text never splits graphemes") {
  // Vietnamese written decomposed (NFD): base letters followed by combining marks.
  std::string vi = "Tie\xcc\x82\xcc\x81ng Vie\xcc\xa3\xcc\x82t co\xcc\x81 da\xcc\x82\xcc\x81u";
  CHECK(cut_part(vi, 7) == "Tie\xcc\x82\xcc\x81ng");
  CHECK(cut_part(vi, 4) == "Tie\xcc\x82\xcc\x81n");
  CHECK(cut_part(vi, 3) == "Tie\xcc\x82\xcc\x81");  // "ế" keeps both of its marks
  for (size_t n = 0; n < 17; ++n) {
    std::string kept = cut_part(vi, n);
    CAPTURE(n);
    // The next byte of the original is never a combining mark (U+0300..U+036F start 0xCC/0xCD).
    unsigned char next = static_cast<unsigned char>(vi[kept.size()]);
    CHECK(next != 0xCC);
    CHECK(next != 0xCD);
  }
  // A family emoji (ZWJ sequence) and flags are one unit each.
  std::string family = "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466";
  CHECK(cut_part("家庭" + family + "很好", 3) == "家庭" + family);
  CHECK(cut_part("家庭" + family + "很好", 2) == "家庭");
  std::string tw = "\U0001F1F9\U0001F1FC", jp = "\U0001F1EF\U0001F1F5", vn = "\U0001F1FB\U0001F1F3";
  CHECK(cut_part(tw + jp + vn, 2) == tw + jp);
  CHECK(cut_part(tw + jp + vn, 1) == tw);
  CHECK(truncate_text(tw + jp + vn, 3) == tw + jp + vn);
}

TEST_CASE("own_grapheme: ICU agrees that each such code point is a grapheme of its own") {
  // By property: nothing that joins a neighbour (extend, spacing mark, ZWJ, prepend,
  // regional indicator, hangul jamo, CR).
  size_t own = 0;
  icu::UnicodeString all;
  for (UChar32 c = 0; c <= 0x10FFFF; ++c) {
    if (!own_grapheme(static_cast<uint32_t>(c))) continue;
    ++own;
    all.append(c);
    auto gcb = u_getIntPropertyValue(c, UCHAR_GRAPHEME_CLUSTER_BREAK);
    CAPTURE(c);
    CHECK((gcb == U_GCB_OTHER || gcb == U_GCB_CONTROL || gcb == U_GCB_LF));
  }
  CHECK(own > 20000);
  // By ICU's iterator: as many graphemes as code points, side by side.
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> chars(
      icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
  REQUIRE(U_SUCCESS(status));
  chars->setText(all);
  size_t graphemes = 0;
  for (int32_t at = chars->next(); at != icu::BreakIterator::DONE; at = chars->next()) ++graphemes;
  CHECK(graphemes == own);
  CHECK_FALSE(own_grapheme('\r'));
  CHECK_FALSE(own_grapheme(0x0301));  // a combining accent joins the letter before it
}

TEST_CASE("truncate_text cuts alike with and without the own-grapheme path") {
  // The same text plain (its code points are graphemes: no ICU grapheme iterator) and with
  // an accent joining its "o", which sends it through ICU: cut at the same graphemes.
  auto with_accent = [](std::string s) { return s.insert(2, "\xcc\x81"); };  // U+0301
  const std::string plain = "Home visits to older workers, and their families' repairs";
  for (size_t n : {5u, 12u, 20u, 29u, 40u}) {
    CAPTURE(n);
    CHECK(truncate_text(with_accent(plain), n) == with_accent(truncate_text(plain, n)));
  }
  CHECK(cut_part("臺南市政府勞工局，施政成果報告", 8) == "臺南市政府勞工局");
  // Half of the text allowed is counted in graphemes, not bytes: "臺南 " is 3 of 10, too few
  // to back up to (its 7 bytes would be enough).
  const std::string mixed = "臺南 repairing homes";
  CHECK(cut_part(mixed, 10) == "臺南 repairi");
  CHECK(cut_part(mixed, 12) == "臺南 repairing");
  CHECK(cut_part(mixed, 15) == "臺南 repairing");
  auto accent_after_r = [](std::string s) { return s.insert(8, "\xcc\x81"); };  // "ŕepairing"
  for (size_t n : {10u, 12u, 15u, 17u}) {  // cuts after the accent
    CAPTURE(n);
    CHECK(truncate_text(accent_after_r(mixed), n) == accent_after_r(truncate_text(mixed, n)));
  }
}

TEST_CASE("reading counts: ICU counts every CJK Unified Ideograph (U+4E00-U+9FFF) as a unit") {
  // count_reading knows them without asking: what ICU says of each, as it is asked for the
  // code points around them.
  constexpr uint32_t kUnit = U_GC_L_MASK | U_GC_NL_MASK | U_GC_MN_MASK | U_GC_MC_MASK;
  for (UChar32 c = 0x4E00; c <= 0x9FFF; ++c) {
    CAPTURE(c);
    CHECK((U_GET_GC_MASK(c) & kUnit) != 0);
    CHECK(is_cjk(static_cast<uint32_t>(c)));
    CHECK_FALSE(uscript_hasScript(c, USCRIPT_HANGUL));
  }
  CHECK(count_reading("\xe4\xb8\x80\xe9\xbf\xbf").cjk_chars == 2);  // U+4E00 and U+9FFF
}

TEST_CASE("reading counts for mixed text") {
  auto zh = count_reading("臺南市政府勞工局 2023 年度報告 has English words too.");
  CHECK(zh.cjk_chars == 12);
  CHECK(zh.words == 5);
  auto en = count_reading("The quick brown fox jumps, doesn't it? 3.14!");
  CHECK(en.cjk_chars == 0);
  CHECK(en.words == 8);  // The quick brown fox jumps doesn't it 3.14
  auto ja = count_reading("日本語のテキストです。");
  CHECK(ja.cjk_chars == 10);
  CHECK(ja.words == 0);
  auto vi = count_reading("Tie\xcc\x82\xcc\x81ng Vie\xcc\xa3\xcc\x82t có dấu");
  CHECK(vi.words == 4);
  auto none = count_reading("... \U0001F1F9\U0001F1FC !!");
  CHECK(none.cjk_chars == 0);
  CHECK(none.words == 0);
}

TEST_CASE("reading minutes") {
  CHECK(reading_minutes({}) == 1);
  CHECK(reading_minutes({400, 0}) == 1);
  CHECK(reading_minutes({401, 0}) == 2);
  CHECK(reading_minutes({0, 200}) == 1);
  CHECK(reading_minutes({0, 201}) == 2);
  CHECK(reading_minutes({200, 100}) == 1);   // 0.5 + 0.5
  CHECK(reading_minutes({1000, 150}) == 4);  // 2.5 + 0.75
  std::string long_text;
  for (int i = 0; i < 1000; ++i) long_text += "勞";
  CHECK(reading_minutes(count_reading(long_text)) == 3);
}

TEST_CASE("count_reading: the ASCII fast path counts words as ICU does") {
  const std::string text = "Don't stop: e.g. 3.5 and 1,000 items_x; A-B (c) x.y z'";
  size_t fast = count_reading(text).words;
  // A non-ASCII word sends the same text through ICU's word break iterator.
  size_t icu = count_reading(text + " \xC3\xA9t\xC3\xA9").words;
  CHECK(fast == 12);
  CHECK(icu == fast + 1);
}

TEST_CASE("count_reading: long ASCII text, joins at every offset of a 16-byte block") {
  // The fast path reads 16 bytes a step; a word or a joining ' . : , ; on either side of
  // a step's edge must count as ICU counts it.
  for (size_t pad = 0; pad < 20; ++pad) {
    const std::string text = std::string(pad, ' ') + "x Don't stop: e.g. 3.5 and 1,000; 12'34 " +
                             "items_x; A-B (c) x.y z' 1;2 q. " + std::string(pad, 'w');
    size_t fast = count_reading(text).words;
    size_t icu = count_reading(text + " \xC3\xA9t\xC3\xA9").words;
    CHECK(fast == icu - 1);
  }
}

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

TEST_CASE("word_boundaries: Thai by its dictionary, other scripts at spaces and punctuation") {
  // ภาษา (4 characters, 12 bytes) and ไทย (3 characters, 9 bytes) with no space between.
  CHECK(word_boundaries("ภาษาไทย") == std::vector<size_t>{0, 12, 21});
  CHECK(word_boundaries("e.g. two, 3.5") == std::vector<size_t>{0, 3, 4, 5, 8, 9, 10, 13});
  CHECK(word_boundaries("") == std::vector<size_t>{0});
}

TEST_CASE("display_width: wide and full-width characters take two columns, marks none") {
  CHECK(display_width("") == 0);
  CHECK(display_width("See [the plan]") == 14);
  CHECK(display_width("請看[平台]") == 10);         // Han 2, ASCII brackets 1
  CHECK(display_width("。，「」（）") == 12);       // full-width punctuation
  CHECK(display_width("ＡＢ１") == 6);              // full-width forms of ASCII
  CHECK(display_width("カタカナ한국어") == 14);     // kana, hangul syllables
  CHECK(display_width("Ngày hội") == 8);            // Vietnamese, precomposed
  CHECK(display_width("Nga\u0300y") == 4);          // a tone written apart takes none
  CHECK(display_width("ที่นี่") == 2);                  // Thai: vowel and tone marks take none
  CHECK(display_width("\u1100\u1161\u11A8") == 2);  // a hangul syllable of three jamo
  CHECK(display_width("a\u200Bb") == 2);            // zero-width space
  CHECK(display_width("😀") == 2);
  CHECK(display_width("…—“”") == 4);  // East Asian Ambiguous: one
  CHECK(display_width("a\tb") == 6);
  CHECK(display_width("\xFF\xFE"
                      "a") == 3);  // a byte that is not UTF-8: one
  CHECK(display_width(std::string_view("\xE4\xB8", 2)) == 2);
}

TEST_CASE("is_cjk: Han, kana and hangul, and the prolonged sound mark") {
  CHECK(is_cjk(U'勞'));
  CHECK(is_cjk(U'の'));
  CHECK(is_cjk(U'한'));
  CHECK(is_cjk(U'ー'));
  CHECK_FALSE(is_cjk(U'a'));
  CHECK_FALSE(is_cjk(U'ไ'));
}

}  // namespace firefly
