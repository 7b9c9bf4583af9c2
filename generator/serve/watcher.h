// Watches a site's sources with inotify: content/, data/, static/, layouts/, partials/,
// i18n/, themes/ (recursively, including folders created later) and site.yaml.
#pragma once

#include <filesystem>
#include <map>
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

  /// Waits up to `timeout_ms` (-1: forever) for a source change, or until `stop_fd`
  /// (ignored when < 0) becomes readable. Site-relative paths of changed files are
  /// appended to `changed`; editor scratch files (.swp, ~, hidden) are ignored.
  WatchResult wait(int timeout_ms, int stop_fd, std::vector<std::string>& changed);
  /// True when events were lost since the last call (the kernel's queue of them
  /// overflowed): the paths wait() gave since may be incomplete. Resets the flag.
  bool take_overflow() { return std::exchange(overflowed_, false); }

 private:
  void add_tree(const std::filesystem::path& dir);
  void add_one(const std::filesystem::path& dir);
  bool read_events(std::vector<std::string>& changed);

  std::filesystem::path site_dir_;
  int fd_ = -1;
  std::string error_;
  std::map<int, std::filesystem::path> dirs_;  ///< watch descriptor -> folder
  int root_wd_ = -1;
  bool overflowed_ = false;
};

/// The top-level folders of a site that serve mode watches.
const std::vector<std::string>& watched_site_folders();

}  // namespace firefly
