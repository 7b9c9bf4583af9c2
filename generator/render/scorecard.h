// What the scorecard page of a plan and the page of one indicator show: every
// indicator's latest target, actual and status (in words and an icon, never colour
// alone), grouped by goal, with counts per period; per indicator its target-against-actual
// chart, the figures per period, source and method notes.
#pragma once

#include <string>

#include "core/value.h"
#include "load/dataset.h"
#include "model/indicators.h"
#include "render/data_table.h"

namespace firefly {

/// The word for `status` in the reader's language ("Met", "未公布").
std::string status_text(IndicatorStatus status, const DataView& view);
/// "2019: 12 of 15 targets met, 2 not met, 1 not reported" for period `index` of `plan`.
std::string counts_text(const IndicatorSet& plan, size_t index, const DataView& view);
/// The site path of the scorecard page of `plan` ("/en/data/plan/scorecard/").
std::string scorecard_url(const IndicatorSet& plan, const DataView& view);
/// The site path of the page of `indicator` of `plan`.
std::string indicator_url(const IndicatorSet& plan, const Indicator& indicator,
                          const DataView& view);

/// The scorecard row of `indicator`: name, url, and its latest period's period, target,
/// actual, ratio and status{name, text, icon}.
Value scorecard_row(const IndicatorSet& plan, const Indicator& indicator, const DataView& view);
/// The `scorecard` map of the scorecard page of `plan` (whose rows are `ds`).
Value scorecard_context(const IndicatorSet& plan, const Dataset& ds, const DataView& view);
/// The id of the chart on an indicator page.
inline constexpr const char* kIndicatorChartId = "indicator-chart";
/// The `indicator` map of the page of `indicator` of `plan`; `chart_html` is its chart when
/// drawn already (null: drawn here).
Value indicator_context(const IndicatorSet& plan, const Dataset& ds, const Indicator& indicator,
                        const DataView& view, const std::string* chart_html = nullptr);
/// The target-against-actual chart of `indicator` of `plan` (HTML; `id` unique on the
/// page): a range target drawn as a band between its two ends. Its downloads name the
/// plan's source and licence and link the indicator's page.
std::string indicator_chart(const IndicatorSet& plan, const Indicator& indicator,
                            const std::string& id, const DataView& view);

/// The path of the files of the chart of `indicator` without their extension:
/// "data/<plan dataset>/charts/indicator-<id>".
std::string indicator_chart_stem(const IndicatorSet& plan, const Indicator& indicator);

}  // namespace firefly
