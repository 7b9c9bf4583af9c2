// For tests of the model: a site configuration from YAML text.
#pragma once

#include <doctest/doctest.h>

#include "config/site_config.h"
#include "core/yaml.h"

namespace firefly {

/// The configuration `yaml` describes; the test fails when it has errors.
inline SiteConfig config_from(const char* yaml) {
  Diagnostics diags;
  auto config = site_config_from(parse_yaml(yaml, "site.yaml", diags), diags);
  REQUIRE(config);
  return *config;
}

}  // namespace firefly
