#include "core/locale.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

namespace firefly {

namespace {

Date day(const char* iso) {
  auto d = parse_date(iso);
  REQUIRE(d);
  return *d;
}

const LocaleSpec kRoc{"zh-Hant-TW", "roc"};
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

std::vector<std::string> sorted(std::vector<std::string> v, const Collator& c) {
  std::sort(v.begin(), v.end(),
            [&](const std::string& a, const std::string& b) { return c.compare(a, b) < 0; });
  return v;
}

}  // namespace

TEST_CASE("ROC dates") {
  CHECK(format_date(day("2023-06-30"), kRoc) == "民國112年6月30日");
  CHECK(format_date(day("1912-01-01"), kRoc) == "民國1年1月1日");
  CHECK(format_date(day("1912-12-31"), kRoc) == "民國1年12月31日");
  CHECK(format_date(day("2024-02-29"), kRoc) == "民國113年2月29日");
  // Before the Republic: Gregorian, never "民國前".
  CHECK(format_date(day("1911-12-31"), kRoc) == "1911年12月31日");
  CHECK(format_date(day("1895-06-17"), kRoc) == "1895年6月17日");
  // The time of day and its offset never move the calendar day.
  CHECK(format_date(day("2023-06-30T23:30:00-10:00"), kRoc) == "民國112年6月30日");
  CHECK(format_date(day("2023-07-01T00:10:00+14:00"), kRoc) == "民國112年7月1日");
  // ICU ids and the region-only tag work too.
  CHECK(format_date(day("2023-06-30"), {"zh-TW", "roc"}) == "民國112年6月30日");
  CHECK(format_date(day("2023-06-30"), {"zh_Hant_TW", "roc"}) == "民國112年6月30日");
  // Without a calendar the same locale is Gregorian.
  CHECK(format_date(day("2023-06-30"), {"zh-Hant-TW", ""}) == "2023年6月30日");
  CHECK(format_date(day("2023-06-30"), {"zh-Hant-TW", "gregorian"}) == "2023年6月30日");
}

TEST_CASE("English, Vietnamese, Indonesian and Thai dates") {
  Date d = day("2023-06-30");
  CHECK(format_date(d, {"en", ""}) == "30 June 2023");
  CHECK(format_date(d, {"", ""}) == "30 June 2023");
  CHECK(format_date(d, {"en-GB", ""}) == "30 June 2023");
  CHECK(format_date(d, {"en-US", ""}) == "June 30, 2023");
  CHECK(format_date(day("1911-12-31"), {"en", "roc"}) == "31 December 1911");
  CHECK(format_date(d, {"vi", ""}) == "30 tháng 6, 2023");
  CHECK(format_date(day("2024-01-05"), {"vi", ""}) == "5 tháng 1, 2024");
  CHECK(format_date(d, {"id", ""}) == "30 Juni 2023");
  // Thai is Gregorian unless asked for the Buddhist era (2023 + 543 = 2566).
  std::string th = format_date(d, {"th", ""});
  CHECK(th.find("2023") != std::string::npos);
  CHECK(th.find("มิถุนายน") != std::string::npos);
  CHECK(format_date(d, {"th", "buddhist"}) == "30 มิถุนายน 2566");
}

TEST_CASE("dates that are not real fall back to ISO text") {
  Date bad;
  bad.year = 2023;
  bad.month = 2;
  bad.day = 30;
  CHECK(format_date(bad, kRoc) == "2023-02-30");
}

TEST_CASE("number grouping per locale") {
  CHECK(format_number(1234567, {"en", ""}) == "1,234,567");
  CHECK(format_number(1234567, {"zh-Hant-TW", ""}) == "1,234,567");
  CHECK(format_number(1234567, {"vi", ""}) == "1.234.567");
  CHECK(format_number(1234567.891, {"en", ""}) == "1,234,567.89");
  CHECK(format_number(1234567.891, {"vi", ""}) == "1.234.567,89");
  CHECK(format_number(1234.5, {"id", ""}) == "1.234,5");
  CHECK(format_number(-1234.5, {"en", ""}) == "-1,234.5");
  CHECK(format_number(3.14159, {"en", ""}, 0) == "3");
  CHECK(format_number(3.14159, {"en", ""}, 4) == "3.1416");
  CHECK(format_number(0.125, {"en", ""}) == "0.13");  // half up, as in 四捨五入
  CHECK(format_number(2.5, {"en", ""}, 0) == "3");
  CHECK(format_number(-0.001, {"en", ""}) == "0");  // no "-0"
  CHECK(format_number(42, {"en", ""}, -3) == "42");
}

TEST_CASE("collation of Chinese names") {
  std::vector<std::string> names = {"蔡", "黃", "張", "王", "林", "李"};
  std::vector<std::string> bytes = names;
  std::sort(bytes.begin(), bytes.end());
  // zh-Hant-TW sorts by stroke count: 王 4, 李 7, 林 8, 張 11, 黃 12, 蔡 15.
  Collator stroke("zh-Hant-TW");
  auto by_stroke = sorted(names, stroke);
  CHECK(by_stroke == std::vector<std::string>{"王", "李", "林", "張", "黃", "蔡"});
  CHECK(by_stroke != bytes);
  CHECK(sorted(bytes, stroke) == by_stroke);  // independent of input order
  // Simplified-script Chinese sorts by pinyin: cai, huang, li, lin, wang, zhang.
  Collator pinyin("zh");
  CHECK(sorted(names, pinyin) == std::vector<std::string>{"蔡", "黃", "李", "林", "王", "張"});
}

TEST_CASE("collation of Latin text with accents") {
  Collator en("en");
  CHECK(en.compare("apple", "Banana") < 0);  // bytes would put "B" first
  CHECK(en.compare("Émile", "Emma") < 0);    // bytes would put "É" after "Z"
  CHECK(en.compare("Zed", "Émile") > 0);
  CHECK(en.compare("same", "same") == 0);
  CHECK(sorted({"côté", "cote", "côte", "coté"}, en) ==
        std::vector<std::string>{"cote", "coté", "côte", "côté"});
  // Vietnamese: Đ is a letter of its own after D.
  Collator vi("vi");
  CHECK(vi.compare("Đà Nẵng", "Dương") > 0);
  CHECK(en.compare("Đà Nẵng", "Dương") < 0);
  // Canonically equal strings still order deterministically by their bytes.
  CHECK(en.compare("e\xcc\x81", "\xc3\xa9") != 0);
  CHECK(en.compare("e\xcc\x81", "\xc3\xa9") == -en.compare("\xc3\xa9", "e\xcc\x81"));
}

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

TEST_CASE("formatting and collation from several threads") {
  Collator stroke("zh-Hant-TW");
  std::vector<std::string> results(4);
  std::vector<int> orders(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        results[t] = format_date(day("2023-06-30"), kRoc) + format_number(1234.5, {"vi", ""}) +
                     truncate_text("臺南市政府勞工局", 3);
        orders[t] = stroke.compare("王", "蔡");
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < 4; ++t) {
    CHECK(results[t] == "民國112年6月30日1.234,5臺南市" + kEllipsis);
    CHECK(orders[t] < 0);
  }
}

}  // namespace firefly

namespace firefly {

TEST_CASE("count_reading: the ASCII fast path counts words as ICU does") {
  const std::string text = "Don't stop: e.g. 3.5 and 1,000 items_x; A-B (c) x.y z'";
  size_t fast = count_reading(text).words;
  // A non-ASCII word sends the same text through ICU's word break iterator.
  size_t icu = count_reading(text + " \xC3\xA9t\xC3\xA9").words;
  CHECK(fast == 12);
  CHECK(icu == fast + 1);
}

TEST_CASE("search_pieces: the fast path for ASCII and Han gives what folding gives") {
  for (std::string text : {"勞工局2019年，志工「服務」ABC def", "（全形括號）、。—dash… x_y",
                           "團體協約\u3000 e-mail 3.5", "a\u200Db", "㐀丁 z"}) {
    std::vector<SearchPiece> fast = search_pieces(text);
    // "é" sends the same text through ICU's folding; its piece comes last.
    std::vector<SearchPiece> folded = search_pieces(text + " \xC3\xA9");
    REQUIRE(folded.size() == fast.size() + 1);
    CHECK(folded.back().text == "e");
    for (size_t k = 0; k < fast.size(); ++k) {
      CHECK(fast[k].text == folded[k].text);
      CHECK(fast[k].cjk == folded[k].cjk);
      CHECK(fast[k].joined == folded[k].joined);
    }
  }
}

}  // namespace firefly
