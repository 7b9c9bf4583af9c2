#include "render/chart_x_labels.h"

#include <doctest/doctest.h>

#include <algorithm>

namespace firefly {

namespace {

XLabelRoom room(double plot, size_t most, size_t n, double width) {
  return XLabelRoom{plot, most, std::vector<double>(n, width)};
}

/// Every shown label of `room` lies inside its plot.
bool inside(const XLabelRoom& r, const std::vector<size_t>& shown) {
  return std::all_of(shown.begin(), shown.end(), [&](size_t k) {
    const double left = x_label_left(k, r.widths.size(), r.widths[k], r.plot);
    return left >= 0 && left + r.widths[k] <= r.plot + 1e-9;
  });
}

}  // namespace

TEST_CASE("x labels: centred on their point, but never out of the plot") {
  // Ten points over 10em: the fifth's centre at 4.5em.
  CHECK(x_label_left(4, 10, 2, 10) == doctest::Approx(3.5));
  // The first and the last of 2.4em stand half an em from the edges: held inside.
  CHECK(x_label_left(0, 10, 2.4, 10) == 0);
  CHECK(x_label_left(9, 10, 2.4, 10) == doctest::Approx(7.6));
  // The one before the last reached 0.05em past the end in a plot of 7.8em (the awards
  // chart at 320 px with the largest text: "2021" of 10 years).
  CHECK(x_label_left(8, 10, 2.4, 7.8) == doctest::Approx(7.8 - 2.4));
}

TEST_CASE("x labels: the first and the last show, and as many between as stand clear") {
  // Ten years (2.4em) in the narrowest plot (6em): the first and the last, an em apart.
  std::vector<std::vector<size_t>> shown = thin_x_labels({room(6, 3, 10, 2.4)});
  REQUIRE(shown.size() == 1);
  CHECK(shown[0] == std::vector<size_t>{0, 9});
  CHECK(inside(room(6, 3, 10, 2.4), shown[0]));
  // In 48em all ten stand 2.4em apart, but at most 14 show (and here 10).
  CHECK(thin_x_labels({room(48, 14, 10, 2.4)})[0].size() == 10);
  // 72 months of two lines each 5.94em wide in a plot of 13em: the first and the
  // last (it showed the first alone); in 6em only the first.
  shown = thin_x_labels({room(13, 4, 72, 5.94), room(6, 3, 72, 5.94)});
  CHECK(shown[0] == std::vector<size_t>{0, 71});
  CHECK(shown[1] == std::vector<size_t>{0});
  // Wider: every s-th from the first and the last, less the one too close to the last.
  shown = thin_x_labels({room(47, 14, 72, 7.2)});
  REQUIRE(shown[0].size() >= 4);
  CHECK(shown[0].front() == 0);
  CHECK(shown[0].back() == 71);
  CHECK(inside(room(47, 14, 72, 7.2), shown[0]));
  const size_t step = shown[0][1];
  for (size_t i = 1; i + 1 < shown[0].size(); ++i) CHECK(shown[0][i] == i * step);
}

TEST_CASE("x labels: a narrower box shows some of a wider one's, never others") {
  std::vector<XLabelRoom> rooms = {room(47, 14, 72, 2.4), room(27, 8, 72, 2.4),
                                   room(11, 4, 72, 2.4), room(6, 3, 72, 2.4)};
  std::vector<std::vector<size_t>> shown = thin_x_labels(rooms);
  REQUIRE(shown.size() == 4);
  for (size_t r = 1; r < shown.size(); ++r) {
    CAPTURE(r);
    CHECK(shown[r].size() <= rooms[r].most);
    CHECK(
        std::includes(shown[r - 1].begin(), shown[r - 1].end(), shown[r].begin(), shown[r].end()));
    CHECK(inside(rooms[r], shown[r]));
    for (size_t i = 1; i < shown[r].size(); ++i) {
      const double gap = x_label_left(shown[r][i], 72, 2.4, rooms[r].plot) -
                         x_label_left(shown[r][i - 1], 72, 2.4, rooms[r].plot) - 2.4;
      CHECK(gap >= kXLabelClearEms);
    }
  }
  // One point: its label alone.
  CHECK(thin_x_labels({room(6, 3, 1, 2.4)})[0] == std::vector<size_t>{0});
}

TEST_CASE("x labels: long ones wrap to two lines at most") {
  CHECK(two_line_ems("2 January 2024") == doctest::Approx(5.4));  // "2 January" / "2024"
  CHECK(two_line_ems("October 2023") == doctest::Approx(4.2));
  CHECK(two_line_ems("2023-10") == doctest::Approx(4.2));  // no space: whole
  CHECK(x_label_wrap_ems({"October 2023", "2 January 2024"}) == doctest::Approx(5.94));
  // Beside a Chinese character, as a browser breaks the line: "113年" / "12月" (before: the
  // whole, 5em, which two labels of an axis on a phone have no room for).
  CHECK(two_line_ems("113年12月") == doctest::Approx(2.8));
  CHECK(two_line_ems("民國113年12月") == doctest::Approx(3.8));  // "民國113" / "年12月"
  CHECK(two_line_ems("臺南") == doctest::Approx(1));
  CHECK(two_line_ems("年") == doctest::Approx(1));
}

}  // namespace firefly
