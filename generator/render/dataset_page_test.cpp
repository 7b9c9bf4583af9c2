#include "render/dataset_page.h"

#include <doctest/doctest.h>

#include "core/json.h"
#include "core/sha256.h"

namespace firefly {

namespace {

Dataset sample() {
  Dataset ds;
  ds.name = "awards";
  ds.title.by_lang = {{"zh-TW", "歷年得獎"}, {"en", "Awards"}};
  ds.description.plain = "Awards won by the bureau.";
  ds.source.agency.by_lang = {{"zh-TW", "臺南市政府勞工局"}, {"en", "Tainan Labor Affairs Bureau"}};
  ds.source.title.plain = "2023 awards list";
  ds.source.url = "https://example.gov.tw/awards.pdf";
  ds.source.date = Date{2023, 6, 1};
  ds.frequency = "yearly";
  ds.chart = ChartSpec{"year", {"count"}, "bar", {}};
  ds.updated = Date{2023, 6, 30};
  DatasetChange change;
  change.commit = {Date{2023, 6, 30, 9, 0, 0, true, 480, true}, "Add 2023 awards",
                   "abc1234def5678"};
  change.rows = RowDiff{1, 0, 1, {}, {}};
  change.csv = "year,count\n2022,3\n2023,4\n";
  change.published = true;
  DatasetChange first;
  first.commit = {Date{2022, 1, 5, 9, 0, 0, true, 480, true}, "Import", "0011223344"};
  first.rows = RowDiff{1, 0, 0, {}, {}};
  first.first = true;
  ds.history = {change, first};
  ds.columns = {
      Column{"year", ColumnType::kInteger, {{}, "Year", {}}, {}, {}, {}},
      Column{"count", ColumnType::kInteger, {{}, "Count", {}}, {}, {{}, "awards", {}}, {}}};
  ds.csv_bytes = "year,count\n2022,3\n2023,4\n";
  ds.index_rows();
  return ds;
}

DataSite site() {
  DataSite s;
  s.title.plain = "Labor results";
  s.base_url = "https://labor.example.gov.tw/";
  s.publisher_name.plain = "Labor Bureau";
  s.languages = {{"zh-TW", "zh-Hant-TW", "roc"}, {"en", "en", ""}};
  return s;
}

/// The published files of `ds`, as the manifest makes them.
std::vector<DataFile> files_of(const Dataset& ds) {
  return make_data_manifest({ds}, site()).dataset_files(ds.name);
}

DataView view_in(const std::string& lang) {
  DataView v;
  v.lang = lang;
  v.default_lang = "zh-TW";
  v.html_lang = lang == "zh-TW" ? "zh-Hant-TW" : lang;
  v.calendar = lang == "zh-TW" ? "roc" : "";
  return v;
}

}  // namespace

TEST_CASE("dataset page: a source text shown in another language carries that language") {
  Dataset ds = sample();
  ds.source.agency.by_lang = {{"zh-TW", "臺南市政府勞工局"}};
  ds.source.title.by_lang = {{"zh-TW", "得獎名單"}, {"en", "Awards list"}};
  DataView view = view_in("en");
  view.tags = {{"zh-TW", "zh-Hant-TW"}, {"en", "en"}};
  Value en = dataset_context(ds, files_of(ds), site(), view).get("source");
  CHECK(en.get("agency").as_string() == "臺南市政府勞工局");
  CHECK(en.get("agency_lang").as_string() == "zh-Hant-TW");
  CHECK(en.get("title").as_string() == "Awards list");
  CHECK(en.get("title_lang").as_string() == "");
  Value zh = dataset_context(ds, files_of(ds), site(), view_in("zh-TW")).get("source");
  CHECK(zh.get("agency_lang").as_string() == "");
}

TEST_CASE("dataset page: the context has every documented field") {
  Value c = dataset_context(sample(), files_of(sample()), site(), view_in("en"));
  CHECK(c.get("title").as_string() == "Awards");
  CHECK(c.get("name").as_string() == "awards");
  CHECK(c.get("url").as_string() == "/en/data/awards/");
  CHECK(c.get("source").get("agency").as_string() == "Tainan Labor Affairs Bureau");
  CHECK(c.get("source").get("title").as_string() == "2023 awards list");
  CHECK(c.get("source").get("url").as_string() == "https://example.gov.tw/awards.pdf");
  CHECK(c.get("source").get("date").get("iso").as_string() == "2023-06-01");
  CHECK(c.get("frequency").as_string() == "Yearly");
  CHECK(c.get("license").get("url").as_string() == "https://data.gov.tw/license");
  CHECK(c.get("row_count").as_int() == 2);
  CHECK(c.get("columns").as_list().at(1).get("unit").as_string() == "awards");
  CHECK(c.get("columns").as_list().at(1).get("type").as_string() == "Whole number");
  CHECK(c.get("table_html").as_string().find("<caption id=\"preview-caption\">") !=
        std::string::npos);
  CHECK(c.get("chart_html").as_string().find("role=\"img\"") != std::string::npos);
  const List& downloads = c.get("downloads").as_list();
  REQUIRE(downloads.size() == 6);
  CHECK(downloads[0].get("url").as_string() == "/data/awards.csv");
  CHECK(downloads[0].get("size_display").as_string() == "25 bytes");
  CHECK(downloads[1].get("url").as_string() == "/data/awards.excel.csv");
  CHECK(downloads[2].get("url").as_string() == "/data/awards.xlsx");
  CHECK(downloads[2].get("label").as_string() == "Excel workbook (XLSX)");
  CHECK(downloads[3].get("url").as_string() == "/data/awards.ods");
  CHECK(downloads[3].get("media_type").as_string() ==
        "application/vnd.oasis.opendocument.spreadsheet");
  CHECK(downloads[4].get("media_type").as_string() == "application/json");
  CHECK(c.get("sha256").as_string() == sha256_hex("year,count\n2022,3\n2023,4\n"));
  CHECK(c.get("updated").get("iso").as_string() == "2023-06-30");
  CHECK(c.get("updated").get("display").as_string() == "30 June 2023");
  const List& history = c.get("history").as_list();
  REQUIRE(history.size() == 2);
  CHECK(history[0].get("summary").as_string() == "1 row added, 1 row changed");
  CHECK(history[0].get("message").as_string() == "Add 2023 awards");
  // Tagged with the language commit messages are written in (here the page's own).
  CHECK(history[0].get("message_lang").as_string() == "en");
  CHECK(history[0].get("short_commit").as_string() == "abc1234");
  CHECK(history[1].get("summary").as_string() == "first published with 1 row");
  CHECK_FALSE(history[1].find("version"));
  CHECK(c.get("citation").as_string() ==
        "Labor Bureau (2023). Awards (version 2023-06-30) [data set]. "
        "https://labor.example.gov.tw/en/data/awards/. Released under the Open Government Data "
        "License, version 1.0 (https://data.gov.tw/license).");
}

TEST_CASE("dataset page: past versions are published and listed with their checksum") {
  DataManifest m = make_data_manifest({sample()}, site());
  const std::vector<DataFile>& versions = m.dataset_versions("awards");
  REQUIRE(versions.size() == 1);
  CHECK(versions[0].path == "data/awards/versions/2023-06-30-abc1234.csv");
  CHECK(versions[0].bytes.str() == "year,count\n2022,3\n2023,4\n");
  DataView v = view_in("zh-TW");
  v.t = Value(Map{{"history_added_one", Value("新增 1 列")},
                  {"history_changed", Value("修改 {n} 列")},
                  {"history_changed_one", Value("修改 1 列")},
                  {"history_separator", Value("、")}});
  Value c = dataset_context(sample(), m.dataset_files("awards"), site(), v, versions);
  const Value& h = c.get("history").as_list().at(0);
  CHECK(h.get("summary").as_string() == "新增 1 列、修改 1 列");
  CHECK(h.get("message").as_string() == "Add 2023 awards");
  CHECK(h.get("version").get("url").as_string() == "/data/awards/versions/2023-06-30-abc1234.csv");
  CHECK(h.get("version").get("sha256").as_string() == sha256_hex("year,count\n2022,3\n2023,4\n"));
}

TEST_CASE("dataset page: a change that added or removed columns names them, not every row") {
  Dataset ds = sample();
  ds.history[0].rows = RowDiff{0, 0, 0, {"count"}, {"note", "source"}};
  DataManifest m = make_data_manifest({ds}, site());
  Value en = dataset_context(ds, m.dataset_files("awards"), site(), view_in("en"),
                             m.dataset_versions("awards"));
  // The column the dataset still has by its title; those it no longer has by their name.
  CHECK(en.get("history").as_list().at(0).get("summary").as_string() ==
        "column “Count” added, columns “note”, “source” removed");
  DataView zh = view_in("zh-TW");
  zh.t = Value(Map{{"history_columns_added_one", Value("新增欄位{names}")},
                   {"history_columns_removed", Value("刪除欄位{names}")},
                   {"history_quoted", Value("「{name}」")},
                   {"history_name_separator", Value("、")},
                   {"history_separator", Value("；")}});
  Value c =
      dataset_context(ds, m.dataset_files("awards"), site(), zh, m.dataset_versions("awards"));
  CHECK(c.get("history").as_list().at(0).get("summary").as_string() ==
        "新增欄位「Count」；刪除欄位「note」、「source」");
}

TEST_CASE("dataset page: ROC dates and localized strings in the default language") {
  DataView v = view_in("zh-TW");
  v.t =
      Value(Map{{"data_citation", Value("{publisher}（{year}）。{title}（{version}）。{url}。")}});
  Value c = dataset_context(sample(), files_of(sample()), site(), v);
  CHECK(c.get("url").as_string() == "/data/awards/");
  CHECK(c.get("updated").get("display").as_string() == "民國112年6月30日");
  CHECK(
      c.get("citation").as_string() ==
      "Labor Bureau（2023）。歷年得獎（2023-06-30）。https://labor.example.gov.tw/data/awards/。");
  Dataset no_chart = sample();
  no_chart.chart.reset();
  CHECK_FALSE(dataset_context(no_chart, files_of(no_chart), site(), v).find("chart_html"));
}

TEST_CASE("dataset page: the chart's data table lists the values the chart draws") {
  Dataset ds = sample();
  ds.csv_bytes = "year,count\n2022,3\n2022,2\n2023,4\n2023,\n";
  ds.index_rows();
  Value c = dataset_context(ds, files_of(ds), site(), view_in("en"));
  CHECK(c.get("chart_table_id").as_string() == "chart-awards-table");
  std::string table = c.get("chart_table_html").as_string();
  CHECK(table.find("<caption id=\"chart-awards-table\">") != std::string::npos);
  table = table.substr(table.find("<tbody>"));
  // One row per year, the sum the chart draws (3 + 2 in 2022).
  CHECK(table ==
        "<tbody>\n"
        "<tr><th scope=\"row\">2022</th><td class=\"num\">5</td></tr>\n"
        "<tr><th scope=\"row\">2023</th><td class=\"num\">4</td></tr>\n"
        "</tbody>\n</table>\n");
}

TEST_CASE("dataset page: schema.org JSON-LD and catalogue entries") {
  auto ld = parse_json(dataset_jsonld(sample(), files_of(sample()), site(), view_in("en")));
  REQUIRE(ld);
  CHECK(ld->get("@type").as_string() == "Dataset");
  CHECK(ld->get("license").as_string() == "https://data.gov.tw/license");
  CHECK(ld->get("dateModified").as_string() == "2023-06-30");
  CHECK(ld->get("version").as_string() == "2023-06-30");
  CHECK(ld->get("publisher").get("name").as_string() == "Labor Bureau");
  CHECK(ld->get("isBasedOn").get("author").get("name").as_string() ==
        "Tainan Labor Affairs Bureau");
  CHECK(ld->get("isBasedOn").get("url").as_string() == "https://example.gov.tw/awards.pdf");
  CHECK(ld->get("distribution").as_list().at(0).get("contentUrl").as_string() ==
        "https://labor.example.gov.tw/data/awards.csv");
  CHECK(ld->get("@id").as_string() == "https://labor.example.gov.tw/en/data/awards/");
  CHECK(ld->get("translationOfWork").get("@id").as_string() ==
        "https://labor.example.gov.tw/data/awards/");
  CHECK(ld->get("translationOfWork").get("inLanguage").as_string() == "zh-Hant-TW");
  auto zh = parse_json(dataset_jsonld(sample(), files_of(sample()), site(), view_in("zh-TW")));
  REQUIRE(zh);
  CHECK_FALSE(zh->find("translationOfWork"));
  REQUIRE(zh->get("workTranslation").as_list().size() == 1);
  CHECK(zh->get("workTranslation").as_list()[0].get("@id").as_string() ==
        "https://labor.example.gov.tw/en/data/awards/");
  Value item = dataset_list_item(sample(), view_in("en"));
  CHECK(item.get("url").as_string() == "/en/data/awards/");
  CHECK(item.get("row_count").as_int() == 2);
  CHECK_FALSE(item.get("one_row").as_bool());
  Dataset one = sample();
  one.csv_bytes = "year,count\n2023,4\n";
  one.index_rows();
  Value one_item = dataset_list_item(one, view_in("en"));
  CHECK(one_item.get("row_count").as_int() == 1);
  CHECK(one_item.get("one_row").as_bool());
  std::vector<DataFile> files{
      {"data/all.zip", std::string(2048, 'x'), "", &data_format("zip"), 2048, ""}};
  Value dl = catalogue_downloads(files, view_in("en"));
  CHECK(dl.as_list()[0].get("url").as_string() == "/data/all.zip");
  REQUIRE(dl.as_list().size() == 1);
  CHECK(dl.as_list()[0].get("size_display").as_string() == "2 KB");
}

}  // namespace firefly

namespace firefly {

TEST_CASE("catalogue card: the dataset's summary, else its description's first sentence") {
  Dataset ds = sample();
  ds.description.plain.clear();
  ds.description.by_lang = {{"zh-TW", "歷年獲得的獎項。資料取自申請書。"},
                            {"en", "Awards won by the bureau. Taken from its application."}};
  DataView en = view_in("en");
  en.tags = {{"zh-TW", "zh-Hant-TW"}, {"en", "en"}};
  Value item = dataset_list_item(ds, en);
  CHECK(item.get("summary").as_string() == "Awards won by the bureau.");
  CHECK(item.get("summary_lang").as_string().empty());
  CHECK(item.get("description").as_string() ==
        "Awards won by the bureau. Taken from its application.");
  // A language without a description shows the default language's first sentence, marked.
  DataView vi = view_in("vi");
  vi.tags = {{"zh-TW", "zh-Hant-TW"}, {"vi", "vi"}};
  item = dataset_list_item(ds, vi);
  CHECK(item.get("summary").as_string() == "歷年獲得的獎項。");
  CHECK(item.get("summary_lang").as_string() == "zh-Hant-TW");
  // A first sentence longer than a card's summary is cut.
  std::string long_sentence(300, 'a');
  long_sentence += ". b.";
  ds.description.by_lang = {{"zh-TW", long_sentence}};
  std::string cut = dataset_list_item(ds, en).get("summary").as_string();
  CHECK(cut.size() < 300);
  CHECK(cut.rfind("\u2026") == cut.size() - 3);
  // Its own summary wins, uncut.
  ds.summary.by_lang = {{"zh-TW", "得獎紀錄。"}, {"en", "Awards. Every year."}};
  item = dataset_list_item(ds, en);
  CHECK(item.get("summary").as_string() == "Awards. Every year.");
  CHECK(dataset_list_item(ds, vi).get("summary_lang").as_string() == "zh-Hant-TW");
}

TEST_CASE("dataset page: a licence with no known address is named once in the citation") {
  Dataset ds = sample();
  ds.license = "MIT";
  CHECK(dataset_citation(ds, site(), view_in("en")) ==
        "Labor Bureau (2023). Awards (version 2023-06-30) [data set]. "
        "https://labor.example.gov.tw/en/data/awards/. Released under the MIT.");
  // In Chinese, the full-width brackets go with it.
  DataView zh = view_in("zh-TW");
  zh.t = Value(Map{
      {"data_citation", Value("{publisher}（{year}）。{title}（版本 {version}）［資料集］。{url}。"
                              "依{license}（{license_url}）釋出。")}});
  std::string cited = dataset_citation(ds, site(), zh);
  CHECK(cited.substr(cited.size() - std::string("依MIT釋出。").size()) == "依MIT釋出。");
}

}  // namespace firefly
