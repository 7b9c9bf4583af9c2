#include "render/data_table.h"

#include <doctest/doctest.h>

#include "render/theme_view_for_tests.h"

namespace firefly {

namespace {

Dataset sample() {
  Dataset ds;
  ds.name = "awards";
  ds.title.by_lang = {{"zh-TW", "得獎"}, {"en", "Awards"}};
  ds.columns = {
      Column{"year", ColumnType::kInteger, {{{"en", "Year"}}, "", {}}, {}, {}, {}},
      Column{"count", ColumnType::kInteger, {{}, "Count", {}}, {}, {{}, "awards", {}}, {}},
      Column{"day", ColumnType::kDate, {}, {}, {}, {}},
      Column{"note", ColumnType::kString, {}, {}, {}, {}},
  };
  ds.csv_bytes =
      "year,count,day,note\n2021,1234,2021-06-30,<b>&\n2022,,,\"two\nlines\"\n2021,5,,\n";
  ds.index_rows();
  return ds;
}

}  // namespace

TEST_CASE("data table: caption, scopes, localized numbers, escaping, missing values") {
  Dataset ds = sample();
  DataView view;
  view.lang = "en";
  view.html_lang = "en";
  view.t = Value(Map{{"data_missing", Value("no data")}});
  std::string html = render_data_table(ds, TableSpec{}, view);
  CHECK(html.find("<caption>Awards</caption>") != std::string::npos);
  CHECK(html.find("<th scope=\"col\">Year</th>") != std::string::npos);
  CHECK(html.find("<th scope=\"col\" class=\"num\">Count (awards)</th>") != std::string::npos);
  CHECK(html.find("<th scope=\"row\">2021</th>") != std::string::npos);  // years not grouped
  CHECK(html.find(">1,234</td>") != std::string::npos);
  CHECK(html.find("<time datetime=\"2021-06-30\">30 June 2021</time>") != std::string::npos);
  CHECK(html.find("&lt;b&gt;&amp;") != std::string::npos);
  CHECK(html.find("two<br>lines") != std::string::npos);
  CHECK(html.find("<span class=\"visually-hidden\">no data</span>") != std::string::npos);
}

TEST_CASE("data table: a number shows every decimal its cell has, in the reader's locale") {
  Dataset ds;
  ds.title.plain = "Rates";
  ds.columns = {Column{"share", ColumnType::kNumber, {{}, "Share", {}}, {}, {}, {}}};
  ds.csv_bytes = "share\n0.92857\n1234.5\n-0.000125\n";
  ds.index_rows();
  DataView view;
  view.lang = "vi";
  view.html_lang = "vi";
  std::string html = render_data_table(ds, TableSpec{}, view);
  CHECK(html.find(">0,92857</th>") != std::string::npos);  // not 0,9286
  CHECK(html.find(">1.234,5</th>") != std::string::npos);
  CHECK(html.find(">-0,000125</th>") != std::string::npos);  // not -0,0001
}

TEST_CASE("data table: a whole number shows every digit its cell has, past 2^53 too") {
  Dataset ds;
  ds.title.plain = "Budget";
  ds.columns = {Column{"k", ColumnType::kString, {{}, "K", {}}, {}, {}, {}},
                Column{"dong", ColumnType::kInteger, {{}, "Dong", {}}, {}, {}, {}}};
  ds.csv_bytes = "k,dong\na,9007199254740993\nb,-0\nc,+5\n";
  ds.index_rows();
  DataView view;
  view.lang = "vi";
  view.html_lang = "vi";
  std::string html = render_data_table(ds, TableSpec{}, view);
  CHECK(html.find(">9.007.199.254.740.993</td>") != std::string::npos);  // not …992
  CHECK(html.find(">0</td>") != std::string::npos);                      // not -0
  CHECK(html.find(">5</td>") != std::string::npos);
}

TEST_CASE("data table: text cells and a fallback caption carry their language") {
  Dataset ds = sample();
  ds.title.by_lang = {{"zh-TW", "得獎"}};
  ds.columns[3].lang = "";  // note: in the site's default language
  Column en_note{"note_en", ColumnType::kString, {}, {}, {}, {}};
  en_note.lang = "en";
  ds.columns.push_back(en_note);
  ds.csv_bytes = "year,count,day,note,note_en\n2021,1,,臺南,Tainan\n2022,2,,,\n";
  ds.index_rows();
  DataView view;
  view.lang = "vi";
  view.html_lang = "vi";
  view.default_lang = "zh-TW";
  view.tags = {{"zh-TW", "zh-Hant-TW"}, {"en", "en"}, {"vi", "vi"}};
  std::string html = render_data_table(ds, TableSpec{}, view);
  CHECK(html.find("<caption><span lang=\"zh-Hant-TW\">得獎</span></caption>") != std::string::npos);
  CHECK(html.find("<td lang=\"zh-Hant-TW\">臺南</td>") != std::string::npos);
  CHECK(html.find("<td lang=\"en\">Tainan</td>") != std::string::npos);
  CHECK(html.find("<th scope=\"row\">2021</th>") != std::string::npos);  // a year: no lang
  CHECK(html.find("<td class=\"num\">1</td>") != std::string::npos);
  // An empty cell says "no value" in the reader's language: no lang.
  CHECK(html.find("<td><span aria-hidden") != std::string::npos);
  // In the default language, only the English column is marked.
  view.lang = "zh-TW";
  view.html_lang = "zh-Hant-TW";
  html = render_data_table(ds, TableSpec{}, view);
  CHECK(html.find("<caption>得獎</caption>") != std::string::npos);
  CHECK(html.find("<td>臺南</td>") != std::string::npos);
  CHECK(html.find("<td lang=\"en\">Tainan</td>") != std::string::npos);
  CHECK(view.lang_of(ds.title).empty());
  Localized plain;
  plain.plain = "x";
  CHECK(view.lang_of(plain).empty());  // written once for every language
}

TEST_CASE("data table: where, columns, row limit and ROC dates") {
  Dataset ds = sample();
  DataView view;
  view.lang = "zh-TW";
  view.html_lang = "zh-Hant-TW";
  view.calendar = "roc";
  view.default_lang = "zh-TW";
  CHECK(select_rows(ds, {{"year", Value(2021)}}) == std::vector<size_t>{0, 2});
  CHECK(select_rows(ds, {{"year", Value("2022")}}) == std::vector<size_t>{1});
  CHECK(select_rows(ds, {{"year", Value(List{Value(2022), Value(2021)})}}).size() == 3);
  TableSpec spec;
  spec.where = {{"year", Value(2021)}};
  spec.columns = {"day", "year"};
  spec.max_rows = 1;
  spec.id = "t1";
  std::string html = render_data_table(ds, spec, view);
  CHECK(html.find("<caption id=\"t1\">得獎") != std::string::npos);
  CHECK(html.find("(showing 1 of 2 rows)") != std::string::npos);
  CHECK(html.find("民國110年6月30日") != std::string::npos);
  CHECK(html.find("note") == std::string::npos);
  CHECK(html.find("<th scope=\"col\">day</th><th scope=\"col\">年度") == std::string::npos);
  // A heading with no title in the reader's language carries the one it falls back to.
  CHECK(
      html.find("<th scope=\"col\">day</th><th scope=\"col\"><span lang=\"en\">Year</span></th>") !=
      std::string::npos);
}

TEST_CASE("data view: strings from t with English fallback, URLs per language") {
  DataView view;
  view.lang = "en";
  view.default_lang = "zh-TW";
  view.t = Value(Map{{"x", Value("Hello {name}")}});
  CHECK(view.format("x", "", {{"name", "Lin"}}) == "Hello Lin");
  CHECK(view.text("missing", "Fallback") == "Fallback");
  CHECK(view.dataset_url("awards") == "/en/data/awards/");
  view.lang = "zh-TW";
  CHECK(view.dataset_url("awards") == "/data/awards/");
}

TEST_CASE("data view: a language the site is not published in links the default one's pages") {
  // The English half of the spreadsheets' about sheet, all.zip's README and the English
  // citation of <name>.metadata.json linked /en/data/... on a site without English: a page
  // that does not exist, in the citation a journalist copies.
  DataView view;
  view.lang = "en";
  view.default_lang = "vi";
  view.tags = {{"vi", "vi"}, {"th", "th"}};
  CHECK(view.data_url() == "/data/");
  CHECK(view.dataset_url("awards") == "/data/awards/");
  view.lang = "th";
  CHECK(view.dataset_url("awards") == "/th/data/awards/");
}

}  // namespace firefly

namespace firefly {

TEST_CASE("data table: years in a column named or titled in another language are not grouped") {
  Dataset ds;
  ds.name = "kelas";
  ds.title.plain = "Kelas";
  ds.columns = {
      Column{"tahun", ColumnType::kInteger, {}, {}, {}, {}},
      Column{"periode", ColumnType::kInteger, {{{"id", "Tahun"}}, "", {}}, {}, {}, {}},
      Column{"nam", ColumnType::kInteger, {}, {}, {}, {}},
  };
  ds.csv_bytes = "tahun,periode,nam\n2021,2022,1043\n";
  ds.index_rows();
  DataView view;
  view.lang = "id";
  view.html_lang = "id";
  std::string html = render_data_table(ds, TableSpec{}, view);
  CHECK(html.find(">2021</th>") != std::string::npos);
  CHECK(html.find(">2022</td>") != std::string::npos);
  CHECK(html.find("2.021") == std::string::npos);
  CHECK(html.find("2.022") == std::string::npos);
  CHECK(html.find(">1.043</td>") != std::string::npos);  // a count is grouped
}

TEST_CASE("data table: dates that stand for quarters or months are shown as the chart shows them") {
  Dataset ds;
  ds.name = "claims";
  ds.columns = {Column{"period", ColumnType::kDate, {}, {}, {}, {}},
                Column{"claims", ColumnType::kInteger, {}, {}, {}, {}}};
  ds.csv_bytes = "period,claims\n2023-07-01,5\n2023-10-01,\n2024-01-01,7\n2023-04-01,3\n";
  ds.index_rows();
  ds.frequency = "quarterly";
  DataView vi = theme_view("vi", "vi");
  TableSpec first_two;
  first_two.max_rows = 2;  // the rows not shown count for what the dates stand for
  std::string html = render_data_table(ds, first_two, vi);
  CHECK(html.find("<th scope=\"row\"><time datetime=\"2023-07-01\">quý 3 năm 2023</time></th>") !=
        std::string::npos);
  CHECK(html.find("<time datetime=\"2023-10-01\">quý 4 năm 2023</time>") != std::string::npos);
  CHECK(html.find("<time datetime=\"2023-10-01\">Q4 2023</time>") == std::string::npos);
  CHECK(render_data_table(ds, first_two, theme_view("en", "en"))
            .find("<time datetime=\"2023-10-01\">Q4 2023</time>") != std::string::npos);
  // Monthly, or not said to be quarterly: the months.
  ds.frequency = "monthly";
  html = render_data_table(ds, first_two, vi);
  CHECK(html.find("<time datetime=\"2023-10-01\">tháng 10 năm 2023</time>") != std::string::npos);
  // Dates that are not a series at one step of months are days, as before.
  ds.csv_bytes = "period,claims\n2023-07-01,5\n2023-10-01,\n2023-10-05,7\n";
  ds.index_rows();
  ds.frequency = "quarterly";
  html = render_data_table(ds, first_two, theme_view("en", "en"));
  CHECK(html.find("<time datetime=\"2023-10-01\">1 October 2023</time>") != std::string::npos);
}

}  // namespace firefly

namespace firefly {

TEST_CASE("data view: a text's lang is its default language's, unless its script says another") {
  // A site in Vietnamese whose plan reads its notes from a column of Chinese text without a
  // `lang`: the column says Vietnamese, the script says Chinese, and a Vietnamese voice
  // must not read 計畫列為績效指標 on the English page.
  DataView view;
  view.lang = "en";
  view.html_lang = "en";
  view.default_lang = "vi";
  view.tags = {{"vi", "vi"}, {"en", "en"}, {"zh-TW", "zh-Hant-TW"}};
  view.scripts.add("zh-Hant-TW");
  Localized note;
  note.by_lang = {{"vi", "計畫列為績效指標"}};
  CHECK(view.lang_of(note) == "zh-Hant-TW");
  Localized once;
  once.plain = "Báo cáo việc làm";
  CHECK(view.lang_of(once) == "vi");
  once.plain = "GDP";
  CHECK(view.lang_of(once) == "");
  // On the Vietnamese page too, the note is Chinese; a name in no language is as well.
  view.lang = "vi";
  view.html_lang = "vi";
  CHECK(view.lang_of(note) == "zh-Hant-TW");
  Localized name;
  name.plain = "臺南市";
  CHECK(view.lang_of(name) == "zh-Hant-TW");
  // On the Chinese page the note is in the reader's own language.
  view.lang = "zh-TW";
  view.html_lang = "zh-Hant-TW";
  CHECK(view.lang_of(note) == "");
  CHECK(view.lang_of(once) == "");
  once.plain = "Báo cáo";
  CHECK(view.lang_of(once) == "vi");
}

}  // namespace firefly
