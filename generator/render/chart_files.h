// A chart's files of its own, which a reader can save, link to and cite: their names under
// the dataset's charts/ folder, the links to them under the chart, and the credit line
// naming where the figures come from.
#pragma once

#include <string>
#include <string_view>

#include "load/dataset.h"
#include "render/data_manifest.h"
#include "render/data_table.h"

namespace firefly {

/// `name` as a part of a file name: ASCII letters, digits, '_' and '-' kept, others '_'.
std::string file_name_part(std::string_view name);

/// The path of the files of a chart of `dataset` without their extension,
/// "data/awards/charts/bar-year-count": its kind, x and y columns, then `variant` (which
/// tells apart charts of the same columns that show other rows or another title).
std::string chart_file_stem(const std::string& dataset, const ChartSpec& spec,
                            std::string_view variant = {});

/// "臺南市政府勞工局, 2019 年度施政計畫": who produced the figures of `ds`, and in what.
std::string chart_source_text(const Dataset& ds, const DataView& view);

/// The links to the chart's data (CSV) and drawing (SVG), described by the chart's title
/// (`<id>-title`), each with the file's size. A reduced chart (more categories than it
/// draws) links its data to the dataset's downloads instead (`csv` is then null and
/// `all_data_url` that page): the chart's CSV would be the dataset again.
std::string chart_download_links(const std::string& id, const DataFile* csv, const DataFile& svg,
                                 const std::string& all_data_url, const DataView& view);

}  // namespace firefly
