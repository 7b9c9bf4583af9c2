// Placing one file of a new output in the staging folder: its bytes written, its source
// linked or copied, or the old output's copy linked when it did not change.
#pragma once

#include <filesystem>
#include <string>
#include <system_error>

#include "core/output.h"

namespace firefly {

/// Writes `bytes` to a new file at `path`; the error (e.g. "No space left on device") when
/// that fails.
std::error_code write_bytes(const std::filesystem::path& path, const std::string& bytes);
/// The same, for a path as text, relative to the folder open as `dir_fd` (AT_FDCWD: the
/// working folder).
std::error_code write_bytes_at(int dir_fd, const char* path, const std::string& bytes);

/// Writes (or hard-links when unchanged from the old output in `out_dir`, when
/// `have_old`) one file into the staging tree `temp`; `ec` says why it failed. 0 = failed,
/// 1 = written, 2 = reused. `temp_fd` is `temp` open, or -1.
int place_file(const OutputFile& f, const std::filesystem::path& temp, int temp_fd,
               const std::filesystem::path& out_dir, bool have_old, std::error_code& ec);

}  // namespace firefly
