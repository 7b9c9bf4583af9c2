#include "model/translation_drift.h"

#include <doctest/doctest.h>

#include "core/hash.h"
#include "core/yaml.h"
#include "load/content.h"
#include "model/translation_checks.h"

namespace firefly {

namespace {

/// A page read from `front` (YAML) and `body`, whose body starts on line 5.
SourcePage page(const std::string& path, const std::string& lang, const std::string& front,
                const std::string& body) {
  SourcePage p;
  p.path = path;
  p.lang = lang;
  Diagnostics diags;
  p.front = parse_yaml(front, path, diags, 1);
  p.front_yaml = front;
  p.front_yaml_line = 1;
  p.body = body;
  p.body_line = 5;
  return p;
}

std::string messages(const std::vector<Drift>& drifts) {
  std::string out;
  for (const Drift& d : drifts) out += std::to_string(d.line) + ": " + d.message + "\n";
  return out;
}

/// Where each warning is placed in the translation: "7:12 9:1".
std::string places(const std::vector<Drift>& drifts) {
  std::string out;
  for (const Drift& d : drifts) {
    out += (out.empty() ? "" : " ") + std::to_string(d.line) + ":" + std::to_string(d.col);
  }
  return out;
}

const char* kOriginal =
    "## 成果\n"
    "\n"
    "- 3,256名學員，滿意度97%\n"
    "- 110年1,043人次，見[資料](/data/caregiver-classes/)\n"
    "- 8成以上就業\n"
    "\n"
    "## 圖表\n"
    "\n"
    "```chart\ndataset: awards\ntitle: 得獎\n```\n"
    "\n"
    "![照片](/images/a.jpg)，指令 `firefly check`\n";

}  // namespace

TEST_CASE("a faithful translation in another number format has no drift") {
  SourcePage o = page("content/a.zh-TW.md", "zh-TW", "title: 成果\ndate: 2021-01-02", kOriginal);
  SourcePage t = page("content/a.vi.md", "vi", "title: Kết quả\ndate: 2021-01-02",
                      "## Kết quả\n\n- 3.256 học viên, hài lòng 97%\n"
                      "- Năm 2021: 1.043 lượt, xem [dữ liệu](/data/caregiver-classes/#y)\n"
                      "- Hơn 80% có việc làm\n\n## Biểu đồ\n\n"
                      "```chart\ndataset: awards\ntitle: Giải thưởng\n```\n\n"
                      "![Ảnh](/images/a.jpg), lệnh `firefly check`\n");
  CHECK(messages(compare_translation(o, t)) == "");
}

TEST_CASE("each kind of drift is named with both positions") {
  SourcePage o = page("content/a.zh-TW.md", "zh-TW", "title: 成果\ndate: 2021-01-02", kOriginal);
  SourcePage t = page("content/a.en.md", "en", "title: Results\ndate: 2021-01-03",
                      "## Results\n\n- 3,265 people trained, 97% satisfied\n"
                      "- In 2021, 1,043 person-times, see [data](/data/other/)\n\n"
                      "```chart\ndataset: awards-by-year\n```\n\n"
                      "![Photo](/images/b.jpg), the command `firefly build`\n");
  std::string m = messages(compare_translation(o, t));
  // Both figures of the first section are missing: one warning names them in line order.
  // The original's side is named by line and column, the figures' and links' own.
  CHECK(m.find("5: the original states 2 figures, 3256 (\"3,256\" at content/a.zh-TW.md:7:3), "
               "80 (\"8成\" at content/a.zh-TW.md:9:3) that this translation does not\n") !=
        std::string::npos);
  CHECK(m.find("7: this translation states 3265 (\"3,265\") but the original "
               "(content/a.zh-TW.md:5:1) does not") != std::string::npos);
  CHECK(m.find("the original has a link to /data/caregiver-classes/ (content/a.zh-TW.md:8:21) "
               "that this translation does not") != std::string::npos);
  CHECK(m.find("8: this translation has a link to /data/other/ that the original") !=
        std::string::npos);
  CHECK(m.find("the original has the embed chart of awards (content/a.zh-TW.md:13:1)") !=
        std::string::npos);
  CHECK(m.find("this translation has the embed chart of awards-by-year") != std::string::npos);
  CHECK(m.find("the original has the image /images/a.jpg (content/a.zh-TW.md:18:7)") !=
        std::string::npos);
  CHECK(m.find("the original has the code firefly check (content/a.zh-TW.md:18:26)") !=
        std::string::npos);
  CHECK(m.find("5: this translation has 1 heading where the original (content/a.zh-TW.md:5:1) "
               "has 2") != std::string::npos);
  CHECK(m.find("'date' is \"2021-01-03\" here but \"2021-01-02\" in the original "
               "(content/a.zh-TW.md:3:1)") != std::string::npos);
}

TEST_CASE("an image field's alt text and caption are translated; its src is the same") {
  const std::string photo = "photo: {src: /images/a.jpg, alt: 志工修繕屋頂, caption: 安平區}\n";
  SourcePage o = page("content/a.zh-TW.md", "zh-TW", "title: 修繕\n" + photo, "內容\n");
  SourcePage t = page("content/a.th.md", "th",
                      "title: ซ่อม\nphoto: {src: /images/a.jpg, alt: อาสาสมัครซ่อมหลังคา, "
                      "caption: เขตอันผิง}\n",
                      "เนื้อหา\n");
  CHECK(messages(compare_translation(o, t)) == "");
  SourcePage other =
      page("content/a.en.md", "en",
           "title: Repairs\nphoto: {src: /images/b.jpg, alt: Volunteers}\n", "Text\n");
  CHECK(messages(compare_translation(o, other)) ==
        "3: 'photo' is {\"src\":\"/images/b.jpg\",\"alt\":\"Volunteers\"} here but "
        "{\"src\":\"/images/a.jpg\",\"alt\":\"志工修繕屋頂\",\"caption\":\"安平區\"} in the "
        "original (content/a.zh-TW.md:3:1)\n");
}

TEST_CASE("an ROC year written beside its Gregorian year is no new figure") {
  SourcePage o = page("content/a.zh-TW.md", "zh-TW", "title: 計畫", "104至107年的計畫\n");
  SourcePage t = page("content/a.en.md", "en", "title: Plan",
                      "The plan for 2015 to 2018 (ROC years 104 to 107); 2022 is year 111\n");
  CHECK(messages(compare_translation(o, t)) ==
        "5: this translation states 2022 (\"2022\") but the original (content/a.zh-TW.md:5:1) "
        "does not\n");
}

TEST_CASE("a figure changed in a section is one warning naming both") {
  // Swapped digits were two warnings, one "the original states 1043 ... but this translation
  // does not", the other "this translation states 1034 ... but the original does not".
  SourcePage o = page("content/a.zh-TW.md", "zh-TW", "title: 成果", "## 成果\n\n共1,043人次\n");
  SourcePage t =
      page("content/a.en.md", "en", "title: Results", "## Results\n\n1,034 person-times\n");
  CHECK(messages(compare_translation(o, t)) ==
        "7: this translation states 1034 (\"1,034\") where the original states 1043 (\"1,043\" "
        "at content/a.zh-TW.md:7:2)\n");
  // A telephone number is named as written.
  SourcePage phone =
      page("content/a.vi.md", "vi", "title: Kết quả", "## Kết quả\n\n1.043 lượt, gọi 06-2988134\n");
  SourcePage with_phone = page("content/a.zh-TW.md", "zh-TW", "title: 成果",
                               "## 成果\n\n共1,043人次，電話(06) 298-8133\n");
  CHECK(messages(compare_translation(with_phone, phone)) ==
        "7: this translation states the telephone number \"06-2988134\" where the original "
        "states the telephone number \"(06) 298-8133\" (at content/a.zh-TW.md:7:12)\n");
  // Two figures missing and one added in a section: not told apart, each side named.
  SourcePage two =
      page("content/a.zh-TW.md", "zh-TW", "title: 成果", "## 成果\n\n共1,043人次，3,256名\n");
  CHECK(messages(compare_translation(two, t)) ==
        "5: the original states 2 figures, 1043 (\"1,043\" at content/a.zh-TW.md:7:2), 3256 "
        "(\"3,256\" at content/a.zh-TW.md:7:10) that this translation does not\n"
        "7: this translation states 1034 (\"1,034\") but the original (content/a.zh-TW.md:5:1) "
        "does not\n");
}

TEST_CASE("a Thai year of the Buddhist era without พ.ศ. is the original's year") {
  // "2565" in a table or after a date, and "2565 (2022)", were figures the original lacked.
  SourcePage o = page("content/a.zh-TW.md", "zh-TW", "title: 開辦", "111年開辦\n");
  SourcePage bare = page("content/a.th.md", "th", "title: เริ่ม", "เริ่มเมื่อ 2565 (2022)\n");
  CHECK(messages(compare_translation(o, bare)) == "");
  SourcePage wrong = page("content/a.th.md", "th", "title: เริ่ม", "เริ่มเมื่อ 2566\n");
  CHECK(messages(compare_translation(o, wrong)) ==
        "5: this translation states 2566 (\"2566\") where the original states 2022 (\"111年\" at "
        "content/a.zh-TW.md:5:1)\n");
  // Not in other languages: 2565 is a count there.
  SourcePage en = page("content/a.en.md", "en", "title: Start", "started in 2022, 2565 people\n");
  CHECK(messages(compare_translation(o, en)) ==
        "5: this translation states 2565 (\"2565\") but the original (content/a.zh-TW.md:5:1) "
        "does not\n");
}

TEST_CASE("a figure in Chinese numerals may be written in words or in digits") {
  // "十二月" and "二十五位" stated nothing, so a translation's December and 25 were new figures.
  SourcePage o =
      page("content/a.zh-TW.md", "zh-TW", "title: 計畫", "十二月起，十七項重點、二十五位學員\n");
  SourcePage digits =
      page("content/a.en.md", "en", "title: Plan", "From December, 17 priorities, 25 trainees\n");
  CHECK(messages(compare_translation(o, digits)) == "");
  SourcePage words = page("content/a.en.md", "en", "title: Plan",
                          "From December, seventeen priorities, twenty-five trainees\n");
  CHECK(messages(compare_translation(o, words)) == "");
  SourcePage wrong =
      page("content/a.en.md", "en", "title: Plan", "From December, 17 priorities, 26 trainees\n");
  CHECK(messages(compare_translation(o, wrong)) ==
        "5: this translation states 26 (\"26\") but the original (content/a.zh-TW.md:5:1) does "
        "not\n");
}

TEST_CASE("list items may differ by the tolerance, not more") {
  SourcePage o = page("content/a.zh-TW.md", "zh-TW", "title: 清單", "- 一\n- 二\n- 三\n- 四\n");
  SourcePage near = page("content/a.en.md", "en", "title: List", "- one\n- two\n- three\n");
  CHECK(messages(compare_translation(o, near)) == "");
  SourcePage far = page("content/a.en.md", "en", "title: List", "- one\n- two\n");
  CHECK(messages(compare_translation(o, far)) ==
        "5: this translation has 2 list items where the original (content/a.zh-TW.md:5:1) has 4\n");
}

TEST_CASE("ROC years, percentages and multipliers in the summary are compared too") {
  SourcePage o =
      page("content/a.zh-TW.md", "zh-TW", "title: 禮盒\nsummary: 108年銷售破5千萬元", "內容\n");
  SourcePage t = page("content/a.en.md", "en",
                      "title: Gift boxes\nsummary: Sales passed NT$50 million in 2019", "Text\n");
  CHECK(messages(compare_translation(o, t)) == "");
  SourcePage wrong =
      page("content/a.en.md", "en", "title: Gift boxes\nsummary: Sales passed NT$5 million in 2018",
           "Text\n");
  // Each figure at its own column, in the order written (the value's column was named for
  // both, and only the line in the translation), the warning placed at the translation's first.
  const std::vector<Drift> drift = compare_translation(o, wrong);
  CHECK(messages(drift) ==
        "3: this translation states 2 figures, 5000000 (\"5 million\" at 3:26), 2018 (\"2018\" "
        "at 3:39) that the original (content/a.zh-TW.md:5:1) does not\n"
        "5: the original states 2 figures, 2019 (\"108年\" at content/a.zh-TW.md:3:10), 50000000 "
        "(\"5千萬\" at content/a.zh-TW.md:3:17) that this translation does not\n");
  CHECK(places(drift) == "3:26 5:1");
}

TEST_CASE("a table whose figures all differ is one warning a line, naming eight figures") {
  std::string rows = "| 年度 | 戶數 |\n|---:|---:|\n";
  std::string other = "| Year | Homes |\n|---:|---:|\n";
  for (int k = 0; k < 10; ++k) {
    rows += "| " + std::to_string(2011 + k) + " | " + std::to_string(100 + k) + " |\n";
    other += "| " + std::to_string(2011 + k) + " | " + std::to_string(500 + k) + " |\n";
  }
  SourcePage o = page("content/t.zh-TW.md", "zh-TW", "title: 表", "## 表\n\n" + rows);
  SourcePage t = page("content/t.en.md", "en", "title: Table", "## Table\n\n" + other);
  std::vector<Drift> drifts = compare_translation(o, t);
  // One for the missing figures (under the heading), one per translated row with new ones.
  CHECK(drifts.size() == 11);
  std::string m = messages(drifts);
  CHECK(m.find("5: the original states 10 figures, 100 (\"100\" at content/t.zh-TW.md:9:10), 101 "
               "(\"101\" at content/t.zh-TW.md:10:10)") != std::string::npos);
  CHECK(m.find("107 (\"107\" at content/t.zh-TW.md:16:10) and 2 more that this translation does "
               "not\n") != std::string::npos);
  CHECK(m.find("9: this translation states 500 (\"500\") but the original "
               "(content/t.zh-TW.md:5:1) does not") != std::string::npos);
}

TEST_CASE("check_translations takes the findings of pairs whose files did not change") {
  Diagnostics config_diags;
  auto config =
      site_config_from(parse_yaml("title: T\nlanguages:\n  - {code: zh-TW}\n  - {code: en}\n",
                                  "site.yaml", config_diags),
                       config_diags);
  REQUIRE(config);
  auto read = [&](const std::string& path, const std::string& text) {
    Diagnostics diags;
    SourcePage p;
    REQUIRE(load_source_page(path, text, *config, p, diags));
    p.fingerprint = Hasher().add(path).add(text).get();  // as load_content sets it
    return p;
  };
  std::vector<SourcePage> sources = {
      read("content/a.md", "---\ntitle: 甲\n---\n共3,256名學員。\n"),
      read("content/a.en.md", "---\ntitle: A\n---\n3,265 trainees.\n")};
  auto warnings = [](const Diagnostics& diags) {
    std::string out;
    for (const Diagnostic& d : diags.sorted()) out += d.path + ": " + d.message + "\n";
    return out;
  };
  Diagnostics first_diags;
  auto site = build_site(*config, sources, {}, first_diags);
  REQUIRE(site);
  Diagnostics diags;
  TranslationReport report;
  check_translations(*site, {}, diags, 1, nullptr, &report);
  REQUIRE(report.pairs.size() == 1);
  std::string full = warnings(diags);
  CHECK(full.find("content/a.en.md: this translation states 3265") != std::string::npos);
  REQUIRE_FALSE(report.pairs.front().drift->empty());

  // The same sources: the findings kept are reported (marked here to tell them apart).
  std::vector<Drift> marked = *report.pairs.front().drift;
  marked.front().message = "kept";
  report.pairs.front().drift = std::make_shared<const std::vector<Drift>>(marked);
  Diagnostics again;
  TranslationReport second;
  check_translations(*site, {}, again, 1, &report, &second);
  CHECK(warnings(again).find("content/a.en.md: kept") != std::string::npos);
  REQUIRE(second.pairs.size() == 1);
  CHECK(second.pairs.front().drift == report.pairs.front().drift);  // shared, not copied

  // Another glossary: the drift is kept, the terms are checked again.
  Glossary glossary;
  glossary.lang = "en";
  glossary.path = "i18n/glossary.en.yaml";
  Diagnostics with_glossary;
  TranslationReport third;
  check_translations(*site, {glossary}, with_glossary, 1, &second, &third);
  CHECK(warnings(with_glossary).find("content/a.en.md: kept") != std::string::npos);
  REQUIRE(third.pairs.size() == 1);
  CHECK(third.pairs.front().terms != second.pairs.front().terms);

  // The translation changed: it is compared again.
  sources[1] = read("content/a.en.md", "---\ntitle: A\n---\n3,256 trainees.\n");
  Diagnostics changed_diags;
  auto changed = build_site(*config, sources, {}, changed_diags);
  Diagnostics fourth;
  TranslationReport findings;
  check_translations(*changed, {}, fourth, 1, &report, &findings);
  CHECK(warnings(fourth).find("kept") == std::string::npos);
  REQUIRE(findings.pairs.size() == 1);
  CHECK(findings.pairs.front().drift->empty());
}

TEST_CASE("a field the schema types as words may be translated; data may not") {
  SourcePage o = page("content/a.zh-TW.md", "zh-TW",
                      "title: 甲\nplace: 新營區\npartners: [伊甸]\nhelpers: 12\ncode: A1", "文。");
  SourcePage t = page("content/a.en.md", "en",
                      "title: A\nplace: Xinying\npartners: [Eden]\nhelpers: 13\ncode: B2", "Text.");
  std::vector<FieldSchema> schema(4);
  schema[0].name = "place";
  schema[0].type = "string";
  schema[1].name = "partners";
  schema[1].type = "list";
  schema[1].of = std::make_shared<FieldSchema>();
  schema[1].of->type = "text";
  schema[2].name = "helpers";
  schema[2].type = "integer";
  schema[3].name = "code";
  schema[3].type = "enum";
  CHECK(messages(compare_translation(o, t, &schema)) ==
        "5: 'helpers' is 13 here but 12 in the original (content/a.zh-TW.md:5:1)\n"
        "6: 'code' is \"B2\" here but \"A1\" in the original (content/a.zh-TW.md:6:1)\n");
  // In a list of objects, a person's name is words and their age data.
  std::vector<FieldSchema> people(1);
  people[0].name = "people";
  people[0].type = "list";
  people[0].of = std::make_shared<FieldSchema>();
  people[0].of->type = "object";
  people[0].of->fields.resize(2);
  people[0].of->fields[0].name = "name";
  people[0].of->fields[0].type = "string";
  people[0].of->fields[1].name = "age";
  people[0].of->fields[1].type = "integer";
  SourcePage po =
      page("content/b.zh-TW.md", "zh-TW", "title: 乙\npeople: [{name: 蕭竹欽, age: 71}]", "文。");
  SourcePage named =
      page("content/b.en.md", "en", "title: B\npeople: [{name: Hsiao Chu-chin, age: 71}]", "Text.");
  CHECK(messages(compare_translation(po, named, &people)) == "");
  SourcePage aged =
      page("content/b.en.md", "en", "title: B\npeople: [{name: Hsiao Chu-chin, age: 17}]", "Text.");
  CHECK(messages(compare_translation(po, aged, &people)).find("'people' is") != std::string::npos);
  // Without the schema (a folder with none) every field but the page's words is data.
  CHECK(messages(compare_translation(o, t)).find("'place' is") != std::string::npos);
}

TEST_CASE("data the translation leaves out of its front matter is one warning naming it") {
  SourcePage o = page("content/a.en.md", "en",
                      "title: A\nplace: Harbour\ninspectors: [Lin]\nfine: 120000\nfollow_up: "
                      "2026-06-01\ntags: [falls]",
                      "Text.");
  std::vector<FieldSchema> schema(2);
  schema[0].name = "place";
  schema[0].type = "string";
  schema[1].name = "inspectors";
  schema[1].type = "list";
  schema[1].of = std::make_shared<FieldSchema>();
  schema[1].of->type = "string";
  // Words (a place, a list of names) may be left out; a fine, a date and terms may not.
  SourcePage t = page("content/a.vi.md", "vi", "title: B\nfollow_up: 2026-06-01", "Văn.");
  CHECK(messages(compare_translation(o, t, &schema)) ==
        "1: the original (content/a.en.md) has 'fine' and 'tags' in its front matter, which this "
        "translation leaves out, so this page does not show them\n");
  SourcePage all = page("content/a.vi.md", "vi",
                        "title: B\nfine: 120000\nfollow_up: 2026-06-01\ntags: [falls]", "Văn.");
  CHECK(messages(compare_translation(o, all, &schema)) == "");
}

TEST_CASE(
    "a data value that differs because the original's is wrong says to correct the original") {
  SourcePage o = page("content/a.en.md", "en", "title: A\ndate: 04/03/2026\nfine: 120000", "Text.");
  SourcePage t = page("content/a.vi.md", "vi", "title: B\ndate: 2026-03-04\nfine: 12000", "Văn.");
  std::vector<FieldSchema> schema(1);
  schema[0].name = "fine";
  schema[0].type = "integer";
  std::vector<Drift> drift = compare_translation(o, t, &schema);
  REQUIRE(drift.size() == 2);
  CHECK(drift[0].message ==
        "'date' is \"2026-03-04\" here but \"04/03/2026\" in the original (content/a.en.md:3:1)");
  CHECK(drift[0].hint ==
        "the original's value is the one to correct (see its error); front-matter data is the "
        "same in every language");
  // Both readable: the translation is the one to correct.
  CHECK(drift[1].hint ==
        "front-matter data is the same in every language; copy it from the "
        "original");
}

TEST_CASE("a short range of years, a number in English words and an autolink's address") {
  // Each was a changed figure: "2019–22" stated 22, "seventeen" nothing, and the
  // autolink's text the 2019 of its address.
  SourcePage o = page("content/a.zh-TW.md", "zh-TW", "title: 計畫",
                      "2019–22年計畫，17項重點，報告見<https://example.org/2019/r.pdf>\n");
  SourcePage t = page("content/a.en.md", "en", "title: Plan",
                      "The 2019 to 2022 plan: seventeen priorities; see "
                      "[the report](https://example.org/2019/r.pdf)\n");
  CHECK(messages(compare_translation(o, t)) == "");
  SourcePage dashed = page("content/a.en.md", "en", "title: Plan",
                           "The 2019-2022 plan: 17 priorities; see "
                           "<https://example.org/2019/r.pdf>\n");
  CHECK(messages(compare_translation(o, dashed)) == "");
  CHECK(messages(compare_translation(dashed, o)) == "");
  // The link named by its year on one side only: the year is the address's.
  SourcePage report = page("content/a.zh-TW.md", "zh-TW", "title: 報告",
                           "17項重點，報告見<https://example.org/2019/r.pdf>\n");
  SourcePage named =
      page("content/a.en.md", "en", "title: Report",
           "Seventeen priorities; see [the 2019 report](https://example.org/2019/r.pdf)\n");
  CHECK(messages(compare_translation(report, named)) == "");
  CHECK(messages(compare_translation(named, report)) == "");
  // A real change is still one warning.
  SourcePage wrong = page("content/a.en.md", "en", "title: Plan",
                          "The 2019 to 2023 plan: seventeen priorities; see "
                          "[the report](https://example.org/2019/r.pdf)\n");
  CHECK(messages(compare_translation(o, wrong)) ==
        "5: this translation states 2023 (\"2023\") where the original states 2022 "
        "(\"2019–22\" at content/a.zh-TW.md:5:1)\n");
}

TEST_CASE("ranges of years with spaces or across a century, hundreds, thousands, ordinals") {
  // Each was a figure missing or added: "2019 – 22" stated 22, "1998–02" nothing, "a
  // hundred" and "two thousand" nothing, "twenty-first" 20.
  SourcePage o = page("content/a.zh-TW.md", "zh-TW", "title: 計畫",
                      "1998至2002年與2019至2022年的計畫：100名志工、112戶、2000人次、第21屆\n");
  SourcePage t = page("content/a.en.md", "en", "title: Plan",
                      "The 1998–02 and 2019 – 22 plans: a hundred volunteers, one hundred and "
                      "twelve homes, two thousand visits, the twenty-first fair\n");
  CHECK(messages(compare_translation(o, t)) == "");
  CHECK(messages(compare_translation(t, o)) == "");
  SourcePage to = page("content/a.en.md", "en", "title: Plan",
                       "The 1998 to 02 and 2019 - 22 plans: 100 volunteers, 112 homes, 2,000 "
                       "visits, the 21st fair\n");
  CHECK(messages(compare_translation(o, to)) == "");
  // A real change is still one warning.
  SourcePage wrong = page("content/a.en.md", "en", "title: Plan",
                          "The 1998–03 and 2019 – 22 plans: a hundred volunteers, one hundred "
                          "and twelve homes, two thousand visits, the twenty-first fair\n");
  CHECK(messages(compare_translation(o, wrong)) ==
        "5: this translation states 2003 (\"1998–03\") where the original states 2002 "
        "(\"2002\" at content/a.zh-TW.md:5:6)\n");
}

TEST_CASE("a figure of the original is named by its line and column") {
  // Only the line was named ("at content/a.zh-TW.md:7"): the column is the figure's own, not
  // that of a number it is part of.
  SourcePage o =
      page("content/a.zh-TW.md", "zh-TW", "title: 計畫", "## 成果\n\n2022年共22戶、  1,043人次\n");
  SourcePage t = page("content/a.en.md", "en", "title: Plan",
                      "## Results\n\nIn 2022, 22 homes and 1,034 person-times\n");
  const std::vector<Drift> drift = compare_translation(o, t);
  CHECK(messages(drift) ==
        "7: this translation states 1034 (\"1,034\") where the original states 1043 (\"1,043\" "
        "at content/a.zh-TW.md:7:13)\n");
  // The warning is placed at the translation's figure (it was at its line's column 1).
  CHECK(places(drift) == "7:23");
}

TEST_CASE("a figure in front matter is named by its own column, however the text is written") {
  // The column where the field's value begins was named (3:10 for each of these).
  auto changed = [](const std::string& original, const std::string& translation) {
    SourcePage o = page("content/a.zh-TW.md", "zh-TW", "title: 計畫\n" + original, "2022年\n");
    SourcePage t = page("content/a.en.md", "en", "title: Plan\n" + translation, "2022\n");
    const std::vector<Drift> drift = compare_translation(o, t);
    return places(drift) + " " + messages(drift);
  };
  CHECK(changed("summary: \"2019年的成果\"", "summary: \"Results of 2018\"") ==
        "3:22 3: this translation states 2018 (\"2018\") where the original states 2019 (\"2019\" "
        "at content/a.zh-TW.md:3:11)\n");
  // Escapes and quotes written in two characters, a text folded over lines, a block.
  CHECK(
      changed("summary: '移工''s \\ 成果：2019年'", "summary: \"\\\"Results\\\" \\u0041 2018\"") ==
      "3:30 3: this translation states 2018 (\"2018\") where the original states 2019 (\"2019\" "
      "at content/a.zh-TW.md:3:22)\n");
  CHECK(changed("summary: 成果\n  說明\n\n  2019年", "summary: >\n  Results\n  of 2018\n") ==
        "5:6 5: this translation states 2018 (\"2018\") where the original states 2019 (\"2019\" "
        "at content/a.zh-TW.md:6:3)\n");
  // A text read from YAML not kept as written: where the value begins.
  SourcePage o =
      page("content/a.zh-TW.md", "zh-TW", "title: 計畫\nsummary: 2019年成果", "2022年\n");
  SourcePage t = page("content/a.en.md", "en", "title: Plan\nsummary: Results of 2018", "2022\n");
  o.front_yaml = SharedText();
  t.front_yaml = "title: Plan\nsummary: Results of 2017";
  CHECK(places(compare_translation(o, t)) == "3:10");
  CHECK(messages(compare_translation(o, t)).find("content/a.zh-TW.md:3:10") != std::string::npos);
}

TEST_CASE("\"2019 to 25\" is a range only where the other language says so") {
  // It was always 2019 and 2025: a letter numbered 2019 to 25 members stated a 2025.
  SourcePage letter = page("content/a.zh-TW.md", "zh-TW", "title: 函", "第2019號函送達25位委員\n");
  SourcePage to_members =
      page("content/a.en.md", "en", "title: Letter", "Letter No. 2019 to 25 committee members\n");
  CHECK(messages(compare_translation(letter, to_members)) == "");
  CHECK(messages(compare_translation(to_members, letter)) == "");
  // The other language's range, in full, shortened or in ROC years, makes it one.
  SourcePage plan = page("content/a.en.md", "en", "title: Plan", "The 2019 to 25 plan\n");
  for (const char* range : {"2019至2025年計畫\n", "2019–25年計畫\n", "108至114年計畫\n"}) {
    SourcePage o = page("content/a.zh-TW.md", "zh-TW", "title: 計畫", range);
    CHECK(messages(compare_translation(o, plan)) == "");
    CHECK(messages(compare_translation(plan, o)) == "");
  }
  // The other language states both: it is what this side states nowhere else.
  SourcePage both =
      page("content/a.zh-TW.md", "zh-TW", "title: 計畫", "2019至2025年計畫，25位委員\n");
  SourcePage members =
      page("content/a.en.md", "en", "title: Plan", "The 2019 to 25 plan, for 25 members\n");
  CHECK(messages(compare_translation(both, members)) == "");
  // Both sides' "2019 to 25" are the same two numbers; a figure changed is still named.
  CHECK(messages(compare_translation(plan, plan)) == "");
  SourcePage o = page("content/a.zh-TW.md", "zh-TW", "title: 計畫", "2019至2025年計畫\n");
  SourcePage wrong = page("content/a.en.md", "en", "title: Plan", "The 2019 to 26 plan\n");
  CHECK(messages(compare_translation(o, wrong)) ==
        "5: this translation states 26 (\"26\") where the original states 2025 (\"2025\" at "
        "content/a.zh-TW.md:5:6)\n");
}

TEST_CASE("figures written with character references are read as what they stand for") {
  SourcePage o = page("content/a.zh-TW.md", "zh-TW", "title: 計畫", "## 成果\n\n108年共20戶\n");
  // "tw&#101;nty" was not read as 20: the page's text was searched for "wenty" as written.
  SourcePage t = page("content/a.en.md", "en", "title: Plan",
                      "## Results\n\nIn &#50;&#48;19, tw&#101;nty homes\n");
  CHECK(messages(compare_translation(o, t)) == "");
  SourcePage hex = page("content/a.en.md", "en", "title: Plan",
                        "## Results\n\nIn &#x32;&#X30;19, tw&#x65;nty homes\n");
  CHECK(messages(compare_translation(o, hex)) == "");
  // A figure so written is placed where its first reference begins (it was column 1).
  SourcePage wrong = page("content/a.en.md", "en", "title: Plan",
                          "## Results\n\nIn &#50;&#48;18, tw&#101;nty homes\n");
  const std::vector<Drift> drift = compare_translation(o, wrong);
  CHECK(messages(drift) ==
        "7: this translation states 2018 (\"2018\") where the original states 2019 (\"108年\" at "
        "content/a.zh-TW.md:7:1)\n");
  CHECK(places(drift) == "7:4");
}

}  // namespace firefly
