// What folders hold, read a folder at a time: the inode and kind of each entry, from the
// directory listing itself (no stat of each file). Looking at thousands of published photo
// files one stat at a time cost more than the rest of a rebuild.
#pragma once

#include <dirent.h>

#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace firefly {

/// Listings of the folders under one root, each read once when first asked about
/// (thread-safe). A folder changed after it was read is not noticed: use it for one
/// build's look at its inputs.
class FolderListing {
 public:
  struct Entry {
    unsigned long long inode = 0;
    unsigned char type = DT_UNKNOWN;  ///< DT_REG, DT_DIR, ... as the listing says
  };
  /// A string hash that also takes string views, so names are looked up without copies.
  struct NameHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using Entries = std::unordered_map<std::string, Entry, NameHash, std::equal_to<>>;

  explicit FolderListing(std::filesystem::path root = {}) : root_(std::move(root)) {}
  void set_root(std::filesystem::path root) { root_ = std::move(root); }

  /// Entries of `folder` (relative to the root, '/'-separated, "" = the root) by name
  /// (empty when it cannot be read).
  const Entries& list(std::string_view folder);
  /// The entry at `path` (relative to the root) when its folder lists it as a regular
  /// file (or does not say).
  const Entry* file(std::string_view path);

 private:
  std::filesystem::path root_;
  std::mutex mu_;
  std::unordered_map<std::string, Entries, NameHash, std::equal_to<>> folders_;
};

}  // namespace firefly
