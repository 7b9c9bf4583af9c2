// The browser CMS: /admin/ with a config.yml generated from site.yaml (Sveltia CMS by default;
// Decap CMS reads the same file).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "config/site_config.h"
#include "core/localized.h"
#include "core/output.h"
#include "core/value.h"

namespace firefly {

/// The CMS configuration for `config` (which must have `cms:`): a collection per content
/// collection and one for the datasets' metadata, widgets from the schemas, every language
/// as i18n with one file per language, media in static/images.
Value cms_config(const SiteConfig& config,
                 const std::vector<std::pair<std::string, Localized>>& datasets);

/// /admin/index.html (loads the CMS script) and /admin/config.yml; nothing without `cms:`.
void render_cms(const SiteConfig& config,
                const std::vector<std::pair<std::string, Localized>>& datasets, OutputSet& out);

}  // namespace firefly
