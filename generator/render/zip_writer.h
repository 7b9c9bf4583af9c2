// Deterministic zip archives in memory (the only file that includes libzip).
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace firefly {

/// One file of an archive: its name inside the zip and its bytes.
using ZipEntry = std::pair<std::string, std::string>;

/// A zip archive holding `entries` (sorted by name, deflated, fixed timestamps of
/// 2000-01-01 00:00, fixed permissions), so the same input gives the same bytes.
/// Returns "" when libzip fails.
std::string make_zip(std::vector<ZipEntry> entries);

}  // namespace firefly
