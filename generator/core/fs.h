// File system access: reading site files and listing folders (writing is emit/'s job).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace firefly {

/// Reads a whole regular file; nullopt when it cannot be read or is not a regular file
/// (a FIFO or device is refused at once, never waited on).
std::optional<std::string> read_file(const std::filesystem::path& path);

/// read_file of a file of at most `most` bytes: a larger regular file is not read (nullopt,
/// with its size in `larger`). One call to the system less than asking its size first.
std::optional<std::string> read_file_at_most(const std::filesystem::path& path, uintmax_t most,
                                             uintmax_t& larger);

/// Why read_file could not read `path`, as the message "cannot read this file (permission
/// denied)", or "(it is not a regular file)".
std::string unreadable_message(const std::filesystem::path& path);

/// The first `n` bytes of a regular file (fewer when it is shorter); "" when it cannot be
/// read.
std::string read_file_head(const std::filesystem::path& path, size_t n);

/// Like read_file, but only when `path`, with every symbolic link followed, is a regular
/// file inside `root` (for files served to a browser, checked at the moment of reading).
std::optional<std::string> read_file_within(const std::filesystem::path& path,
                                            const std::filesystem::path& root);

/// Opens `path` for reading under the conditions of read_file_within: an open descriptor
/// of a regular file (the caller closes it), with its size in `size`; -1 otherwise.
int open_file_within(const std::filesystem::path& path, const std::filesystem::path& root,
                     std::uint64_t& size);

/// A file found under a folder of the site.
struct FoundFile {
  /// Absolute or site-dir-based path to open (text: a listing of 200 photos made an
  /// fs::path of each, which parses it into components, for the few callers that open them)
  std::string full;
  std::string rel;    ///< '/'-separated path relative to the listed folder
  bool link = false;  ///< reached through a symbolic link (inside the root)
};

/// Every regular file under `dir` (recursively), sorted by `rel`; empty when `dir` is
/// missing. Symbolic links that resolve outside `root`, or to a hidden file or folder of
/// it (a name starting with '.', such as .git/config or .env; .well-known/ excepted), to
/// nothing, or to a folder (links to folders are not followed), are skipped and their `rel` paths
/// appended to `escaped` (when given), so callers can report them (escaped_link_message); so are
/// FIFOs, sockets and devices, appended to `special`, and folders that cannot be opened (no
/// permission, a path too long), appended to `special` with a '/' at the end ("" for `dir` itself):
/// their files would be missing. When `dir` itself is such a link (static/ leading to a home
/// folder), nothing is listed and `escaped` gets the entry "".
std::vector<FoundFile> list_files(const std::filesystem::path& dir,
                                  const std::filesystem::path& root,
                                  std::vector<std::string>* escaped = nullptr,
                                  std::vector<std::string>* special = nullptr);

/// True when `path`, its links followed as far as it exists, lies inside `root` and not
/// in a hidden file or folder of it: what list_files reads, and where a command may write.
bool leads_inside(const std::filesystem::path& path, const std::filesystem::path& root);

/// The error message for the link `link` that list_files left out under `root`.
std::string escaped_link_message(const std::filesystem::path& link,
                                 const std::filesystem::path& root);

/// The hint for the link `rel` that list_files left out: `file_hint` for a file, and for
/// the listed folder itself (`rel` empty) to put the folder there instead of the link.
inline std::string escaped_link_hint(const std::string& rel, std::string file_hint) {
  return rel.empty() ? "replace the link with the folder itself (a copy of what it leads to)"
                     : file_hint;
}

/// escaped_link_hint for the link at `link` under `root`: for a link to a folder of the
/// site, to put the folder there; for a link to nothing, to put the file back or remove it.
std::string escaped_link_hint(const std::filesystem::path& link, const std::filesystem::path& root,
                              const std::string& rel, std::string file_hint);

/// The error message for a special file (FIFO, socket, device) found among a site's files.
inline constexpr const char* kSpecialFileMessage =
    "this is not a regular file (a FIFO, socket or device); Firefly reads only regular files";

/// True when the entry `rel` of list_files's `special` is a folder that could not be opened.
inline bool is_unopened_folder(const std::string& rel) { return rel.empty() || rel.back() == '/'; }

/// The error message for the entry `rel` of list_files's `special`, found under `dir`: a
/// special file's, or why the folder could not be opened.
std::string special_entry_message(const std::filesystem::path& dir, const std::string& rel);

/// The hint for the entry `rel` of list_files's `special`, found under `dir`: `file_hint`
/// for a special file.
std::string special_entry_hint(const std::filesystem::path& dir, const std::string& rel,
                               std::string file_hint);

}  // namespace firefly
