// The photo cache: encoded photos kept between builds in the site's .firefly-cache/photos/,
// one file per source hash and parameters, written atomically (temporary file, then
// rename) so builds running at once never see half a file, and pruned of what no build
// used lately. Beside them, an index remembers each original's hash and header by size,
// modification time and inode, so a rebuild reads no photo at all (one small file read).
#pragma once

#include <atomic>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "emit/folder_listing.h"
#include "render/photos.h"

namespace firefly {

/// The cache of encoded photos of one site.
class PhotoCache {
 public:
  /// The cache in `dir` (created when first written).
  explicit PhotoCache(std::filesystem::path dir);

  /// The cache folder of the site in `site_dir`.
  static std::filesystem::path folder_of(const std::filesystem::path& site_dir);

  /// The cached file for `key` with extension `ext`, when present (marked as used). Looked
  /// up in its folder's listing; at most every ten minutes a build also renews the
  /// modification time of the entries it uses, by which other builds keep them.
  std::optional<std::filesystem::path> find(const std::string& key, const std::string& ext);
  /// Where the entry for `key` with extension `ext` is (or would be) kept.
  std::filesystem::path path_of(const std::string& key, const std::string& ext) const;
  /// Stores `bytes` under `key` atomically; its path, or nullopt when it cannot be written.
  std::optional<std::filesystem::path> store(const std::string& key, const std::string& ext,
                                             const std::string& bytes);

  /// The remembered header and hash of the file at `full` when its size, modification
  /// time and inode are unchanged.
  std::optional<PhotoSource> known(const std::filesystem::path& full);
  /// Remembers the header and hash of the file at `full`.
  void remember(const std::filesystem::path& full, const PhotoSource& source);

  /// Writes the index and removes cached files this build did not use that are older
  /// than `grace_seconds` (a build running at the same time may still be copying them);
  /// looks for them when this build stored files or the last look is that old.
  void finish(long long grace_seconds = 3600);

  /// The listings of the entries' folders (for the output writer, which links entries).
  FolderListing& listing() { return listing_; }

  size_t hits() const { return hits_; }
  size_t stores() const { return stores_; }

 private:
  struct Stamp {
    long long size = 0, mtime = 0, inode = 0;
    PhotoSource source;
  };
  std::filesystem::path dir_;
  std::mutex mu_;
  std::set<std::string> used_;
  std::map<std::string, Stamp> index_;  ///< absolute path -> stamp
  bool index_loaded_ = false, index_changed_ = false;
  std::atomic<size_t> hits_{0}, stores_{0}, temp_counter_{0};
  FolderListing listing_;  ///< the entries' folders, as this build first looked
  std::once_flag renew_once_;
  bool renew_ = false;  ///< whether this build marks the entries it uses as used again
  void load_index();
};

}  // namespace firefly
