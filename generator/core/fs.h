// File system access: reading site files and listing folders (writing is emit/'s job).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace firefly {

/// Reads a whole file; nullopt when it cannot be read.
std::optional<std::string> read_file(const std::filesystem::path& path);

/// A file found under a folder of the site.
struct FoundFile {
  std::filesystem::path full;  ///< absolute or site-dir-based path to open
  std::string rel;             ///< '/'-separated path relative to the listed folder
};

/// Every regular file under `dir` (recursively), sorted by `rel`; empty when `dir` is
/// missing. Symbolic links that resolve outside `root` are skipped and their `rel` paths
/// appended to `escaped` (when given), so callers can report them.
std::vector<FoundFile> list_files(const std::filesystem::path& dir,
                                  const std::filesystem::path& root,
                                  std::vector<std::string>* escaped = nullptr);

}  // namespace firefly
