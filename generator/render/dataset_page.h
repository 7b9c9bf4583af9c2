// The template context of a dataset page (`dataset`, `jsonld`) and of the catalogue's list.
#pragma once

#include <string>
#include <vector>

#include "core/output.h"
#include "core/value.h"
#include "load/dataset.h"
#include "render/chart.h"
#include "render/data_files.h"
#include "render/data_manifest.h"
#include "render/data_table.h"

namespace firefly {

/// Rows shown in a dataset page's preview table.
inline constexpr size_t kPreviewRows = 50;

/// "8.2 KB", "512 bytes", "1.5 MB" with the reader's number format.
std::string size_display(size_t bytes, const DataView& view);
/// The display text of a frequency ("每年", "Yearly"; an ISO interval as written).
std::string frequency_display(const std::string& frequency, const DataView& view);
/// The display text of a column type ("Whole number").
std::string type_display(ColumnType type, const DataView& view);
/// The `source` map: agency, title, url, date{iso, display}; null when there is none.
Value source_context(const DatasetSource& source, const DataView& view);
/// The licence as {id, name, url}: name is the licence's title in the reader's language.
Value license_context(const std::string& license, const DataView& view);
/// The citation in the OGDL-Taiwan-1.0 attribution form: publisher, year, title, version, URL and
/// the licence's name and URL, localized through t.data_citation.
std::string dataset_citation(const Dataset& ds, const DataSite& site, const DataView& view);
/// The citation as HTML: escaped, the publisher's name and the dataset's title in a
/// <span lang> when they are in a language other than the reader's.
std::string dataset_citation_html(const Dataset& ds, const DataSite& site, const DataView& view);

/// The `dataset` map of a dataset page (see docs/open-data.md): title, description, name,
/// url, source, license{id,name,url}, frequency, columns[], table_html, chart_html (absent
/// without a chart), chart_table_html and chart_table_id (its caption's id), downloads[], sha256,
/// updated{iso,display}, history[{date{iso,display}, summary (rows added/changed/removed in the
/// reader's language), message (default language only, else ""), commit, short_commit,
/// version{url,name,size_display,sha256} (absent when not published)}], citation,
/// row_count. `chart` is the page's chart and its data table when drawn already (null:
/// drawn here).
Value dataset_context(const Dataset& ds, const std::vector<DataFile>& files, const DataSite& site,
                      const DataView& view, const std::vector<DataFile>& versions = {},
                      const ChartHtml* chart = nullptr);
/// The id of the chart on the dataset page of `ds`: "chart-<name>".
std::string dataset_chart_id(const Dataset& ds);
/// The chart of the dataset page of `ds` (its metadata's `chart`, which it must have) and
/// the table of the values it draws, captioned with the chart's title, its caption's id
/// "<chart id>-table", at most kTableMaxRows rows (else linking to the downloads).
ChartHtml dataset_chart(const Dataset& ds, const DataView& view);
/// The schema.org Dataset JSON-LD of a dataset page (for `jsonld`).
std::string dataset_jsonld(const Dataset& ds, const std::vector<DataFile>& files,
                           const DataSite& site, const DataView& view);
/// At most this many reading units (truncate_text) of a description's first sentence make a
/// catalogue card's summary.
inline constexpr size_t kCardSummaryUnits = 160;
/// One entry of `datasets[]` on the catalogue and home pages: {name, title, title_lang,
/// description, description_lang, summary, summary_lang, url, row_count,
/// updated{iso, display}}; summary is the dataset's `summary`, else the first sentence of
/// its description (cut at kCardSummaryUnits).
Value dataset_list_item(const Dataset& ds, const DataView& view);
/// The catalogue-wide downloads (all.zip, datapackage.json, catalog.jsonld, SHA256SUMS)
/// as `downloads[]` entries, from the manifest's catalogue files.
Value catalogue_downloads(const std::vector<DataFile>& files, const DataView& view);

}  // namespace firefly
