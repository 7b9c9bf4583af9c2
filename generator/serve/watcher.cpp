#include "serve/watcher.h"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>

namespace firefly {

namespace fs = std::filesystem;

namespace {

constexpr std::uint32_t kMask = IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM |
                                IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF | IN_ONLYDIR |
                                IN_DONT_FOLLOW;

/// Scratch files editors write next to the real one; changes to them are not edits.
bool is_scratch(std::string_view name) {
  if (name.empty() || name[0] == '.' || name.back() == '~' || name == "4913") return true;
  for (std::string_view ext : {".swp", ".swx", ".tmp"}) {
    if (name.size() > ext.size() && name.substr(name.size() - ext.size()) == ext) return true;
  }
  return false;
}

}  // namespace

const std::vector<std::string>& watched_site_folders() {
  static const std::vector<std::string> kFolders{"content",  "data", "static", "layouts",
                                                 "partials", "i18n", "themes"};
  return kFolders;
}

Watcher::Watcher(fs::path site_dir) : site_dir_(std::move(site_dir)) {
  fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd_ < 0) {
    error_ = std::string("cannot watch files: ") + std::strerror(errno);
    return;
  }
  // The site folder itself, for site.yaml and for source folders created later.
  root_wd_ = inotify_add_watch(fd_, site_dir_.c_str(), kMask);
  if (root_wd_ < 0) {
    error_ = "cannot watch " + site_dir_.string() + ": " + std::strerror(errno);
    ::close(fd_);
    fd_ = -1;
    return;
  }
  for (const std::string& f : watched_site_folders()) add_tree(site_dir_ / f);
}

Watcher::~Watcher() {
  if (fd_ >= 0) ::close(fd_);
}

int Watcher::add_one(const fs::path& dir) {
  int wd = inotify_add_watch(fd_, dir.c_str(), kMask);
  if (wd >= 0) dirs_[wd] = dir;
  return wd;
}

void Watcher::watch_repository(const fs::path& git_dir, const fs::path& common_dir) {
  if (fd_ < 0) return;
  for (const fs::path& dir : {git_dir, common_dir}) {
    int wd = add_one(dir);
    if (wd >= 0) repo_heads_.insert(wd);
  }
  // Branches only: an editor's background `git fetch` moves refs/remotes/, which changes
  // nothing the site shows until a merge moves a branch.
  refs_heads_ = common_dir / "refs/heads";
  add_refs(refs_heads_);
}

void Watcher::add_refs(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(fs::symlink_status(dir, ec))) return;
  if (int wd = add_one(dir); wd >= 0) repo_refs_.insert(wd);
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_directory(ec) && !it->is_symlink(ec)) {
      if (int wd = add_one(it->path()); wd >= 0) repo_refs_.insert(wd);
    }
  }
}

bool Watcher::repository_event(int wd, const std::string& name, std::uint32_t mask) {
  // git writes name.lock and renames it over name: the rename is the change.
  if (name.size() > 5 && name.compare(name.size() - 5, 5, ".lock") == 0) return false;
  if (repo_refs_.count(wd)) {
    if ((mask & IN_ISDIR) && (mask & (IN_CREATE | IN_MOVED_TO))) add_refs(dirs_[wd] / name);
    return !(mask & IN_ISDIR);
  }
  if (repo_refs_.empty() && !refs_heads_.empty()) {
    // A repository still being made (`git init` seen half-way): its branches are watched
    // from the first change in it after refs/heads/ exists, and that change counts, since
    // a branch may have moved before.
    add_refs(refs_heads_);
    if (!repo_refs_.empty()) return true;
  }
  return name == "HEAD" || name == "packed-refs";
}

void Watcher::add_tree(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(fs::symlink_status(dir, ec))) return;
  add_one(dir);
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_directory(ec) && !it->is_symlink(ec)) {
      if (is_scratch(it->path().filename().string())) {
        it.disable_recursion_pending();
        continue;
      }
      add_one(it->path());
    }
  }
}

std::vector<std::string> Watcher::watched() const {
  std::vector<std::string> out;
  for (const auto& [wd, dir] : dirs_) out.push_back(dir.lexically_relative(site_dir_).string());
  std::sort(out.begin(), out.end());
  return out;
}

bool Watcher::read_events(std::vector<std::string>& changed) {
  alignas(inotify_event) char buf[16384];
  bool any = false;
  for (;;) {
    ssize_t n = ::read(fd_, buf, sizeof buf);
    if (n <= 0) break;
    for (ssize_t off = 0; off < n;) {
      const auto* ev = reinterpret_cast<const inotify_event*>(buf + off);
      off += static_cast<ssize_t>(sizeof(inotify_event) + ev->len);
      std::string name = ev->len ? std::string(ev->name) : std::string();
      if (ev->mask & IN_Q_OVERFLOW) {  // events were lost: which files changed is unknown
        overflowed_ = true;
        any = true;
        continue;
      }
      if (ev->mask & IN_IGNORED) {
        dirs_.erase(ev->wd);
        repo_heads_.erase(ev->wd);
        repo_refs_.erase(ev->wd);
        continue;
      }
      if (repo_heads_.count(ev->wd) || repo_refs_.count(ev->wd)) {
        if (!repository_event(ev->wd, name, ev->mask)) continue;
        std::error_code ec;
        fs::path site = fs::weakly_canonical(site_dir_, ec);
        changed.push_back((dirs_[ev->wd] / name).lexically_relative(site).string());
        any = true;
        continue;
      }
      if (ev->wd == root_wd_) {
        // In the site folder only site.yaml, the source folders and the repository (made
        // by `git init` while serve runs, or removed) matter.
        bool folder = std::find(watched_site_folders().begin(), watched_site_folders().end(),
                                name) != watched_site_folders().end();
        if (name != "site.yaml" && name != ".git" && !folder) continue;
        if (folder && (ev->mask & (IN_CREATE | IN_MOVED_TO))) add_tree(site_dir_ / name);
        changed.push_back(name);
        any = true;
        continue;
      }
      auto dir = dirs_.find(ev->wd);
      if (dir == dirs_.end() || name.empty() || is_scratch(name)) continue;
      fs::path full = dir->second / name;
      if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO))) add_tree(full);
      changed.push_back(full.lexically_relative(site_dir_).string());
      any = true;
    }
  }
  return any;
}

WatchResult Watcher::wait(int timeout_ms, int stop_fd, std::vector<std::string>& changed) {
  if (fd_ < 0) return WatchResult::kFailed;
  pollfd fds[2] = {{fd_, POLLIN, 0}, {stop_fd, POLLIN, 0}};
  for (;;) {
    int r = ::poll(fds, stop_fd >= 0 ? 2 : 1, timeout_ms);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) return WatchResult::kFailed;
    if (r == 0) return WatchResult::kTimeout;
    if (stop_fd >= 0 && (fds[1].revents & (POLLIN | POLLHUP | POLLERR))) {
      return WatchResult::kStopped;
    }
    if (read_events(changed)) return WatchResult::kChanged;
    // Only ignored events arrived: keep waiting (timeout restarts; fine for debouncing).
    if (timeout_ms == 0) return WatchResult::kTimeout;
  }
}

}  // namespace firefly
