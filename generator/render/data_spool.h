// Open-data files written as streams: each file goes piece by piece to a file in the
// site's cache folder (named by its SHA-256 when complete) or, without a folder, to memory.
// A build never holds a large download or all.zip in memory.
#pragma once

#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/sha256.h"

namespace firefly {

struct DataFile;
struct DataFormat;

/// Where the data files of a build are written: a folder, or memory when `dir` is empty.
struct DataSpool {
  std::filesystem::path dir;  ///< "<site>/.firefly-cache/data"; "" keeps files in memory

  /// The spool folder of a site.
  static std::filesystem::path folder_of(const std::filesystem::path& site_dir);
  /// A new, unused temporary path in the folder.
  std::filesystem::path temp_path() const;
  /// The DataFile of a finished file at `temp` (hashed as a stream, renamed to its digest),
  /// or of `temp`'s bytes read into memory when it cannot be renamed.
  DataFile adopt(const std::filesystem::path& temp, std::string path,
                 const DataFormat& format) const;
  /// Removes the spooled files not in `keep` (paths) and older than ten minutes, so
  /// builds running at the same time keep theirs.
  void prune(const std::vector<std::string>& keep) const;
};

/// Writes one data file piece by piece, hashing it as it goes.
class DataFileWriter {
 public:
  explicit DataFileWriter(const DataSpool& spool);
  ~DataFileWriter();
  DataFileWriter(const DataFileWriter&) = delete;
  DataFileWriter& operator=(const DataFileWriter&) = delete;

  /// Appends `bytes`.
  void write(std::string_view bytes);
  /// Ends the file: the published file at `path` (relative to the output root).
  DataFile finish(std::string path, const DataFormat& format);

 private:
  void flush();

  const DataSpool& spool_;
  std::FILE* file_ = nullptr;
  std::filesystem::path temp_;
  std::string buffer_;  ///< pending bytes, or the whole file in memory when there is no file
  size_t size_ = 0;
  Sha256Stream sha_;
};

}  // namespace firefly
