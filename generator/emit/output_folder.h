// The output folder: what `--out` may name, and the marker that says Firefly made it.
#pragma once

#include <filesystem>

#include "core/error.h"

namespace firefly {

/// The file Firefly writes at the top of every output folder it publishes.
inline constexpr const char* kOutputMarker = ".firefly-output";
/// The start of the name of the folder a build stages its output in, inside the output.
inline constexpr const char* kStagingPrefix = ".firefly-staging-";

/// `path` made absolute with every symbolic link of its existing part followed (the folder
/// a build really writes into; a link named as --out stays a link).
std::filesystem::path resolve_output_folder(const std::filesystem::path& path);

/// Checks, before anything is built, that `out_dir` may be replaced by a build of
/// `site_dir`: it is not the site, does not contain it, is not inside one of its source
/// folders, is a folder (or does not exist yet), and is empty (or holds only the staging
/// folder of a killed first build) or a previous Firefly output unless `force`. Problems go to
/// `diags` (they are usage errors: exit 2); true when none.
bool check_output_folder(const std::filesystem::path& site_dir,
                         const std::filesystem::path& out_dir, bool force, Diagnostics& diags);

}  // namespace firefly
