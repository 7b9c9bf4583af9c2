// /admin/index.html: the page that loads the browser CMS, and says so plainly when the
// CMS's script cannot be loaded.
#pragma once

#include <string>

#include "config/site_config.h"

namespace firefly {

/// The admin page of `config` (which must have `cms:`): it loads `cms.script` with
/// config.yml beside it, shows "loading" until the script runs, and, when the script
/// cannot be loaded (offline, blocked) or JavaScript is off, says so in the site's default
/// language and English, naming the script's address.
std::string cms_admin_page(const SiteConfig& config);

}  // namespace firefly
