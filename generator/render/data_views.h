// What pages show of the site's datasets: dataset page contexts, the catalogue list,
// schema.org JSON-LD and ```chart / ```table embeds.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "config/site_config.h"
#include "core/error.h"
#include "core/value.h"
#include "load/dataset.h"
#include "load/markdown.h"
#include "model/site.h"
#include "render/chart.h"
#include "render/data_files.h"
#include "render/data_manifest.h"
#include "render/theme.h"

namespace firefly {

/// The DataSite of a configuration.
DataSite make_data_site(const SiteConfig& config);

/// The dataset views of one build; refers to its arguments, which must outlive it.
/// Thread-safe after construction.
class DataViews {
 public:
  /// With `spool_files`, writes the open-data files as streams into a temporary folder
  /// that lives as long as this (they are then copied to the output); else into memory.
  /// Embeds that name a dataset of `withheld` (left out for its own errors) are quiet.
  /// With `reuse`, the manifest of an earlier build made from the same datasets, site and
  /// theme strings, its files are taken from it (without its charts) instead of made again;
  /// else with `before`, the files of the datasets it names (make_data_manifest, on up to
  /// `jobs` threads).
  DataViews(const std::vector<Dataset>& datasets, const DataSite& site, const Theme& theme,
            const std::vector<IndicatorSet>* plans = nullptr, bool spool_files = false,
            std::set<std::string> withheld = {}, const DataManifest* reuse = nullptr,
            const DataFilesBefore* before = nullptr, int jobs = 1);
  /// The `dataset` map of the dataset page `name` in `lang` (null when there is none).
  Value dataset(const std::string& name, const Language& lang, const Value& t) const;
  /// schema.org JSON-LD of the dataset page `name` (a JSON string; "" when there is none).
  std::string jsonld(const std::string& name, const Language& lang) const;
  /// The `datasets` list for the catalogue and home pages.
  Value datasets(const Language& lang) const;
  /// The catalogue-wide downloads (`data_downloads`) for the catalogue page.
  Value bulk_downloads(const Language& lang) const;
  /// The `scorecard` map of the scorecard page of the plan `name` (null when none).
  Value scorecard(const std::string& name, const Language& lang) const;
  /// The `indicator` map of the page of indicator `id` of the plan `name` (null when none).
  Value indicator(const std::string& name, const std::string& id, const Language& lang) const;
  /// The scorecard's site path of the plan of dataset `name` ("" when it is not a plan).
  std::string scorecard_url(const std::string& name, const Language& lang) const;
  /// Every open-data file of the build.
  const DataManifest& manifest() const { return manifest_; }
  /// The HTML of a ```chart or ```table block of `page`; mistakes go to `diags`, the
  /// files of its charts to `chart_files` (when not null).
  std::string embed(const Embed& embed, const Page& page, Diagnostics& diags,
                    std::vector<DataFile>* chart_files = nullptr) const;
  /// Draws the chart of every dataset and indicator page of `site` (on `jobs` threads),
  /// which those pages then show, and adds their files and `embedded` (the files of the
  /// charts in page bodies) to the manifest. Called once, before the pages render.
  void prepare_charts(const Site& site, std::vector<DataFile> embedded, int jobs);
  /// The theme's strings of `lang` (t.<key>), for words a page body writes itself.
  const Value& strings(const std::string& lang) const;

 private:
  const Dataset* find(const std::string& name) const;
  const IndicatorSet* find_plan(const std::string& name) const;

  const std::vector<Dataset>& datasets_;
  const DataSite& site_;
  const Theme& theme_;
  const std::vector<IndicatorSet>* plans_;
  std::map<std::string, const Dataset*> by_name_;
  std::set<std::string> withheld_;
  std::unique_ptr<TempSpool> spool_;  ///< where the files are, when not in memory
  DataManifest manifest_;
  /// The drawn charts of dataset pages ("<dataset>\n<lang>") and indicator pages
  /// ("<dataset>\n<indicator>\n<lang>").
  std::map<std::string, ChartHtml> chart_html_;
  /// The chart of `key` in chart_html_ (and the data table of a dataset page's), or null.
  const ChartHtml* prepared_chart(const std::string& key) const;
};

}  // namespace firefly
