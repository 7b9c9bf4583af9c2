#include "render/chart.h"

#include <doctest/doctest.h>

namespace firefly {

namespace {

Dataset rates() {
  Dataset ds;
  ds.name = "rates";
  ds.title.plain = "Rates";
  ds.columns = {
      Column{"year", ColumnType::kInteger, {{}, "Year", {}}, {}, "", {}},
      Column{
          "rate", ColumnType::kNumber, {{{"en", "Rate"}, {"zh-TW", "比率"}}, "", {}}, {}, "%", {}}};
  ds.rows = {{Value(2022), Value(1500.5)},
             {Value(2020), Value(1000.0)},
             {Value(2021), Value()},
             {Value(2021), Value(2500.25)}};
  return ds;
}

size_t count(const std::string& s, const std::string& needle) {
  size_t n = 0;
  for (size_t at = s.find(needle); at != std::string::npos; at = s.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("chart: points are sorted by x, missing values skipped") {
  Dataset ds = rates();
  DataView view;
  ChartSpec spec{"year", "rate", "bar", {}};
  ChartPoints p = chart_points(ds, spec, nullptr, view);
  REQUIRE(p.y.size() == 3);
  CHECK(p.x_labels == std::vector<std::string>{"2020", "2021", "2022"});
  CHECK(p.y[1] == doctest::Approx(2500.25));
}

TEST_CASE("chart: bar SVG has role, title, desc, axis titles, value labels") {
  Dataset ds = rates();
  DataView view;
  ChartSpec spec{"year", "rate", "bar", {}};
  std::string svg = render_chart_svg(ds, spec, nullptr, "c1", view);
  CHECK(svg.find("role=\"img\"") != std::string::npos);
  CHECK(svg.find("aria-labelledby=\"c1-title c1-desc\"") != std::string::npos);
  CHECK(svg.find("<title id=\"c1-title\">Rates</title>") != std::string::npos);
  CHECK(svg.find("<desc id=\"c1-desc\">Rate rose from 1,000 in 2020 to 1,500.5 in 2022; the "
                 "highest value was 2,500.25 in 2021.</desc>") != std::string::npos);
  CHECK(svg.find(">Year</text>") != std::string::npos);
  CHECK(svg.find(">Rate (%)</text>") != std::string::npos);
  CHECK(count(svg, "<rect ") == 3);
  CHECK(count(svg, "fill=\"#0072B2\"") == 3);
  CHECK(svg.find(">2,500.25</text>") != std::string::npos);
  CHECK(svg.find("<script") == std::string::npos);
}

TEST_CASE("chart: line SVG has markers and localized text") {
  Dataset ds = rates();
  DataView view;
  view.lang = "zh-TW";
  view.html_lang = "zh-Hant-TW";
  view.default_lang = "zh-TW";
  view.t = Value(
      Map{{"chart_summary_rise", Value("{y}由{x_first}年的{first}升至{x_last}年的{last}。")}});
  ChartSpec spec{"year", "rate", "line", {}};
  std::vector<size_t> rows{0, 1};
  std::string svg = render_chart_svg(ds, spec, &rows, "c2", view);
  CHECK(count(svg, "<circle ") == 2);
  CHECK(svg.find("<polyline ") != std::string::npos);
  CHECK(svg.find("比率由2020年的1,000升至2022年的1,500.5。") != std::string::npos);
}

TEST_CASE("chart: summaries for falling, single and empty series") {
  Dataset ds = rates();
  DataView view;
  ChartSpec spec{"year", "rate", "bar", {}};
  ds.rows = {{Value(2020), Value(9.0)}, {Value(2021), Value(3.0)}};
  CHECK(chart_summary(ds, spec, chart_points(ds, spec, nullptr, view), view).find("fell from 9") ==
        5);
  ds.rows = {{Value(2020), Value(9.0)}};
  CHECK(chart_summary(ds, spec, chart_points(ds, spec, nullptr, view), view) ==
        "Rate was 9 in 2020.");
  ds.rows = {};
  CHECK(chart_summary(ds, spec, chart_points(ds, spec, nullptr, view), view) ==
        "There are no values to chart.");
  std::vector<size_t> none;
  CHECK(chart_points(rates(), spec, &none, view).y.empty());
  std::string svg = render_chart_svg(ds, spec, nullptr, "c3", view);
  CHECK(svg.find("role=\"img\"") != std::string::npos);
}

}  // namespace firefly
