// Charts of a dataset as HTML with inline SVG marks (no JavaScript). Every text of the
// chart (title, axis titles, ticks, category and value labels, legend) is page text in
// rem/em, so it keeps its size on a phone and grows with the text-size setting and zoom;
// only the marks scale with the width. Bar charts become horizontal bars in narrow
// containers, where long category names wrap.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "load/dataset.h"
#include "render/chart_data.h"
#include "render/chart_files.h"  // chart_file_stem, file_name_part
#include "render/data_table.h"

namespace firefly {

/// The chart of `spec` over the rows `*rows` of `ds` (every row when null): a visible
/// title (id `<id>-title`) and summary (`<id>-desc`), then the drawing in a
/// <div role="img">, then links to download the plotted columns as CSV
/// (`<file_stem>.csv`) and the chart as a standalone SVG naming its title, source and
/// licence (`<file_stem>.<lang>.svg`); those files go to `view.chart_files` when it is set.
/// `id` must be unique on the page; `page` is the site path the figures are published on
/// ("" = the dataset page of `ds`); `file_stem` "" = chart_file_stem(ds.name, spec).
/// A target chart plots y = [target, actual] or [target, actual, upper end of the range].
std::string render_chart(const Dataset& ds, const ChartSpec& spec, const std::vector<size_t>* rows,
                         const std::string& id, const DataView& view, const std::string& page = {},
                         const std::string& file_stem = {});

/// A chart and the table of the values it draws.
struct ChartHtml {
  std::string chart;  ///< as render_chart
  std::string table;  ///< the <table> of render_chart_table
};

/// render_chart, and the data table of the same ChartData (render_chart_table, captioned
/// per `table`): the table lists exactly what the drawing, its summary, CSV and SVG show.
ChartHtml render_chart_and_table(const Dataset& ds, const ChartSpec& spec,
                                 const std::vector<size_t>* rows, const std::string& id,
                                 const TableSpec& table, const DataView& view,
                                 const std::string& page = {}, const std::string& file_stem = {});

}  // namespace firefly
