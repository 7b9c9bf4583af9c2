// Watches a site's sources with inotify: content/, data/, static/, layouts/, partials/,
// i18n/, themes/ (recursively, including folders created later) and site.yaml, and where
// its git repository records its commit.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace firefly {

/// What Watcher::wait saw.
enum class WatchResult { kChanged, kTimeout, kStopped, kFailed };

/// A recursive inotify watch over the source folders of one site.
class Watcher {
 public:
  /// Starts watching `site_dir`; check ok() afterwards.
  explicit Watcher(std::filesystem::path site_dir);
  ~Watcher();
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  /// False when inotify could not be set up (error() says why).
  bool ok() const { return fd_ >= 0; }
  /// Why the watcher failed, for the terminal.
  const std::string& error() const { return error_; }
  /// The folders the site is watched through (one watch each), relative to the site.
  std::vector<std::string> watched() const;
  /// Also watches where the site's git repository records its commit: HEAD in `git_dir`,
  /// the branches under `common_dir` (refs/heads/, packed-refs). A commit, checkout or pull
  /// changes no file of the site but the pages' dates from git and the datasets' history;
  /// wait() names the file that moved (".git/refs/heads/main"), relative to the site.
  void watch_repository(const std::filesystem::path& git_dir,
                        const std::filesystem::path& common_dir);
  /// True while a repository is watched (watch_repository, until its folders are removed).
  bool watching_repository() const { return !repo_heads_.empty(); }

  /// Waits up to `timeout_ms` (-1: forever) for a source change, or until `stop_fd`
  /// (ignored when < 0) becomes readable. Site-relative paths of changed files are
  /// appended to `changed`; editor scratch files (.swp, ~, hidden) are ignored, but for a
  /// repository made or removed in the site folder (`git init`: ".git").
  WatchResult wait(int timeout_ms, int stop_fd, std::vector<std::string>& changed);
  /// True when events were lost since the last call (the kernel's queue of them
  /// overflowed): the paths wait() gave since may be incomplete. Resets the flag.
  bool take_overflow() { return std::exchange(overflowed_, false); }

 private:
  void add_tree(const std::filesystem::path& dir);
  int add_one(const std::filesystem::path& dir);
  /// A folder of the repository's branches (refs/heads/) and those in it: each file counts.
  void add_refs(const std::filesystem::path& dir);
  /// Whether an event `mask` on `name` in the repository's folder `wd` is a commit moving
  /// (HEAD, a branch, packed-refs); adds the folders made under refs/heads/.
  bool repository_event(int wd, const std::string& name, std::uint32_t mask);
  bool read_events(std::vector<std::string>& changed);

  std::filesystem::path site_dir_;
  int fd_ = -1;
  std::string error_;
  std::map<int, std::filesystem::path> dirs_;  ///< watch descriptor -> folder
  int root_wd_ = -1;
  std::set<int> repo_heads_;  ///< the repository's own folders: only HEAD and packed-refs count
  std::set<int> repo_refs_;   ///< refs/heads/ and the folders in it
  /// Where the branches are (common_dir/refs/heads), watched once it exists: a repository
  /// made while serve runs (`git init`) may not have it yet when it is first seen.
  std::filesystem::path refs_heads_;
  bool overflowed_ = false;
};

/// The top-level folders of a site that serve mode watches.
const std::vector<std::string>& watched_site_folders();

}  // namespace firefly
