#include "render/chart.h"

#include <doctest/doctest.h>

#include "render/chart_for_tests.h"

namespace firefly {

namespace {

Dataset awards() {
  Dataset ds = chart_test_awards();
  ds.csv_bytes =
      "year,all,national,place\n2013,1,1,臺南市政府勞工局職業安全衛生科\n2021,10,7,A\n2022,3,,B\n";
  ds.index_rows();
  return ds;
}

size_t count(const std::string& s, const std::string& needle) {
  size_t n = 0;
  for (size_t at = s.find(needle); at != std::string::npos; at = s.find(needle, at + 1)) ++n;
  return n;
}

std::string chart(const Dataset& ds, std::string x, std::vector<std::string> y, std::string kind) {
  DataView view;
  return render_chart(ds, ChartSpec{std::move(x), std::move(y), std::move(kind), {}}, nullptr, "c",
                      view);
}

}  // namespace

TEST_CASE("chart: visible title and summary, an img labelled by both, no script") {
  std::string html = chart(awards(), "year", {"all"}, "bar");
  CHECK(html.find("<p class=\"chart-title\" id=\"c-title\">Awards</p>") == 0);
  CHECK(html.find("<p class=\"chart-desc\" id=\"c-desc\">All awards rose from 1 in 2013 to 3 in "
                  "2022, up 2. The lowest value was 1 in 2013 and the highest 10 in 2021. All "
                  "awards has no value for 2014, 2015, 2016 and 4 more.</p>") != std::string::npos);
  CHECK(html.find("role=\"img\" aria-labelledby=\"c-title c-desc\"") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
}

TEST_CASE("chart: text is page text, never in a scaled drawing") {
  for (const char* kind : {"bar", "stacked", "hbar", "line"}) {
    std::string html = chart(awards(), "year", {"all", "national"}, kind);
    CAPTURE(kind);
    CHECK(html.find("viewBox") == std::string::npos);
    CHECK(html.find("font-size") == std::string::npos);  // sizes come from the stylesheet
  }
}

TEST_CASE("chart: bars have columns for wide boxes and rows for narrow ones") {
  std::string html = chart(awards(), "year", {"all"}, "bar");
  CHECK(html.find("<div class=\"chart-cols\">") != std::string::npos);
  CHECK(html.find("<div class=\"chart-rows\">") != std::string::npos);
  CHECK(count(html, "<rect x=") == 6);  // 3 columns + 3 rows
  CHECK(html.find("<li class=\"x-0\" style=\"--p:5\"><span>2013</span></li>") != std::string::npos);
  CHECK(html.find("<div class=\"chart-cat\">2021</div>") != std::string::npos);
  CHECK(html.find(">10</text>") != std::string::npos);
  CHECK(html.find("<span class=\"chart-num\" style=\"left:100%\">10</span>") != std::string::npos);
}

TEST_CASE("chart: long labels under a line are thinned to what fits, ends inside the drawing") {
  Dataset ds;
  ds.name = "days";
  ds.columns = {Column{"day", ColumnType::kDate, {{}, "Day", {}}, {}, {}, {}},
                Column{"n", ColumnType::kInteger, {{}, "N", {}}, {}, {}, {}}};
  ds.csv_bytes = "day,n\n2024-01-02,1\n2024-01-03,2\n2024-01-04,3\n2024-01-05,4\n2024-01-06,5\n";
  ds.index_rows();
  std::string html = chart(ds, "day", {"n"}, "line");
  // Under 30em they wrap at their spaces, to two lines at most: "2 January" (5.4em) and
  // "2024", with a tenth to spare.
  CHECK(html.find("<ol class=\"chart-x chart-x-long\" style=\"--x-w:5.94em\">") !=
        std::string::npos);
  // The first shows in every box; the last from a box of 14em (16em while the first was
  // held inside the plot: now half of it may stand under the y axis' ticks), where the plot
  // has room for two wrapped labels and an em between them; the middle one from 24em, the
  // others from 50em. Each item says its point's place in the plot (--p, percent), those
  // of the second half held at the box's end when wider than the room around it (x-e).
  CHECK(html.find("<li class=\"x-0\" style=\"--p:10\"><span>2 January 2024</span></li>") !=
        std::string::npos);
  CHECK(html.find("<li class=\"x-50\" style=\"--p:30\"><span>3 January 2024</span></li>") !=
        std::string::npos);
  CHECK(html.find("<li class=\"x-24\" style=\"--p:50\"><span>4 January 2024</span></li>") !=
        std::string::npos);
  CHECK(html.find("<li class=\"x-50 x-e\" style=\"--p:70\"><span>5 January 2024</span></li>") !=
        std::string::npos);
  CHECK(html.find("<li class=\"x-14 x-e\" style=\"--p:90\"><span>6 January 2024</span></li>") !=
        std::string::npos);
  // Years are short: no wrapping.
  CHECK(chart(awards(), "year", {"all"}, "line").find("chart-x-long") == std::string::npos);
}

TEST_CASE("chart: a long monthly series' axis writes its months short, both ends on a phone") {
  Dataset ds;
  ds.name = "months";
  ds.columns = {Column{"month", ColumnType::kDate, {{}, "Month", {}}, {}, {}, {}},
                Column{"n", ColumnType::kInteger, {{}, "N", {}}, {}, {}, {}}};
  ds.csv_bytes = "month,n\n";
  for (int i = 0; i < 72; ++i) {
    const int month = i % 12 + 1;
    ds.csv_bytes += std::to_string(2019 + i / 12) + (month < 10 ? "-0" : "-") +
                    std::to_string(month) + "-01," + std::to_string(10 + i % 50) + "\n";
  }
  ds.index_rows();
  std::string html = chart(ds, "month", {"n"}, "line");
  // Before: "January 2019" and "December 2024", wrapped to the width of "September" (5.94em):
  // the last showed only from a box of 16em, never on a phone at the largest text size (the
  // chart's box is 9.75em at 320 px). Short, they wrap to "Jan" / "2019" (2.64em).
  CHECK(html.find("<ol class=\"chart-x chart-x-long\" style=\"--x-w:2.64em\">") !=
        std::string::npos);
  // Both ends in every box (before: the last from 9em), "Jan 2019" centred on its point
  // partly under the y axis' ticks; in English the months fit, so no years.
  CHECK(html.find("<li class=\"x-0\" style=\"--p:0.69\"><span>Jan 2019</span></li>") !=
        std::string::npos);
  CHECK(html.find("<li class=\"x-0 x-e\" style=\"--p:99.31\"><span>Dec 2024</span></li>") !=
        std::string::npos);
  CHECK(html.find("x-yr") == std::string::npos);
  // Between them, one a year where they fit: January 2021 from 14em, January 2020 from
  // 40em, no month in between.
  CHECK(html.find("<li class=\"x-14\" style=\"--p:34.03\"><span>Jan 2021</span></li>") !=
        std::string::npos);
  CHECK(html.find("<li class=\"x-40\" style=\"--p:17.36\"><span>Jan 2020</span></li>") !=
        std::string::npos);
  for (const char* month : {">Jul 2019<", ">Oct 2019<", ">Jun 2020<"}) {
    CAPTURE(month);
    const size_t at = html.find(month);
    REQUIRE(at != std::string::npos);
    CHECK(html.rfind("<li style=", at) > html.rfind("<li class=", at));
  }
  CHECK(html.find("<span>September 2024</span></li>") == std::string::npos);
  // The summary (as the table beside the drawing) keeps the months written out.
  CHECK(html.find("in January 2019") != std::string::npos);
  CHECK(html.find("December 2024") != std::string::npos);
}

TEST_CASE("chart: a row's value is written just past its bar's end, not at the far side") {
  // The scale runs from 0 to 10: the bar of 3 ends at 30%, so its value starts there.
  std::string html = chart(awards(), "year", {"all"}, "hbar");
  CHECK(html.find("<span class=\"chart-num\" style=\"left:10%\">1</span>") != std::string::npos);
  CHECK(html.find("<span class=\"chart-num\" style=\"left:30%\">3</span>") != std::string::npos);
  // A stacked row's total follows the whole stack; a missing actual sits at zero.
  std::string stacked = chart(awards(), "year", {"all", "national"}, "stacked");
  CHECK(stacked.find("<span class=\"chart-num\" style=\"left:10%\">2</span>") != std::string::npos);
  std::string target = chart(awards(), "year", {"all", "national"}, "target");
  CHECK(target.find("<span class=\"chart-num\" style=\"left:0%\">not reported</span>") !=
        std::string::npos);
  // A target's value follows its dashed outline, an actual's its bar (scale 0 to 10).
  CHECK(target.find("<span class=\"chart-num\" style=\"left:100%\">10</span>") !=
        std::string::npos);
  CHECK(target.find("<span class=\"chart-num\" style=\"left:70%\">7</span>") != std::string::npos);
}

TEST_CASE("chart: long category names and hbar always use rows") {
  std::string html = chart(awards(), "place", {"all"}, "bar");
  CHECK(html.find("chart-always-rows") != std::string::npos);
  CHECK(html.find("<div class=\"chart-cols\">") == std::string::npos);
  CHECK(html.find("<div class=\"chart-cat\">臺南市政府勞工局職業安全衛生科</div>") !=
        std::string::npos);
  CHECK(chart(awards(), "year", {"all"}, "hbar").find("chart-always-rows") != std::string::npos);
}

TEST_CASE("chart: several series are told apart by pattern and marker, with a legend") {
  std::string bars = chart(awards(), "year", {"all", "national"}, "bar");
  CHECK(bars.find("<ul class=\"chart-legend\">") != std::string::npos);
  CHECK(count(bars, "fill=\"url(#c-p1)\"") == 1 + 2 + 2);  // legend, 2 columns, 2 rows
  CHECK(bars.find("<li>") != std::string::npos);
  std::string lines = chart(awards(), "year", {"all", "national"}, "line");
  CHECK(count(lines, "href=\"#c-m0\"") == 3 + 1);
  CHECK(count(lines, "href=\"#c-m1\"") == 2 + 1);  // the gap in 2022 has no marker
  CHECK(lines.find("stroke-dasharray=\"8 4\"") != std::string::npos);
  CHECK(lines.find("chart-no-rows") != std::string::npos);
  CHECK(lines.find("<div class=\"chart-rows\">") == std::string::npos);
}

TEST_CASE("chart: stacked bars add up; target charts mark targets and missing actuals") {
  std::string stacked = chart(awards(), "year", {"all", "national"}, "stacked");
  CHECK(stacked.find("<span class=\"chart-num\" style=\"left:85%\">17</span>") !=
        std::string::npos);
  Dataset ds = awards();
  std::string target = chart(ds, "year", {"all", "national"}, "target");
  CHECK(count(target, "class=\"chart-target\"") == 3 + 1);  // a mark per year and the legend
  CHECK(count(target, "class=\"chart-target-bar\"") == 3);
  CHECK(target.find(">not reported</span>") != std::string::npos);
}

TEST_CASE("chart: every bar carries its value, a zero too, where all fit side by side; else none") {
  Dataset ds;
  ds.name = "years";
  ds.columns = {Column{"year", ColumnType::kInteger, {{}, "Year", {}}, {}, {}, {}},
                Column{"a", ColumnType::kInteger, {{}, "A", {}}, {}, {}, {}},
                Column{"b", ColumnType::kInteger, {{}, "B", {}}, {}, {}, {}}};
  ds.csv_bytes = "year,a,b\n";
  for (int y = 2013; y <= 2022; ++y) {
    ds.csv_bytes += std::to_string(y) + (y == 2017 ? ",0,0\n" : y == 2021 ? ",10,7\n" : ",3,2\n");
  }
  ds.index_rows();
  // 20 bars: every one labelled, the two zeros of 2017 included, from a box wide enough.
  std::string html = chart(ds, "year", {"a", "b"}, "bar");
  CHECK(count(html, "<text class=\"chart-v\"") == 20);
  CHECK(count(html, "dy=\"-0.45em\">0</text>") == 2);  // value labels, not the 0 tick
  size_t at = html.find(" chart-labels-");
  REQUIRE(at != std::string::npos);
  int from = std::stoi(html.substr(at + 14));
  CHECK(from > 36);
  CHECK(from <= 52);  // the bureau's awards chart: labelled at 1280 px even at 150% text
  // One series of the same years: labelled at every width the columns show.
  std::string one = chart(ds, "year", {"a"}, "bar");
  CHECK(count(one, "<text class=\"chart-v\"") == 10);
  CHECK(one.find(" chart-labels-") == std::string::npos);
  // 100 categories: no label fits, so none at all (the rows and the table have the values).
  ds.csv_bytes = "year,a,b\n";
  for (int y = 1900; y < 2000; ++y) ds.csv_bytes += std::to_string(y) + ",1000,0\n";
  ds.index_rows();
  std::string many = chart(ds, "year", {"a", "b"}, "bar");
  CHECK(count(many, "<text class=\"chart-v\"") == 0);
  CHECK(count(many, "<span class=\"chart-num\" style=\"left:0%\">0</span>") == 100);
}

TEST_CASE("chart: a year without a value stays on the axis; the line breaks, no bar is drawn") {
  Dataset ds;
  ds.name = "visits";
  ds.title.plain = "Visits";
  ds.columns = {Column{"year", ColumnType::kInteger, {{}, "Year", {}}, {}, {}, {}},
                Column{"n", ColumnType::kInteger, {{}, "Visits", {}}, {}, {}, {}}};
  ds.csv_bytes = "year,n\n2019,1\n2020,2\n2022,4\n";  // no row for 2021
  ds.index_rows();
  std::string line = chart(ds, "year", {"n"}, "line");
  CHECK(line.find(">2021</span></li>") != std::string::npos);
  // Segments 2019-2020 only: 2020 (centre 37.5%) joins nothing, 2022 stands alone.
  CHECK(count(line, "<line x1=\"") - count(line, "<line x1=\"0\" x2=\"100%\"") == 1);
  CHECK(line.find("x1=\"37.5%\"") == std::string::npos);
  CHECK(count(line, "href=\"#c-m0\"") == 3);  // a marker on each value, none at 2021
  CHECK(line.find("Visits rose from 1 in 2019 to 4 in 2022, up 3. The lowest value was 1 in "
                  "2019 and the highest 4 in 2022. Visits has no value for 2021.") !=
        std::string::npos);
  std::string bar = chart(ds, "year", {"n"}, "bar");
  CHECK(count(bar, "<rect x=") == 6);  // 3 columns + 3 rows: none for 2021
  CHECK(bar.find("<div class=\"chart-cat\">2021</div>") != std::string::npos);
  // A stack of no value has no total either: 2021 is written nowhere as 0, but shows the
  // table's "–", hidden from screen readers (the summary and the table say it in words).
  std::string stacked = chart(ds, "year", {"n"}, "stacked");
  CHECK(count(stacked, "<text class=\"chart-v\"") == 3);
  CHECK(stacked.find("dy=\"-0.45em\">0</text>") == std::string::npos);
  CHECK(count(stacked, "<text class=\"chart-v chart-none\" aria-hidden=\"true\"") == 1);
  CHECK(stacked.find("<div class=\"chart-cat\">2021</div>\n<div class=\"chart-bar-line\"><div "
                     "class=\"chart-track\"><svg class=\"chart-hbar\" width=\"100%\" "
                     "height=\"100%\">\n</svg><span class=\"chart-num chart-none\" "
                     "aria-hidden=\"true\" style=\"left:0%\">–</span>") != std::string::npos);
  // The table under the chart lists the year, with its missing value.
  DataView view;
  TableSpec table;
  ChartHtml both =
      render_chart_and_table(ds, ChartSpec{"year", {"n"}, "line", {}}, nullptr, "c", table, view);
  CHECK(both.table.find("<tr><th scope=\"row\">2021</th><td class=\"num\"><span "
                        "aria-hidden=\"true\">–</span><span class=\"visually-hidden\">no "
                        "value</span></td></tr>") != std::string::npos);
  CHECK(both.table.find(">2020</th><td class=\"num\">2</td>") != std::string::npos);
}

TEST_CASE("chart: a bar of no value shows the table's \"–\" where its value would be") {
  Dataset ds;
  ds.name = "visits";
  ds.title.plain = "Visits";
  ds.columns = {Column{"year", ColumnType::kInteger, {{}, "Year", {}}, {}, {}, {}},
                Column{"n", ColumnType::kInteger, {{}, "Visits", {}}, {}, {}, {}}};
  ds.csv_bytes = "year,n\n2019,4\n2020,\n2021,2\n";  // 2020 reported none
  ds.index_rows();
  std::string bar = chart(ds, "year", {"n"}, "bar");
  // The row: the year, no bar, and "–" at the zero line (not an empty line).
  CHECK(bar.find("<div class=\"chart-cat\">2020</div>\n<div class=\"chart-bar-line\"><div "
                 "class=\"chart-track\"><svg class=\"chart-hbar\" width=\"100%\" "
                 "height=\"100%\">\n</svg><span class=\"chart-num chart-none\" "
                 "aria-hidden=\"true\" style=\"left:0%\">–</span>") != std::string::npos);
  CHECK(count(bar, "<span class=\"chart-num\"") == 2);
  // The column: "–" just above the zero line, at 2020's centre, hidden from screen readers.
  CHECK(count(bar, ">–</text>") == 1);
  CHECK(bar.find("<text class=\"chart-v chart-none\" aria-hidden=\"true\" x=\"50%\" "
                 "y=\"100%\" dy=\"-0.45em\">–</text>") != std::string::npos);
  // The table beside it shows the same mark.
  DataView view;
  TableSpec table;
  ChartHtml both =
      render_chart_and_table(ds, ChartSpec{"year", {"n"}, "bar", {}}, nullptr, "c", table, view);
  CHECK(both.table.find(">2020</th><td class=\"num\"><span aria-hidden=\"true\">–</span>") !=
        std::string::npos);
}

TEST_CASE("chart: a stack's total is written past its end on the total's side") {
  Dataset ds;
  ds.name = "balance";
  ds.title.plain = "Balance";
  ds.columns = {Column{"year", ColumnType::kInteger, {{}, "Year", {}}, {}, {}, {}},
                Column{"in", ColumnType::kNumber, {{}, "In", {}}, {}, {}, {}},
                Column{"out", ColumnType::kNumber, {{}, "Out", {}}, {}, {}, {}}};
  // 2020: 97 and -23.9, a total of 73.1; 2021: 23.9 and -97, a total of -73.1.
  ds.csv_bytes = "year,in,out\n2020,97,-23.9\n2021,23.9,-97\n";
  ds.index_rows();
  std::string html = chart(ds, "year", {"in", "out"}, "stacked");
  // Rows: 73.1 just past 97 (the end of the positive side, the total's); -73.1 just before
  // -97, right-aligned there, not after 23.9 where it would claim the positive side.
  auto row = [&](const std::string& year) {
    size_t at = html.find("<div class=\"chart-cat\">" + year + "</div>");
    REQUIRE(at != std::string::npos);
    return html.substr(at, html.find("</div></div>", at) - at);
  };
  CHECK(row("2020").find("<span class=\"chart-num\" style=\"left:") != std::string::npos);
  CHECK(row("2020").find(">73.1</span>") != std::string::npos);
  std::string neg = row("2021");
  CHECK(neg.find("<span class=\"chart-num chart-num-before\" style=\"right:") != std::string::npos);
  CHECK(neg.find("<span class=\"chart-num\" style=\"left:") == std::string::npos);
  // Columns: the total over the top of the positive stack, or under the bottom of the
  // negative one; never at the total's own height, inside the bars.
  size_t pos = html.find(">73.1</text>"), negt = html.find(">-73.1</text>");
  REQUIRE(pos != std::string::npos);
  REQUIRE(negt != std::string::npos);
  std::string top = html.substr(html.rfind("<text", pos), pos - html.rfind("<text", pos));
  std::string bottom = html.substr(html.rfind("<text", negt), negt - html.rfind("<text", negt));
  CHECK(top.find("dy=\"-0.45em\"") != std::string::npos);
  CHECK(bottom.find("dy=\"1.2em\"") != std::string::npos);
  // On a scale from -100 to 100, 97 is at 1.5% from the top and -97 at 98.5% (73.1 would
  // be at 13.5%, inside the bar).
  auto y_of = [](const std::string& t) {
    size_t at = t.find(" y=\"") + 4;
    return std::stod(t.substr(at, t.find('%', at) - at));
  };
  CHECK(y_of(top) == doctest::Approx(1.5));
  CHECK(y_of(bottom) == doctest::Approx(98.5));
}

TEST_CASE("chart: on a long line a point between two gaps keeps its marker") {
  Dataset ds;
  ds.name = "long";
  ds.columns = {Column{"year", ColumnType::kInteger, {{}, "Year", {}}, {}, {}, {}},
                Column{"n", ColumnType::kInteger, {{}, "N", {}}, {}, {}, {}}};
  ds.csv_bytes = "year,n\n";
  for (int y = 1901; y <= 2000; ++y) {
    if (y != 1949 && y != 1951) ds.csv_bytes += std::to_string(y) + ",1\n";
  }
  ds.index_rows();
  std::string line = chart(ds, "year", {"n"}, "line");
  CHECK(count(line, "href=\"#c-m0\"") == 1);  // 1950 alone; no markers on 100 points else
}

TEST_CASE("chart: a long series is drawn reduced, and says so") {
  Dataset ds = awards();
  ds.csv_bytes = "year,all,national,place\n";
  for (int i = 0; i < 5000; ++i) {
    ds.csv_bytes += std::to_string(i) + "," + std::to_string(i == 2500 ? 99999 : i % 7) + ",,\n";
  }
  ds.index_rows();
  std::string html = chart(ds, "year", {"all"}, "bar");
  CHECK(html.find("chart-kind-line") != std::string::npos);  // too many for bars
  CHECK(count(html, "<line x1=\"") < 1000);
  CHECK(html.find("99,999") != std::string::npos);  // the peak survives
  CHECK(html.find("The drawing shows ") != std::string::npos);
  CHECK(html.find(" of 5,000 points") != std::string::npos);
}

}  // namespace firefly

#include "core/sha256.h"
#include "render/chart_svg.h"
#include "render/data_manifest.h"
#include "render/dataset_page.h"

namespace firefly {

TEST_CASE("chart: links its plotted columns as CSV and itself as SVG, files of their own") {
  Dataset ds = awards();
  ds.source.agency.plain = "Labour Bureau";
  ds.source.title.plain = "Yearly report";
  ds.license = "CC-BY-4.0";
  std::vector<DataFile> files;
  DataView view;
  view.chart_files = &files;
  ChartSpec spec{"year", {"all"}, "bar", {}};
  std::string html = render_chart(ds, spec, nullptr, "chart-awards", view);
  // The years between without a row are listed, with no value.
  std::string csv = "year,all\n2013,1\n";
  for (int y = 2014; y <= 2020; ++y) csv += std::to_string(y) + ",\n";
  csv += "2021,10\n2022,3\n";
  CHECK(chart_csv(chart_data(ds, spec, nullptr, view), "year") == csv);
  size_t links = html.find("<p class=\"chart-downloads\" data-search-ignore>");
  REQUIRE(links != std::string::npos);
  CHECK(links > html.rfind("</div>", links));      // after the role="img" drawing
  CHECK(html.find("data:") == std::string::npos);  // nothing inlined in the page
  CHECK(html.find(
            "<a href=\"/data/awards/charts/bar-year-all.csv\" download=\"awards-bar-year-all.csv\" "
            "type=\"text/csv\" aria-describedby=\"chart-awards-title\">data (CSV, 73 "
            "bytes)</a>") != std::string::npos);
  CHECK(html.find("<a href=\"/data/awards/charts/bar-year-all.en.svg\" "
                  "download=\"awards-bar-year-all.en.svg\" type=\"image/svg+xml\"") !=
        std::string::npos);
  // Every linked file is handed over, with the bytes and size the link names.
  REQUIRE(files.size() == 2);
  CHECK(files[0].path == "data/awards/charts/bar-year-all.csv");
  CHECK(files[0].bytes.str() == csv);
  CHECK(files[0].sha256 == sha256_hex(csv));
  CHECK(files[1].path == "data/awards/charts/bar-year-all.en.svg");
  const std::string& svg = files[1].bytes;
  CHECK(html.find("image (SVG, " + size_display(svg.size(), view) + ")") != std::string::npos);
  CHECK(svg.find("<title id=\"chart-title\">Awards</title>") != std::string::npos);
  CHECK(svg.find("Source: Labour Bureau, Yearly report") != std::string::npos);
  CHECK(svg.find("Licence: CC-BY-4.0") != std::string::npos);
  CHECK(svg.find("<dc:rights>CC-BY-4.0</dc:rights>") != std::string::npos);
  // Without a sink the page still links the same files (the caller publishes them).
  CHECK(render_chart(ds, spec, nullptr, "chart-awards", DataView{}) == html);
}

TEST_CASE("chart: file names say the kind and columns, the same in every language") {
  ChartSpec spec{"year", {"awards", "national_awards"}, "line", {}};
  CHECK(chart_file_stem("awards-by-year", spec) ==
        "data/awards-by-year/charts/line-year-awards-national_awards");
  CHECK(chart_file_stem("a", spec, "1f2e3d4c") ==
        "data/a/charts/line-year-awards-national_awards-1f2e3d4c");
  CHECK(chart_file_stem("a", ChartSpec{"年", {"人數"}, "bar", {}}) ==
        "data/a/charts/bar-___-______");
  ChartSpec wide{"year", {}, "stacked", {}};
  for (int i = 0; i < 20; ++i) wide.y.push_back("column_" + std::to_string(i));
  std::string stem = chart_file_stem("a", wide);
  CHECK(stem.size() < 100);
  CHECK(stem.rfind("data/a/charts/stacked-year-column_0-", 0) == 0);
  Dataset ds = awards();
  std::vector<DataFile> en_files, zh_files;
  DataView en, zh;
  en.chart_files = &en_files;
  zh.lang = "zh-TW";
  zh.html_lang = "zh-Hant-TW";
  zh.chart_files = &zh_files;
  render_chart(ds, ChartSpec{"year", {"all"}, "bar", {}}, nullptr, "c", en);
  render_chart(ds, ChartSpec{"year", {"all"}, "bar", {}}, nullptr, "c", zh);
  REQUIRE(en_files.size() == 2);
  REQUIRE(zh_files.size() == 2);
  CHECK(en_files[0].path == zh_files[0].path);  // one CSV
  CHECK(en_files[0].bytes == zh_files[0].bytes);
  CHECK(zh_files[1].path == "data/awards/charts/bar-year-all.zh-TW.svg");
}

TEST_CASE("chart: the CSV and SVG of a chart over years list a year without a value") {
  Dataset ds = awards();
  ds.csv_bytes = "year,all,national,place\n2019,1,1,A\n2021,3,,B\n";
  ds.index_rows();
  std::vector<DataFile> files;
  DataView view;
  view.chart_files = &files;
  render_chart(ds, ChartSpec{"year", {"all", "national"}, "line", {}}, nullptr, "c", view);
  REQUIRE(files.size() == 2);
  CHECK(files[0].bytes.str() == "year,all,national\n2019,1,1\n2020,,\n2021,3,\n");
  const std::string& svg = files[1].bytes;
  CHECK(svg.find(">2020</text>") != std::string::npos);
  CHECK(svg.find("All awards has no value for 2020.") != std::string::npos);
  CHECK(count(svg, "stroke=\"#0072B2\" stroke-width=\"3\"") == 1);  // the legend's: no segment
}

}  // namespace firefly

namespace firefly {

TEST_CASE("chart: below zero, the plot keeps room under it for the lowest value's label") {
  // -10 is the scale's lowest tick: its label, written under its mark, would cover the
  // x axis' labels without the room .chart-below gives the plot row.
  Dataset ds = awards();
  ds.csv_bytes = "year,all,national,place\n2015,-2,1,A\n2016,0,,B\n2020,-10,-1,C\n";
  ds.index_rows();
  for (const char* kind : {"line", "bar"}) {
    CAPTURE(kind);
    CHECK(chart(ds, "year", {"all", "national"}, kind).find(" chart-below\"") != std::string::npos);
    CHECK(chart(awards(), "year", {"all"}, kind).find("chart-below") == std::string::npos);
  }
}

}  // namespace firefly
