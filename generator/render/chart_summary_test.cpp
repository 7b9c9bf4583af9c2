#include "render/chart_summary.h"

#include <doctest/doctest.h>

#include <map>

#include "render/theme_view_for_tests.h"

namespace firefly {

namespace {

ChartData series(std::vector<double> values, std::vector<std::string> labels) {
  ChartData d;
  for (const std::string& l : labels) {
    d.x.push_back(Value(l));
    d.x_labels.push_back(l);
  }
  d.series.push_back(ChartSeries{"awards", "Y", "", std::move(values)});
  return d;
}

ChartData categories(std::vector<double> values, std::vector<std::string> labels) {
  ChartData d = series(std::move(values), std::move(labels));
  d.categories = true;
  return d;
}

}  // namespace

TEST_CASE("summary as HTML: names in another language carry it, the plain text does not") {
  DataView en = theme_view("en", "en");
  ChartData d = categories({5, 1}, {"甲隊", "A&B"});
  d.x_lang = "zh-Hant-TW";
  d.series[0].name = "家訪";
  d.series[0].name_lang = "zh-Hant-TW";
  CHECK(chart_summary(d, en) ==
        "家訪: highest for 甲隊 (5) and lowest for A&B (1), of 2 categories.");
  CHECK(chart_summary_html(d, en, false) ==
        "<span lang=\"zh-Hant-TW\">家訪</span>: highest for <span lang=\"zh-Hant-TW\">甲隊</span> "
        "(5) and lowest for <span lang=\"zh-Hant-TW\">A&amp;B</span> (1), of 2 categories.");
  // In the reader's language nothing is marked, and the text is escaped.
  d.x_lang.clear();
  d.series[0].name_lang.clear();
  CHECK(chart_summary_html(d, en, false) ==
        "家訪: highest for 甲隊 (5) and lowest for A&amp;B (1), of 2 categories.");
}

TEST_CASE("summary: text categories get highest and lowest with where, never first or change") {
  DataView en = theme_view("en", "en");
  ChartData d = categories({3, 12, 1200.5, 0}, {"East", "West", "North", "South"});
  CHECK(chart_summary(d, en) ==
        "Y: highest for North (1,200.5) and lowest for South (0), of 4 categories.");
  // The order the categories come in does not make a rise: the same words either way.
  d = categories({0, 1200.5, 12, 3}, {"South", "North", "West", "East"});
  CHECK(chart_summary(d, en) ==
        "Y: highest for North (1,200.5) and lowest for South (0), of 4 categories.");
  // Ties name every category that has the value, up to three, then how many more.
  d = categories({5, 1, 5, kNoValue}, {"A", "B", "C", "D"});
  CHECK(chart_summary(d, en) ==
        "Y: highest for A and C (5) and lowest for B (1), of 3 categories.");
  d = categories({1, 1, 1, 1, 1, 9}, {"A", "B", "C", "D", "E", "F"});
  CHECK(chart_summary(d, en) ==
        "Y: highest for F (9) and lowest for A, B, C and 2 more (1), of 6 categories.");
  d = categories({4, 4}, {"A", "B"});
  CHECK(chart_summary(d, en) == "Y: 4 for each of 2 categories.");
  d = categories({kNoValue, 7}, {"A", "B"});
  CHECK(chart_summary(d, en) == "Y: 7 for B.");
  d = categories({kNoValue}, {"A"});
  CHECK(chart_summary(d, en) == "There are no values to chart.");
  for (const char* word : {"rose", "fell", "from", " up ", "down", "same"}) {
    CAPTURE(word);
    CHECK(chart_summary(categories({3, 1, 2}, {"A", "B", "C"}), en).find(word) ==
          std::string::npos);
  }
}

TEST_CASE("summary: text categories in every language of the theme") {
  ChartData d = categories({1234.5, 0, 2000}, {"甲", "乙", "丙"});
  ChartData same = categories({1234.5, 1234.5}, {"甲", "乙"});
  ChartData one = categories({kNoValue, 1234.5}, {"甲", "乙"});
  ChartData ties = categories({1, 1, 1, 1, 1, 9}, {"A", "B", "C", "D", "E", "F"});
  struct Want {
    std::string locale, summary, same, one, ties;
  };
  const std::map<std::string, Want> expected = {
      {"zh-TW",
       {"zh-Hant-TW", "Y以丙最高（2,000），乙最低（0），共 3 項。", "Y在全部 2 項都是 1,234.5。",
        "Y：乙為 1,234.5。", "Y以F最高（9），A、B、C等 5 項最低（1），共 6 項。"}},
      {"en",
       {"en", "Y: highest for 丙 (2,000) and lowest for 乙 (0), of 3 categories.",
        "Y: 1,234.5 for each of 2 categories.", "Y: 1,234.5 for 乙.",
        "Y: highest for F (9) and lowest for A, B, C and 2 more (1), of 6 categories."}},
      {"vi",
       {"vi", "Y cao nhất ở 丙 (2.000) và thấp nhất ở 乙 (0), trong 3 nhóm.",
        "Y là 1.234,5 ở cả 2 nhóm.", "Y là 1.234,5 ở 乙.",
        "Y cao nhất ở F (9) và thấp nhất ở A, B, C và 2 nhóm khác (1), trong 6 nhóm."}},
      {"id",
       {"id", "Y tertinggi pada 丙 (2.000) dan terendah pada 乙 (0), dari 3 kategori.",
        "Y sebesar 1.234,5 pada semua 2 kategori.", "Y sebesar 1.234,5 pada 乙.",
        "Y tertinggi pada F (9) dan terendah pada A, B, C dan 2 lainnya (1), dari 6 kategori."}},
      {"th",
       {"th", "Y สูงสุดที่ 丙 (2,000) และต่ำสุดที่ 乙 (0) จากทั้งหมด 3 หมวด", "Y เท่ากับ 1,234.5 ในทั้ง 2 หมวด",
        "Y เท่ากับ 1,234.5 ที่ 乙", "Y สูงสุดที่ F (9) และต่ำสุดที่ A, B, C และอีก 2 หมวด (1) จากทั้งหมด 6 หมวด"}},
  };
  for (const auto& [lang, want] : expected) {
    CAPTURE(lang);
    DataView view = theme_view(lang, want.locale);
    CHECK(chart_summary(d, view) == want.summary);
    CHECK(chart_summary(same, view) == want.same);
    CHECK(chart_summary(one, view) == want.one);
    CHECK(chart_summary(ties, view) == want.ties);
  }
}

TEST_CASE("summary: first, last, change, lowest and highest with when, in English") {
  DataView en = theme_view("en", "en");
  ChartData d = series({1, 2, 10, 0, 3}, {"2013", "2014", "2021", "2017", "2022"});
  CHECK(chart_summary(d, en) ==
        "Y rose from 1 in 2013 to 3 in 2022, up 2. The lowest value was 0 in 2017 and the "
        "highest 10 in 2021.");
  d = series({1200.5, kNoValue, 900}, {"2019", "2020", "2021"});
  CHECK(chart_summary(d, en) ==
        "Y fell from 1,200.5 in 2019 to 900 in 2021, down 300.5. Y has no value for 2020.");
  d = series({5, 5}, {"2019", "2020"});
  CHECK(chart_summary(d, en) == "Y was 5 in 2019 and the same in 2020.");
  d = series({kNoValue, 7}, {"2019", "2020"});
  CHECK(chart_summary(d, en) == "Y was 7 in 2020.");
  d = series({kNoValue}, {"2019"});
  CHECK(chart_summary(d, en) == "There are no values to chart.");
}

TEST_CASE("summary: every language of the theme, with its number formatting") {
  ChartData d = series({1234.5, 0, 2000}, {"2013", "2017", "2022"});
  const std::map<std::string, std::pair<std::string, std::string>> expected = {
      {"zh-TW",
       {"zh-Hant-TW",
        "Y從 1,234.5（2013）增加到 2,000（2022），增加 765.5。最低為 0（2017），最高為 "
        "2,000（2022）。"}},
      {"vi",
       {"vi",
        "Y tăng từ 1.234,5 (2013) lên 2.000 (2022), tăng 765,5. Thấp nhất là 0 (2017), cao "
        "nhất là 2.000 (2022)."}},
      {"id",
       {"id",
        "Y naik dari 1.234,5 pada 2013 menjadi 2.000 pada 2022, bertambah 765,5. Nilai "
        "terendah 0 pada 2017 dan tertinggi 2.000 pada 2022."}},
      {"th",
       {"th",
        "Y เพิ่มจาก 1,234.5 ใน 2013 เป็น 2,000 ใน 2022 เพิ่มขึ้น 765.5 ค่าต่ำสุดคือ 0 ใน 2017 "
        "และค่าสูงสุดคือ 2,000 ใน 2022"}},
  };
  for (const auto& [lang, want] : expected) {
    CAPTURE(lang);
    CHECK(chart_summary(d, theme_view(lang, want.first)) == want.second);
  }
  ChartData fall = series({3, 1}, {"2013", "2014"});
  CHECK(chart_summary(fall, theme_view("zh-TW", "zh-Hant-TW")) ==
        "Y從 3（2013）減少到 1（2014），減少 2。");
  CHECK(chart_summary(fall, theme_view("vi", "vi"))
            .find("Y giảm từ 3 (2013) xuống 1 (2014), giảm 2.") == 0);
  CHECK(chart_summary(fall, theme_view("id", "id"))
            .find("Y turun dari 3 pada 2013 menjadi 1 pada 2014, berkurang 2.") == 0);
  CHECK(
      chart_summary(fall, theme_view("th", "th")).find("Y ลดจาก 3 ใน 2013 เป็น 1 ใน 2014 ลดลง 2") ==
      0);
}

TEST_CASE("summary: two values are said once, in every language of the theme") {
  // The first and the last are the lowest and the highest: the change says them, and no
  // second sentence says them again ("The lowest value was 1 in 2013 and the highest 3 in
  // 2022.").
  ChartData rise = series({1, 3}, {"2013", "2022"});
  ChartData fall = series({3, 1}, {"2013", "2022"});
  struct Want {
    std::string locale, rise, fall;
  };
  const std::map<std::string, Want> expected = {
      {"en",
       {"en", "Y rose from 1 in 2013 to 3 in 2022, up 2.",
        "Y fell from 3 in 2013 to 1 in 2022, down 2."}},
      {"fil",
       {"fil", "Tumaas ang Y mula 1 sa 2013 hanggang 3 sa 2022, dagdag na 2.",
        "Bumaba ang Y mula 3 sa 2013 hanggang 1 sa 2022, bawas na 2."}},
      {"id",
       {"id", "Y naik dari 1 pada 2013 menjadi 3 pada 2022, bertambah 2.",
        "Y turun dari 3 pada 2013 menjadi 1 pada 2022, berkurang 2."}},
      {"ja",
       {"ja", "Yは 2013 の 1 から 2022 の 3 へ、2 増えました。",
        "Yは 2013 の 3 から 2022 の 1 へ、2 減りました。"}},
      {"ko", {"ko", "Y: 2013 1, 2022 3. 2 증가했습니다.", "Y: 2013 3, 2022 1. 2 감소했습니다."}},
      {"th",
       {"th", "Y เพิ่มจาก 1 ใน 2013 เป็น 3 ใน 2022 เพิ่มขึ้น 2",
        "Y ลดจาก 3 ใน 2013 เป็น 1 ใน 2022 ลดลง 2"}},
      {"vi",
       {"vi", "Y tăng từ 1 (2013) lên 3 (2022), tăng 2.",
        "Y giảm từ 3 (2013) xuống 1 (2022), giảm 2."}},
      {"zh-TW",
       {"zh-Hant-TW", "Y從 1（2013）增加到 3（2022），增加 2。",
        "Y從 3（2013）減少到 1（2022），減少 2。"}},
  };
  for (const auto& [lang, want] : expected) {
    CAPTURE(lang);
    DataView view = theme_view(lang, want.locale);
    CHECK(chart_summary(rise, view) == want.rise);
    CHECK(chart_summary(fall, view) == want.fall);
  }
  // A third value between them: the lowest and the highest are news again (they could have
  // been any of the three).
  ChartData three = series({1, 2, 3}, {"2013", "2014", "2022"});
  CHECK(chart_summary(three, theme_view("en", "en")) ==
        "Y rose from 1 in 2013 to 3 in 2022, up 2. The lowest value was 1 in 2013 and the "
        "highest 3 in 2022.");
}

TEST_CASE("summary: the years between the first and last that have no value are named") {
  DataView en = theme_view("en", "en");
  ChartData d =
      series({1, kNoValue, kNoValue, 4, kNoValue}, {"2019", "2020", "2021", "2022", "2023"});
  // The change speaks of 2019 and 2022 only; 2023, after the last value, is no gap.
  CHECK(chart_summary(d, en) ==
        "Y rose from 1 in 2019 to 4 in 2022, up 3. Y has no value for 2020 and 2021.");
  // In every language, the last of names all given follows the word for "and".
  const std::map<std::string, std::pair<std::string, std::string>> pairs = {
      {"zh-TW", {"zh-Hant-TW", "2020和2021"}},
      {"vi", {"vi", "2020 và 2021"}},
      {"id", {"id", "2020 dan 2021"}},
      {"th", {"th", "2020 และ 2021"}},
  };
  for (const auto& [lang, want] : pairs) {
    CAPTURE(lang);
    CHECK(chart_summary(d, theme_view(lang, want.first)).find(want.second) != std::string::npos);
  }
  d = series({2, kNoValue, 2}, {"2019", "2020", "2021"});
  CHECK(chart_summary(d, en) == "Y was 2 in 2019 and the same in 2021. Y has no value for 2020.");
  d = series({1, kNoValue, kNoValue, kNoValue, kNoValue, kNoValue, 2},
             {"2016", "2017", "2018", "2019", "2020", "2021", "2022"});
  CHECK(chart_summary(d, en).find("Y has no value for 2017, 2018, 2019 and 2 more.") !=
        std::string::npos);
  const std::map<std::string, std::pair<std::string, std::string>> expected = {
      {"zh-TW", {"zh-Hant-TW", "Y沒有數值：2017、2018、2019等 5 項。"}},
      {"vi", {"vi", "Y không có giá trị vào 2017, 2018, 2019 và 2 nhóm khác."}},
      {"id", {"id", "Y tidak memiliki nilai pada 2017, 2018, 2019 dan 2 lainnya."}},
      {"th", {"th", "Y ไม่มีค่าใน 2017, 2018, 2019 และอีก 2 หมวด"}},
  };
  for (const auto& [lang, want] : expected) {
    CAPTURE(lang);
    std::string text = chart_summary(d, theme_view(lang, want.first));
    CHECK(text.substr(text.size() - std::min(text.size(), want.second.size())) == want.second);
  }
}

TEST_CASE("summary: a percent series says %, its change in percentage points; a unit is said") {
  ChartData pct = series({2.15, 2.3, 1.95}, {"2021", "2022", "2023"});
  pct.series[0].percent = true;
  pct.series[0].unit = "%";
  const std::map<std::string, std::pair<std::string, std::string>> expected = {
      {"vi",
       {"vi",
        "Y giảm từ 2,15% (2021) xuống 1,95% (2023), giảm 0,2 điểm phần trăm. Thấp nhất là "
        "1,95% (2023), cao nhất là 2,3% (2022)."}},
      {"en",
       {"en",
        "Y fell from 2.15% in 2021 to 1.95% in 2023, down 0.2 percentage points. The lowest "
        "value was 1.95% in 2023 and the highest 2.3% in 2022."}},
      {"zh-TW",
       {"zh-Hant-TW",
        "Y從 2.15%（2021）減少到 1.95%（2023），減少 0.2 個百分點。最低為 1.95%（2023），最高為 "
        "2.3%（2022）。"}},
      {"id",
       {"id",
        "Y turun dari 2,15% pada 2021 menjadi 1,95% pada 2023, berkurang 0,2 poin "
        "persentase. Nilai terendah 1,95% pada 2023 dan tertinggi 2,3% pada 2022."}},
      {"th",
       {"th",
        "Y ลดจาก 2.15% ใน 2021 เป็น 1.95% ใน 2023 ลดลง 0.2 จุดเปอร์เซ็นต์ ค่าต่ำสุดคือ 1.95% ใน 2023 "
        "และค่าสูงสุดคือ 2.3% ใน 2022"}},
      {"fil",
       {"fil",
        "Bumaba ang Y mula 2.15% sa 2021 hanggang 1.95% sa 2023, bawas na 0.2 puntong "
        "porsyento. Ang pinakamababang bilang ay 1.95% sa 2023 at ang pinakamataas ay 2.3% "
        "sa 2022."}},
      {"ja",
       {"ja",
        "Yは 2021 の 2.15% から 2023 の 1.95% へ、0.2 ポイント 減りました。最も低い値は 2023 の "
        "1.95%、最も高い値は 2022 の 2.3% でした。"}},
      {"ko",
       {"ko",
        "Y: 2021 2.15%, 2023 1.95%. 0.2%p 감소했습니다. 가장 낮은 값은 2023의 1.95%, 가장 "
        "높은 값은 2022의 2.3%입니다."}},
  };
  for (const auto& [lang, want] : expected) {
    CAPTURE(lang);
    CHECK(chart_summary(pct, theme_view(lang, want.first)) == want.second);
  }
  DataView en = theme_view("en", "en");
  // One point is one, not "points"; the percent sign whatever the unit's words are.
  pct = series({2, 3}, {"2022", "2023"});
  pct.series[0].percent = true;
  pct.series[0].unit = "percent";
  CHECK(chart_summary(pct, en) == "Y rose from 2% in 2022 to 3% in 2023, up 1 percentage point.");
  // Over categories and as a target range, every figure has it.
  ChartData cats = categories({5, 1}, {"A", "B"});
  cats.series[0].percent = true;
  CHECK(chart_summary(cats, en) == "Y: highest for A (5%) and lowest for B (1%), of 2 categories.");
  // Any other unit is said once, after the series' name, in its own language in HTML: after
  // each figure English would say "1 awards".
  ChartData visits = series({1200, 900}, {"2022", "2023"});
  visits.series[0].unit = "人次";
  visits.series[0].unit_lang = "zh-Hant-TW";
  CHECK(chart_summary(visits, en) == "Y (人次) fell from 1,200 in 2022 to 900 in 2023, down 300.");
  CHECK(chart_summary_html(visits, en, false)
            .find("Y (<span lang=\"zh-Hant-TW\">人次</span>) fell from 1,200 in 2022") !=
        std::string::npos);
  CHECK(chart_summary(visits, theme_view("vi", "vi")) ==
        "Y (人次) giảm từ 1.200 (2022) xuống 900 (2023), giảm 300.");
  CHECK(chart_summary(visits, theme_view("zh-TW", "zh-Hant-TW")).rfind("Y（人次）從 1,200", 0) ==
        0);
  ChartData one = series({1, 3}, {"2013", "2022"});
  one.series[0].unit = "awards";
  one.series[0].name = "Awards";  // the name says the unit already
  CHECK(chart_summary(one, en).rfind("Awards rose from 1 in 2013", 0) == 0);
  one.series[0].name = "Y";
  CHECK(chart_summary(one, en) == "Y (awards) rose from 1 in 2013 to 3 in 2022, up 2.");
  // Without a unit, the number alone, as before.
  visits.series[0].unit.clear();
  CHECK(chart_summary(visits, en) == "Y fell from 1,200 in 2022 to 900 in 2023, down 300.");
}

}  // namespace firefly
