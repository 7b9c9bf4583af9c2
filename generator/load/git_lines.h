// Which commit last changed each line of a site file (git blame), for texts kept side by
// side in one file, such as a dataset's metadata in several languages.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "load/git_history.h"

namespace firefly {

/// For each line of `path` (site-relative, as it is on disk now; index 0 is line 1), the
/// commit that last changed it; nullopt for a line not committed yet. Empty when the site
/// is not in git or the file was never committed.
std::vector<std::optional<HistoryEntry>> line_history(const std::filesystem::path& site_dir,
                                                      const std::string& path);

}  // namespace firefly
