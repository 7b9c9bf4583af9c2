// Deterministic zip archives, in memory or written to a file (the only file that includes
// libzip).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace firefly {

/// One file of an archive: its name inside the zip, its bytes (or the file holding them),
/// and the date its entry carries.
struct ZipEntry {
  std::string name;
  std::string_view bytes;  ///< the content when `file` is empty (must outlive the call)
  std::string file = {};   ///< a file on disk holding the content, read as a stream
  Date modified = {};      ///< the entry's date (00:00 of that day); when unset (unknown),
                           ///< 1980-01-01, the zip format's first day: no date
  bool stored = false;     ///< kept uncompressed (an ODF package's `mimetype`)
};

/// The order of an archive's entries.
enum class ZipOrder { kByName, kAsGiven };

/// A zip archive holding `entries` (sorted by name unless `order` says as given, deflated
/// unless `stored`: at level 9, or 6 for entries of 1 MiB or more, each dated with its `modified`
/// day, fixed permissions), so the same input gives the same bytes. Returns "" when libzip fails.
std::string make_zip(std::vector<ZipEntry> entries, ZipOrder order = ZipOrder::kByName);

/// Writes the archive make_zip would make to `dest` without holding it in memory (entries
/// with a `file` are read from disk as it is written). False when libzip fails.
bool write_zip(std::vector<ZipEntry> entries, const std::filesystem::path& dest,
               ZipOrder order = ZipOrder::kByName);

}  // namespace firefly
