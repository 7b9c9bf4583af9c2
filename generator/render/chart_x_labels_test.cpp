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

namespace {

/// 72 months from January 2019 as `lang`'s axis writes them (format_date's kShortMonth),
/// or their years (kShortYear) when `years`.
std::vector<std::string> months(const std::string& lang, bool years = false) {
  static const std::vector<std::pair<std::string, std::vector<std::string>>> names = {
      {"en", {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}},
      {"id", {"Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"}},
      {"th",
       {"ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.",
        "ธ.ค."}}};
  std::vector<std::string> out;
  for (int i = 0; i < 72; ++i) {
    const int year = 2019 + i / 12, month = i % 12 + 1;
    if (lang == "zh-TW") {  // the Minguo calendar, without 民國
      out.push_back(std::to_string(year - 1911) + "年" +
                    (years ? "" : std::to_string(month) + "月"));
    } else if (years) {
      out.push_back(std::to_string(year));
    } else if (lang == "vi") {
      out.push_back("thg " + std::to_string(month) + " " + std::to_string(year));
    } else {
      for (const auto& [code, abbr] : names) {
        if (code == lang)
          out.push_back(abbr[static_cast<size_t>(month - 1)] + " " + std::to_string(year));
      }
    }
  }
  return out;
}

/// The categories whose labels show in a box `box` em wide (a kXLabelBoxes width).
std::vector<size_t> shown_in(const XLabelChoice& choice, int box) {
  std::vector<size_t> out;
  for (size_t k = 0; k < choice.from.size(); ++k) {
    if (choice.from[k] >= 0 && choice.from[k] <= box) out.push_back(k);
  }
  return out;
}

}  // namespace

TEST_CASE("x labels: a label may reach under the y axis' ticks, never out of the box") {
  // The first of 72 months, 3.08em wide ("108年" / "1月"), in a plot of 6em beside ticks of
  // 3.8em: centred on its point, half of it under the ticks.
  CHECK(x_label_left(0, 72, 3.08, 6, 3.8) == doctest::Approx(6.0 / 144 - 1.54));
  // Wider than twice its point's distance from the box's start: against the box's start.
  CHECK(x_label_left(0, 72, 9, 6, 3.8) == doctest::Approx(-3.8));
  // The last still ends at the plot's end, which is the box's.
  CHECK(x_label_left(71, 72, 3.08, 6, 3.8) == doctest::Approx(6 - 3.08));
  // Held inside the plot alone, the first and the last of 3.08em stood 0.16em apart in
  // 6em: the first alone showed (zh-TW at 320 px with the largest text). Under the ticks,
  // both.
  CHECK(thin_x_labels({room(6, 3, 72, 3.08)})[0] == std::vector<size_t>{0});
  XLabelRoom under = room(6, 3, 72, 3.08);
  under.before = 3.8;
  CHECK(thin_x_labels({under})[0] == std::vector<size_t>{0, 71});
}

TEST_CASE("x labels: a monthly axis shows one a year, never every ninth month") {
  // Months unwrapped (4.8em, "Jan 2019") in 47em: every ninth stands clear, but a label
  // each year reads better (January 2019, January 2020, ...), and December 2024 last.
  XLabelRoom wide = room(47, 14, 72, 4.8);
  wide.before = 3;
  CHECK(thin_x_labels({wide})[0] ==
        std::vector<size_t>{0, 9, 18, 27, 36, 45, 54, 71});  // (without a cycle)
  CHECK(thin_x_labels({wide}, 12)[0] == std::vector<size_t>{0, 12, 24, 36, 48, 71});
  // Every fourth month where every third does not stand clear (3.33em apart, 3.4em needed),
  // a year where that does not; each narrower box's labels some of the wider's.
  std::vector<std::vector<size_t>> shown =
      thin_x_labels({room(80, 30, 72, 2.4), room(30, 8, 72, 2.4)}, 12);
  CHECK(shown[0].size() == 18);  // 0, 4, ..., 64 and 71 (68 too close to it)
  for (size_t i = 0; i + 1 < shown[0].size(); ++i) CHECK(shown[0][i] == 4 * i);
  CHECK(shown[1] == std::vector<size_t>{0, 12, 24, 36, 48, 60, 71});
  CHECK(std::includes(shown[0].begin(), shown[0].end(), shown[1].begin(), shown[1].end()));
}

TEST_CASE("x labels: 72 months show their first and last in every language on a phone") {
  // The chart's box at 320 px with the largest text is 9.75em: the room for 9em, the plot
  // beside ticks of 3.8em ("2,500" and 0.8em) at least 6em.
  for (const char* lang : {"en", "id", "zh-TW", "th"}) {
    CAPTURE(lang);
    const std::vector<std::string> labels = months(lang);
    const XLabelChoice choice =
        choose_x_labels(labels, months(lang, true), 12, 3.8, true, x_label_wrap_ems(labels));
    // The months themselves: the first and the last (before: the first alone in zh-TW and
    // th, whose wrapped months are 3.08 and 3.3em wide).
    CHECK(choice.years_below == 0);
    CHECK(shown_in(choice, 9) == std::vector<size_t>{0, 71});
    CHECK(shown_in(choice, 0) == std::vector<size_t>{0, 71});
    // More in wider boxes, a year apart (the one of 2024 too close to December 2024).
    CHECK(shown_in(choice, 50) == std::vector<size_t>{0, 12, 24, 36, 48, 71});
  }
  // Vietnamese months wrap to 3.96em ("thg 12" / "2024"): two do not stand an em apart in
  // 6em, so under a box of 12em the axis writes years, 2.4em: 2019 and 2024.
  const std::vector<std::string> vi = months("vi");
  const XLabelChoice choice =
      choose_x_labels(vi, months("vi", true), 12, 3.8, true, x_label_wrap_ems(vi));
  CHECK(choice.years_below == 12);
  CHECK(shown_in(choice, 9) == std::vector<size_t>{0, 71});
  CHECK(shown_in(choice, 0) == std::vector<size_t>{0, 71});
  // Without the years, the first alone there.
  CHECK(shown_in(choose_x_labels(vi, {}, 12, 3.8, true, x_label_wrap_ems(vi)), 9) ==
        std::vector<size_t>{0});
  // Years shown a year apart at most: none within a year of the last (2024 twice).
  for (int box : {9, 12}) {
    const std::vector<size_t> shown = shown_in(choice, box);
    for (size_t i = 0; i + 1 < shown.size(); ++i) CHECK(shown[i + 1] - shown[i] >= 12);
  }
}

}  // namespace firefly
