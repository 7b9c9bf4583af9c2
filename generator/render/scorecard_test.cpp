#include "render/scorecard.h"

#include <doctest/doctest.h>

#include <set>

#include "render/theme_view_for_tests.h"

namespace firefly {

namespace {

/// A plan for 2019 with one indicator in each status (met exactly at the target, not met
/// where lower is better, not reported, no target).
IndicatorSet sample_plan() {
  IndicatorSet plan;
  plan.dataset = "plan";
  plan.title.plain = "Plan";
  plan.periods = {"2019"};
  auto add = [&](std::string id, Direction d, std::optional<double> target,
                 std::optional<double> actual) {
    Indicator ind;
    ind.id = std::move(id);
    ind.name.plain = ind.id;
    ind.unit.plain = "classes";
    ind.direction = d;
    PeriodResult p;
    p.period = "2019";
    p.target = target;
    p.actual = actual;
    p.status = indicator_status(d, target, {}, actual);
    p.ratio = achievement_ratio(d, target, {}, actual);
    ind.periods.push_back(p);
    plan.indicators.push_back(std::move(ind));
  };
  add("met", Direction::kHigher, 36, 36);
  add("days", Direction::kLower, 14, 15);
  add("missing", Direction::kHigher, 5, std::nullopt);
  add("untargeted", Direction::kHigher, std::nullopt, 3);
  return plan;
}

}  // namespace

TEST_CASE("scorecard counts and status words in every language of the theme") {
  IndicatorSet plan = sample_plan();
  struct Expected {
    const char* lang;
    const char* html_lang;
    const char* counts;
    const char* met;
    const char* not_reported;
  };
  const Expected cases[] = {
      {"en", "en", "2019: 1 of 3 targets met, 1 not met, 1 not reported; 1 without a target", "Met",
       "Not reported"},
      {"zh-TW", "zh-Hant-TW", "2019：3 項目標中 1 項達成，1 項未達成，1 項未公布；1 項未訂目標",
       "已達成", "未公布"},
      {"vi", "vi", "2019: đạt 1 trên 3 mục tiêu, 1 không đạt, 1 chưa công bố; 1 chưa có mục tiêu",
       "Đạt", "Chưa công bố"},
      {"id", "id",
       "2019: 1 dari 3 target tercapai, 1 tidak tercapai, 1 belum dilaporkan; 1 tanpa target",
       "Tercapai", "Belum dilaporkan"},
      {"th", "th", "2019: บรรลุ 1 จาก 3 เป้าหมาย ไม่บรรลุ 1 ไม่ได้รายงาน 1; ไม่มีเป้าหมาย 1", "บรรลุ",
       "ไม่ได้รายงาน"},
  };
  for (const Expected& e : cases) {
    CAPTURE(e.lang);
    DataView view = theme_view(e.lang, e.html_lang);
    CHECK(counts_text(plan, 0, view) == e.counts);
    CHECK(status_text(IndicatorStatus::kMet, view) == e.met);
    CHECK(status_text(IndicatorStatus::kNotReported, view) == e.not_reported);
    // Every status has its own word, and none falls back to English outside English.
    std::set<std::string> words;
    for (IndicatorStatus s : {IndicatorStatus::kMet, IndicatorStatus::kNotMet,
                              IndicatorStatus::kNotReported, IndicatorStatus::kNoTarget}) {
      words.insert(status_text(s, view));
    }
    CHECK(words.size() == 4);
    if (std::string(e.lang) != "en") CHECK(words.count("Not met") == 0);
  }
}

TEST_CASE("a scorecard row shows the latest figures, the status in words and an icon") {
  IndicatorSet plan = sample_plan();
  DataView en = theme_view("en", "en");
  Value met = scorecard_row(plan, plan.indicators[0], en);
  CHECK(met.get("name").to_text() == "met");
  CHECK(met.get("url").to_text() == "/data/plan/indicators/met/");
  CHECK(met.get("target").to_text() == "36 classes");
  CHECK(met.get("actual").to_text() == "36 classes");
  CHECK(met.get("ratio").to_text() == "100%");
  CHECK(met.get("status").get("text").to_text() == "Met");
  CHECK(met.get("status").get("icon").to_text() == "\u2714");
  Value days = scorecard_row(plan, plan.indicators[1], en);
  CHECK(days.get("status").get("name").to_text() == "not_met");
  CHECK(days.get("ratio").to_text() == "93%");
  Value missing = scorecard_row(plan, plan.indicators[2], en);
  CHECK(missing.get("actual").to_text() == "");
  CHECK(missing.get("status").get("text").to_text() == "Not reported");
  CHECK(missing.get("status").get("icon").to_text() == "?");
  DataView zh = theme_view("zh-TW", "zh-Hant-TW");
  CHECK(scorecard_row(plan, plan.indicators[3], zh).get("status").get("text").to_text() ==
        "未訂目標");
}

TEST_CASE("an indicator's chart plots its targets against its actuals, with not reported") {
  IndicatorSet plan = sample_plan();
  DataView en = theme_view("en", "en");
  std::string html = indicator_chart(plan, plan.indicators[2], "c", en);
  CHECK(html.find("missing: target and actual") != std::string::npos);
  CHECK(html.find("chart-kind-target") != std::string::npos);
  CHECK(html.find("not reported") != std::string::npos);
  Indicator empty;
  empty.periods.push_back(PeriodResult{"2019", {}, {}, {}, IndicatorStatus::kNoTarget, {}});
  CHECK(indicator_chart(plan, empty, "c", en).empty());
}

}  // namespace firefly

namespace firefly {

TEST_CASE("a range target is drawn with both ends, and said in words") {
  IndicatorSet plan;
  plan.dataset = "plan";
  plan.periods = {"2019", "2020"};
  Indicator ind;
  ind.id = "share";
  ind.name.plain = "Share";
  ind.unit.plain = "%";
  ind.direction = Direction::kRange;
  ind.periods.push_back(PeriodResult{"2019", 60, 80, 85, IndicatorStatus::kNotMet, {}});
  ind.periods.push_back(PeriodResult{"2020", 60, 80, {}, IndicatorStatus::kNotReported, {}});
  plan.indicators.push_back(ind);
  DataView en = theme_view("en", "en");
  std::string html = indicator_chart(plan, plan.indicators[0], "c", en);
  CHECK(html.find("class=\"chart-target-band\"") != std::string::npos);
  // Both ends are dashed lines in both periods (4), the legend's key one more.
  size_t lines = 0;
  for (size_t at = html.find("class=\"chart-target\""); at != std::string::npos;
       at = html.find("class=\"chart-target\"", at + 1)) {
    ++lines;
  }
  CHECK(lines == 5);
  CHECK(html.find("<li>") != std::string::npos);
  CHECK(html.find("Target range</li>") != std::string::npos);
  CHECK(html.find("Target (upper end)") == std::string::npos);  // never a series of its own
  // A unit "%" is said as the figures' percent sign.
  CHECK(html.find("Actual was 85% in 2019. The target was 60% to 80% in 2019. The target was "
                  "60% to 80% in 2020.") != std::string::npos);
  // Written past the upper end of the range (80 on a scale up to 100).
  CHECK(html.find("<span class=\"chart-num\" style=\"left:80%\">60 to 80</span>") !=
        std::string::npos);
  DataView zh = theme_view("zh-TW", "zh-Hant-TW");
  std::string zh_html = indicator_chart(plan, plan.indicators[0], "c", zh);
  CHECK(zh_html.find("chart-target-band") != std::string::npos);
  CHECK(zh_html.find("Target range") == std::string::npos);  // the theme says it in Chinese
}

TEST_CASE("a range target's summary and legend in every language of the theme") {
  IndicatorSet plan;
  plan.dataset = "plan";
  plan.periods = {"2019"};
  Indicator ind;
  ind.id = "share";
  ind.name.plain = "Share";
  ind.unit.plain = "%";
  ind.direction = Direction::kRange;
  ind.periods.push_back(
      PeriodResult{"2019", 60, 80, 70, indicator_status(Direction::kRange, 60, 80, 70), {}});
  plan.indicators.push_back(ind);
  struct Expected {
    const char* lang;
    const char* html_lang;
    const char* summary;
    const char* legend;
    const char* met;
  };
  const Expected cases[] = {
      {"en", "en", "The target was 60% to 80% in 2019.", "Target range", "Met"},
      {"zh-TW", "zh-Hant-TW", "目標為 60% 至 80%（2019）。", "目標區間", "已達成"},
      {"vi", "vi", "Mục tiêu là từ 60% đến 80% vào 2019.", "Khoảng mục tiêu", "Đạt"},
      {"id", "id", "Targetnya 60% sampai 80% pada 2019.", "Rentang target", "Tercapai"},
      {"th", "th", "เป้าหมายคือ 60% ถึง 80% ใน 2019", "ช่วงเป้าหมาย", "บรรลุ"},
  };
  for (const Expected& e : cases) {
    CAPTURE(e.lang);
    DataView view = theme_view(e.lang, e.html_lang);
    std::string html = indicator_chart(plan, plan.indicators[0], "c", view);
    CHECK(html.find(e.summary) != std::string::npos);
    CHECK(html.find(std::string(e.legend) + "</li>") != std::string::npos);
    CHECK(status_text(plan.indicators[0].periods[0].status, view) == e.met);
  }
}

}  // namespace firefly

namespace firefly {

TEST_CASE("a unit in another language than the reader's is marked, the number is not") {
  // units: {services: {zh-TW: 項, id: layanan}}: no English words, so an English page
  // shows the Indonesian ones, marked as Indonesian.
  IndicatorSet plan = sample_plan();
  Indicator& ind = plan.indicators[0];
  ind.unit = Localized{};
  ind.unit.by_lang = {{"id", "layanan"}, {"zh-TW", "項"}};
  ind.baseline = 1.5;
  DataView en = theme_view("en", "en");
  en.default_lang = "id";
  Value row = scorecard_row(plan, ind, en);
  CHECK(row.get("target").to_text() == "36 layanan");
  CHECK(row.get("target_html").to_text() == "36 <span lang=\"id\">layanan</span>");
  CHECK(row.get("actual_html").to_text() == "36 <span lang=\"id\">layanan</span>");
  Value page = indicator_context(plan, Dataset{}, ind, en, nullptr);
  CHECK(page.get("unit_lang").to_text() == "id");
  CHECK(page.get("baseline_html").to_text() == "1.5 <span lang=\"id\">layanan</span>");
  // In the unit's own language nothing is marked.
  DataView id = theme_view("id", "id");
  Value own = scorecard_row(plan, ind, id);
  CHECK(own.get("target").to_text() == "36 layanan");
  CHECK(own.get("target_html").is_null());
  CHECK(indicator_context(plan, Dataset{}, ind, id, nullptr).get("unit_lang").to_text() == "");
  // A missing figure has no HTML either.
  Value missing = scorecard_row(plan, plan.indicators[2], en);
  CHECK(missing.get("actual_html").is_null());
}

TEST_CASE("a percent sign follows its figure without a space, as the achieved ratio does") {
  // units: {percent: {en: percent, zh-TW: "%", vi: "%"}}
  IndicatorSet plan = sample_plan();
  Indicator& ind = plan.indicators[1];
  ind.unit = Localized{};
  ind.unit.by_lang = {{"en", "percent"}, {"zh-TW", "%"}, {"vi", "%"}};
  DataView vi = theme_view("vi", "vi");
  vi.default_lang = "en";
  Value row = scorecard_row(plan, ind, vi);
  CHECK(row.get("target").to_text() == "14%");
  CHECK(row.get("actual").to_text() == "15%");
  CHECK(row.get("ratio").to_text() == "93%");
  DataView zh = theme_view("zh-TW", "zh-Hant-TW");
  zh.default_lang = "en";
  CHECK(scorecard_row(plan, ind, zh).get("target").to_text() == "14%");
  DataView en = theme_view("en", "en");
  CHECK(scorecard_row(plan, ind, en).get("target").to_text() == "14 percent");
}

}  // namespace firefly
