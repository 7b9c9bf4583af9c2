// What an output's folders of linked files (published photos) held when a build left them
// in place, remembered between builds: the folder's modification time, how many files it
// held and a digest of their names and inodes. A rebuild that finds a folder's time as
// recorded knows what it holds without listing it (thousands of entries).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

namespace firefly {

/// The records of one output folder, kept in a file shared by every output of a site.
class FolderRecords {
 public:
  struct Record {
    long long mtime = 0;  ///< the folder's modification time (nanoseconds)
    size_t files = 0;
    uint64_t digest = 0;  ///< the sum of entry_digest over its files
    bool operator==(const Record& o) const {
      return mtime == o.mtime && files == o.files && digest == o.digest;
    }
  };

  /// The records of the output folder `output` (absolute) in `file` (read now; none when
  /// it is missing or damaged).
  FolderRecords(std::filesystem::path file, std::string output);

  /// The record of the top-level folder `name`, or nullptr.
  const Record* find(const std::string& name) const;
  /// Records `name` (replacing its record).
  void set(const std::string& name, const Record& record);
  /// Keeps the records of the folders in `keep` only.
  template <typename Keep>
  void keep_only(const Keep& keep) {
    for (auto it = records_.begin(); it != records_.end();) {
      if (keep(it->first)) {
        ++it;
      } else {
        it = records_.erase(it);
        changed_ = true;
      }
    }
  }
  /// Writes the file (atomically) when a record changed; other outputs' lines are kept.
  void save();

  /// The digest of one file of a folder: its name and inode. Folders' digests add them up,
  /// so the order files come in does not matter.
  static uint64_t entry_digest(std::string_view name, unsigned long long inode);

 private:
  std::filesystem::path file_;
  std::string output_;
  std::string others_;  ///< the lines of other outputs, as read
  std::map<std::string, Record> records_;
  bool changed_ = false;
};

}  // namespace firefly
