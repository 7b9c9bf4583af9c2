// site.yaml's `collections:`: each collection's sorting, pagination, taxonomies and the
// schema of its front matter (for config/ alone; SiteConfig holds what they give).
#pragma once

#include <string>

#include "config/site_config.h"

namespace firefly::config_detail {

/// The collection `name` as `v`, its settings under `collections:`, describes; what is
/// wrong with them goes to `diags` at its position in site.yaml.
Collection read_collection(const std::string& name, const Value& v, Diagnostics& diags);

}  // namespace firefly::config_detail
