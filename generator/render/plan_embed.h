// ```scorecard and ```indicator blocks in Markdown, rendered from the site's plans.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "model/indicators.h"
#include "render/data_table.h"

namespace firefly {

/// The HTML that replaces one ```scorecard or ```indicator block (`kind`) whose text is
/// `yaml_text`, opened at `line` of the Markdown file `path`. scorecard keys: dataset;
/// indicator keys: dataset, id. A scorecard is a <figure> with the counts per period and
/// every indicator's latest target, actual and status; an indicator is a <figure> with its
/// latest status and target-against-actual chart. Both link to their page. Mistakes (an
/// unknown key, dataset or id, a dataset that is not a plan) are reported with a
/// suggestion, and "" is returned; a block that names a dataset of `withheld` (left out
/// for its own errors) is "" with no error besides those of its keys.
std::string render_plan_embed(std::string_view kind, std::string_view yaml_text,
                              const std::string& path, int line,
                              const std::vector<IndicatorSet>& plans, const DataView& view,
                              Diagnostics& diags, const std::set<std::string>& withheld = {});

}  // namespace firefly
