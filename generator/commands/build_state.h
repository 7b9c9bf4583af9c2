// What one build made, kept by `serve` so that an edit re-renders only what depends on it.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "commands/build.h"
#include "config/site_config.h"
#include "emit/photo_cache.h"
#include "load/content.h"
#include "load/dataset.h"
#include "model/site.h"
#include "render/body.h"
#include "render/context.h"
#include "render/data_views.h"
#include "render/theme.h"

namespace firefly {

/// The loaded sources, the site graph and the rendered bodies of a build. Members refer
/// to each other, so a BuildState lives on the heap and is never moved or copied.
struct BuildState {
  BuildOptions options;
  int jobs = 1;
  std::optional<SiteConfig> config;
  std::unique_ptr<Theme> theme;
  std::vector<SourcePage> sources;
  std::vector<Dataset> datasets;
  std::unique_ptr<Site> site;
  DataSite data_site;
  std::optional<DataViews> data_views;
  std::vector<Body> bodies;  ///< indexed like site->pages
  std::optional<ContextBuilder> contexts;
  std::unique_ptr<PhotoCache> photo_cache;
  std::unique_ptr<PhotoSet> photos;  ///< the photos content shows, and static/'s originals
  /// For each page, the pages whose lists show it; made by the first update that needs it.
  std::vector<std::vector<size_t>> listed_on;

  BuildState() = default;
  BuildState(const BuildState&) = delete;
  BuildState& operator=(const BuildState&) = delete;
};

}  // namespace firefly
