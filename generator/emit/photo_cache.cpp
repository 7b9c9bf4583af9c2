#include "emit/photo_cache.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <ctime>
#include <vector>

#include "core/fs.h"
#include "core/hash.h"
#include "emit/photo_cache_index.h"

namespace firefly {

namespace fs = std::filesystem;
using photo_index::folder_number;
using photo_index::prefix_of;

namespace {

/// The cache's file name of `key` with extension `ext` ("<key>.webp").
std::string cache_file_name(const std::string& key, std::string_view ext) {
  std::string name;
  name.reserve(key.size() + 1 + ext.size());
  name.append(key).append(1, '.').append(ext);
  return name;
}

constexpr const char* kIndexName = "index.tsv";
/// Its modification time says when unused entries were last looked for.
constexpr const char* kPrunedName = "pruned";
/// Its modification time says when a build last renewed the times of the entries it used.
constexpr const char* kRenewedName = "renewed";
/// How old a used entry may get before a build marks it used again (pruning removes
/// entries unused for longer than an hour by default).
constexpr long long kTouchAfterSeconds = 600;

long long nanoseconds(const timespec& t) {
  return static_cast<long long>(t.tv_sec) * 1'000'000'000LL + t.tv_nsec;
}

long long now_nanoseconds() {
  timespec t;
  ::clock_gettime(CLOCK_REALTIME, &t);
  return nanoseconds(t);
}

/// How the file at `path` looks now; false when it cannot be read.
bool stamp_of(const char* path, SourceStamp& stamp) {
  struct stat st;
  if (::stat(path, &st) != 0) return false;
  stamp.size = static_cast<long long>(st.st_size);
  stamp.mtime = nanoseconds(st.st_mtim);
  stamp.ctime = nanoseconds(st.st_ctim);
  stamp.inode = static_cast<long long>(st.st_ino);
  return true;
}

/// The file at `path` as read, in a buffer of its size (not filled with zeros first, nor
/// grown: the index is hundreds of kilobytes); `size` gets how much was read.
std::shared_ptr<const char[]> read_whole(const char* path, size_t& size) {
  int fd = ::open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return nullptr;
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return nullptr;
  }
  size_t want = static_cast<size_t>(st.st_size);
  std::shared_ptr<char[]> buffer(new char[want + 1]);
  size = 0;
  while (size < want) {
    ssize_t n = ::read(fd, buffer.get() + size, want - size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // shorter than it was: what was read (a cut line is forgotten)
    size += static_cast<size_t>(n);
  }
  ::close(fd);
  return buffer;
}

/// Writes `bytes` to `dest` through a temporary file; the written file's inode (0 when it
/// could not be written).
unsigned long long write_atomically(const fs::path& dest, const std::string& bytes,
                                    const std::string& tag) {
  std::error_code ec;
  fs::create_directories(dest.parent_path(), ec);
  fs::path temp = dest.parent_path() / (".tmp-" + std::to_string(::getpid()) + "-" + tag);
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) return 0;
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  struct stat st;
  bool ok = done == bytes.size() && ::fstat(fd, &st) == 0;
  if (::close(fd) != 0) ok = false;
  if (ok) fs::rename(temp, dest, ec);
  if (!ok || ec) {
    fs::remove(temp, ec);
    return 0;
  }
  return static_cast<unsigned long long>(st.st_ino);
}

}  // namespace

PhotoCache::PhotoCache(fs::path dir, long long quiet_ms)
    : dir_(std::move(dir)), dir_text_(dir_.string() + "/"), quiet_ns_(quiet_ms * 1'000'000LL) {}

std::string PhotoCache::path_of(const std::string& name) const {
  // Appended in place: a rebuild asks for every published file's (2,800 for 200 photos).
  std::string path;
  path.reserve(dir_text_.size() + name.size() + 3);
  path.append(dir_text_).append(name, 0, 2).append("/").append(name);
  return path;
}

fs::path PhotoCache::folder_of(const fs::path& site_dir) {
  return site_dir / ".firefly-cache" / "photos";
}

void PhotoCache::load_index() {
  std::call_once(index_once_, [&] {
    // Kept: the folders' lists of entries are read from it when first needed (a rebuild
    // of the same photos needs none of them).
    size_t size = 0;
    if ((index_buffer_ = read_whole((dir_ / kIndexName).c_str(), size))) {
      index_file_ = std::string_view(index_buffer_.get(), size);
      parse_index(index_file_);
    }
  });
}

bool PhotoCache::check(Folder& folder, const std::string& prefix) {
  folder.checked = true;
  // The folder's path as text: a rebuild looks at each of the 256 (a path's parts split
  // and joined was 3,000 instructions each).
  std::string path = dir_text_ + prefix;
  struct stat st;
  long long now = now_nanoseconds();
  if (::stat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    if (folder.mtime >= 0 || !folder.files.empty() || !folder.parsed) index_changed_ = true;
    folder.files.clear();
    folder.parsed = true;
    folder.listed = {};
    folder.mtime = -1;
    return false;
  }
  folder.device = static_cast<unsigned long long>(st.st_dev);
  long long mtime = nanoseconds(st.st_mtim);
  // Nothing added, removed or replaced. A copy of the cache (cp -a, a CI cache restored
  // from an archive) keeps the times but not the inodes the index recorded: the folder's
  // own inode tells.
  if (folder.mtime >= 0 && mtime == folder.mtime && st.st_ino == folder.inode) return true;
  list(folder, prefix, mtime, now);
  folder.inode = static_cast<unsigned long long>(st.st_ino);
  return false;
}

void PhotoCache::list(Folder& folder, const std::string& prefix, long long mtime, long long now) {
  std::string path = dir_text_ + prefix;
  // Listed after its time was read: a change from now on gives the folder a later time.
  folder.files.clear();
  folder.parsed = true;
  folder.listed = {};
  folder.relisted = true;
  if (DIR* dir = ::opendir(path.c_str())) {
    while (const dirent* d = ::readdir(dir)) {
      std::string_view name = d->d_name;
      // Temporary files of stores under way, and names the index cannot hold, are no entries.
      if (name.empty() || name[0] == '.' || name.find_first_of(",:\t\n") != name.npos) continue;
      if (d->d_type != DT_REG && d->d_type != DT_UNKNOWN) continue;
      folder.files[std::string(name)].inode = static_cast<unsigned long long>(d->d_ino);
    }
    ::closedir(dir);
  }
  folder.mtime = mtime < now - quiet_ns_ ? mtime : -1;
  index_changed_ = true;
}

PhotoCache::Folder* PhotoCache::folder_of_key(const std::string& key,
                                              std::unique_lock<std::mutex>& lock) {
  int n = folder_number(key);
  if (n < 0) return nullptr;
  load_index();
  Folder& folder = folders_[n];
  lock = std::unique_lock(folder.mu);
  if (!folder.checked) check(folder, key.substr(0, 2));
  if (!parse_listed(folder)) {  // the index's list is damaged: listed again
    folder.mtime = -1;
    check(folder, key.substr(0, 2));
  }
  return &folder;
}

CachedFile PhotoCache::entry(const std::string& key, std::string_view ext) {
  std::string name = cache_file_name(key, ext);
  CachedFile file{path_of(name)};
  std::unique_lock<std::mutex> lock;
  if (Folder* folder = folder_of_key(key, lock)) {
    auto it = folder->files.find(name);
    if (it != folder->files.end() && folder->device != 0) {
      file.device = folder->device;
      file.inode = it->second.inode;
    }
  }
  return file;
}

std::optional<CachedFile> PhotoCache::find(const std::string& key, std::string_view ext) {
  std::string name = cache_file_name(key, ext);
  CachedFile file{path_of(name)};
  renewing();
  std::unique_lock<std::mutex> lock;
  Folder* folder = folder_of_key(key, lock);
  if (!folder) return std::nullopt;
  auto it = folder->files.find(name);
  if (it == folder->files.end()) return std::nullopt;
  if (renew_) {
    struct stat st;
    if (::stat(file.path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
      folder->files.erase(it);
      return std::nullopt;
    }
    it->second.inode = static_cast<unsigned long long>(st.st_ino);
    if (st.st_mtim.tv_sec < std::time(nullptr) - kTouchAfterSeconds) {
      std::error_code ec;
      fs::last_write_time(file.path, fs::file_time_type::clock::now(), ec);
    }
  }
  it->second.used = true;
  file.device = folder->device;
  file.inode = it->second.inode;
  ++hits_;
  return file;
}

bool PhotoCache::renewing() {
  // Marked as used for pruning by its modification time, renewed when it grows old. Looking
  // at each entry's time is a stat per file: done when the last renewal is older than the
  // time entries are renewed after.
  std::call_once(renew_once_, [&] {
    std::error_code ec;
    auto last = fs::last_write_time(dir_ / kRenewedName, ec);
    renew_ =
        ec || last < fs::file_time_type::clock::now() - std::chrono::seconds(kTouchAfterSeconds);
  });
  return renew_;
}

std::optional<CachedFile> PhotoCache::store(const std::string& key, std::string_view ext,
                                            const std::string& bytes) {
  std::string name = cache_file_name(key, ext);
  CachedFile file{path_of(name)};
  unsigned long long inode = write_atomically(file.path, bytes, std::to_string(temp_counter_++));
  if (inode == 0) return std::nullopt;
  std::unique_lock<std::mutex> lock;
  if (Folder* folder = folder_of_key(key, lock)) {
    if (folder->device == 0) {  // made by this store
      struct stat st;
      if (::stat(file.path.c_str(), &st) == 0) folder->device = st.st_dev;
    }
    // The folder's time changed: the next build lists it again.
    folder->files[name] = {inode, true};
    file.device = folder->device;
    file.inode = inode;
  }
  ++stores_;
  return file;
}

std::optional<PhotoSource> PhotoCache::known(const std::string& full, SourceStamp* stamp) {
  SourceStamp now;
  now.seen = now_nanoseconds();
  bool exists = stamp_of(full.c_str(), now);
  if (stamp) *stamp = now;
  if (!exists) return std::nullopt;
  load_index();
  std::lock_guard lock(mu_);
  if (!index_.empty()) {  // remembered by this build
    auto it = index_.find(full);
    if (it != index_.end()) {
      if (!it->second.file.same_file(now)) return std::nullopt;
      return it->second.source;
    }
  }
  // The index's line of the path (the last, should there be two), read now: a rebuild
  // reads the lines of the originals it uses, once each, into no table.
  std::string_view path = full;
  auto line = std::upper_bound(stamp_lines_.begin(), stamp_lines_.end(), path,
                               [](std::string_view p, const StampLine& l) { return p < l.path; });
  if (line == stamp_lines_.begin() || (--line)->path != path) return std::nullopt;
  Stamp s;
  if (!read_stamp(line->line, s) || !s.file.same_file(now)) {
    // Damaged, or the file changed: the line goes when the index is written.
    line->used = false;
    index_changed_ = true;
    return std::nullopt;
  }
  line->used = true;
  return std::move(s.source);
}

void PhotoCache::remember(const std::string& full, const SourceStamp& before,
                          const PhotoSource& source) {
  Stamp s;
  // Changed while it was read (a later time, another size or file), or changed so shortly
  // before it was read that a change after the read could have kept its times: the next
  // build reads it again.
  bool trusted = before.inode != 0 && stamp_of(full.c_str(), s.file) && s.file.same_file(before) &&
                 std::max(before.mtime, before.ctime) < before.seen - quiet_ns_;
  s.file.seen = 0;
  s.source = source;
  load_index();
  std::lock_guard lock(mu_);
  if (!trusted) {
    if (index_.erase(full) > 0) index_changed_ = true;
    return;
  }
  index_[full] = std::move(s);
  index_changed_ = true;
}

std::string PhotoCache::keys(const std::string& prefix) {
  load_index();
  std::lock_guard lock(mu_);
  parse_keys();
  auto it = keys_.find(prefix);
  if (it == keys_.end()) return {};
  it->second.used = true;
  return it->second.list;
}

void PhotoCache::remember_keys(const std::string& prefix, std::string list) {
  auto plain = [](std::string_view s) { return s.find_first_of("\t\n") == std::string_view::npos; };
  if (prefix.empty() || !plain(prefix) || !plain(list)) return;
  load_index();
  std::lock_guard lock(mu_);
  parse_keys();
  keys_[prefix] = {std::move(list), true};
  index_changed_ = true;
}

void PhotoCache::finish(long long grace_seconds) {
  load_index();
  if (renew_) write_atomically(dir_ / kRenewedName, "", "renewed");
  std::error_code ec;
  auto cutoff = fs::file_time_type::clock::now() - std::chrono::seconds(grace_seconds);
  // Looking through every entry costs a folder read per prefix: done when this build added
  // entries (what it replaced may go) or the last look is older than the grace period.
  fs::path marker = dir_ / kPrunedName;
  auto last = fs::last_write_time(marker, ec);
  if ((stores_ > 0 || ec || last < cutoff) && fs::is_directory(dir_, ec)) {
    write_atomically(marker, "", "pruned");
    if (set_used_ && !set_recorded_) mark_set_used();
    for (const auto& sub : fs::directory_iterator(dir_, ec)) {
      // Never through a link: its files are not the cache's to delete.
      if (sub.is_symlink(ec) || !sub.is_directory(ec)) continue;
      std::string prefix = sub.path().filename().string();
      int n = prefix.size() == 2 ? folder_number(prefix) : -1;
      for (const auto& entry : fs::directory_iterator(sub.path(), ec)) {
        std::string name = entry.path().filename().string();
        if (n >= 0) {
          std::lock_guard lock(folders_[n].mu);
          parse_listed(folders_[n]);
          auto it = folders_[n].files.find(name);
          if (folders_[n].checked && it != folders_[n].files.end() && it->second.used) continue;
        }
        // A folder is not an entry.
        if (!entry.is_regular_file(ec) && !entry.is_symlink(ec)) continue;
        auto t = fs::last_write_time(entry.path(), ec);
        if (!ec && t < cutoff && fs::remove(entry.path(), ec) && n >= 0) {
          std::lock_guard lock(folders_[n].mu);
          folders_[n].files.erase(name);  // the folder's time changed: listed again next time
        }
      }
    }
  }
  std::lock_guard lock(mu_);
  // The lines of originals this build did not use are dropped.
  if (index_changed_ || unused_stamps()) write_atomically(dir_ / kIndexName, index_text(), "index");
}

}  // namespace firefly
