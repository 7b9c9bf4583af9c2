#include "load/unit_words.h"

#include <doctest/doctest.h>

#include "core/yaml.h"
#include "load/dataset.h"

namespace firefly {

namespace {

/// A dataset of one `unit: percent` column and one whose unit is written by hand.
Dataset percent_dataset() {
  Diagnostics scratch;
  Value meta = parse_yaml(
      "title: {id: T}\ncolumns: [{name: a, type: number, unit: percent}, "
      "{name: b, type: number, unit: orang}]\n",
      "data/t.yaml", scratch);
  Diagnostics d;
  auto ds = build_dataset("t", meta, "a,b\n86.97,3\n", d);
  REQUIRE(ds);
  return std::move(*ds);
}

}  // namespace

TEST_CASE("unit words: percent is worded in each language Firefly knows, ja and ko too") {
  Dataset ds = percent_dataset();
  const Localized& unit = ds.columns[0].unit;
  CHECK(ds.columns[0].unit_code == "percent");
  CHECK(unit.get("id", "id") == "persen");
  CHECK(unit.get("zh-TW", "id") == "%");
  CHECK(unit.get("en", "id") == "percent");
  CHECK(unit.get("fil", "id") == "porsyento");
  CHECK(unit.get("tl", "id") == "porsyento");
  CHECK(unit.get("th", "id") == "เปอร์เซ็นต์");
  CHECK(unit.has("ja"));
  CHECK(unit.get("ja", "id") == "%");
  CHECK(unit.has("ko"));
  CHECK(unit.get("ko", "id") == "%");
  CHECK(unit.pos.line == 2);
  CHECK(ds.columns[1].unit.plain == "orang");  // other units stay as written
  CHECK(ds.columns[1].unit_code.empty());
  CHECK(known_unit_words("person-times").empty());
}

TEST_CASE("unit words: a site language with a region or script finds its language's words") {
  std::vector<Dataset> sets;
  sets.push_back(percent_dataset());
  const Localized& unit = sets[0].columns[0].unit;
  // Found by the site's own code, whatever the page's default language.
  CHECK(unit.get("vi-VN", "en-GB") == "%");
  CHECK(unit.get("id-ID", "en-GB") == "persen");
  CHECK(unit.get("th-TH", "en-GB") == "เปอร์เซ็นต์");
  CHECK(unit.get("zh-Hant-TW", "en-GB") == "%");
  CHECK(unit.get("zh-HK", "en-GB") == "%");
  CHECK(unit.get("en-GB", "vi-VN") == "percent");
  CHECK(unit.get("ja-JP", "en-GB") == "%");
  CHECK(unit.get("ko-KR", "en-GB") == "%");
  CHECK(unit.get("fil-PH", "en-GB") == "porsyento");
  // Firefly's own codes stay (the English half of the spreadsheets' about sheet).
  CHECK(unit.get("en", "vi-VN") == "percent");
  // A unit written by hand is not given words it does not have.
  CHECK(sets[0].columns[1].unit.by_lang.empty());
  CHECK(sets[0].columns[1].unit.plain == "orang");
}

TEST_CASE("unit words: a language Firefly has no words in is given none") {
  std::vector<Dataset> sets;
  sets.push_back(percent_dataset());
  const size_t before = sets[0].columns[0].unit.by_lang.size();
  // Its pages show the default language's words, as before.
  CHECK(sets[0].columns[0].unit.by_lang.size() == before);
  CHECK_FALSE(sets[0].columns[0].unit.has("fr"));
  // Simplified Chinese of Singapore reads the Simplified Chinese entry (core/localized.h
  // finds it: no entry of its own is needed).
  CHECK(sets[0].columns[0].unit.has("zh-SG"));
  CHECK(sets[0].columns[0].unit.lang_of("zh-SG", "en") == "zh-SG");
}

}  // namespace firefly
