// A line chart's value labels as the page and its SVG file draw them: which show in which
// box, where they stand against their point and on which side of it.
#include "render/chart_line_labels.h"

#include <doctest/doctest.h>

#include <limits>

#include "render/chart.h"
#include "render/chart_for_tests.h"
#include "render/chart_style.h"

namespace firefly {

TEST_CASE("chart: two line labels on one line keep half an em apart, or one waits for room") {
  // 2021's highest values (40 and 7) beside 2022's last ones (38 and 3): "7" and "3" stand
  // on one line, one year apart; at a phone's width they would read as "73".
  Dataset ds = chart_test_awards();
  ds.csv_bytes = "year,all,national,place\n";
  const int all[] = {20, 22, 25, 28, 30, 33, 35, 36, 40, 38};
  const int national[] = {1, 2, 2, 3, 4, 5, 5, 6, 7, 3};
  for (int i = 0; i < 10; ++i) {
    ds.csv_bytes += std::to_string(2013 + i) + "," + std::to_string(all[i]) + "," +
                    std::to_string(national[i]) + ",A\n";
  }
  ds.index_rows();
  std::vector<DataFile> files;
  DataView view;
  view.chart_files = &files;
  std::string html =
      render_chart(ds, ChartSpec{"year", {"all", "national"}, "line", {}}, nullptr, "c", view);
  // "38", wider than a band of the narrowest plot (10 * 1.2em over 6em), ends at its
  // point; the line falls to it from 40, so it is written under its mark, where the line
  // rising to 40 from 36 runs through it in a box under 10em. "3" is centred over its
  // point: the line falling to it from 7 runs through the box's lower corner in a box
  // under 48em, where the label is not drawn (below its mark it would cover the years).
  CHECK(html.find("<text class=\"chart-v chart-v-48\" x=\"95%\" y=\"92.5%\" "
                  "dy=\"-0.45em\">3</text>") != std::string::npos);
  CHECK(html.find("<text class=\"chart-v chart-v-10 chart-v-end\" x=\"95%\" y=\"5%\" "
                  "dy=\"1.2em\">38</text>") != std::string::npos);
  // The highest values: "7" beside "3" on one line of text needs a box of 2 + 10 * (0.3
  // + 0.3 + 0.5) em, less than the 48em from which "3" shows, and "40" stands a line of
  // text over "38": both show at every width.
  CHECK(html.find("<text class=\"chart-v\" x=\"85%\" y=\"82.5%\" dy=\"-0.45em\">7</text>") !=
        std::string::npos);
  CHECK(html.find("<text class=\"chart-v\" x=\"85%\" y=\"0%\" dy=\"-0.45em\">40</text>") !=
        std::string::npos);
  // The first values, far from any other: "20" always, starting at its point, under its
  // mark, since its line rises from it (22, 25) where the label would be; "1", over its
  // mark (under it, it would cover the years), from a box where its line, rising to 2,
  // has left the label's corner.
  CHECK(html.find("<text class=\"chart-v chart-v-start\" x=\"5%\" y=\"50%\" "
                  "dy=\"1.2em\">20</text>") != std::string::npos);
  CHECK(html.find("<text class=\"chart-v chart-v-14\" x=\"5%\" y=\"97.5%\" "
                  "dy=\"-0.45em\">1</text>") != std::string::npos);
  // The SVG file's plot of about 44em has room for all but "3" (48em) and "1".
  REQUIRE(files.size() == 2);
  for (const char* label : {">7</text>", ">38</text>", ">40</text>", ">20</text>"}) {
    CAPTURE(label);
    CHECK(files[1].bytes.str().find(label) != std::string::npos);
  }
  CHECK(files[1].bytes.str().find(">3</text>") == std::string::npos);
  // There too "38" ends at its point and "20" starts at its own.
  for (const char* label :
       {"\"end\" paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"3\">38<",
        "\"start\" paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"3\">20<",
        "\"middle\" paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"3\">7<"}) {
    CAPTURE(label);
    CHECK(files[1].bytes.str().find(label) != std::string::npos);
  }
  // Over 400 years, the line falling from 7 to "3" runs through that label's box in any
  // box up to 80em: it is not drawn in the page nor in the file (the table and the
  // downloads give its value), and "7" beside it, no longer waiting for room, shows. "38",
  // whose line falls to it from 40, is written under its mark: "40", above its own, then
  // stands on another line of text, and shows.
  ds.csv_bytes = "year,all,national,place\n";
  for (int i = 0; i < 400; ++i) {
    ds.csv_bytes += std::to_string(1601 + i) + "," + std::to_string(i == 398 ? 40 : 38) + "," +
                    std::to_string(i == 398   ? 7
                                   : i == 399 ? 3
                                              : 5) +
                    ",A\n";
  }
  ds.index_rows();
  files.clear();
  html = render_chart(ds, ChartSpec{"year", {"all", "national"}, "line", {}}, nullptr, "c", view);
  CHECK(html.find(">3</text>") == std::string::npos);
  CHECK(html.find("dy=\"-0.45em\">7</text>") != std::string::npos);
  CHECK(html.find("dy=\"1.2em\">38</text>") != std::string::npos);
  CHECK(html.find("dy=\"-0.45em\">40</text>") != std::string::npos);
  REQUIRE(files.size() == 2);
  const std::string& svg = files[1].bytes.str();
  CHECK(svg.find(">3</text>") == std::string::npos);
  for (const char* label : {">7</text>", ">38</text>", ">40</text>"}) {
    CAPTURE(label);
    CHECK(svg.find("stroke-width=\"3\"" + std::string(label)) != std::string::npos);
  }
}

namespace {

/// A line chart's data: one series per list, one point per value (kNoValue: a gap).
ChartData flat_lines(const std::vector<std::vector<double>>& series) {
  ChartData d;
  for (const auto& values : series) {
    d.x_labels.resize(values.size());
    d.series.push_back(ChartSeries{});
    d.series.back().values = values;
  }
  return d;
}

const std::vector<size_t> kFour = {0, 1, 2, 3};

}  // namespace

TEST_CASE("line label room: the plot width from which no line crosses a label's box") {
  // A plot 10em high over 0 to 100: 1 is a tenth of an em. A label over its point at 50
  // has its baseline 0.45em over it, its box from 1.13em over the baseline to 0.36em under
  // it (ascent, descent and half a line): 50.9 to 65.8.
  const ChartScale scale = make_scale(0, 100);
  const LabelPlot plot{10, 0.45, 1.2};
  const double kNever = std::numeric_limits<double>::infinity();
  // Its own flat line runs under the box: no width is needed.
  ChartData d = flat_lines({{50, 50, 50, 50}});
  CHECK(line_label_clear_width(d, kFour, scale, plot, 0, 50, false, 2, LabelAnchor::kMiddle) == 0);
  // Another at 55 runs through the box at its point: at every width.
  d = flat_lines({{50, 50, 50, 50}, {55, 55, 55, 55}});
  CHECK(line_label_clear_width(d, kFour, scale, plot, 0, 50, false, 2, LabelAnchor::kMiddle) ==
        kNever);
  // From the third point on only: the box, 1em after its point in a plot W em wide, 4 / W
  // bands of it, meets the line 2 bands from the point until W = 2em; starting at its
  // point (2em after it) until 4em. Under its point, nothing runs: 0.
  d = flat_lines({{50, 50, 50, 50}, {kNoValue, kNoValue, 55, 55}});
  CHECK(line_label_clear_width(d, kFour, scale, plot, 0, 50, false, 2, LabelAnchor::kMiddle) ==
        doctest::Approx(2));
  CHECK(line_label_clear_width(d, kFour, scale, plot, 0, 50, false, 2, LabelAnchor::kStart) ==
        doctest::Approx(4));
  CHECK(line_label_clear_width(d, kFour, scale, plot, 0, 50, true, 2, LabelAnchor::kMiddle) == 0);
  // Rising from the point, its own line enters the box's height (from 50.9) 0.09 of the
  // way to the next point at 60: a box reaching 1em after its point meets it until the
  // plot is 4 * 1 / 0.09 = 44.4em wide.
  d = flat_lines({{50, 60, 70, 80}});
  CHECK(line_label_clear_width(d, kFour, scale, plot, 0, 50, false, 2, LabelAnchor::kMiddle) ==
        doctest::Approx(4 / 0.09));
}

TEST_CASE("line labels: a label a line crosses wherever it stands is left out") {
  // Three flat lines a tenth of the plot apart (1.35em of the page's 13.5em): the middle
  // one's label, over its point or under it, nearer or farther, always has a neighbour
  // through its box (1.5em high); the top one's has room over its point, and the bottom
  // one's under it.
  ChartData d = flat_lines({{60, 60, 60, 60}, {50, 50, 50, 50}, {40, 40, 40, 40}});
  const ChartScale scale = make_scale(0, 100);
  const LabelPlot plot{13.5, 0.45, 1.2};
  // The middle one's label, never drawn, takes no room: had it kept the place under the
  // point, the bottom one's would have been left out (the two labels under a point would
  // cover each other).
  std::vector<std::vector<PointLabel>> labels = line_labels(d, kFour, scale, DataView{}, plot);
  REQUIRE(labels[3].size() == 2);
  CHECK(labels[3][0].value == 60);
  CHECK_FALSE(labels[3][0].below);
  CHECK(labels[3][1].value == 40);
  CHECK(labels[3][1].below);
  std::vector<ShownLabel> shown = shown_line_labels(d, kFour, scale, DataView{}, 80, plot);
  std::vector<double> values;
  for (const ShownLabel& l : shown) {
    if (l.placed.k != 3) continue;
    values.push_back(l.placed.label.value);
    CHECK(l.plot_ems == 0);
  }
  CHECK(values == std::vector<double>{60, 40});
}

TEST_CASE("line labels: farther from its mark only where both nearer places are crossed") {
  // A lowest point at 40 between lines at 42 and 38 (0.2em over and under it, in a plot
  // 10em high): each runs through a nearer place's box (40.9 to 55.8 over it, 39.3 to 24.4
  // under it) at the point. A third of an em farther, over it its own line, rising to 50,
  // crosses the box (43.9 to 58.8) in a plot under 6.2em; under it (36.3 to 21.4), none.
  ChartData d = flat_lines({{50, 40, 50, 50}, {42, 42, 42, 42}, {38, 38, 38, 38}});
  const ChartScale scale = make_scale(0, 100);
  const LabelPlot plot{10, 0.45, 1.2};
  std::vector<std::vector<PointLabel>> labels = line_labels(d, kFour, scale, DataView{}, plot);
  REQUIRE(labels[1].size() == 1);
  CHECK(labels[1][0].value == 40);
  CHECK(labels[1][0].below);
  CHECK(labels[1][0].far);
}

}  // namespace firefly
