#include "render/scorecard.h"

#include "core/locale.h"
#include "core/text.h"
#include "load/csv.h"
#include "render/chart.h"
#include "render/dataset_page.h"

namespace firefly {

namespace {

struct StatusLook {
  const char* key;      ///< theme string: indicator_status_<key>
  const char* english;  ///< when the theme has no such string
  const char* icon;     ///< a shape that tells the status apart without colour
};

StatusLook look_of(IndicatorStatus status) {
  switch (status) {
    case IndicatorStatus::kMet:
      return {"indicator_status_met", "Met", "\u2714"};
    case IndicatorStatus::kNotMet:
      return {"indicator_status_not_met", "Not met", "\u2718"};
    case IndicatorStatus::kNotReported:
      return {"indicator_status_not_reported", "Not reported", "?"};
    case IndicatorStatus::kNoTarget:
      return {"indicator_status_no_target", "No target set", "\u2013"};
  }
  return {"indicator_status_no_target", "No target set", "\u2013"};
}

std::string number_text(std::optional<double> v, const DataView& view) {
  return v ? format_number(*v == 0 ? 0 : *v, view.locale(), 2) : std::string();
}

/// "95 percent", "1 to 2 events", "" when there is no figure. With `unit_lang` (the unit's
/// words fall back to another language than the reader's), as HTML: the unit in a
/// <span lang> (the number stays in the reader's language).
std::string figure_text(std::optional<double> low, std::optional<double> high,
                        const std::string& unit, const DataView& view,
                        const std::string& unit_lang = {}) {
  if (!low) return {};
  std::string n = number_text(low, view);
  if (high && *high != *low) {
    n = view.format("indicator_range", "{min} to {max}",
                    {{"min", n}, {"max", number_text(high, view)}});
  }
  // A percent sign follows its number without a space (95%, as the achieved ratio beside
  // it); a unit in words after one (95 percent, 14 天).
  const std::string space = unit == "%" || unit == "\uFF05" ? "" : " ";
  if (!unit_lang.empty())
    return unit.empty() ? "" : html_escape(n) + space + in_lang(unit, unit_lang);
  return unit.empty() ? n : n + space + unit;
}

/// `m[key]` = the figure as text and, when its unit is in another language than the
/// reader's, `m[key_html]` = the figure with its unit marked.
void add_figure(Map& m, const std::string& key, std::optional<double> low,
                std::optional<double> high, const Indicator& ind, const DataView& view) {
  const std::string unit = view.pick(ind.unit);
  m.emplace_back(key, Value(figure_text(low, high, unit, view)));
  const std::string unit_lang = view.lang_of(ind.unit);
  if (!unit_lang.empty() && low && !unit.empty()) {
    m.emplace_back(key + "_html", Value(figure_text(low, high, unit, view, unit_lang)));
  }
}

std::string ratio_text(std::optional<double> ratio, const DataView& view) {
  if (!ratio) return {};
  return format_number(*ratio * 100, view.locale(), 0) + "%";
}

Value status_value(IndicatorStatus status, const DataView& view) {
  StatusLook l = look_of(status);
  return Value(Map{{"name", Value(status_name(status))},
                   {"text", Value(view.text(l.key, l.english))},
                   {"icon", Value(l.icon)}});
}

/// One period's figures: period, target, actual, status{name, text, icon}, ratio.
Value period_value(const Indicator& ind, const PeriodResult& p, const DataView& view) {
  Map m{{"period", Value(p.period)}};
  add_figure(m, "target", p.target, p.target_max, ind, view);
  add_figure(m, "actual", p.actual, {}, ind, view);
  m.emplace_back("status", status_value(p.status, view));
  m.emplace_back("ratio", Value(ratio_text(p.ratio, view)));
  return Value(std::move(m));
}

std::string direction_text(Direction d, const DataView& view) {
  switch (d) {
    case Direction::kHigher:
      return view.text("indicator_direction_higher", "Higher is better: at least the target");
    case Direction::kLower:
      return view.text("indicator_direction_lower", "Lower is better: at most the target");
    case Direction::kExact:
      return view.text("indicator_direction_exact", "Exactly the target");
    case Direction::kRange:
      return view.text("indicator_direction_range", "Within the target range");
  }
  return {};
}

}  // namespace

std::string status_text(IndicatorStatus status, const DataView& view) {
  StatusLook l = look_of(status);
  return view.text(l.key, l.english);
}

std::string counts_text(const IndicatorSet& plan, size_t index, const DataView& view) {
  StatusCounts c = plan.counts(index);
  std::string s = view.format("indicator_counts",
                              "{period}: {met} of {total} targets met, {not_met} not met, "
                              "{not_reported} not reported",
                              {{"period", plan.periods[index]},
                               {"met", format_number(c.met, view.locale(), 0)},
                               {"total", format_number(c.with_target(), view.locale(), 0)},
                               {"not_met", format_number(c.not_met, view.locale(), 0)},
                               {"not_reported", format_number(c.not_reported, view.locale(), 0)}});
  if (c.no_target > 0) {
    s += view.format("indicator_counts_no_target", "; {count} without a target",
                     {{"count", format_number(c.no_target, view.locale(), 0)}});
  }
  return s;
}

std::string scorecard_url(const IndicatorSet& plan, const DataView& view) {
  return view.dataset_url(plan.dataset) + "scorecard/";
}

std::string indicator_url(const IndicatorSet& plan, const Indicator& indicator,
                          const DataView& view) {
  return view.dataset_url(plan.dataset) + "indicators/" + indicator.id + "/";
}

Value scorecard_row(const IndicatorSet& plan, const Indicator& ind, const DataView& view) {
  Map row = period_value(ind, ind.periods[ind.latest()], view).as_map();
  row.emplace_back("name", Value(view.pick(ind.name)));
  row.emplace_back("name_lang", Value(view.lang_of(ind.name)));
  row.emplace_back("url", Value(indicator_url(plan, ind, view)));
  return Value(std::move(row));
}

Value scorecard_context(const IndicatorSet& plan, const Dataset& ds, const DataView& view) {
  List counts;
  for (size_t i = 0; i < plan.periods.size(); ++i) {
    counts.push_back(Value(
        Map{{"period", Value(plan.periods[i])}, {"text", Value(counts_text(plan, i, view))}}));
  }
  // Goals in the order of their first indicator.
  std::vector<std::string> goal_names, goal_langs;
  std::vector<List> goal_rows;
  for (const Indicator& ind : plan.indicators) {
    std::string goal = view.pick(ind.goal);
    size_t g = 0;
    while (g < goal_names.size() && goal_names[g] != goal) ++g;
    if (g == goal_names.size()) {
      goal_names.push_back(goal);
      goal_langs.push_back(view.lang_of(ind.goal));
      goal_rows.emplace_back();
    }
    goal_rows[g].push_back(scorecard_row(plan, ind, view));
  }
  List goals;
  for (size_t g = 0; g < goal_names.size(); ++g) {
    std::string name = goal_names[g].empty() ? view.text("indicator_goal_none", "Other indicators")
                                             : goal_names[g];
    goals.push_back(Value(Map{{"name", Value(name)},
                              {"name_lang", Value(goal_names[g].empty() ? "" : goal_langs[g])},
                              {"id", Value("goal-" + std::to_string(g + 1))},
                              {"indicators", Value(std::move(goal_rows[g]))}}));
  }
  Map m{{"title", Value(view.pick(plan.title))},
        {"description", Value(view.pick(ds.description))},
        {"dataset_url", Value(view.dataset_url(plan.dataset))},
        {"dataset_title", Value(view.pick(ds.title))},
        {"dataset_title_lang", Value(view.lang_of(ds.title))},
        {"url", Value(scorecard_url(plan, view))},
        {"source", source_context(ds.source, view)},
        {"counts", Value(std::move(counts))},
        {"goals", Value(std::move(goals))}};
  view.add_marked(m, "dataset_title", ds.title, view.lang_of(ds.title));
  return Value(std::move(m));
}

std::string indicator_chart_stem(const IndicatorSet& plan, const Indicator& ind) {
  return "data/" + plan.dataset + "/charts/indicator-" + file_name_part(ind.id);
}

std::string indicator_chart(const IndicatorSet& plan, const Indicator& ind, const std::string& id,
                            const DataView& view) {
  Dataset ds;
  ds.name = plan.dataset + "-" + ind.id;
  ds.title.plain = view.format("indicator_chart_title", "{name}: target and actual",
                               {{"name", view.pick(ind.name)}});
  // On the page, a name in another language than the reader's carries its lang.
  const std::string name_lang = view.lang_of(ind.name);
  std::string title_html;
  if (!name_lang.empty()) {
    title_html = html_escape(
        view.format("indicator_chart_title", "{name}: target and actual", {{"name", "\x01"}}));
    const std::string name = in_lang(view.pick(ind.name), name_lang);
    for (size_t at = title_html.find('\x01'); at != std::string::npos;
         at = title_html.find('\x01', at + name.size())) {
      title_html.replace(at, 1, name);
    }
  }
  ds.source = plan.source;
  ds.license = plan.license;
  Column period{"period", ColumnType::kString, {}, {}, {}, {}};
  period.title.plain = view.text("indicator_period", "Period");
  Column target{"target", ColumnType::kNumber, {}, {}, ind.unit, {}};
  target.title.plain = view.text("indicator_target", "Target");
  Column actual{"actual", ColumnType::kNumber, {}, {}, ind.unit, {}};
  actual.title.plain = view.text("indicator_actual", "Actual");
  Column target_max{"target_max", ColumnType::kNumber, {}, {}, ind.unit, {}};
  target_max.title.plain = view.text("indicator_target_max", "Target (upper end)");
  const bool range = ind.direction == Direction::kRange;
  ds.columns = {period, target, actual};
  if (range) ds.columns.push_back(target_max);
  // The figures as CSV rows (numbers written round-trip), read back by the chart.
  ds.csv_bytes = range ? "period,target,actual,target_max\n" : "period,target,actual\n";
  auto cell = [](std::optional<double> v) { return v ? Value(*v).to_text() : std::string(); };
  for (const PeriodResult& p : ind.periods) {
    if (!p.target && !p.actual) continue;
    ds.csv_bytes += csv_quote(p.period) + "," + cell(p.target) + "," + cell(p.actual);
    if (range) ds.csv_bytes += "," + cell(p.target_max);
    ds.csv_bytes += "\n";
  }
  ds.index_rows();
  if (ds.row_count() == 0) return {};
  ChartSpec spec;
  spec.x = "period";
  spec.y = {"target", "actual"};
  if (range) spec.y.push_back("target_max");
  spec.kind = "target";
  spec.title_html = title_html;
  spec.x_in_order = true;  // the plan's periods, in time order
  return render_chart(ds, spec, nullptr, id, view, indicator_url(plan, ind, view),
                      indicator_chart_stem(plan, ind));
}

Value indicator_context(const IndicatorSet& plan, const Dataset& ds, const Indicator& ind,
                        const DataView& view, const std::string* chart_html) {
  List periods;
  for (const PeriodResult& p : ind.periods) periods.push_back(period_value(ind, p, view));
  const PeriodResult& latest = ind.periods[ind.latest()];
  Map m{{"name", Value(view.pick(ind.name))},
        {"name_lang", Value(view.lang_of(ind.name))},
        {"goal", Value(view.pick(ind.goal))},
        {"goal_lang", Value(view.lang_of(ind.goal))},
        {"unit", Value(view.pick(ind.unit))},
        {"unit_lang", Value(view.lang_of(ind.unit))},
        {"direction", Value(direction_text(ind.direction, view))},
        {"latest", period_value(ind, latest, view)},
        {"periods", Value(std::move(periods))},
        {"chart_html",
         Value(chart_html ? *chart_html : indicator_chart(plan, ind, kIndicatorChartId, view))},
        {"source", Value(view.pick(ind.source))},
        {"source_lang", Value(view.lang_of(ind.source))},
        {"method", Value(view.pick(ind.method))},
        {"method_lang", Value(view.lang_of(ind.method))},
        {"plan_title", Value(view.pick(plan.title))},
        {"plan_title_lang", Value(view.lang_of(plan.title))},
        {"plan_source", source_context(ds.source, view)},
        {"scorecard_url", Value(scorecard_url(plan, view))},
        {"dataset_url", Value(view.dataset_url(plan.dataset))},
        {"dataset_title", Value(view.pick(ds.title))},
        {"dataset_title_lang", Value(view.lang_of(ds.title))}};
  add_figure(m, "baseline", ind.baseline, {}, ind, view);
  view.add_marked(m, "plan_title", plan.title, view.lang_of(plan.title));
  view.add_marked(m, "dataset_title", ds.title, view.lang_of(ds.title));
  return Value(std::move(m));
}

}  // namespace firefly
