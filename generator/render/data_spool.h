// Open-data files written as streams: each file goes piece by piece to a file in a private
// temporary folder (named by its SHA-256 when complete) or, without a folder, to memory.
// A build never holds a large download or all.zip in memory.
#pragma once

#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/interrupt.h"
#include "core/sha256.h"

namespace firefly {

struct DataFile;
struct DataFormat;

/// Where the data files of a build are written: a folder, or memory when `dir` is empty.
struct DataSpool {
  std::filesystem::path dir;  ///< a private temporary folder; "" keeps files in memory
  /// A new, unused temporary path in the folder.
  std::filesystem::path temp_path() const;
  /// The DataFile of a finished file at `temp` (hashed as a stream, renamed to its digest),
  /// or of `temp`'s bytes read into memory when it cannot be renamed.
  DataFile adopt(const std::filesystem::path& temp, std::string path,
                 const DataFormat& format) const;
};

/// A private folder in the system's temporary folder ($TMPDIR) for one build's data
/// files, removed with everything in it when destroyed or when the build is interrupted;
/// its spool keeps files in memory when the folder cannot be made.
class TempSpool {
 public:
  TempSpool();
  ~TempSpool();
  TempSpool(const TempSpool&) = delete;
  TempSpool& operator=(const TempSpool&) = delete;

  const DataSpool& spool() const { return spool_; }

 private:
  DataSpool spool_;
  std::optional<InterruptCleanup> on_interrupt_;
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
