#include "render/chart_svg.h"

#include <doctest/doctest.h>

#include "render/chart_data.h"
#include "render/chart_style.h"
#include "render/chart_summary.h"
#include "render/chart_table.h"
#include "render/theme_view_for_tests.h"

namespace firefly {

namespace {

ChartData awards() {
  ChartData d;
  d.x = {Value(std::int64_t{2013}), Value(std::int64_t{2021}), Value(std::int64_t{2022})};
  d.x_labels = {"2013", "2021", "2022"};
  d.series.push_back(ChartSeries{"all", "All awards", "", {1, 10, 3}});
  d.series.push_back(ChartSeries{"national", "National, \"top\"", "", {1, 7.5, kNoValue}});
  d.total_points = 3;
  return d;
}

ChartCredit credit() {
  return ChartCredit{"Awards & prizes",
                     "All awards rose from 1 in 2013 to 3 in 2022.",
                     "",
                     "Labor Affairs Bureau, Yearly report",
                     "Tainan City Government",
                     "https://labor.example.gov.tw/en/data/awards/",
                     "Open Government Data License, version 1.0",
                     "https://data.gov.tw/license",
                     "en",
                     "",
                     ""};
}

}  // namespace

TEST_CASE("chart csv: the plotted columns, numbers round-trip, gaps empty, names quoted") {
  CHECK(chart_csv(awards(), "year") == "year,all,national\n2013,1,1\n2021,10,7.5\n2022,3,\n");
  ChartData d = awards();
  d.series[0].column = "a,b";
  CHECK(chart_csv(d, "year").rfind("year,\"a,b\",national\n", 0) == 0);
}

TEST_CASE("chart csv: sums are written as the page shows them, without binary noise") {
  Dataset ds;
  ds.columns = {Column{"cat", ColumnType::kString, {{}, "Category", {}}, {}, {}, {}},
                Column{"amount", ColumnType::kNumber, {{}, "Amount", {}}, {}, {}, {}},
                Column{"share", ColumnType::kNumber, {{}, "Share", {}}, {}, {}, {}}};
  ds.csv_bytes = "cat,amount,share\nA,1.1,0.1\nA,2.2,0.7\nB,0.1,0.2\nB,0.2,0.1\n";
  ds.index_rows();
  DataView view;
  ChartData d = chart_data(ds, ChartSpec{"cat", {"amount", "share"}, "bar", {}}, nullptr, view);
  CHECK(chart_csv(d, "cat") == "cat,amount,share\nA,3.3,0.8\nB,0.3,0.3\n");
  CHECK(chart_value_text(d.series[0].values[0], view) == "3.3");
}

TEST_CASE("chart: a figure keeps every decimal of its cell in labels, table and summary") {
  // Trainees in thousands: 1,043 and 3,256 people written as 1.043 and 3.256 (thousand).
  Dataset ds;
  ds.columns = {Column{"course", ColumnType::kString, {{}, "Course", {}}, {}, {}, {}},
                Column{"trainees", ColumnType::kNumber, {{}, "Trainees", {}}, {}, {}, {}}};
  ds.csv_bytes = "course,trainees\nCaregivers,1.043\nLeaders,3.256\n";
  ds.index_rows();
  DataView view = theme_view("en", "en");
  const ChartSpec spec{"course", {"trainees"}, "bar", {}};
  ChartData d = chart_data(ds, spec, nullptr, view);
  CHECK(d.value_decimals() == 3);
  CHECK(chart_summary(d, view) ==
        "Trainees: highest for Leaders (3.256) and lowest for Caregivers (1.043), of 2 "
        "categories.");
  std::string table = render_chart_table(ds, spec, d, TableSpec{}, view);
  CHECK(table.find("<td class=\"num\">1.043</td>") != std::string::npos);
  CHECK(table.find("<td class=\"num\">3.256</td>") != std::string::npos);
  for (bool rows : {false, true}) {
    std::string svg = chart_svg(d, {0, 1}, "bar", rows, credit(), view);
    CHECK(svg.find(">3.256</text>") != std::string::npos);
  }
  // A change is written with the figures' decimals: 3.256 - 1.043, not 2.21.
  d.categories = false;
  CHECK(chart_summary(d, view).find("up 2.213.") != std::string::npos);
}

TEST_CASE("chart svg: standalone, with its title, source and licence as text and metadata") {
  DataView en = theme_view("en", "en");
  std::vector<size_t> pts = {0, 1, 2};
  for (const char* kind : {"bar", "stacked", "line", "target"}) {
    for (bool rows : {false, true}) {
      CAPTURE(kind);
      CAPTURE(rows);
      std::string svg = chart_svg(awards(), pts, kind, rows, credit(), en);
      CHECK(svg.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=", 0) == 0);
      CHECK(svg.find("<title id=\"chart-title\">Awards &amp; prizes</title>") != std::string::npos);
      CHECK(svg.find("<desc id=\"chart-desc\">All awards rose") != std::string::npos);
      CHECK(svg.find("<dc:rights>Open Government Data License, version 1.0</dc:rights>") !=
            std::string::npos);
      CHECK(svg.find("<cc:license rdf:resource=\"https://data.gov.tw/license\"/>") !=
            std::string::npos);
      CHECK(svg.find("<dc:creator>Labor Affairs Bureau, Yearly report</dc:creator>") !=
            std::string::npos);
      // Visible text, not only metadata.
      CHECK(svg.find(">Awards &amp; prizes</text>") != std::string::npos);
      CHECK(svg.find(">Source: Labor Affairs Bureau, Yearly report</text>") != std::string::npos);
      CHECK(svg.find(">Data: https://labor.example.gov.tw/en/data/awards/</text>") !=
            std::string::npos);
      CHECK(svg.find(">Licence: Open Government Data License, version 1.0") != std::string::npos);
      CHECK(svg.find("https://data.gov.tw/license)</text>") != std::string::npos);
      CHECK(svg.find(">2021</text>") != std::string::npos);
      CHECK(svg.find("NaN") == std::string::npos);
      CHECK(svg.find("=\"nan") == std::string::npos);
      CHECK(svg.find("=\"-nan") == std::string::npos);
      CHECK(svg.find("<script") == std::string::npos);
    }
  }
}

TEST_CASE("chart svg: without a source of its own, the publisher is named as its creator") {
  ChartCredit c = credit();
  c.source.clear();
  std::string svg = chart_svg(awards(), {0, 1, 2}, "bar", false, c, theme_view("en", "en"));
  CHECK(svg.find(">Source: Tainan City Government</text>") != std::string::npos);
  CHECK(svg.find("<dc:creator>Tainan City Government</dc:creator>") != std::string::npos);
}

TEST_CASE("chart svg: the words are in the reader's language; a long title wraps") {
  DataView zh = theme_view("zh-TW", "zh-Hant-TW");
  ChartCredit c = credit();
  c.title = std::string(40, 'x') + " " + std::string(40, 'y');
  c.lang = "zh-Hant-TW";
  std::vector<size_t> pts = {0, 1, 2};
  std::string svg = chart_svg(awards(), pts, "bar", false, c, zh);
  CHECK(svg.find(">來源：Labor Affairs Bureau, Yearly report</text>") != std::string::npos);
  CHECK(svg.find(">授權：Open Government Data License") != std::string::npos);
  CHECK(svg.find(">" + std::string(40, 'x') + "</text>") != std::string::npos);
  CHECK(svg.find(">" + std::string(40, 'y') + "</text>") != std::string::npos);
  CHECK(svg.find("xml:lang=\"zh-Hant-TW\"") != std::string::npos);
}

TEST_CASE("chart svg: a bar of no value shows the table's \"–\", hidden from screen readers") {
  DataView en = theme_view("en", "en");
  // National has no value for 2022: one "–" in its place, in rows and in columns.
  for (bool rows : {false, true}) {
    CAPTURE(rows);
    std::string svg = chart_svg(awards(), {0, 1, 2}, "bar", rows, credit(), en);
    size_t at = svg.find(">–</text>");
    REQUIRE(at != std::string::npos);
    CHECK(svg.find(">–</text>", at + 1) == std::string::npos);
    CHECK(svg.rfind("<text ", at) == svg.rfind("<text ", at));
    std::string text = svg.substr(svg.rfind("<text ", at), at - svg.rfind("<text ", at));
    CHECK(text.find("aria-hidden=\"true\"") != std::string::npos);
  }
}

TEST_CASE("chart svg: a row's value is written just past its bar's end") {
  DataView en = theme_view("en", "en");
  ChartData d = awards();
  std::string svg = chart_svg(d, {0, 1, 2}, "hbar", true, credit(), en);
  // Each bar (18 px thick) is followed by its value 6 px past its right end.
  size_t bars = 0;
  for (size_t at = svg.find("<rect x=\""); at != std::string::npos;
       at = svg.find("<rect x=\"", at + 1)) {
    size_t line_end = svg.find('\n', at);
    std::string rect = svg.substr(at, line_end - at);
    if (rect.find("height=\"18\"") == std::string::npos) continue;  // a legend key
    auto number = [&](const std::string& s, const std::string& attr) {
      size_t a = s.find(attr + "=\"") + attr.size() + 2;
      return std::stod(s.substr(a, s.find('"', a) - a));
    };
    double end = number(rect, "x") + number(rect, "width");
    std::string next = svg.substr(line_end + 1, svg.find('\n', line_end + 1) - line_end - 1);
    CAPTURE(rect);
    CAPTURE(next);
    REQUIRE(next.rfind("<text x=\"", 0) == 0);
    CHECK(number(next, "x") == doctest::Approx(end + 6));
    ++bars;
  }
  CHECK(bars == 5);  // 3 + 2: the gap of 2022 has no bar, and no empty label either
  CHECK(svg.find("\"></text>") == std::string::npos);
}

TEST_CASE("chart svg: every bar labelled, zeros too, when all labels fit; else none") {
  DataView en = theme_view("en", "en");
  ChartData d;
  std::vector<size_t> pts;
  for (int y = 2013; y <= 2022; ++y) {  // the drawing reads only the labels
    d.x_labels.push_back(std::to_string(y));
    pts.push_back(pts.size());
  }
  d.series.push_back(ChartSeries{"a", "A", "", {1, 2, 3, 5, 0, 3, 6, 7, 10, 3}});
  d.series.push_back(ChartSeries{"b", "B", "", {1, 2, 3, 4, 0, 3, 6, 6, 7, 3}});
  d.total_points = 10;
  auto labels = [](const std::string& svg) {
    size_t n = 0;
    for (size_t at = svg.find("text-anchor=\"middle\" paint-order"); at != std::string::npos;
         at = svg.find("text-anchor=\"middle\" paint-order", at + 1)) {
      ++n;
    }
    return n;
  };
  std::string svg = chart_svg(d, pts, "bar", false, credit(), en);
  CHECK(labels(svg) == 20);
  CHECK(svg.find("stroke-width=\"3\">0</text>") != std::string::npos);
  d.series[0].values.assign(10, 1234567.25);  // too wide for 800 px: no bar labelled
  CHECK(labels(chart_svg(d, pts, "bar", false, credit(), en)) == 0);
}

TEST_CASE("chart svg: a stack of no value has no total, in columns or rows") {
  DataView en = theme_view("en", "en");
  ChartData d = awards();
  d.series[0].values[2] = kNoValue;  // 2022: neither series reports a value
  std::string columns = chart_svg(d, {0, 1, 2}, "stacked", false, credit(), en);
  CHECK(columns.find("stroke-width=\"3\">2</text>") != std::string::npos);  // 2013: 1 + 1
  CHECK(columns.find("stroke-width=\"3\">0</text>") == std::string::npos);
  std::string rows = chart_svg(d, {0, 1, 2}, "stacked", true, credit(), en);
  CHECK(rows.find(">0</text>") == std::string::npos);
  CHECK(rows.find(">17.5</text>") != std::string::npos);
}

}  // namespace firefly

namespace firefly {

TEST_CASE("chart svg: a title and a publisher in another language carry its xml:lang") {
  // A site in Vietnamese: its dataset's title and its publisher, written once, on the
  // English chart.
  ChartCredit c = credit();
  c.title = "Cắt tóc miễn phí";
  c.publisher = "Cục Lao động";
  c.title_lang = "vi";
  c.publisher_lang = "vi";
  std::string svg = chart_svg(awards(), {0, 1, 2}, "bar", false, c, theme_view("en", "en"));
  CHECK(svg.find("<title id=\"chart-title\" xml:lang=\"vi\">Cắt tóc miễn phí</title>") !=
        std::string::npos);
  CHECK(svg.find("<dc:title xml:lang=\"vi\">Cắt tóc miễn phí</dc:title>") != std::string::npos);
  CHECK(svg.find("<dc:publisher xml:lang=\"vi\">Cục Lao động</dc:publisher>") != std::string::npos);
  CHECK(svg.find("font-weight=\"700\" xml:lang=\"vi\">Cắt tóc miễn phí</text>") !=
        std::string::npos);
  // In the reader's language: no mark.
  std::string own = chart_svg(awards(), {0, 1, 2}, "bar", false, credit(), theme_view("en", "en"));
  CHECK(own.find("<title id=\"chart-title\">Awards &amp; prizes</title>") != std::string::npos);
  CHECK(own.find("<dc:publisher>Tainan City Government</dc:publisher>") != std::string::npos);
}

TEST_CASE("chart svg: the x labels show the first and the last period, each inside the image") {
  // 72 months: the last shown was centred on the 64th, its label reaching past the right
  // edge for long dates, and the last month had none.
  const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                          "July",    "August",   "September", "October", "November", "December"};
  ChartData d;
  std::vector<size_t> pts;
  std::vector<double> values;
  for (int m = 0; m < 72; ++m) {
    d.x_labels.push_back(std::string(months[m % 12]) + " " + std::to_string(2019 + m / 12));
    pts.push_back(pts.size());
    values.push_back(m % 7);
  }
  d.series.push_back(ChartSeries{"a", "A", "", values});
  d.total_points = 72;
  const std::string svg = chart_svg(d, pts, "line", false, credit(), theme_view("en", "en"));
  // The first starts at the plot's start, the last ends at its end (800 less the margin).
  CHECK(svg.find("text-anchor=\"start\">January 2019</text>") != std::string::npos);
  CHECK(svg.find("<text x=\"776\" y=") != std::string::npos);
  CHECK(svg.find("text-anchor=\"end\">December 2024</text>") != std::string::npos);
  // Between them, centred on their points.
  CHECK(svg.find("text-anchor=\"middle\">") != std::string::npos);
}

}  // namespace firefly
