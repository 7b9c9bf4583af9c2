// The top-level addresses a site's own pages take (the data catalogue at /data/, the search
// page, the site map, each language's home page): a taxonomy or a collection, whose pages are
// published at /<name>/, named like one of them would be published over it. Found here,
// at the name in site.yaml, rather than when the pages are laid out, which could name no
// line of site.yaml.
#pragma once

#include "config/site_config.h"
#include "core/error.h"
#include "core/value.h"

namespace firefly::config_detail {

/// Reports each taxonomy and collection of `c` (read from site.yaml's `root`) whose name is
/// an address the build's own pages, a language or (for a taxonomy) a collection take.
void report_taken_addresses(const Value& root, const SiteConfig& c, Diagnostics& diags);

}  // namespace firefly::config_detail
