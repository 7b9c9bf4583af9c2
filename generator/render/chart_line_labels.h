// Where a line chart's value label has no line through it: the least width of the plot
// from which no line of the chart crosses the label's text box.
#pragma once

#include <cstddef>
#include <vector>

#include "render/chart_data.h"
#include "render/chart_style.h"

namespace firefly {

/// How far a value label's text box reaches above its baseline and below it, in em: Noto
/// Sans' 1.07 and 0.29 (the fonts that stand in for it reach less far: 0.94 and 0.25).
inline constexpr double kLabelAscentEms = 1.07;
inline constexpr double kLabelDescentEms = 0.3;
/// How far from a label's box a line's middle must pass: half its 3 px stroke at 16 px text
/// (0.09em), less the pixel of it that may touch the box's empty edge (under the digits'
/// baseline, over their tops), as Chromium's check allows (tests/a11y/chart-text.mjs).
inline constexpr double kLineHalfEms = 0.06;

/// The least width of the plot (in em) from which the text box of a value label `width` em
/// wide at drawn point `k`, written over its `value` (or under it: `under`) as `plot` says
/// and standing against its point as `anchor` says, has no line of `d` through it (its own
/// line, or another series'): 0 when none ever comes near it, infinity when one runs
/// through it at every width (through the box's height at its point). The box's height
/// is the same at every width; its width in bands of the plot (a plot's n-th) shrinks as
/// the plot widens, so each line beside it gives one width from which the box ends before
/// the line enters the box's height.
double line_label_clear_width(const ChartData& d, const std::vector<size_t>& pts,
                              const ChartScale& scale, const LabelPlot& plot, size_t k,
                              double value, bool under, double width, LabelAnchor anchor);

}  // namespace firefly
