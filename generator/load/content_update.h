// What a load of content/ after an earlier one (`firefly serve`) takes from it: the files
// a watcher's list of changes leaves, and the pages of only the files edited, read again.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "config/site_config.h"
#include "core/error.h"
#include "core/fs.h"
#include "load/content.h"

namespace firefly::detail {

/// The `.md` files of content/ after the changes `changed` (site-relative paths) to the
/// files `before` read, as list_files would find them, and in `touched` the `.md` files
/// among the changes; nullopt when the changes may have added or removed files that are
/// not named (a folder created, moved or deleted) or `before` is not `whole`. Only a
/// touched file gets its `full` path: the others are taken over unread (an update after
/// one edit makes no path of each of 20,000 files).
std::optional<std::vector<FoundFile>> files_after(const std::filesystem::path& site_dir,
                                                  const ContentStamps& before,
                                                  const std::vector<std::string>& changed,
                                                  std::unordered_set<std::string>& touched);

/// The load after `previous` when the watcher's list names, under content/, only `.md`
/// files that `previous` read (edited, or written again through a rename) and files that
/// are not pages: the pages and stamps of `previous` with those files read again, without
/// a look at any other file. nullopt when the list may have added or removed a page (a
/// folder or a page created, moved or deleted) or `previous` is not `whole`: then the
/// files must be found as files_after does. Stamps are taken as of `started`.
std::optional<SourcePages> load_edited(const std::filesystem::path& site_dir,
                                       const SiteConfig& config, int jobs, Diagnostics& diags,
                                       ContentStamps& stamps, const LoadedContent& previous,
                                       std::chrono::system_clock::time_point started);

}  // namespace firefly::detail
