// The bridge between the page renderer and the open-data stage: dataset page
// contexts, the catalogue list and ```chart / ```table embeds.
#pragma once

#include <map>
#include <vector>

#include "config/site_config.h"
#include "load/dataset.h"
#include "render/body.h"
#include "render/context.h"
#include "render/data_files.h"
#include "render/data_manifest.h"
#include "render/theme.h"

namespace firefly {

/// The DataSite of a configuration.
DataSite make_data_site(const SiteConfig& config);

/// Dataset views for one build.
class DataViewsImpl {
 public:
  DataViewsImpl(const std::vector<Dataset>& datasets, const DataSite& site, const Theme& theme);
  /// The views the context builder calls.
  const DataViews& views() const { return views_; }
  /// Renders ```chart and ```table blocks.
  EmbedRenderer embed_renderer() const;
  /// Every open-data file of the build.
  const DataManifest& manifest() const { return manifest_; }

 private:
  const std::vector<Dataset>& datasets_;
  const DataSite& site_;
  const Theme& theme_;
  std::map<std::string, const Dataset*> by_name_;
  DataManifest manifest_;
  DataViews views_;
};

}  // namespace firefly
