#include "render/embed.h"

#include <doctest/doctest.h>

namespace firefly {

namespace {

std::vector<Dataset> datasets() {
  Dataset ds;
  ds.name = "awards";
  ds.title.plain = "Awards";
  ds.columns = {Column{"year", ColumnType::kInteger, {{}, "Year", {}}, {}, {}, {}},
                Column{"count", ColumnType::kInteger, {{}, "Count", {}}, {}, {}, {}},
                Column{"award", ColumnType::kString, {{}, "Award", {}}, {}, {}, {}}};
  ds.csv_bytes = "year,count,award\n2021,3,Gold\n2022,4,Silver\n2021,1,Bronze\n";
  ds.index_rows();
  return {ds};
}

std::vector<std::string> messages(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& x : d.sorted()) {
    out.push_back(std::to_string(x.pos.line) + ": " + x.message +
                  (x.hint.empty() ? "" : " | " + x.hint));
  }
  return out;
}

}  // namespace

TEST_CASE("embed: a chart is a figure with SVG, caption link and data table") {
  Diagnostics d;
  DataView view;
  std::string html = render_embed("chart", "dataset: awards\nx: year\ny: count\nkind: line\n",
                                  "content/a.md", 10, datasets(), view, d);
  CHECK(messages(d).empty());
  CHECK(html.find("<figure class=\"chart\" id=\"chart-awards-10\">") == 0);
  CHECK(html.find("aria-labelledby=\"chart-awards-10-title chart-awards-10-desc\"") !=
        std::string::npos);
  CHECK(html.find("<a href=\"/data/awards/\">Awards</a>") != std::string::npos);
  // The data table is in the figure, after the drawing and before the caption (a
  // <figcaption> is a figure's first or last child).
  CHECK(html.find("<details class=\"chart-data\">") > html.find("role=\"img\""));
  CHECK(html.find("</details>") < html.find("<figcaption>"));
  const std::string end = "</figcaption>\n</figure>\n";
  CHECK(html.rfind(end) + end.size() == html.size());
  CHECK(html.find("<th scope=\"col\">Year</th>") != std::string::npos);
  CHECK(html.find("<use href=\"#chart-awards-10-m0\"") != std::string::npos);
  // Rows sharing a year are summed: 4 in 2021 and 4 in 2022.
  CHECK(html.find("Count was 4 in 2021 and the same in 2022.") != std::string::npos);
}

TEST_CASE("embed: a chart block naming only its dataset shows the chart the metadata declares") {
  std::vector<Dataset> all = datasets();
  all[0].chart = ChartSpec{"year", {"count"}, "line", {{}, "Awards by year", {}}};
  Diagnostics d;
  DataView view;
  std::string html = render_embed("chart", "dataset: awards\n", "content/a.md", 10, all, view, d);
  CHECK(messages(d).empty());
  CHECK(html.find("Awards by year") != std::string::npos);
  CHECK(html.find("Count was 4 in 2021 and the same in 2022.") != std::string::npos);
  // A title of its own wins; an x, y or kind of its own asks for the rest.
  html =
      render_embed("chart", "dataset: awards\ntitle: Medals\n", "content/a.md", 10, all, view, d);
  CHECK(html.find("Medals") != std::string::npos);
  CHECK(html.find("Awards by year") == std::string::npos);
  render_embed("chart", "dataset: awards\nkind: bar\n", "content/a.md", 10, all, view, d);
  CHECK(messages(d) == std::vector<std::string>{
                           "11: dataset 'awards' needs 'x' (a column name)",
                           "11: dataset 'awards' needs 'y' (a number column, or a list of them)"});
  // Without a declared chart the block needs its x and y.
  Diagnostics none;
  render_embed("chart", "dataset: awards\n", "content/a.md", 10, datasets(), view, none);
  CHECK(messages(none).size() == 2);
}

TEST_CASE("embed: a chart's data table lists the values the chart draws, one row per x") {
  Diagnostics d;
  DataView view;
  std::vector<Dataset> all = datasets();
  Dataset& ds = all[0];
  // Two rows of 2022 (summed), and two more of 2022 that report no value.
  ds.csv_bytes =
      "year,count,award\n2021,167,Gold\n2022,100,Silver\n2022,77,Gold\n2022,,Bronze\n"
      "2022,,Gold\n";
  ds.index_rows();
  std::string html = render_embed("chart", "dataset: awards\nx: year\ny: count\nkind: hbar\n",
                                  "content/a.md", 10, all, view, d);
  CHECK(messages(d).empty());
  std::string table = html.substr(html.find("<tbody>"));
  table = table.substr(0, table.find("</tbody>"));
  CHECK(table ==
        "<tbody>\n"
        "<tr><th scope=\"row\">2021</th><td class=\"num\">167</td></tr>\n"
        "<tr><th scope=\"row\">2022</th><td class=\"num\">177</td></tr>\n");
}

TEST_CASE("embed: a chart over years shows a year without a value; a where: on x keeps its own") {
  DataView view;
  std::vector<Dataset> all = datasets();
  all[0].csv_bytes = "year,count,award\n2019,1,Gold\n2020,2,Gold\n2022,4,Silver\n";
  all[0].index_rows();
  auto years = [&](const std::string& yaml) {
    Diagnostics d;
    std::string html = render_embed("chart", yaml, "content/a.md", 10, all, view, d);
    CHECK(messages(d).empty());
    std::string table = html.substr(html.find("<tbody>"));
    std::string out;
    // Each row's year, with "-" after it when its value is missing.
    const std::string th = "<th scope=\"row\">", td = "</th><td class=\"num\">";
    for (size_t at = table.find(th); at != std::string::npos; at = table.find(th, at + 1)) {
      size_t cell = table.find(td, at) + td.size();
      out += table.substr(at + th.size(), 4) + (table.compare(cell, 5, "<span") == 0 ? "- " : " ");
    }
    return out;
  };
  const std::string chart = "dataset: awards\nx: year\ny: count\nkind: line\n";
  CHECK(years(chart) == "2019 2020 2021- 2022 ");  // 2021: no row, no value
  CHECK(years(chart + "where: {year: [2019, 2022]}\n") == "2019 2022 ");
  CHECK(years(chart + "where: {year: [2019, 2020, 2021, 2022]}\n") == "2019 2020 2021- 2022 ");
  CHECK(years(chart + "where: {award: Gold}\n") == "2019 2020 ");
}

TEST_CASE("embed: a table honours where and columns") {
  Diagnostics d;
  DataView view;
  view.lang = "en";
  view.default_lang = "zh-TW";
  std::string html =
      render_embed("table", "dataset: awards\nwhere: {year: 2021}\ncolumns: [award, year]\n",
                   "content/a.md", 3, datasets(), view, d);
  CHECK(messages(d).empty());
  CHECK(html.find("Gold") != std::string::npos);
  CHECK(html.find("Bronze") != std::string::npos);
  CHECK(html.find("Silver") == std::string::npos);
  CHECK(html.find("<th scope=\"col\">Award</th><th scope=\"col\">Year</th>") != std::string::npos);
  CHECK(html.find("role=\"region\"") != std::string::npos);
  CHECK(html.find("href=\"/en/data/awards/\"") != std::string::npos);
}

TEST_CASE("embed: a block over a dataset left out for its errors still has its own words checked") {
  DataView view;
  const std::set<std::string> withheld = {"visits"};
  Diagnostics d;
  CHECK(render_embed("chart", "dataset: visits\nx: month\ny: n\nkind: garis\n", "content/a.md", 10,
                     datasets(), view, d, withheld)
            .empty());
  CHECK(messages(d) ==
        std::vector<std::string>{
            "14: unknown chart kind 'garis' (use bar, stacked, hbar, line or target)"});
  Diagnostics t;
  CHECK(render_embed("table", "dataset: visits\nlimit: -3\ncolumns: [any]\n", "content/a.md", 1,
                     datasets(), view, t, withheld)
            .empty());
  CHECK(messages(t) ==
        std::vector<std::string>{"3: 'limit' must be a whole number of rows, at least 1"});
  Diagnostics fine;  // the columns are not known: nothing said of them
  render_embed("chart", "dataset: visits\nx: month\ny: n\nkind: line\n", "content/a.md", 1,
               datasets(), view, fine, withheld);
  CHECK(messages(fine).empty());
}

TEST_CASE("embed: mistakes are reported at their line with a suggestion") {
  Diagnostics d1;
  DataView view;
  CHECK(render_embed("chart", "dataset: awrds\nx: year\ny: count\n", "content/a.md", 10, datasets(),
                     view, d1)
            .empty());
  CHECK(messages(d1) == std::vector<std::string>{"11: unknown dataset 'awrds' | did you mean "
                                                 "'awards'?"});
  Diagnostics d2;
  CHECK(render_embed("chart", "dataset: awards\nx: yeer\ny: award\ncolour: red\n", "content/a.md",
                     10, datasets(), view, d2)
            .empty());
  auto m = messages(d2);
  REQUIRE(m.size() == 3);
  CHECK(m[0] == "12: unknown column 'yeer' in dataset 'awards' | did you mean 'year'?");
  CHECK(m[1] ==
        "13: column 'award' of dataset 'awards' is not a number column, so it cannot be charted");
  CHECK(m[2].find("14: unknown key 'colour'") == 0);
  Diagnostics d3;
  CHECK(render_embed("table", "dataset: awards\nwhere: {yr: 2021}\ncolumns: [awrd]\n",
                     "content/a.md", 1, datasets(), view, d3)
            .empty());
  auto m3 = messages(d3);
  REQUIRE(m3.size() == 2);
  CHECK(m3[0] == "3: unknown column 'yr' in 'where' of dataset 'awards' | did you mean 'year'?");
  CHECK(m3[1] == "4: unknown column 'awrd' in dataset 'awards' | did you mean 'award'?");
  // Nothing close (x written in English, the columns in Indonesian): the columns are named.
  Diagnostics d4;
  CHECK(render_embed("chart", "dataset: awards\nx: tahun\ny: count\n", "content/a.md", 1,
                     datasets(), view, d4)
            .empty());
  auto m4 = messages(d4);
  REQUIRE(m4.size() == 1);
  CHECK(m4[0].rfind("3: unknown column 'tahun' in dataset 'awards' | the columns are year, ", 0) ==
        0);
}

}  // namespace firefly
