#include "model/indicators.h"

#include <doctest/doctest.h>

#include "core/yaml.h"

namespace firefly {

namespace {

const char* kMeta = R"(title: {zh-TW: 計畫, en: The plan}
indicators:
  periods: [2018, 2019]
  name: {zh-TW: name, en: name_en}
  goal: goal
  unit: unit
  direction: direction
  baseline: baseline
  target: {2018: target_2018, 2019: target_2019}
  target_max: {2019: target_max_2019}
  actual: {2018: actual_2018, 2019: actual_2019}
  method: method
columns:
  - {name: name}
  - {name: name_en}
  - {name: goal}
  - {name: unit}
  - {name: direction}
  - {name: baseline, type: number}
  - {name: target_2018, type: number}
  - {name: actual_2018, type: number}
  - {name: target_2019, type: number}
  - {name: target_max_2019, type: number}
  - {name: actual_2019, type: number}
  - {name: method}
)";

const char* kHeader =
    "name,name_en,goal,unit,direction,baseline,target_2018,actual_2018,target_2019,"
    "target_max_2019,actual_2019,method\n";

std::optional<IndicatorSet> plan(const std::string& rows, Diagnostics& d,
                                 const std::string& meta = kMeta) {
  Value v = parse_yaml(meta, "data/plan.yaml", d);
  auto ds = build_dataset("plan", v, kHeader + rows, d);
  if (!ds) return std::nullopt;
  return build_indicator_set(*ds, d);
}

std::vector<std::string> messages(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& x : d.sorted()) {
    out.push_back(x.path + ":" + std::to_string(x.pos.line) + ":" + std::to_string(x.pos.col) +
                  ": " + x.message);
  }
  return out;
}

}  // namespace

TEST_CASE("an actual exactly at the target meets it, in every direction") {
  CHECK(indicator_status(Direction::kHigher, 40, {}, 40) == IndicatorStatus::kMet);
  CHECK(indicator_status(Direction::kLower, 14, {}, 14) == IndicatorStatus::kMet);
  CHECK(indicator_status(Direction::kExact, 5, {}, 5) == IndicatorStatus::kMet);
  CHECK(indicator_status(Direction::kRange, 1, 2, 1) == IndicatorStatus::kMet);
  CHECK(indicator_status(Direction::kRange, 1, 2, 2) == IndicatorStatus::kMet);
  CHECK(indicator_status(Direction::kHigher, 0.1 + 0.2, {}, 0.3) == IndicatorStatus::kMet);
  CHECK(*achievement_ratio(Direction::kHigher, 40, {}, 40) == doctest::Approx(1.0));
}

TEST_CASE("higher is better: below the target is not met") {
  CHECK(indicator_status(Direction::kHigher, 95, {}, 94.9) == IndicatorStatus::kNotMet);
  CHECK(indicator_status(Direction::kHigher, 95, {}, 99) == IndicatorStatus::kMet);
  CHECK(*achievement_ratio(Direction::kHigher, 36, {}, 33) == doctest::Approx(33.0 / 36));
}

TEST_CASE("lower is better: fewer days than the target is met, more is not") {
  CHECK(indicator_status(Direction::kLower, 14, {}, 10) == IndicatorStatus::kMet);
  CHECK(indicator_status(Direction::kLower, 14, {}, 15) == IndicatorStatus::kNotMet);
  CHECK(*achievement_ratio(Direction::kLower, 14, {}, 7) == doctest::Approx(2.0));
  CHECK(*achievement_ratio(Direction::kLower, 14, {}, 28) == doctest::Approx(0.5));
  CHECK_FALSE(achievement_ratio(Direction::kLower, 14, {}, 0));
  CHECK_FALSE(achievement_ratio(Direction::kHigher, 1e-300, {}, 1e100));  // no "∞%"
  CHECK_FALSE(achievement_ratio(Direction::kLower, 1e100, {}, 1e-300));
}

TEST_CASE("exact: more than the target is not met either") {
  CHECK(indicator_status(Direction::kExact, 5, {}, 6) == IndicatorStatus::kNotMet);
  CHECK(indicator_status(Direction::kExact, 5, {}, 4) == IndicatorStatus::kNotMet);
}

TEST_CASE("a range target is met inside it and missed on either side") {
  CHECK(indicator_status(Direction::kRange, 1, 2, 1.5) == IndicatorStatus::kMet);
  CHECK(indicator_status(Direction::kRange, 1, 2, 0) == IndicatorStatus::kNotMet);
  CHECK(indicator_status(Direction::kRange, 1, 2, 3) == IndicatorStatus::kNotMet);
  CHECK(*achievement_ratio(Direction::kRange, 1, 2, 1.5) == doctest::Approx(1.0));
  CHECK(*achievement_ratio(Direction::kRange, 2, 4, 1) == doctest::Approx(0.5));
  CHECK(*achievement_ratio(Direction::kRange, 2, 4, 8) == doctest::Approx(0.5));
}

TEST_CASE("a missing actual is not reported; a missing target is no target") {
  CHECK(indicator_status(Direction::kHigher, 40, {}, {}) == IndicatorStatus::kNotReported);
  CHECK(indicator_status(Direction::kHigher, {}, {}, 40) == IndicatorStatus::kNoTarget);
  CHECK(indicator_status(Direction::kHigher, {}, {}, {}) == IndicatorStatus::kNoTarget);
  CHECK_FALSE(achievement_ratio(Direction::kHigher, 40, {}, {}));
  CHECK_FALSE(achievement_ratio(Direction::kHigher, 0, {}, 3));
  CHECK(std::string(status_name(IndicatorStatus::kNotReported)) == "not_reported");
}

TEST_CASE("a plan's rows become typed indicators with statuses and counts per period") {
  Diagnostics d;
  auto set = plan(
      "學習時數,Learning hours,人力,hours,at_least,38,40,42,40,,,\n"
      "核發天數,Days to issue,服務,days,lower,,14,16,14,,10,\n"
      "活動,Events,休閒,events,range,,,,1,2,3,counted by hand\n"
      "媒合率,Placement rate,績效,percent,,,,,,,,\n",
      d);
  REQUIRE(messages(d).empty());
  REQUIRE(set);
  CHECK(set->title.get("en", "zh-TW") == "The plan");
  REQUIRE(set->indicators.size() == 4);
  const Indicator& hours = set->indicators[0];
  CHECK(hours.id == "1");
  CHECK(hours.name.get("en", "zh-TW") == "Learning hours");
  CHECK(hours.name.get("vi", "zh-TW") == "學習時數");
  CHECK(hours.goal.get("en", "zh-TW") == "人力");
  CHECK(hours.unit.plain == "hours");
  CHECK(*hours.baseline == 38);
  CHECK(hours.periods[0].status == IndicatorStatus::kMet);
  CHECK(hours.periods[1].status == IndicatorStatus::kNotReported);
  CHECK(hours.latest() == 1);
  const Indicator& days = set->indicators[1];
  CHECK(days.direction == Direction::kLower);
  CHECK(days.periods[0].status == IndicatorStatus::kNotMet);
  CHECK(days.periods[1].status == IndicatorStatus::kMet);
  const Indicator& events = set->indicators[2];
  CHECK(events.direction == Direction::kRange);
  CHECK(events.periods[0].status == IndicatorStatus::kNoTarget);
  CHECK(events.periods[1].status == IndicatorStatus::kNotMet);
  CHECK(events.method.get("en", "zh-TW") == "counted by hand");
  CHECK(set->indicators[3].periods[1].status == IndicatorStatus::kNoTarget);
  StatusCounts c2019 = set->counts(1);
  CHECK(c2019.met == 1);
  CHECK(c2019.not_met == 1);
  CHECK(c2019.not_reported == 1);
  CHECK(c2019.no_target == 1);
  CHECK(c2019.with_target() == 3);
  CHECK(set->find("3") == &set->indicators[2]);
}

TEST_CASE("a target without a unit is reported at its cell") {
  Diagnostics d;
  auto set = plan("學習時數,Learning hours,人力,,at_least,,40,,,,,\n", d);
  CHECK_FALSE(set);
  REQUIRE(messages(d).size() == 1);
  CHECK(messages(d)[0] == "data/plan.csv:2:7: the target of '學習時數' in 2018 has no unit");
}

TEST_CASE("an indicator without a name in any language is reported at its cell") {
  // It published a page with an empty <h1> and "<title> — Site".
  Diagnostics d;
  auto set = plan(
      ",Learning hours,人力,小時,at_least,,40,41,,,,\n"
      " , ,人力,小時,at_least,,40,41,,,,\n",
      d);
  CHECK_FALSE(set);
  auto m = messages(d);
  REQUIRE(m.size() == 1);
  CHECK(m[0] ==
        "data/plan.csv:3:1: this indicator has no name: its page and its scorecard row would "
        "have no heading");
}

TEST_CASE("a range without an upper end and an unknown direction are reported at their cells") {
  Diagnostics d;
  auto set = plan(
      "活動,Events,休閒,events,range,,,,1,,,\n"
      "天數,Days,服務,days,fewer,,14,,,,,\n",
      d);
  CHECK_FALSE(set);
  auto m = messages(d);
  REQUIRE(m.size() == 2);
  CHECK(m[0] == "data/plan.csv:2:9: a range target in 2019 needs its upper end in target_max");
  CHECK(m[1] == "data/plan.csv:3:5: unknown direction 'fewer'");
}

TEST_CASE("a range target whose upper end is below its lower one is reported at the upper end") {
  Diagnostics d;
  auto set = plan(
      "活動,Events,休閒,events,range,,,,10,5,7,\n"
      "天數,Days,服務,days,range,,,,5,5,5,\n",
      d);
  CHECK_FALSE(set);
  auto m = messages(d);
  REQUIRE(m.size() == 1);
  CHECK(m[0] == "data/plan.csv:2:10: the range target in 2019 ends below where it starts");
}

TEST_CASE("unknown indicator fields and an actual for a period the plan does not cover") {
  std::string meta = kMeta;
  meta.replace(meta.find("  method: method"), 16,
               "  methods: method\n  actual_2020: {2020: actual_2019}");
  Diagnostics d;
  Value v = parse_yaml(meta, "data/plan.yaml", d);
  auto ds = build_dataset("plan", v, kHeader, d);
  CHECK_FALSE(ds);
  auto m = messages(d);
  REQUIRE(m.size() == 2);
  CHECK(m[0] == "data/plan.yaml:12:3: unknown key 'methods' in 'indicators'");
  CHECK(m[1] == "data/plan.yaml:13:3: unknown key 'actual_2020' in 'indicators'");

  meta = kMeta;
  meta.replace(meta.find("2019: actual_2019}"), 18, "2020: actual_2019}");
  Diagnostics d2;
  v = parse_yaml(meta, "data/plan.yaml", d2);
  CHECK_FALSE(build_dataset("plan", v, kHeader, d2));
  REQUIRE(messages(d2).size() == 1);
  CHECK(messages(d2)[0] ==
        "data/plan.yaml:11:31: indicators: actual for period '2020', which the plan does not "
        "cover (periods: 2018, 2019)");
}

TEST_CASE("periods are listed in time order, a span from its first year") {
  // [2019, 2018] had the scorecard show 2018's status as each indicator's latest.
  std::string meta = kMeta;
  meta.replace(meta.find("periods: [2018, 2019]"), 21,
               "periods: [2019, 2018, 2019\u20132018, H1, 2017-2019]");
  Diagnostics d;
  Value v = parse_yaml(meta, "data/plan.yaml", d);
  CHECK_FALSE(build_dataset("plan", v, kHeader, d));
  auto m = messages(d);
  REQUIRE(m.size() == 2);
  CHECK(m[0] ==
        "data/plan.yaml:3:19: indicators: period '2018' is listed after '2019': list the "
        "periods in time order");
  CHECK(m[1] == "data/plan.yaml:3:25: indicators: period '2019\u20132018' ends before it starts");
  meta = kMeta;
  meta.replace(meta.find("periods: [2018, 2019]"), 21,
               "periods: [2018, 2019, 2018\u20132019, H2, 2015-2018]");
  Diagnostics ok;
  v = parse_yaml(meta, "data/plan.yaml", ok);
  CHECK(build_dataset("plan", v, kHeader, ok));
  CHECK(messages(ok).empty());
}

TEST_CASE("indicator columns must exist and figures must be numbers") {
  std::string meta = kMeta;
  meta.replace(meta.find("baseline: baseline"), 18, "baseline: name");
  meta.replace(meta.find("goal: goal"), 10, "goal: gaol");
  Diagnostics d;
  Value v = parse_yaml(meta, "data/plan.yaml", d);
  CHECK_FALSE(build_dataset("plan", v, kHeader, d));
  auto m = messages(d);
  REQUIRE(m.size() == 2);
  CHECK(m[0] == "data/plan.yaml:5:9: indicators: unknown column 'gaol' in 'goal'");
  CHECK(m[1] ==
        "data/plan.yaml:8:13: indicators: column 'name' of 'baseline' is not a number column");
}

}  // namespace firefly

namespace firefly {

TEST_CASE("units: the codes of the unit column shown in words per language; files keep the code") {
  std::string meta = kMeta;
  meta.replace(meta.find("  unit: unit\n"), 13,
               "  unit: unit\n  units: {hours: {zh-TW: 小時, en: hours, vi: giờ}}\n");
  Diagnostics d;
  auto set = plan(
      "學習時數,Learning hours,人力,hours,at_least,38,40,42,40,,,\n"
      "核發天數,Days to issue,服務,days,lower,,14,16,14,,10,\n",
      d, meta);
  REQUIRE(messages(d).empty());
  REQUIRE(set);
  CHECK(set->indicators[0].unit.get("zh-TW", "zh-TW") == "小時");
  CHECK(set->indicators[0].unit.get("vi", "zh-TW") == "giờ");
  CHECK(set->indicators[0].unit.get("th", "zh-TW") == "小時");  // the site's default language
  CHECK(set->indicators[1].unit.get("en", "zh-TW") == "days");  // a code not listed
}

TEST_CASE("units: a unit without words is reported where it is written") {
  std::string meta = kMeta;
  meta.replace(meta.find("  unit: unit\n"), 13, "  unit: unit\n  units: {hours: [a, b]}\n");
  Diagnostics d;
  plan("學習時數,Learning hours,人力,hours,at_least,38,40,42,40,,,\n", d, meta);
  REQUIRE(messages(d).size() == 1);
  CHECK(messages(d)[0] ==
        "data/plan.yaml:7:18: indicators: the words of unit 'hours' must be a text or a map of "
        "language: text");
}

TEST_CASE("units: a column's unit may be written per language") {
  Diagnostics d;
  Value v = parse_yaml(
      "title: N\ncolumns:\n  - {name: year, type: integer}\n"
      "  - {name: n, type: integer, unit: {zh-TW: 人次, en: person-times}}\n",
      "data/n.yaml", d);
  auto ds = build_dataset("n", v, "year,n\n2021,3\n", d);
  REQUIRE(ds);
  CHECK(ds->columns[1].unit.get("en", "zh-TW") == "person-times");
  CHECK(ds->columns[1].unit.get("vi", "zh-TW") == "人次");
}

TEST_CASE("a text read from one column is in that column's language, else the default one") {
  Diagnostics d;
  std::string meta = kMeta;
  meta.replace(meta.find("  - {name: method}"), 18, "  - {name: method, lang: en}");
  Value v = parse_yaml(meta, "data/plan.yaml", d);
  std::string csv = kHeader;
  csv += "學習時數,Learning hours,人力,hours,at_least,,40,42,,,,by hand\n";
  auto ds = build_dataset("plan", v, csv, d);
  REQUIRE(ds);
  auto set = build_indicator_set(*ds, d, "zh-TW");
  REQUIRE(set);
  const Indicator& ind = set->indicators[0];
  // goal has no lang: the default language's; method says en; name is per language.
  CHECK(ind.goal.lang_of("en", "zh-TW") == "zh-TW");
  CHECK(ind.goal.get("en", "zh-TW") == "人力");
  CHECK(ind.method.lang_of("zh-TW", "zh-TW") == "en");
  CHECK(ind.name.lang_of("vi", "zh-TW") == "zh-TW");
  CHECK(ind.name.lang_of("en", "zh-TW") == "en");
  // Without a default language a text of one column is for every language, as before.
  auto unknown = build_indicator_set(*ds, d, "");
  REQUIRE(unknown);
  CHECK(unknown->indicators[0].goal.plain == "人力");
  CHECK(unknown->indicators[0].goal.lang_of("en", "zh-TW").empty());
}

}  // namespace firefly
