#include "render/plan_embed.h"

#include <doctest/doctest.h>

#include "render/scorecard.h"
#include "render/theme_view_for_tests.h"

namespace firefly {

namespace {

/// A plan of one indicator with targets for two years and no result reported.
IndicatorSet plan_without_results() {
  IndicatorSet plan;
  plan.dataset = "plan";
  plan.title.plain = "Kế hoạch";
  plan.periods = {"2017", "2018"};
  Indicator ind;
  ind.id = "hours";
  ind.name.plain = "Số giờ học";
  ind.unit.plain = "giờ";
  for (const char* year : {"2017", "2018"}) {
    PeriodResult p;
    p.period = year;
    p.target = 40;
    p.status = indicator_status(Direction::kHigher, p.target, {}, {});
    ind.periods.push_back(p);
  }
  plan.indicators.push_back(ind);
  return plan;
}

}  // namespace

TEST_CASE("an ```indicator block's chart sits in a chart box, so it turns to rows on a phone") {
  // The chart was put straight into the figure: without the box (a CSS container) its
  // columns stayed columns at 320 px, and their labels overlapped and scrolled sideways.
  const std::vector<IndicatorSet> plans = {plan_without_results()};
  Diagnostics diags;
  std::string html = render_plan_embed("indicator", "dataset: plan\nid: hours\n", "a.md", 3, plans,
                                       theme_view("vi", "vi"), diags);
  CHECK_FALSE(diags.has_errors());
  size_t box = html.find("<div class=\"chart\">");
  REQUIRE(box != std::string::npos);
  CHECK(html.find("chart-kind-target") > box);
  CHECK(html.find("</div>\n<figcaption>") != std::string::npos);
}

TEST_CASE("a ```scorecard block's table turns its rows into cards on a phone") {
  // As the scorecard page's: the table reflows (table-reflow), each cell named by its
  // column (data-label); it had neither, and kept five narrow columns at 320 px.
  const std::vector<IndicatorSet> plans = {plan_without_results()};
  Diagnostics diags;
  std::string html = render_plan_embed("scorecard", "dataset: plan\n", "a.md", 3, plans,
                                       theme_view("vi", "vi"), diags);
  CHECK_FALSE(diags.has_errors());
  CHECK(html.find("class=\"table-wrap table-reflow\"") != std::string::npos);
  CHECK(html.find("<td data-label=\"Kỳ\">2018</td>") != std::string::npos);
  CHECK(html.find("<td class=\"num\" data-label=\"Mục tiêu\">") != std::string::npos);
  CHECK(html.find("<td class=\"num\" data-label=\"Thực tế\"></td>") != std::string::npos);
  CHECK(html.find("data-label=\"Tình trạng\"><span><span class=\"status-icon\"") !=
        std::string::npos);
}

}  // namespace firefly
