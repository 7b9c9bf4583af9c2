// What folders hold, read a folder at a time: the inode and kind of each entry, from the
// directory listing itself (no stat of each file). Looking at thousands of published photo
// files one stat at a time cost more than the rest of a rebuild.
#pragma once

#include <dirent.h>

#include <filesystem>
#include <map>
#include <mutex>
#include <string>

namespace firefly {

/// Listings of folders, each read once when first asked about (thread-safe). A folder
/// changed after it was read is not noticed: use it for one build's look at its inputs.
class FolderListing {
 public:
  struct Entry {
    unsigned long long inode = 0;
    unsigned char type = DT_UNKNOWN;  ///< DT_REG, DT_DIR, ... as the listing says
  };
  /// Entries of `folder` by name (empty when it cannot be read).
  const std::map<std::string, Entry>& list(const std::filesystem::path& folder);
  /// The entry at `path` when its folder lists it as a regular file (or does not say).
  const Entry* file(const std::filesystem::path& path);

 private:
  std::mutex mu_;
  std::map<std::string, std::map<std::string, Entry>> folders_;
};

}  // namespace firefly
