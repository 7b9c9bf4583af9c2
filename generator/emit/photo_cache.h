// The photo cache: encoded photos kept between builds in the site's .firefly-cache/photos/,
// one file per source hash and parameters, written atomically (temporary file, then
// rename) so builds running at once never see half a file, and pruned of what no build
// used lately. Beside them, an index remembers each original's hash and header by size,
// modification time and inode, and what each of the entries' folders held (names and
// inodes) when it last changed: a rebuild reads no photo and lists no folder that did not
// change since (one small file read and a stat per folder).
#pragma once

#include <array>
#include <atomic>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "render/photos.h"

namespace firefly {

/// A file of the cache: where it is and which file it is (for the output writer, which
/// keeps published links to it).
struct CachedFile {
  std::string path;
  unsigned long long device = 0, inode = 0;  ///< 0: not known
};

/// The cache of encoded photos of one site.
class PhotoCache {
 public:
  /// The cache in `dir` (created when first written).
  explicit PhotoCache(std::filesystem::path dir);

  /// The cache folder of the site in `site_dir`.
  static std::filesystem::path folder_of(const std::filesystem::path& site_dir);

  /// The cached file for `key` (hexadecimal) with extension `ext`, when present (marked as
  /// used). Looked up in what the index says its folder holds, when the folder's
  /// modification time is still the one the index recorded, else in a new listing of it.
  /// At most every ten minutes a build also renews the modification time of the entries
  /// it uses, by which other builds keep them.
  std::optional<CachedFile> find(const std::string& key, const std::string& ext);
  /// The entry for `key` with extension `ext` as this build knows it (found or stored
  /// before): its path, and which file it is when known.
  CachedFile entry(const std::string& key, const std::string& ext);
  /// Stores `bytes` under `key` atomically; the file, or nullopt when it cannot be written.
  std::optional<CachedFile> store(const std::string& key, const std::string& ext,
                                  const std::string& bytes);

  /// The remembered header and hash of the file at `full` (absolute and normalised) when
  /// its size, modification time and inode are unchanged.
  std::optional<PhotoSource> known(const std::string& full);
  /// Remembers the header and hash of the file at `full` (absolute and normalised).
  void remember(const std::string& full, const PhotoSource& source);

  /// Removes cached files this build did not use that are older than `grace_seconds` (a
  /// build running at the same time may still be copying them), looking for them when
  /// this build stored files or the last look is that old; then writes the index.
  void finish(long long grace_seconds = 3600);

  size_t hits() const { return hits_; }
  size_t stores() const { return stores_; }

 private:
  struct Stamp {
    long long size = 0, mtime = 0, inode = 0;
    PhotoSource source;
  };
  struct File {
    unsigned long long inode = 0;
    bool used = false;  ///< by this build
  };
  /// One of the 256 folders entries are kept in (by the first two digits of their key).
  struct Folder {
    std::mutex mu;
    bool checked = false;           ///< looked at by this build
    long long mtime = -1;           ///< when `files` was listed (-1: not known, list again)
    unsigned long long device = 0;  ///< of the folder, as this build found it
    std::unordered_map<std::string, File> files;
  };
  std::filesystem::path dir_;
  std::string dir_text_;                ///< dir_ and a slash, for the entries' paths
  std::mutex mu_;                       ///< guards the originals' index and the index's loading
  std::map<std::string, Stamp> index_;  ///< absolute path -> stamp
  std::once_flag index_once_;
  std::atomic<bool> index_changed_{false};
  std::array<Folder, 256> folders_;
  std::atomic<size_t> hits_{0}, stores_{0}, temp_counter_{0};
  std::once_flag renew_once_;
  bool renew_ = false;  ///< whether this build marks the entries it uses as used again

  /// Where the entry named `name` (key and extension) is kept.
  std::string path_of(const std::string& name) const;
  void load_index();
  void parse_index(std::string_view text);
  std::string index_text();
  /// The folder of `key`, looked at (listed again when it changed); locked by `lock`.
  Folder* folder_of_key(const std::string& key, std::unique_lock<std::mutex>& lock);
  void check(Folder& folder, const std::string& prefix);
};

}  // namespace firefly
