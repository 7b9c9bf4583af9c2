// How the files of a folder are on disk, so that `serve` loads a folder again only when a
// file in it changed (as load_content does for each file of content/).
#pragma once

#include <chrono>
#include <filesystem>

#include "core/hash.h"

namespace firefly {

/// Adds to `h` the path and stamp (load/content.h FileStamp) of every file under `dir`
/// as list_files finds them, and the paths of the links and special files it skips (a
/// missing folder adds nothing). False when a stamp cannot be trusted (a file written
/// within a clock tick of `read_at`, or one that cannot be looked at): then a file may
/// have changed since without its stamp showing it.
bool add_folder_stamps(Hasher& h, const std::filesystem::path& dir,
                       const std::filesystem::path& site_dir,
                       std::chrono::system_clock::time_point read_at);

}  // namespace firefly
