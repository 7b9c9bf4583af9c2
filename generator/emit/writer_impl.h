// The output writer's state (emit/writer.h), shared by writer.cpp and writer_kept.cpp.
#pragma once

#include <atomic>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "core/interrupt.h"
#include "emit/folder_listing.h"
#include "emit/folder_record.h"
#include "emit/writer.h"

namespace firefly {

namespace writer_internal {

/// `s` with its first letter in lower case (an error's text after a colon).
inline std::string lowercase_first(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

}  // namespace writer_internal

/// The hint for two files published at one path, or a file where another's folder goes.
inline constexpr const char* kDuplicateHint = "rename or remove one of them";

struct OutputWriter::Impl {
  std::filesystem::path out_dir, temp;
  Diagnostics& diags;
  int lock_fd = -1;
  /// The staging folder, open: files and folders are made relative to it, so the kernel
  /// does not walk the output folder's path again for each (27,000 at 10,000 stories).
  int temp_fd = -1;
  bool created_out = false;
  bool have_old = false;
  bool committed = false;
  std::optional<InterruptCleanup> cleanup_out, cleanup_temp;
  std::mutex mu;
  /// path -> where it came from ("" generated); hashed: a rebuild with photos adds 14 paths
  /// a photo, all in one folder and alike in their first letters.
  std::unordered_map<std::string, std::string> sources;
  /// path -> where its page's address is written (a url:, an alias), for the few that are.
  std::unordered_map<std::string, Pos> source_pos;
  std::set<std::string, std::less<>> dirs;
  struct Failure {
    std::string path, message, hint;
    std::string cause;  ///< the source file that asked for `path` ("" = look it up)
    Pos pos = {};       ///< where in `cause`, when known
    bool operator<(const Failure& o) const {
      return std::tie(path, message) < std::tie(o.path, o.message);
    }
  };
  std::vector<Failure> failures;
  std::atomic<size_t> no_space{0};  ///< files not written because the disk is full
  std::atomic<size_t> written{0}, unchanged{0};
  /// The old output's folders, as listed (inodes).
  FolderListing old_listing;
  unsigned long long out_device = 0;  ///< the file system the output folder is on
  /// Linked files the old output has already (the same file as their source), not yet
  /// placed in the staging folder, by top-level entry: (path, source).
  std::map<std::string, std::vector<std::pair<std::string, std::string>>, std::less<>> kept;
  /// Top-level entries with a file placed in the staging folder.
  std::set<std::string, std::less<>> staged_tops;
  /// What this build publishes in each top-level entry, and the old folder's time.
  struct Top {
    bool looked = false;
    long long mtime = -1, seen = 0;  ///< the old folder's time, when looked at (-1: none)
    bool trusted = false;            ///< its record says what it holds: not listed
    size_t files = 0;                ///< published in it by this build
    size_t linked = 0;               ///< of them, linked files right in it, inode known
    uint64_t digest = 0;             ///< of those (FolderRecords::entry_digest)
    // A batch of linked files added in it (add_batch): its digest and count, whether it
    // was taken whole (none of its files added), and how many of its files were added.
    bool batch = false, whole = false;
    uint64_t batch_digest = 0;
    size_t batch_count = 0, batch_added = 0;
  };
  std::map<std::string, Top, std::less<>> tops;  // guarded by mu
  std::optional<FolderRecords> records;
  /// The batches taken whole, until commit() sees whether their folders stay.
  std::vector<LinkedBatch> whole;

  Impl(const std::filesystem::path& out, Diagnostics& d) : out_dir(out), diags(d) {}

  /// Keeps the linked file `f` (moved from it) in its top-level entry's list (under `mu`);
  /// the entry's name is copied only for its first file (2,800 photo files a rebuild).
  void keep(OutputFile& f);
  /// The top-level entry `name` (under `mu`).
  Top& top_of(std::string_view name);
  /// Reads the old folder `name`'s time, once, and whether its record is trusted (under
  /// `mu`).
  void look(Top& t, std::string_view name);
  /// Counts `f` into its top-level entry (under `mu`); whether it is kept without looking
  /// (its folder's record is trusted and it is a linked file right in it).
  bool count_file(const OutputFile& f);
  /// Whether the old output has `f` (a linked file) as a link to the same source: then it
  /// is kept (moved from `f`), to be placed only if its top-level entry cannot stay as it
  /// is (place_kept). With `unseen`, it is kept without looking.
  bool keep_linked(OutputFile& f, bool unseen);
  /// Records each top-level folder left in place that holds linked files only, right in
  /// it, when its time is still the one seen before it was looked at, and that time was
  /// old enough to trust; forgets the others' records.
  void record(const std::set<std::string>& in_place);
  /// Whether the old output's `folder` (relative) holds regular files and folders of them
  /// only, none empty; its files are counted into `files`.
  bool holds_only_files(const std::string& folder, size_t& files);
  /// Leaves in place the folder of each batch taken whole when nothing else is published
  /// in it; else adds the batch's files to it. False after a failure.
  bool place_whole(OutputWriter& writer, std::set<std::string>& in_place);
  /// Decides for each top-level entry with kept files: left in place when nothing of it
  /// was staged and the old entry holds exactly those files (returned), else its kept
  /// files are linked into the staging folder. False after a failure.
  bool place_kept(std::set<std::string>& in_place);

  void fail(const std::string& path, std::string message, std::string hint = {},
            std::string cause = {}) {
    std::lock_guard lock(mu);
    failures.push_back({path, std::move(message), std::move(hint), std::move(cause)});
  }

  /// Replaces the file system's refusals of files published where another file's folder
  /// must be ("not a directory", "is a directory", naming the staging folder) by one error a
  /// clash, naming both sources, whichever thread came first.
  void explain_folder_clashes();

  // Creates the folder of `path` once; `ec` says why it could not.
  bool ensure_dir(const std::string& path, std::error_code& ec);

  // Opens (creating it when missing) the output folder, waits for any other build into
  // it, and makes this build's staging folder inside it.
  void open();

  // Moves every entry of the staging folder into the output folder and removes what the
  // new output no longer has.
  bool switch_in(const std::set<std::string>& in_place);
};

}  // namespace firefly
