#include "render/ods_writer.h"

#include <doctest/doctest.h>

#include <filesystem>

#include "core/fs.h"
#include "render/sheet_for_tests.h"

namespace firefly {

namespace {

Dataset sample(std::string csv) {
  return sheet_test_dataset({{"year", ColumnType::kInteger},
                             {"rate", ColumnType::kNumber},
                             {"held", ColumnType::kDate},
                             {"online", ColumnType::kBoolean},
                             {"note", ColumnType::kString}},
                            std::move(csv));
}

SheetText text() { return sheet_test_text({"年度", "就業率 (%)", "held", "online", "note"}); }

std::string content(const Dataset& ds) {
  std::string out;
  CHECK(write_ods_content(ds, text(), [&](std::string_view piece) { out += piece; }));
  return out;
}

}  // namespace

TEST_CASE("ods: text keeps its spaces, tabs and lines; XML specials are escaped") {
  auto of = [](std::string_view s) {
    std::string out;
    append_ods_text(out, s);
    return out;
  };
  CHECK(of("a b") == "a b");
  CHECK(of("  a  b ") == "<text:s/><text:s/>a <text:s/>b<text:s/>");
  CHECK(of("a\tb") == "a<text:tab/>b");
  CHECK(of("一\r\n二\n三") == "一</text:p><text:p>二</text:p><text:p>三");
  CHECK(of("<a & b>") == "&lt;a &amp; b&gt;");
  CHECK(of(std::string("a\x01"
                       "b")) ==
        "a\xEF\xBF\xBD"
        "b");
}

TEST_CASE("ods: typed cells, a header row and the about sheet") {
  std::string xml = content(
      sample("year,rate,held,online,note\n2021,-0.25,2021-03-04,false,=SUM(A1)\n2022,,,,\n"));
  CHECK(xml.find("<table:table table:name=\"資料\">") != std::string::npos);
  CHECK(xml.find("<table:table-header-rows><table:table-row><table:table-cell "
                 "table:style-name=\"ce1\" office:value-type=\"string\"><text:p>年度</text:p>") !=
        std::string::npos);
  CHECK(xml.find("<table:table-row><table:table-cell office:value-type=\"float\" "
                 "office:value=\"2021\"/><table:table-cell office:value-type=\"float\" "
                 "office:value=\"-0.25\"/><table:table-cell table:style-name=\"ce2\" "
                 "office:value-type=\"date\" office:date-value=\"2021-03-04\"/>"
                 "<table:table-cell office:value-type=\"boolean\" "
                 "office:boolean-value=\"false\"/><table:table-cell office:value-type=\"string\">"
                 "<text:p>=SUM(A1)</text:p></table:table-cell></table:table-row>") !=
        std::string::npos);
  CHECK(xml.find("<table:table-row><table:table-cell office:value-type=\"float\" "
                 "office:value=\"2022\"/><table:table-cell/><table:table-cell/><table:table-cell/>"
                 "<table:table-cell/></table:table-row>") != std::string::npos);
  CHECK(xml.find("<table:table table:name=\"說明\">") != std::string::npos);
  CHECK(xml.find("<text:p>專班 &amp; 就業</text:p>") != std::string::npos);
  // A cell longer than a spreadsheet holds is refused.
  std::string long_cell = "year,rate,held,online,note\n1,,,," + std::string(40000, 'x') + "\n";
  std::string out;
  CHECK_FALSE(write_ods_content(sample(long_cell), text(), [&](std::string_view p) { out += p; }));
}

TEST_CASE("ods: the package starts with its stored mimetype and is the same every time") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "firefly-ods-test";
  fs::create_directories(dir);
  Dataset ds = sample("year,rate,held,online,note\n2021,1,,,\n");
  for (const fs::path& tmp : {fs::path(), dir}) {  // content.xml in memory, then as a file
    REQUIRE(write_ods(ds, text(), dir / "a.ods", tmp));
    REQUIRE(write_ods(ds, text(), dir / "b.ods", tmp));
    std::string a = read_file(dir / "a.ods").value_or("");
    CHECK(a == read_file(dir / "b.ods").value_or(""));
    REQUIRE(a.size() > 84);
    CHECK(a.substr(0, 4) == "PK\x03\x04");
    CHECK(a.substr(8, 2) == std::string("\0\0", 2));  // stored, not deflated
    CHECK(a.substr(30, 8) == "mimetype");
    CHECK(a.substr(38, 46) == kOdsMediaType);  // where ODF readers look for it
    CHECK(a.find("META-INF/manifest.xml") != std::string::npos);
  }
  std::string long_cell = "year,rate,held,online,note\n1,,,," + std::string(40000, 'x') + "\n";
  CHECK_FALSE(write_ods(sample(long_cell), text(), dir / "c.ods", dir));
  CHECK_FALSE(fs::exists(dir / "c.ods"));
  CHECK_FALSE(fs::exists(dir / "c.ods.content.xml"));
  fs::remove_all(dir);
}

TEST_CASE("ods: the data sheet's header row is frozen") {
  std::string xml = ods_settings_xml(text());
  std::string sheet = "<config:config-item-map-entry config:name=\"" + text().data_sheet + "\">";
  REQUIRE(xml.find(sheet) != std::string::npos);
  CHECK(xml.find("\"VerticalSplitMode\" config:type=\"short\">2<") != std::string::npos);
  CHECK(xml.find("\"VerticalSplitPosition\" config:type=\"int\">1<") != std::string::npos);
  CHECK(xml.find("\"PositionBottom\" config:type=\"int\">1<") != std::string::npos);
}

TEST_CASE("ods: meta.xml leaves an unknown date out instead of inventing one") {
  SheetText t = text();
  CHECK(ods_meta_xml(t).find("<meta:creation-date>2023-06-30T00:00:00</meta:creation-date>") !=
        std::string::npos);
  t.created = Date{};
  const std::string meta = ods_meta_xml(t);
  CHECK(meta.find("creation-date") == std::string::npos);
  CHECK(meta.find("<dc:date>") == std::string::npos);  // was 2000-01-01T00:00:00
  CHECK(meta.find("</office:meta></office:document-meta>") != std::string::npos);
}

}  // namespace firefly
