#include "render/data_manifest.h"

#include <doctest/doctest.h>

#include <set>

#include "core/json.h"
#include "core/sha256.h"
#include "render/awards_for_tests.h"
#include "render/data_catalog.h"
#include "render/data_package.h"
#include "render/zip_writer.h"

namespace firefly {

namespace {

DataSite site() {
  DataSite s;
  s.title.by_lang = {{"zh-TW", "勞工局"}, {"en", "Labor Bureau"}};
  s.base_url = "https://labor.example.gov.tw/";
  s.publisher_name.plain = "Labor Bureau";
  s.publisher_email = "labor@example.gov.tw";
  s.languages = {{"zh-TW", "zh-Hant-TW", "roc"}, {"en", "en", ""}};
  return s;
}

const OutputFile* find(const OutputSet& out, const std::string& path) {
  for (const OutputFile& f : out) {
    if (f.path == path) return &f;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("data manifest: datapackage.json has typed fields, bytes and a sha256 hash") {
  Dataset ds = awards_test_dataset();
  auto pkg = parse_json(datapackage_json({ds}, make_data_manifest({ds}, site()), site()));
  REQUIRE(pkg);
  CHECK(pkg->get("$schema").as_string() == "https://datapackage.org/profiles/2.0/datapackage.json");
  CHECK(pkg->get("name").as_string() == "labor-example-gov-tw-open-data");
  CHECK(pkg->get("title").as_string() == "勞工局");
  const Value& r = pkg->get("resources").as_list().at(0);
  CHECK(r.get("name").as_string() == "awards");
  CHECK(r.get("path").as_string() == "awards.csv");
  CHECK(r.get("bytes").as_int() == static_cast<std::int64_t>(canonical_csv(ds).size()));
  CHECK(r.get("hash").as_string() == "sha256:" + sha256_hex(canonical_csv(ds)));
  CHECK(r.get("licenses").as_list().at(0).get("name").as_string() == "OGDL-Taiwan-1.0");
  const List& fields = r.get("schema").get("fields").as_list();
  REQUIRE(fields.size() == 4);
  CHECK(fields[1].get("type").as_string() == "number");
  CHECK(fields[3].get("type").as_string() == "boolean");
  CHECK(fields[1].get("description").as_string() == "(unit: people)");
}

TEST_CASE("data manifest: DCAT catalogue names distributions with licence and dates") {
  auto cat = parse_json(catalog_jsonld(
      {awards_test_dataset()}, make_data_manifest({awards_test_dataset()}, site()), site()));
  REQUIRE(cat);
  CHECK(cat->get("@type").as_string() == "dcat:Catalog");
  CHECK(cat->get("dct:title").as_list().at(1).get("@language").as_string() == "en");
  CHECK(cat->get("dct:publisher").get("foaf:name").as_string() == "Labor Bureau");
  const Value& ds = cat->get("dcat:dataset").as_list().at(0);
  CHECK(ds.get("dct:publisher").get("foaf:name").as_string() == "Labor Bureau");
  CHECK(ds.get("dct:source").get("dct:creator").get("foaf:name").as_string() == "Bureau");
  CHECK(ds.get("dct:modified").get("@value").as_string() == "2023-06-30");
  const Value& dist = ds.get("dcat:distribution").as_list().at(0);
  CHECK(dist.get("dcat:accessURL").get("@id").as_string() ==
        "https://labor.example.gov.tw/data/awards.csv");
  CHECK(dist.get("dcat:mediaType").get("@id").as_string() ==
        "http://www.iana.org/assignments/media-types/text/csv");
  CHECK(dist.get("dct:license").get("@id").as_string() == "https://data.gov.tw/license");
}

TEST_CASE("data manifest: every file is produced; SHA256SUMS matches; zip is deterministic") {
  OutputSet out;
  emit_data_files(make_data_manifest({awards_test_dataset()}, site()), out);
  for (const char* p : {"data/awards.csv", "data/awards.excel.csv", "data/awards.xlsx",
                        "data/awards.ods", "data/awards.json", "data/datapackage.json",
                        "data/catalog.jsonld", "data/SHA256SUMS", "data/all.zip"}) {
    CHECK_MESSAGE(find(out, p), p);
  }
  const OutputFile* sums = find(out, "data/SHA256SUMS");
  REQUIRE(sums);
  CHECK(sums->bytes.find(sha256_hex(find(out, "data/awards.csv")->bytes) + "  awards.csv\n") !=
        std::string::npos);
  CHECK(sums->bytes.find(sha256_hex(find(out, "data/all.zip")->bytes) + "  all.zip\n") !=
        std::string::npos);
  CHECK(sums->bytes.find("SHA256SUMS") == std::string::npos);
  CHECK(sums->bytes.find(sha256_hex(find(out, "data/awards.ods")->bytes) + "  awards.ods\n") !=
        std::string::npos);
  const std::string& zip = find(out, "data/all.zip")->bytes;
  CHECK(zip.substr(0, 2) == "PK");
  OutputSet again;
  emit_data_files(make_data_manifest({awards_test_dataset()}, site()), again);
  CHECK(find(again, "data/all.zip")->bytes == zip);
  CHECK(find(again, "data/awards.xlsx")->bytes == find(out, "data/awards.xlsx")->bytes);
  CHECK(find(again, "data/awards.ods")->bytes == find(out, "data/awards.ods")->bytes);
  CHECK(make_zip({{"b.txt", "2"}, {"a.txt", "1"}}) == make_zip({{"a.txt", "1"}, {"b.txt", "2"}}));
  OutputSet none;
  emit_data_files(make_data_manifest({}, site()), none);
  CHECK(none.empty());
}

TEST_CASE("data manifest: datasets made on several threads give the same files in order") {
  std::vector<Dataset> datasets;
  for (int n = 0; n < 6; ++n) {
    Dataset d = awards_test_dataset();
    d.name = "awards-" + std::to_string(n);
    datasets.push_back(d);
  }
  OutputSet one, four;
  emit_data_files(make_data_manifest(datasets, site(), {}, {}, nullptr, 1), one);
  emit_data_files(make_data_manifest(datasets, site(), {}, {}, nullptr, 4), four);
  REQUIRE(one.size() == four.size());
  for (size_t i = 0; i < one.size(); ++i) {
    CHECK(one[i].path == four[i].path);
    CHECK(one[i].bytes == four[i].bytes);  // the archive too: its entries in the same order
  }
  CHECK(find(four, "data/awards-5.xlsx"));
}

TEST_CASE("data manifest: one list feeds the downloads, the package and the catalogue") {
  DataManifest m = make_data_manifest({awards_test_dataset()}, site());
  const std::vector<DataFile>& files = m.dataset_files("awards");
  REQUIRE(files.size() == dataset_formats().size());
  for (const DataFile& f : files) CHECK(f.sha256 == sha256_hex(f.bytes));
  auto cat = parse_json(m.catalogue.at(2).bytes);
  REQUIRE(cat);
  const List& dist = cat->get("dcat:dataset").as_list().at(0).get("dcat:distribution").as_list();
  REQUIRE(dist.size() == files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    CHECK(dist[i].get("dcat:byteSize").get("@value").as_string() ==
          std::to_string(files[i].bytes.size()));
    CHECK(dist[i].get("spdx:checksum").get("spdx:checksumValue").get("@value").as_string() ==
          files[i].sha256);
  }
  CHECK(m.catalogue.back().path == "data/SHA256SUMS");
  CHECK(DataManifest::find(files, "json")->path == "data/awards.json");
  CHECK(m.dataset_files("nope").empty());
  CHECK(frequency_iri("yearly") ==
        "http://publications.europa.eu/resource/authority/frequency/ANNUAL");
  CHECK(frequency_iri("R/P3M") ==
        "http://publications.europa.eu/resource/authority/frequency/QUARTERLY");
  CHECK(frequency_iri("P5Y").empty());
}

TEST_CASE("data manifest: the paths links may point to are the files the manifest makes") {
  Dataset ds = awards_test_dataset();
  DatasetChange change;
  change.commit = {Date{2023, 6, 30, 9, 0, 0, true, 480, true}, "Add 2023", "abc1234def5678"};
  change.csv = ds.csv_bytes;
  change.published = true;
  DatasetChange old;  // kept in the history, its file not published
  old.commit = {Date{2022, 1, 5, 9, 0, 0, true, 480, true}, "Import", "0011223344"};
  ds.history = {change, old};
  DataManifest m = make_data_manifest({ds}, site());
  std::set<std::string> made;
  for (const DataFile& f : m.dataset_files("awards")) made.insert(f.url());
  for (const DataFile& f : m.dataset_versions("awards")) made.insert(f.url());
  std::vector<std::string> paths = dataset_file_paths(ds);
  CHECK(std::set<std::string>(paths.begin(), paths.end()) == made);
  CHECK(made.count("/data/awards/versions/2023-06-30-abc1234.csv") == 1);
  CHECK(made.size() == dataset_formats().size() + 1);
  std::set<std::string> catalogue;
  for (const DataFile& f : m.catalogue) catalogue.insert(f.url());
  std::vector<std::string> cat_paths = catalogue_file_paths();
  CHECK(std::set<std::string>(cat_paths.begin(), cat_paths.end()) == catalogue);
}

}  // namespace firefly

namespace firefly {

TEST_CASE("data manifest: themes, keys and the categories of coded columns") {
  Dataset ds = awards_test_dataset();
  ds.themes = {"SOCI", "EDUC"};
  ds.key = {"year"};
  ds.columns[2].values = {{"=SUM(A1)", Localized{{}, "a formula", {}}},
                          {"a,b", Localized{{}, "a pair", {}}}};
  DataManifest m = make_data_manifest({ds}, site());
  auto cat = parse_json(catalog_jsonld({ds}, m, site()));
  REQUIRE(cat);
  const List& themes = cat->get("dcat:dataset").as_list().at(0).get("dcat:theme").as_list();
  REQUIRE(themes.size() == 2);
  CHECK(themes[0].get("@id").as_string() ==
        "http://publications.europa.eu/resource/authority/data-theme/SOCI");
  auto pkg = parse_json(datapackage_json({ds}, m, site()));
  REQUIRE(pkg);
  const Value& schema = pkg->get("resources").as_list().at(0).get("schema");
  CHECK(schema.get("primaryKey").as_list().at(0).as_string() == "year");
  const List& cats = schema.get("fields").as_list().at(2).get("categories").as_list();
  REQUIRE(cats.size() == 2);
  CHECK(cats[0].get("value").as_string() == "=SUM(A1)");
  CHECK(cats[0].get("label").as_string() == "a formula");
  // A code the words do not list: no categories (they would make that value invalid).
  ds.columns[2].values.pop_back();
  auto partial = parse_json(datapackage_json({ds}, make_data_manifest({ds}, site()), site()));
  REQUIRE(partial);
  CHECK_FALSE(partial->get("resources")
                  .as_list()
                  .at(0)
                  .get("schema")
                  .get("fields")
                  .as_list()
                  .at(2)
                  .find("categories"));
}

TEST_CASE("data manifest: without its charts, a manifest is as make_data_manifest made it") {
  DataManifest made = make_data_manifest({awards_test_dataset()}, site());
  DataManifest charted = made;
  DataFile chart{"data/awards/charts/c.csv", "year,n\n2021,3\n", "", nullptr, 0, ""};
  chart.sha256 = sha256_hex(chart.bytes);
  chart.size = chart.bytes.size();
  chart.format = &data_format("csv");
  add_chart_files(charted, {chart});
  OutputSet before, with_chart, after;
  emit_data_files(made, before);
  emit_data_files(charted, with_chart);
  emit_data_files(without_charts(charted), after);
  REQUIRE(with_chart.size() == before.size() + 1);
  // SHA256SUMS named the chart's file: without it, the sums are those made at first.
  CHECK(find(with_chart, "data/SHA256SUMS")->bytes != find(before, "data/SHA256SUMS")->bytes);
  REQUIRE(after.size() == before.size());
  for (size_t i = 0; i < before.size(); ++i) {
    CHECK(after[i].path == before[i].path);
    CHECK(after[i].bytes == before[i].bytes);
  }
  CHECK(without_charts(made).catalogue.size() == made.catalogue.size());
}

TEST_CASE("data manifest: a dataset's print follows its files and what git told") {
  Dataset ds = awards_test_dataset();
  std::uint64_t print = dataset_files_print(1, ds);
  CHECK(dataset_files_print(1, ds) == print);
  CHECK(dataset_files_print(2, ds) != print);  // one of its files
  Dataset renamed = ds;
  renamed.name = "other";
  CHECK(dataset_files_print(1, renamed) != print);
  Dataset committed = ds;
  DatasetChange change;
  change.commit.commit = "1a2b3c4d";
  change.commit.date = Date{2023, 7, 8};
  change.csv = ds.csv_bytes;
  change.published = true;
  committed.history.push_back(change);
  CHECK(dataset_files_print(1, committed) != print);  // a commit with the same files
  Dataset other = committed;
  other.history[0].commit.commit = "5e6f7a8b";
  CHECK(dataset_files_print(1, other) != dataset_files_print(1, committed));
  Dataset dated = ds;
  dated.updated = Date{2024, 1, 2};
  CHECK(dataset_files_print(1, dated) != print);
  Dataset texts = ds;
  texts.texts.push_back(MetadataText{"title", "en", "Awards", {}, change.commit, 0});
  CHECK(dataset_files_print(1, texts) != print);
}

}  // namespace firefly
