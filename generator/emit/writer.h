// The writer: builds the new output in a staging folder inside the output folder, reuses
// unchanged files, and switches it in entry by entry only when everything was written.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "core/error.h"
#include "core/output.h"

namespace firefly {

/// What a publish did.
struct PublishStats {
  size_t files = 0;      ///< files in the new output
  size_t written = 0;    ///< files whose bytes changed (or are new)
  size_t unchanged = 0;  ///< files kept as they were (not rewritten)
};

/// Linked files (OutputFile::linkable, with their sources' inodes) that all lie right in
/// one top-level folder, told apart by the caller's digest of their paths, sources and
/// inodes: the same digest, the same files.
struct LinkedBatch {
  std::string top;      ///< the top-level folder: "images"
  uint64_t digest = 0;  ///< of every file's path, source and inode
  size_t count = 0;     ///< how many files
  /// Hands every file to the sink; called at most once, by add_batch() or commit().
  std::function<void(const OutputSink&)> files;
};

/// A new output written file by file into a staging folder inside `out_dir` (a symbolic
/// link is followed), as pages are rendered; commit() switches it in, each top-level entry
/// in one step, and removes what the new output no longer has. Nothing is written outside
/// `out_dir`. Destroyed without commit, it leaves `out_dir` as it was and removes the
/// staging folder. Builds into one folder wait for each other.
class OutputWriter {
 public:
  /// With `records` (a file), the writer remembers there what the output's folders of
  /// linked files held when a build left them in place (FolderRecords), and a rebuild that
  /// finds such a folder's modification time as recorded does not list it.
  OutputWriter(const std::filesystem::path& out_dir, Diagnostics& diags,
               const std::filesystem::path& records = {});
  ~OutputWriter();
  OutputWriter(const OutputWriter&) = delete;
  OutputWriter& operator=(const OutputWriter&) = delete;

  /// Writes one file (or links the old copy when its bytes did not change); thread-safe.
  /// A linkable file the old output has as a link to its source (the same inode as
  /// `source_inode`, or as the source when that is 0) is not touched: its top-level entry
  /// stays in place when all of it is such files, exactly.
  /// A path written twice or pointing outside the output is an error.
  void add(OutputFile file);
  /// Adds the files of `batch`. When a build into this output published the same batch
  /// (digest and count) as all of its folder, which it left in place, and the folder's time
  /// is still the one it recorded, the folder stays as it is: none of its files is looked
  /// at. Else, or when another file is published in that folder too, `batch.files` gives
  /// them to add() one by one (now, or in commit()).
  void add_batch(LinkedBatch batch);
  /// Swaps the new output in; false (and `out_dir` untouched) after any failure.
  bool commit(PublishStats* stats = nullptr);

 private:
  /// Adds each file of `batch`, counting those in its folder.
  void add_each(const LinkedBatch& batch);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Writes `files` as the new content of `out_dir`. Two files with one path is an error
/// (nothing is written). On any failure `out_dir` is left as it was.
bool publish(OutputSet files, const std::filesystem::path& out_dir, Diagnostics& diags,
             PublishStats* stats = nullptr);

namespace detail {
/// For tests: the name of a top-level entry whose switching in fails as if the system had
/// refused it ("" = none), to show that what was switched before it is put back.
inline std::string fail_switching_in;
}  // namespace detail

/// Reports paths produced twice (sorting `files` by path only then); false when there are any.
bool check_unique_paths(OutputSet& files, Diagnostics& diags);

/// Whether no path comes twice in `paths` (sorted in place): the cheap test before
/// check_unique_paths, which needs the files' origins only for a duplicate's message.
bool paths_unique(std::vector<std::string_view>& paths);

}  // namespace firefly
