// A line chart's value labels as the page and its SVG file draw them: which show in which
// box, where they stand against their point and on which side of it.
#include <doctest/doctest.h>

#include "render/chart.h"
#include "render/chart_for_tests.h"

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
  // The last values always show: "38", wider than a band of the narrowest plot (10 * 1.2em
  // over 6em), ends at its point; "3" (10 * 0.6em) is centred on it. The highest ones show
  // from the box (y axis 2em, plot 10 bands) at which half an em stands between them and
  // the next year's: 2 + 10 * (0.3 + 0.3 + 0.5) em for "7", and for "40", the whole of
  // "38" lying before its point, 2 + 10 * (0.6 + 1.2 + 0.5) em.
  CHECK(html.find("<text class=\"chart-v\" x=\"95%\" y=\"92.5%\" dy=\"-0.45em\">3</text>") !=
        std::string::npos);
  CHECK(html.find("<text class=\"chart-v chart-v-end\" x=\"95%\" y=\"5%\" "
                  "dy=\"-0.45em\">38</text>") != std::string::npos);
  CHECK(html.find("<text class=\"chart-v chart-v-14\" x=\"85%\" y=\"82.5%\" "
                  "dy=\"-0.45em\">7</text>") != std::string::npos);
  CHECK(html.find("<text class=\"chart-v chart-v-32\" x=\"85%\" y=\"0%\" "
                  "dy=\"-0.45em\">40</text>") != std::string::npos);
  // The first values, far from any other: always, starting at their point; "20" under
  // its mark, since its line rises from it (22, 25) where the label would be.
  CHECK(html.find("<text class=\"chart-v chart-v-start\" x=\"5%\" y=\"50%\" "
                  "dy=\"1.2em\">20</text>") != std::string::npos);
  // The SVG file's plot of about 44em has room for all of them.
  REQUIRE(files.size() == 2);
  for (const char* label : {">3</text>", ">7</text>", ">38</text>", ">40</text>"}) {
    CAPTURE(label);
    CHECK(files[1].bytes.str().find(label) != std::string::npos);
  }
  // There too "38" ends at its point and "20" starts at its own.
  for (const char* label :
       {"\"middle\" paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"3\">3<",
        "\"end\" paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"3\">38<",
        "\"start\" paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"3\">20<",
        "\"middle\" paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"3\">7<"}) {
    CAPTURE(label);
    CHECK(files[1].bytes.str().find(label) != std::string::npos);
  }
  // Over 400 years, the two would need more than 80em: the less important is not drawn
  // in the page nor in the file (the table and the downloads give its value). But "38",
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
  CHECK(html.find(">3</text>") != std::string::npos);
  CHECK(html.find(">7</text>") == std::string::npos);
  CHECK(html.find("dy=\"1.2em\">38</text>") != std::string::npos);
  CHECK(html.find("dy=\"-0.45em\">40</text>") != std::string::npos);
  // The file's plot is taller (280 px, 17.5em): "7" and "3" stand on two lines there, and
  // "40" over "38" too.
  REQUIRE(files.size() == 2);
  const std::string& svg = files[1].bytes.str();
  for (const char* label : {">3</text>", ">7</text>", ">38</text>", ">40</text>"}) {
    CAPTURE(label);
    CHECK(svg.find("stroke-width=\"3\"" + std::string(label)) != std::string::npos);
  }
}

}  // namespace firefly
