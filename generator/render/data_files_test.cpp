#include "render/data_files.h"

#include <doctest/doctest.h>

#include "core/json.h"
#include "core/sha256.h"
#include "render/zip_writer.h"

namespace firefly {

namespace {

Dataset sample() {
  Diagnostics d;
  Dataset ds;
  ds.name = "awards";
  ds.title.by_lang = {{"zh-TW", "得獎"}, {"en", "Awards"}};
  ds.source.plain = "Bureau";
  ds.frequency = "yearly";
  ds.updated = Date{2023, 6, 30};
  ds.columns = {Column{"year", ColumnType::kInteger, {{}, "Year", {}}, {}, "", {}},
                Column{"delta", ColumnType::kNumber, {}, {}, "people", {}},
                Column{"note", ColumnType::kString, {}, {}, "", {}},
                Column{"ok", ColumnType::kBoolean, {}, {}, "", {}}};
  ds.csv_bytes = "\xEF\xBB\xBFyear,delta,note,ok\n2021,-5,=SUM(A1),true\n2022,,\"a,b\",\n";
  ds.cells = {{"2021", "-5", "=SUM(A1)", "true"}, {"2022", "", "a,b", ""}};
  ds.rows = {{Value(2021), Value(-5.0), Value("=SUM(A1)"), Value(true)},
             {Value(2022), Value(), Value("a,b"), Value()}};
  return ds;
}

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

TEST_CASE("data files: canonical CSV drops the BOM, Excel CSV neutralises formulas") {
  Dataset ds = sample();
  CHECK(canonical_csv(ds) == "year,delta,note,ok\n2021,-5,=SUM(A1),true\n2022,,\"a,b\",\n");
  CHECK(excel_csv(ds) ==
        "\xEF\xBB\xBFyear,delta,note,ok\r\n2021,-5,'=SUM(A1),true\r\n2022,,\"a,b\",\r\n");
  CHECK(neutralise_cell("+1", false) == "'+1");
  CHECK(neutralise_cell("-x", false) == "'-x");
  CHECK(neutralise_cell("@a", false) == "'@a");
  CHECK(neutralise_cell("-5", true) == "-5");
  CHECK(neutralise_cell("plain", false) == "plain");
}

TEST_CASE("data files: JSON rows keep their types") {
  auto parsed = parse_json(dataset_json(sample()));
  REQUIRE(parsed);
  REQUIRE(parsed->as_list().size() == 2);
  const Value& first = parsed->as_list()[0];
  CHECK(first.get("year").is_int());
  CHECK(first.get("delta").as_double() == -5.0);
  CHECK(first.get("ok").as_bool());
  CHECK(parsed->as_list()[1].get("delta").is_null());
}

TEST_CASE("data files: datapackage.json has typed fields, bytes and a sha256 hash") {
  Dataset ds = sample();
  auto pkg = parse_json(datapackage_json({ds}, site()));
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

TEST_CASE("data files: DCAT catalogue names distributions with licence and dates") {
  auto cat = parse_json(catalog_jsonld({sample()}, site()));
  REQUIRE(cat);
  CHECK(cat->get("@type").as_string() == "dcat:Catalog");
  CHECK(cat->get("dct:title").as_list().at(1).get("@language").as_string() == "en");
  CHECK(cat->get("dct:publisher").get("foaf:name").as_string() == "Labor Bureau");
  const Value& ds = cat->get("dcat:dataset").as_list().at(0);
  CHECK(ds.get("dct:modified").get("@value").as_string() == "2023-06-30");
  const Value& dist = ds.get("dcat:distribution").as_list().at(0);
  CHECK(dist.get("dcat:accessURL").get("@id").as_string() ==
        "https://labor.example.gov.tw/data/awards.csv");
  CHECK(dist.get("dcat:mediaType").get("@id").as_string() ==
        "https://www.iana.org/assignments/media-types/text/csv");
  CHECK(dist.get("dct:license").get("@id").as_string() == "https://data.gov.tw/license");
}

TEST_CASE("data files: every file is produced; SHA256SUMS matches; zip is deterministic") {
  OutputSet out;
  render_data_files({sample()}, site(), out);
  for (const char* p :
       {"data/awards.csv", "data/awards.excel.csv", "data/awards.json", "data/datapackage.json",
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
  const std::string& zip = find(out, "data/all.zip")->bytes;
  CHECK(zip.substr(0, 2) == "PK");
  OutputSet again;
  render_data_files({sample()}, site(), again);
  CHECK(find(again, "data/all.zip")->bytes == zip);
  CHECK(make_zip({{"b.txt", "2"}, {"a.txt", "1"}}) == make_zip({{"a.txt", "1"}, {"b.txt", "2"}}));
  OutputSet none;
  render_data_files({}, site(), none);
  CHECK(none.empty());
}

}  // namespace firefly
