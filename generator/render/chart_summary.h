// The generated description of a chart, in the reader's language: for each series over
// years, dates or periods its first and last values, its lowest and highest with when they
// occurred, the change, and the ones between that have no value; over text categories its
// highest and lowest with where.
#pragma once

#include <string>

#include "render/chart_data.h"

namespace firefly {

/// The summary of one series ("Awards rose from 1 in 2013 to 3 in 2022, a change of +2.
/// The lowest value was 0 in 2017 and the highest 10 in 2021."), then the categories
/// between its first and last values that have none, where its line breaks ("Awards has
/// no value for 2015, 2016."; see series_gaps), localized through
/// t.chart_summary_* with numbers in the reader's locale. Over text categories (data.categories),
/// which have no order, it names the highest and lowest values and their categories instead
/// ("Award entries: highest for Tainan (5) and lowest for Kaohsiung (1), of 3 categories.").
std::string series_summary(const ChartData& data, const ChartSeries& series, const DataView& view);

/// The summaries of every series, one after another ("There are no values to chart." when
/// no series has a value), then which categories' figures are provisional ("The figures for
/// 2021 are provisional.").
std::string chart_summary(const ChartData& data, const DataView& view);

/// The summary of a target chart whose target is a range (series target, actual, upper
/// end): the actual's summary, then each period's range ("The target was 60 to 80 in 2019."),
/// then the provisional ones as chart_summary.
std::string target_range_summary(const ChartData& data, const DataView& view);

/// The note under a chart with provisional figures that says what their mark means
/// ("* Provisional figure: it may still change.").
std::string provisional_note(const DataView& view);

/// chart_summary (or target_range_summary when `target_range`) as HTML: escaped, with each
/// series name and category from the data that is not in the reader's language in a
/// <span lang> (ChartSeries::name_lang, ChartData::x_lang).
std::string chart_summary_html(const ChartData& data, const DataView& view, bool target_range);

}  // namespace firefly
