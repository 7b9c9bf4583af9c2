// Change history of site files from git (the only file that includes libgit2).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace firefly {

/// One commit that changed a file.
struct HistoryEntry {
  Date date;            ///< the committer date in the committer's time zone
  std::string message;  ///< the first line of the commit message
  std::string commit;   ///< full hex id
};

/// The git repository holding a site folder, if any; read-only.
class GitHistory {
 public:
  /// Opens the repository that contains `site_dir` (searching parent folders).
  explicit GitHistory(const std::filesystem::path& site_dir);
  ~GitHistory();
  GitHistory(const GitHistory&) = delete;
  GitHistory& operator=(const GitHistory&) = delete;

  /// True when `site_dir` is inside a git repository with at least one commit.
  bool available() const;
  /// True when `site_dir` is the top of the repository's work tree (a site's own repository).
  bool at_root() const;
  /// True when the repository is a shallow clone (its older commits were not fetched).
  bool shallow() const;
  /// For each group of site-relative paths ("data/awards.csv"), the commits reachable
  /// from HEAD that changed any of them, newest first, at most `limit` each.
  std::vector<std::vector<HistoryEntry>> changes(
      const std::vector<std::vector<std::string>>& path_groups, size_t limit = 50) const;
  /// The commit that `rev` names (a full or abbreviated id, a branch, a tag), or nullopt.
  std::optional<HistoryEntry> lookup(const std::string& rev) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// The modification time of `file` as a UTC date, or nullopt when it cannot be read.
std::optional<Date> file_mtime_date(const std::filesystem::path& file);

}  // namespace firefly
