// site.yaml's `cms:` block (docs/cms.md): the browser editor's git host, repository,
// branch and script, each checked where it is written.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "config/site_config.h"
#include "core/error.h"
#include "core/yaml.h"

namespace firefly {

/// What keeps `branch` from being a git branch's name (the rules of git check-ref-format),
/// as a phrase to follow "it ": "is empty", "has a space", "has '..'"; "" for a usable one.
std::string git_branch_problem(std::string_view branch);

/// What keeps `script` (where /admin/ loads the editor from) from loading a script, as a
/// phrase to follow "it ": a scheme other than http(s) ("is a javascript: address"), or
/// an http(s) address that leads nowhere; "" for such an address or a path.
std::string cms_script_problem(std::string_view script);

namespace config_detail {

/// The `cms:` block, or nullopt after reporting each of its problems.
std::optional<CmsConfig> cms_settings(const Value& v, Diagnostics& diags);

}  // namespace config_detail
}  // namespace firefly
