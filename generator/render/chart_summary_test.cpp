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

}  // namespace

TEST_CASE("summary: first, last, change, lowest and highest with when, in English") {
  DataView en = theme_view("en", "en");
  ChartData d = series({1, 2, 10, 0, 3}, {"2013", "2014", "2021", "2017", "2022"});
  CHECK(chart_summary(d, en) ==
        "Y rose from 1 in 2013 to 3 in 2022, up 2. The lowest value was 0 in 2017 and the "
        "highest 10 in 2021.");
  d = series({1200.5, kNoValue, 900}, {"2019", "2020", "2021"});
  CHECK(chart_summary(d, en) ==
        "Y fell from 1,200.5 in 2019 to 900 in 2021, down 300.5. The lowest value was 900 in "
        "2021 and the highest 1,200.5 in 2019.");
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
        "Y從 3（2013）減少到 1（2014），減少 2。最低為 1（2014），最高為 3（2013）。");
  CHECK(chart_summary(fall, theme_view("vi", "vi"))
            .find("Y giảm từ 3 (2013) xuống 1 (2014), giảm 2.") == 0);
  CHECK(chart_summary(fall, theme_view("id", "id"))
            .find("Y turun dari 3 pada 2013 menjadi 1 pada 2014, berkurang 2.") == 0);
  CHECK(
      chart_summary(fall, theme_view("th", "th")).find("Y ลดจาก 3 ใน 2013 เป็น 1 ใน 2014 ลดลง 2") ==
      0);
}

}  // namespace firefly
