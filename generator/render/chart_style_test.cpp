#include "render/chart_style.h"

#include <doctest/doctest.h>

#include <limits>
#include <set>
#include <string>

namespace firefly {

namespace {

/// A line chart's data: one series per list, one point per value (kNoValue: a gap).
ChartData lines(std::vector<std::vector<double>> series) {
  ChartData d;
  for (auto& values : series) {
    d.x_labels.resize(values.size());
    d.series.push_back(ChartSeries{});
    d.series.back().values = std::move(values);
  }
  return d;
}

std::vector<size_t> all(size_t n) {
  std::vector<size_t> pts(n);
  for (size_t i = 0; i < n; ++i) pts[i] = i;
  return pts;
}

}  // namespace

TEST_CASE("line labels: only first, last, lowest and highest; equal values written once") {
  // The sample portal's awards per year against national awards.
  ChartData d = lines({{1, 2, 3, 5, 0, 3, 6, 7, 10, 3}, {1, 2, 3, 4, 0, 3, 6, 6, 7, 3}});
  auto labels = line_labels(d, all(10), make_scale(0, 10));
  REQUIRE(labels.size() == 10);
  // 2013 (first of both, equal): one label.
  REQUIRE(labels[0].size() == 1);
  CHECK(labels[0][0].value == 1);
  CHECK_FALSE(labels[0][0].below);
  // 2014 to 2016, 2018 to 2020: no key point of either series.
  for (size_t k : {1, 2, 3, 5, 6, 7}) CHECK(labels[k].empty());
  CHECK(labels[4].size() == 1);  // 2017: both lowest at 0
  // 2021: 10 and 7 are far enough apart for both above their marks.
  REQUIRE(labels[8].size() == 2);
  CHECK(labels[8][0].value == 10);
  CHECK(labels[8][1].value == 7);
  CHECK_FALSE(labels[8][1].below);
  CHECK(labels[9].size() == 1);  // 2022: both last at 3
}

TEST_CASE("line labels: of two close values the lower goes below its mark; gaps are skipped") {
  ChartData d = lines({{50, kNoValue, 100}, {49, 2, 99}});
  auto labels = line_labels(d, all(3), make_scale(0, 100));
  REQUIRE(labels[0].size() == 2);
  CHECK(labels[0][0].value == 50);
  CHECK_FALSE(labels[0][0].below);
  CHECK(labels[0][1].value == 49);
  CHECK(labels[0][1].below);
  REQUIRE(labels[1].size() == 1);  // the lowest of the second series; the first has a gap
  CHECK(labels[1][0].value == 2);
  REQUIRE(labels[2].size() == 2);
  CHECK(labels[2][1].below);
}

TEST_CASE("line labels: a third close value that fits neither side is left out, never covering") {
  // The sample portal's awards in 2021: all 10, national 7, local 3, each its series' highest.
  ChartData d = lines({{10}, {7}, {3}});
  auto labels = line_labels(d, all(1), make_scale(0, 40));
  REQUIRE(labels[0].size() == 2);
  CHECK(labels[0][0].value == 10);
  CHECK_FALSE(labels[0][0].below);
  CHECK(labels[0][1].value == 7);
  CHECK(labels[0][1].below);  // 3 above its mark would stand where 7 is written
  // Far enough under the label below 7, a third value is written above its mark.
  labels = line_labels(lines({{90}, {87}, {60}}), all(1), make_scale(0, 100));
  REQUIRE(labels[0].size() == 3);
  CHECK_FALSE(labels[0][2].below);
  // At the bottom of the plot a label under its mark would stand on the category labels
  // (2013 of the sample portal's awards: all 1, local 0): none there.
  labels = line_labels(lines({{1}, {0}}), all(1), make_scale(0, 40));
  REQUIRE(labels[0].size() == 1);
  CHECK(labels[0][0].value == 1);
  // Two close negative values: the second would be written over the first's label.
  labels = line_labels(lines({{-5}, {-6}}), all(1), make_scale(-100, 0));
  REQUIRE(labels[0].size() == 1);
  CHECK(labels[0][0].value == -5);
}

TEST_CASE("line labels: a label that would cover a line near its point goes below it") {
  // The first point of a line rising from it: its label above would lie on the line (the
  // 72-month chart's first value); below, nothing runs. The last, after the rise, above.
  auto labels = line_labels(lines({{50, 70, 90}}), all(3), make_scale(0, 100));
  REQUIRE(labels[0].size() == 1);
  CHECK(labels[0][0].below);
  REQUIRE(labels[2].size() == 1);
  CHECK_FALSE(labels[2][0].below);
  // Falling from it: above is free.
  labels = line_labels(lines({{50, 30, 10}}), all(3), make_scale(0, 100));
  CHECK_FALSE(labels[0][0].below);
  // A lowest point between two rises: under its mark.
  labels = line_labels(lines({{80, 40, 80, 70, 75}}), all(5), make_scale(0, 100));
  REQUIRE(labels[1].size() == 1);
  CHECK(labels[1][0].value == 40);
  CHECK(labels[1][0].below);
  // Flat, but another series (from the next point) passes just over it: below.
  labels =
      line_labels(lines({{50, 50, 50, 50}, {kNoValue, 57, 57, 57}}), all(4), make_scale(0, 100));
  REQUIRE(labels[0].size() == 1);
  CHECK(labels[0][0].below);
  // A third passing just under it too: no side is free, so above as before.
  labels = line_labels(lines({{50, 50, 50, 50}, {kNoValue, 57, 57, 57}, {kNoValue, 43, 43, 43}}),
                       all(4), make_scale(0, 100));
  CHECK_FALSE(labels[0][0].below);
  // Near the bottom a label under its mark would reach the category labels: above.
  labels = line_labels(lines({{8, 30, 50}}), all(3), make_scale(0, 100));
  REQUIRE(labels[0].size() == 1);
  CHECK_FALSE(labels[0][0].below);
}

TEST_CASE("line labels: ranked last, first, highest, lowest; equal values keep the best") {
  // One series: first 5, highest 9, lowest 1, last 4; a second ends at 9 too.
  ChartData d = lines({{5, 9, 1, 4}, {2, 9, 3, 9}});
  auto labels = line_labels(d, all(4), make_scale(0, 10));
  REQUIRE(labels[0].size() == 2);
  CHECK(labels[0][0].rank == 1);  // 5, first of the first series
  CHECK(labels[0][1].rank == 1);  // 2, first (and lowest) of the second
  REQUIRE(labels[1].size() == 1);
  CHECK(labels[1][0].rank == 2);  // 9, highest of both
  REQUIRE(labels[3].size() == 2);
  CHECK(labels[3][0].value == 9);
  CHECK(labels[3][0].rank == 0);  // the second's last (and highest)
  CHECK(labels[3][1].rank == 0);  // 4, the first's last
}

TEST_CASE("label room: two labels on one line keep half an em between them, or one waits") {
  // "7" over 2021 and "3" over 2022 of ten years, on one line: the more important one (the
  // first given) always shows, the other from a plot of 10 * (0.6 + 0.5) em, where their
  // centres stand 1.1em apart and the boxes (0.6em each) half an em.
  std::vector<LabelBox> two = {{9, 0.6, 10.0}, {8, 0.6, 10.7}};
  auto need = label_plot_widths(two, 10, 80);
  CHECK(need[0] == 0);
  CHECK(need[1] == doctest::Approx(11));
  // At a plot 11em wide the gap is what is asked, not the mere absence of overlap.
  const double apart = 11.0 / 10, gap = apart - (0.6 + 0.6) / 2;
  CHECK(gap == doctest::Approx(kLabelClearEms));
  CHECK(gap >= 0.5);
  // Two points apart, half that width.
  CHECK(label_plot_widths({{9, 0.6, 10.0}, {7, 0.6, 10.0}}, 10, 80)[1] == doctest::Approx(5.5));
  // A line of text higher, they do not read as one number: both always show.
  CHECK(label_plot_widths({{9, 0.6, 10.0}, {8, 0.6, 10.0 - kLabelLineEms}}, 10, 80)[1] == 0);
  // Too close for any plot up to the widest: never shown (the table gives the value) ...
  need = label_plot_widths({{1, 3, 5}, {0, 10, 5}, {3, 0.6, 5}}, 10, 30);
  CHECK(need[0] == 0);
  CHECK(need[1] == std::numeric_limits<double>::infinity());  // 10 * (6.5 + 0.5) > 30
  // ... and it takes no room from another: the third needs room beside the first only
  // (beside the second it would need 10 * (5.3 + 0.5) / 3).
  CHECK(need[2] == doctest::Approx(10 * (1.8 + 0.5) / 2));
}

TEST_CASE("shown line labels: in drawing order, each with the plot width it needs") {
  // Ten years; the last (9) is the most important, the first (1) and the highest (10,
  // over the year before the last) follow.
  ChartData d = lines({{1, 2, 3, 4, 5, 6, 7, 8, 10, 9}});
  // A plot of no height: every label above its mark stands on one line of text, and no
  // line reaches a box.
  const LabelPlot one_line{0, 0.45, 1.2};
  auto shown = shown_line_labels(d, all(10), make_scale(0, 10), DataView{}, 20, one_line);
  REQUIRE(shown.size() == 3);
  CHECK(shown[0].placed.k == 0);
  CHECK(shown[0].placed.text == "1");
  CHECK(shown[1].placed.k == 8);
  CHECK(shown[1].placed.text == "10");
  CHECK(shown[2].placed.k == 9);
  CHECK(shown[2].plot_ems == 0);  // the last value shows at every width
  // "1" nine points from "9": 10 * (0.6 + 0.5) / 9; "10" beside "9": 10 * (0.9 + 0.5).
  CHECK(shown[0].plot_ems == doctest::Approx(10 * 1.1 / 9));
  CHECK(shown[1].plot_ems == doctest::Approx(14));
  // In a plot at most 10em wide, "10" never stands clear of "9": left out.
  shown = shown_line_labels(d, all(10), make_scale(0, 10), DataView{}, 10, one_line);
  REQUIRE(shown.size() == 2);
  CHECK(shown[0].placed.k == 0);
  CHECK(shown[1].placed.k == 9);
  // A plot 20em high: baselines two em apart per unit of value, no two on one line of text,
  // but lines steep beside the labels. "10" shows at every width; "9" is written under its
  // mark (the line falls to it from 10, over it), where the line rising from 8 to 10 is
  // 0.3em of "9" plus a band and a half from its point in a plot of 1.97em or more. "1" stays
  // over its mark (under it, it would reach the category labels), where its line, rising
  // 2em to 2, enters its box (0.09em over the point) 0.045 of a band after the point: it
  // shows from a plot 10 * 0.3 / 0.045 em wide, and in one up to 10em not at all.
  const LabelPlot steep{20, 0.45, 1.2};
  shown = shown_line_labels(d, all(10), make_scale(0, 10), DataView{}, 10, steep);
  REQUIRE(shown.size() == 2);
  CHECK(shown[0].placed.text == "10");
  CHECK(shown[0].plot_ems == 0);
  CHECK(shown[1].placed.text == "9");
  CHECK(shown[1].placed.label.below);
  CHECK(shown[1].plot_ems == doctest::Approx(10 * 0.3 / (9.5 - (7.5 + 0.965 / 2))));
  shown = shown_line_labels(d, all(10), make_scale(0, 10), DataView{}, 80, steep);
  REQUIRE(shown.size() == 3);
  CHECK(shown[0].placed.text == "1");
  CHECK_FALSE(shown[0].placed.label.below);
  CHECK(shown[0].plot_ems == doctest::Approx(10 * 0.3 / 0.045));
}

TEST_CASE("line labels: the first starts at its point and the last ends at it") {
  // Centred, the last label of a long series reached out of the chart's box on a phone
  // (113.5 over the last of 72 months) and the first covered the y axis' 0.
  CHECK(line_label_anchor(0, 72, 3) == LabelAnchor::kStart);
  CHECK(line_label_anchor(71, 72, 3) == LabelAnchor::kEnd);
  CHECK(line_label_anchor(35, 72, 3) == LabelAnchor::kMiddle);
  // The one before the last of 72 ("1,181", 3em) stands 1.5 bands of a 6em plot (0.125em)
  // from its end: centred, it reached 1.4em past the chart's box; it ends at its point.
  CHECK(line_label_anchor(70, 72, 3) == LabelAnchor::kEnd);
  CHECK(line_label_anchor(1, 72, 3) == LabelAnchor::kStart);
  // From 3em (half the label) of the narrowest plot, 18 bands of 72, it is centred.
  CHECK(line_label_anchor(17, 72, 3) == LabelAnchor::kStart);
  CHECK(line_label_anchor(18, 72, 3) == LabelAnchor::kMiddle);
  CHECK(line_label_anchor(53, 72, 3) == LabelAnchor::kMiddle);
  CHECK(line_label_anchor(54, 72, 3) == LabelAnchor::kEnd);
  CHECK(line_label_anchor(0, 1, 3) == LabelAnchor::kMiddle);
  // Two points, each half a band of 6em (1.5em) from its edge: "1,500" (2.7em) fits
  // centred; a label of 3.5em does not.
  CHECK(line_label_anchor(1, 2, 2.7) == LabelAnchor::kMiddle);
  CHECK(line_label_anchor(1, 2, 3.5) == LabelAnchor::kEnd);
  CHECK(line_label_anchor(0, 2, 3.5) == LabelAnchor::kStart);
  // "3" ends at the last of 10 points and "7" is centred on the one before: between their
  // points lie 0.6em of "3", 0.3em of "7" and half an em, so a plot of 10 * 1.4em.
  CHECK(label_plot_widths({{9, 0.6, 10.0, LabelAnchor::kEnd}, {8, 0.6, 10.0, LabelAnchor::kMiddle}},
                          10, 80)[1] == doctest::Approx(14));
  // "20" starts at the first point, "22" is centred on the next: 1.2 + 0.6 + 0.5em.
  CHECK(
      label_plot_widths({{0, 1.2, 10.0, LabelAnchor::kStart}, {1, 1.2, 10.0, LabelAnchor::kMiddle}},
                        10, 80)[1] == doctest::Approx(23));
  // A label centred between them needs nothing of the first's room before its point.
  CHECK(
      label_plot_widths({{1, 1.2, 10.0, LabelAnchor::kMiddle}, {0, 1.2, 10.0, LabelAnchor::kStart}},
                        10, 80)[1] == doctest::Approx(23));
}

TEST_CASE("bar labels: each category leaves half an em between two neighbouring labels") {
  auto text = [](double v) { return std::to_string(static_cast<int>(v)); };
  // One bar a category: "7" beside "3", 0.6em each: a band of 0.6 + 0.5em.
  ChartData d = lines({{7, 3}});
  CHECK(bar_label_band(d, all(2), "bar", text, "") == doctest::Approx(0.6 + kLabelClearEms));
  // "10" beside "7": their own widths, (1.2 + 0.6) / 2 + 0.5, and "10" its own 1.2 + 0.5.
  d = lines({{10, 7}});
  CHECK(bar_label_band(d, all(2), "bar", text, "") == doctest::Approx(1.7));
  // Two series: two bars share 70% of the band, their centres 0.35 of it apart; "10" and
  // "7" of one year need (0.9 + 0.5) / 0.35 = 4em, not the 4.86 of two labels as wide as
  // the widest.
  d = lines({{10, 1}, {7, 1}});
  CHECK(bar_label_band(d, all(2), "bar", text, "") == doctest::Approx(1.4 / 0.35));
  // A stack's total, and the "–" of a category without one.
  d = lines({{5, kNoValue}, {6, kNoValue}});
  CHECK(bar_label_band(d, all(2), "stacked", text, "") == doctest::Approx(1.7));
}

TEST_CASE("series styles: eight series each have a dash and a fill of their own") {
  std::set<std::string> strokes, paints, looks;
  for (size_t k = 0; k < 8; ++k) {
    strokes.insert(series_dash(k));
    paints.insert(series_paint("c", k));
    // A line's look: its dash with its marker and colour (shown on short series).
    looks.insert(series_stroke(k) + series_marker("c", k, "0", "0"));
  }
  CHECK(strokes.size() == 8);  // told apart on a long line too, where markers are left out
  CHECK(paints.size() == 8);
  CHECK(looks.size() == 8);
  // The fifth series: the first one's colour, another dash, marker and pattern.
  CHECK(std::string(series_colour(4)) == series_colour(0));
  CHECK(series_marker("c", 4, "0", "0").find("#c-m2") != std::string::npos);
  CHECK(series_paint("c", 4).find("url(#c-p4)") != std::string::npos);
  CHECK(chart_defs("c", 8).find("id=\"c-p7\"") != std::string::npos);
  // Patterns only for the series drawn beyond the first four.
  CHECK(chart_defs("c", 5).find("id=\"c-p4\"") != std::string::npos);
  CHECK(chart_defs("c", 5).find("id=\"c-p5\"") == std::string::npos);
  CHECK(chart_defs("c", 2).find("id=\"c-p4\"") == std::string::npos);
  // A ninth looks as the first.
  CHECK(series_stroke(8) == series_stroke(0));
}

TEST_CASE("label anchors: one name each for the SVG text-anchor and the page's class") {
  CHECK(std::string(anchor_name(LabelAnchor::kMiddle)) == "middle");
  CHECK(std::string(anchor_name(LabelAnchor::kStart)) == "start");
  CHECK(std::string(anchor_name(LabelAnchor::kEnd)) == "end");
  CHECK(share_before(LabelAnchor::kStart) == 0);
  CHECK(share_before(LabelAnchor::kMiddle) == 0.5);
  CHECK(share_before(LabelAnchor::kEnd) == 1);
}

}  // namespace firefly
