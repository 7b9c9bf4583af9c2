// A figure the data marks provisional is marked wherever a chart shows it: its labels, the
// note that explains the mark, the summary (the text alternative), the SVG file, the data
// table and the chart's CSV.
#include <doctest/doctest.h>

#include "render/chart.h"
#include "render/chart_summary.h"
#include "render/chart_svg.h"
#include "render/chart_table.h"
#include "render/theme_view_for_tests.h"

namespace firefly {

namespace {

/// Classes per year; 2023 is provisional (two rows summed into it, one of them marked so).
Dataset classes(const std::string& status_2023 = "provisional") {
  Dataset ds;
  ds.name = "classes";
  ds.title.plain = "Classes";
  Column status{"status", ColumnType::kString, {{}, "Status", {}}, {}, {}, {}};
  Localized provisional, final_words;
  provisional.plain = "provisional";
  final_words.plain = "final";
  status.values = {{"provisional", provisional}, {"final", final_words}};
  ds.columns = {Column{"year", ColumnType::kInteger, {{}, "Year", {}}, {}, {}, {}},
                Column{"classes", ColumnType::kInteger, {{}, "Classes", {}}, {}, {}, {}}, status};
  ds.csv_bytes = "year,classes,status\n2021,33,final\n2022,36,final\n2023,20,final\n2023,4," +
                 status_2023 + "\n";
  ds.index_rows();
  return ds;
}

const ChartSpec kSpec{"year", {"classes"}, "bar", {}};

bool has(const std::string& s, const std::string& needle) {
  return s.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("provisional: the categories a provisional row sums into are marked") {
  DataView view;
  ChartData d = chart_data(classes(), kSpec, nullptr, view);
  REQUIRE(d.size() == 3);
  CHECK_FALSE(d.is_provisional(0));
  CHECK_FALSE(d.is_provisional(1));
  CHECK(d.is_provisional(2));
  CHECK(d.series[0].values[2] == 24);
  // A dataset without the code marks nothing.
  ChartData none = chart_data(classes("final"), kSpec, nullptr, view);
  CHECK(none.provisional.empty());
  CHECK(provisional_column(classes()) == 2);
}

TEST_CASE("provisional: the summary, the text alternative, says which figures are") {
  DataView view;
  ChartData d = chart_data(classes(), kSpec, nullptr, view);
  CHECK(chart_summary(d, view) ==
        "Classes fell from 33 in 2021 to 24 in 2023, down 9. The lowest value was 24 in 2023 and "
        "the highest 36 in 2022. The figures for 2023 are provisional.");
  DataView zh = theme_view("zh-TW", "zh-Hant-TW");
  CHECK(has(chart_summary(chart_data(classes(), kSpec, nullptr, zh), zh), "2023的數字為暫定數。"));
}

TEST_CASE("provisional: the drawing marks the label and value, and its note explains the mark") {
  DataView view;
  std::string html = render_chart(classes(), kSpec, nullptr, "c", view);
  CHECK(has(html, "<span>2023*</span></li>"));
  CHECK(has(html, ">24*</text>"));
  CHECK(has(html, "<div class=\"chart-cat\">2023*</div>"));
  CHECK(has(html, ">24*</span>"));
  CHECK(has(html,
            "<p class=\"chart-note chart-provisional-note\">* Provisional figure: it may "
            "still change.</p>"));
  CHECK(has(html, "The figures for 2023 are provisional.</p>"));  // the summary under the title
  CHECK_FALSE(has(html, "2021*"));
  std::string plain = render_chart(classes("final"), kSpec, nullptr, "c", view);
  CHECK_FALSE(has(plain, "*"));
  CHECK_FALSE(has(plain, "chart-provisional-note"));
}

TEST_CASE("provisional: the SVG file, its description, the table and the CSV say it too") {
  DataView view;
  ChartData d = chart_data(classes(), kSpec, nullptr, view);
  std::vector<size_t> pts = drawn_points(d);
  ChartCredit credit{"Classes", chart_summary(d, view), "", "", "", "", "", "", "en", "", ""};
  std::string svg = chart_svg(d, pts, "bar", false, credit, view);
  CHECK(has(svg, ">2023*</text>"));
  CHECK(has(svg, ">24*</text>"));
  CHECK(has(svg, ">* Provisional figure: it may still change.</text>"));
  CHECK(has(svg, "The figures for 2023 are provisional.</desc>"));
  std::string rows = chart_svg(d, pts, "bar", true, credit, view);
  CHECK(has(rows, ">2023*</text>"));
  CHECK(has(rows, ">24*</text>"));

  CHECK(chart_csv(d, "year") ==
        "year,classes,provisional\n2021,33,false\n2022,36,false\n2023,24,true\n");
  ChartData plain = chart_data(classes("final"), kSpec, nullptr, view);
  CHECK(chart_csv(plain, "year") == "year,classes\n2021,33\n2022,36\n2023,24\n");

  std::string table = render_chart_table(classes(), kSpec, d, TableSpec{}, view);
  CHECK(has(table, "<th scope=\"row\">2023 (provisional)</th>"));
  CHECK(has(table, "<th scope=\"row\">2022</th>"));
}

TEST_CASE("provisional: a provisional row with no figure marks nothing") {
  Dataset ds = classes();
  ds.csv_bytes = "year,classes,status\n2021,33,final\n2022,,provisional\n";
  ds.index_rows();
  DataView view;
  ChartData d = chart_data(ds, kSpec, nullptr, view);
  CHECK(d.provisional.empty());
}

}  // namespace firefly
