// Change history of site files from git (the only file that includes libgit2).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/time_zone.h"

namespace firefly {

/// One commit that changed a file.
struct HistoryEntry {
  Date date;            ///< the committer date, as a date and time in the site's time zone
  std::string message;  ///< the first line of the commit message
  std::string commit;   ///< full hex id
  /// From `changes` for a group of one path: the file's blob id (hex) in this commit and
  /// in each of its parents ("" where the file is absent); empty otherwise.
  std::string blob = {};
  std::vector<std::string> parent_blobs = {};
};

/// The git repository holding a site folder, if any; read-only.
class GitHistory {
 public:
  /// Opens the repository that contains `site_dir` (searching parent folders); commit dates
  /// are given in `zone`, whatever the committer's own offset.
  GitHistory(const std::filesystem::path& site_dir, const TimeZone& zone);
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
  /// from HEAD that changed any of them, newest first, at most `limit` each. With
  /// `follow_renames`, a group of one path follows its file through renames: a commit that
  /// only renamed or moved it (the same bytes under another path before) is no change, and
  /// the commits before it are read at the old path.
  std::vector<std::vector<HistoryEntry>> changes(
      const std::vector<std::vector<std::string>>& path_groups, size_t limit = 50,
      bool follow_renames = false) const;
  /// The bytes of the site-relative `path` ("data/awards.csv") in `commit` (a full id), or
  /// nullopt when the commit has no such file.
  std::optional<std::string> file_at(const std::string& commit, const std::string& path) const;
  /// The bytes of the blob `blob` (a full hex id, as in HistoryEntry::blob): "" for "",
  /// nullopt when the repository has no such blob.
  std::optional<std::string> blob_text(const std::string& blob) const;
  /// The commit that `rev` names (a full or abbreviated id, a branch, a tag), or nullopt.
  std::optional<HistoryEntry> lookup(const std::string& rev) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// The folders of the git repository that holds a site folder, as `serve` watches them.
struct RepositoryFolders {
  std::filesystem::path git_dir;     ///< its own: HEAD (a linked work tree has one of its own)
  std::filesystem::path common_dir;  ///< shared: refs/ and packed-refs
};

/// The folders of the repository that contains `site_dir` (searching parent folders), or
/// nullopt outside git.
std::optional<RepositoryFolders> repository_folders(const std::filesystem::path& site_dir);

/// One run of changed lines between two texts: `removed` old lines replaced by `added` new ones.
struct LineHunk {
  size_t removed = 0;
  size_t added = 0;
};

/// The runs of changed lines from `before` to `after` (libgit2's line diff, no context).
std::vector<LineHunk> line_hunks(std::string_view before, std::string_view after);

/// The modification date of `file` in `zone`, or nullopt when it cannot be read.
std::optional<Date> file_mtime_date(const std::filesystem::path& file, const TimeZone& zone);

}  // namespace firefly
