#include "emit/photo_cache.h"

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <sstream>
#include <vector>

#include "core/fs.h"
#include "core/text.h"

namespace firefly {

namespace fs = std::filesystem;

namespace {

constexpr const char* kIndexName = "index.tsv";
/// Its modification time says when unused entries were last looked for.
constexpr const char* kPrunedName = "pruned";
/// Its modification time says when a build last renewed the times of the entries it used.
constexpr const char* kRenewedName = "renewed";

/// Size, modification time (nanoseconds) and inode of `path`; false when it cannot be read.
bool stamp_of(const fs::path& path, long long& size, long long& mtime, long long& inode) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return false;
  size = static_cast<long long>(st.st_size);
  mtime = static_cast<long long>(st.st_mtim.tv_sec) * 1'000'000'000LL + st.st_mtim.tv_nsec;
  inode = static_cast<long long>(st.st_ino);
  return true;
}

/// How old a used entry may get before a build marks it used again (pruning removes
/// entries unused for longer than an hour by default).
constexpr long long kTouchAfterSeconds = 600;

bool write_atomically(const fs::path& dest, const std::string& bytes, const std::string& tag) {
  std::error_code ec;
  fs::create_directories(dest.parent_path(), ec);
  fs::path temp = dest.parent_path() / (".tmp-" + std::to_string(::getpid()) + "-" + tag);
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) {
      fs::remove(temp, ec);
      return false;
    }
  }
  fs::rename(temp, dest, ec);
  if (ec) fs::remove(temp, ec);
  return !ec;
}

}  // namespace

PhotoCache::PhotoCache(fs::path dir) : dir_(std::move(dir)) {}

fs::path PhotoCache::folder_of(const fs::path& site_dir) {
  return site_dir / ".firefly-cache" / "photos";
}

fs::path PhotoCache::path_of(const std::string& key, const std::string& ext) const {
  std::string name = key + "." + ext;
  return dir_ / name.substr(0, 2) / name;
}

std::optional<fs::path> PhotoCache::find(const std::string& key, const std::string& ext) {
  std::string name = key + "." + ext;
  fs::path path = path_of(key, ext);
  if (!listing_.file(path)) return std::nullopt;
  // Marked as used for pruning by its modification time, renewed when it grows old. Looking
  // at each entry's time is a stat per file, most of a warm rebuild's photo cost: done
  // when the last renewal is older than the time entries are renewed after.
  std::call_once(renew_once_, [&] {
    std::error_code ec;
    auto last = fs::last_write_time(dir_ / kRenewedName, ec);
    renew_ =
        ec || last < fs::file_time_type::clock::now() - std::chrono::seconds(kTouchAfterSeconds);
  });
  if (renew_) {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    if (st.st_mtim.tv_sec < std::time(nullptr) - kTouchAfterSeconds) {
      std::error_code ec;
      fs::last_write_time(path, fs::file_time_type::clock::now(), ec);
    }
  }
  {
    std::lock_guard lock(mu_);
    used_.insert(name);
  }
  ++hits_;
  return path;
}

std::optional<fs::path> PhotoCache::store(const std::string& key, const std::string& ext,
                                          const std::string& bytes) {
  std::string name = key + "." + ext;
  fs::path path = path_of(key, ext);
  if (!write_atomically(path, bytes, std::to_string(temp_counter_++))) return std::nullopt;
  {
    std::lock_guard lock(mu_);
    used_.insert(name);
  }
  ++stores_;
  return path;
}

void PhotoCache::load_index() {
  if (index_loaded_) return;
  index_loaded_ = true;
  std::optional<std::string> text = read_file(dir_ / kIndexName);
  if (!text) return;
  std::istringstream in(*text);
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::istringstream cells(line);
    std::string cell;
    while (std::getline(cells, cell, '\t')) f.push_back(cell);
    if (f.size() != 12) continue;
    try {
      Stamp s;
      s.size = std::stoll(f[1]);
      s.mtime = std::stoll(f[2]);
      s.inode = std::stoll(f[3]);
      s.source.hash = f[4];
      s.source.bytes = std::stoll(f[5]);
      ImageInfo& i = s.source.info;
      i.format = f[6];
      i.width = std::stoi(f[7]);
      i.height = std::stoi(f[8]);
      i.alpha = f[9] == "1";
      i.gps = f[10] == "1";
      i.metadata = f[11] == "1";
      index_[f[0]] = std::move(s);
    } catch (const std::exception&) {
      // A damaged line is forgotten; the photo is looked at again.
    }
  }
}

std::optional<PhotoSource> PhotoCache::known(const fs::path& full) {
  long long size = 0, mtime = 0, inode = 0;
  if (!stamp_of(full, size, mtime, inode)) return std::nullopt;
  std::lock_guard lock(mu_);
  load_index();
  auto it = index_.find(fs::absolute(full).lexically_normal().string());
  if (it == index_.end() || it->second.size != size || it->second.mtime != mtime ||
      it->second.inode != inode) {
    return std::nullopt;
  }
  return it->second.source;
}

void PhotoCache::remember(const fs::path& full, const PhotoSource& source) {
  Stamp s;
  if (!stamp_of(full, s.size, s.mtime, s.inode)) return;
  s.source = source;
  std::lock_guard lock(mu_);
  load_index();
  index_[fs::absolute(full).lexically_normal().string()] = std::move(s);
  index_changed_ = true;
}

void PhotoCache::finish(long long grace_seconds) {
  std::lock_guard lock(mu_);
  if (renew_) write_atomically(dir_ / kRenewedName, "", "renewed");
  if (index_changed_) {
    std::string out;
    for (const auto& [path, s] : index_) {
      const ImageInfo& i = s.source.info;
      out += path + "\t" + std::to_string(s.size) + "\t" + std::to_string(s.mtime) + "\t" +
             std::to_string(s.inode) + "\t" + s.source.hash + "\t" +
             std::to_string(s.source.bytes) + "\t" + i.format + "\t" + std::to_string(i.width) +
             "\t" + std::to_string(i.height) + "\t" + (i.alpha ? "1" : "0") + "\t" +
             (i.gps ? "1" : "0") + "\t" + (i.metadata ? "1" : "0") + "\n";
    }
    write_atomically(dir_ / kIndexName, out, "index");
  }
  std::error_code ec;
  auto cutoff = fs::file_time_type::clock::now() - std::chrono::seconds(grace_seconds);
  // Looking through every entry costs a folder read per prefix: done when this build added
  // entries (what it replaced may go) or the last look is older than the grace period.
  fs::path marker = dir_ / kPrunedName;
  auto last = fs::last_write_time(marker, ec);
  if (stores_ == 0 && !ec && last >= cutoff) return;
  ec.clear();
  if (!fs::is_directory(dir_, ec)) return;
  write_atomically(marker, "", "pruned");
  for (const auto& sub : fs::directory_iterator(dir_, ec)) {
    if (!sub.is_directory(ec)) continue;
    for (const auto& entry : fs::directory_iterator(sub.path(), ec)) {
      std::string name = entry.path().filename().string();
      if (used_.count(name)) continue;
      auto t = fs::last_write_time(entry.path(), ec);
      if (!ec && t < cutoff) fs::remove(entry.path(), ec);
    }
  }
}

}  // namespace firefly
