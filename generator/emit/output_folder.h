// The output folder: what `--out` may name, and the marker that says Firefly made it.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/error.h"

namespace firefly {

/// The file Firefly writes at the top of every output folder it publishes.
inline constexpr const char* kOutputMarker = ".firefly-output";
/// The start of the name of the folder a build stages its output in, inside the output.
inline constexpr const char* kStagingPrefix = ".firefly-staging-";
/// The entry of an output folder a build leaves alone: a repository made in it to push the
/// site (`git init` in public/).
inline constexpr const char* kKeptRepository = ".git";

/// `path` made absolute with every symbolic link of its existing part followed (the folder
/// a build really writes into; a link named as --out stays a link).
std::filesystem::path resolve_output_folder(const std::filesystem::path& path);

/// Why `out` (resolved) may not be replaced even with --force, as the end of a sentence
/// "--out X ...", or "" when it may: the root of the file system, one of `homes` or a
/// folder holding one, or the folder `cwd` or one holding it.
std::string forced_output_danger(const std::filesystem::path& out,
                                 const std::vector<std::filesystem::path>& homes,
                                 const std::filesystem::path& cwd);

/// Checks, before anything is built, that `out_dir` may be replaced by a build of
/// `site_dir`: it is not the site, does not contain it, is not inside one of its source
/// folders, is a folder (or does not exist yet), and is empty (or holds only the staging
/// folder of a killed first build) or a previous Firefly output unless `force`; never a
/// folder holding a git repository, and with `force` never one that forced_output_danger
/// names. Problems go to
/// `diags` (they are usage errors: exit 2); true when none.
bool check_output_folder(const std::filesystem::path& site_dir,
                         const std::filesystem::path& out_dir, bool force, Diagnostics& diags);

}  // namespace firefly
