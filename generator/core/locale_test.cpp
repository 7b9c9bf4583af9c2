#include "core/locale.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "core/text_break.h"

namespace firefly {

namespace {

Date day(const char* iso) {
  auto d = parse_date(iso);
  REQUIRE(d);
  return *d;
}

const LocaleSpec kRoc{"zh-Hant-TW", "roc"};
const std::string kEllipsis = "\u2026";

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

TEST_CASE("a date's month or year alone, in each language") {
  Date d = day("2024-01-31");
  CHECK(format_date(d, kRoc, DatePart::kMonth) == "民國113年1月");
  CHECK(format_date(d, kRoc, DatePart::kYear) == "民國113年");
  CHECK(format_date(d, {"en", ""}, DatePart::kMonth) == "January 2024");
  CHECK(format_date(d, {"en", ""}, DatePart::kYear) == "2024");
  CHECK(format_date(d, {"en", ""}, DatePart::kDay) == "31 January 2024");
  CHECK(format_date(d, {"vi", ""}, DatePart::kMonth) == "tháng 1 năm 2024");
  CHECK(format_date(d, {"id", ""}, DatePart::kMonth) == "Januari 2024");
  CHECK(format_date(d, {"th", ""}, DatePart::kMonth) == "มกราคม 2024");
  // Before the Republic, Gregorian as for days.
  CHECK(format_date(day("1911-05-01"), kRoc, DatePart::kMonth) == "1911年5月");
}

TEST_CASE("a month as a chart's axis writes it: abbreviated, without the era") {
  Date d = day("2024-12-01");
  CHECK(format_date(d, kRoc, DatePart::kShortMonth) == "113年12月");
  CHECK(format_date(d, {"zh-Hant-TW", ""}, DatePart::kShortMonth) == "2024年12月");
  CHECK(format_date(d, {"en", ""}, DatePart::kShortMonth) == "Dec 2024");
  CHECK(format_date(d, {"vi", ""}, DatePart::kShortMonth) == "thg 12 2024");
  CHECK(format_date(d, {"id", ""}, DatePart::kShortMonth) == "Des 2024");
  CHECK(format_date(d, {"th", ""}, DatePart::kShortMonth) == "ธ.ค. 2024");
  CHECK(format_date(day("1911-05-01"), kRoc, DatePart::kShortMonth) == "1911年5月");
  // The year alone, where an axis has no room for a month: without 民國 too.
  CHECK(format_date(d, kRoc, DatePart::kYear) == "民國113年");
  CHECK(format_date(d, kRoc, DatePart::kShortYear) == "113年");
  for (const char* lang : {"en", "vi", "id", "th"}) {
    CAPTURE(lang);
    CHECK(format_date(d, {lang, ""}, DatePart::kShortYear) == "2024");
  }
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
  // Past 2^53 a double loses the last digit; a whole number keeps it.
  CHECK(format_integer(9007199254740993, {"vi", ""}) == "9.007.199.254.740.993");
  CHECK(format_integer(-9007199254740993, {"en", ""}) == "-9,007,199,254,740,993");
  CHECK(format_integer(0, {"en", ""}) == "0");
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
