// ```chart and ```table blocks in Markdown, rendered from the site's datasets.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "load/dataset.h"
#include "render/data_table.h"

namespace firefly {

/// The HTML that replaces one embed block. `kind` is "chart" or "table", `yaml_text` the
/// block's text, `path` the Markdown file and `line` the line of its opening fence.
/// chart keys: dataset, x, y, kind (bar|line), title, where; table keys: dataset, columns,
/// where, title, limit. A chart is a <figure> with the SVG, a caption linking the dataset
/// page and its data table in a <details>; a table is a <figure> with a scrollable,
/// captioned table and the link. Mistakes (unknown dataset, column or key; a y column that
/// is not numeric) are reported at their line with a suggestion, and "" is returned. A
/// block that names a dataset of `withheld` (left out for its own errors) is "" with no
/// error besides those of its keys.
std::string render_embed(std::string_view kind, std::string_view yaml_text, const std::string& path,
                         int line, const std::vector<Dataset>& datasets, const DataView& view,
                         Diagnostics& diags, const std::set<std::string>& withheld = {});

}  // namespace firefly
