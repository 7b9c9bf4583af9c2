// The writer: builds the new output in a temporary folder beside the old one, reuses
// unchanged files, and swaps it in atomically only when everything was written.
#pragma once

#include <filesystem>
#include <memory>

#include "core/error.h"
#include "core/output.h"

namespace firefly {

/// What a publish did.
struct PublishStats {
  size_t files = 0;      ///< files in the new output
  size_t written = 0;    ///< files whose bytes changed (or are new)
  size_t unchanged = 0;  ///< files kept as they were (not rewritten)
};

/// A new output written file by file into a temporary folder beside `out_dir`, as pages
/// are rendered; commit() swaps it in. Destroyed without commit, it leaves `out_dir` as it
/// was and removes the temporary folder.
class OutputWriter {
 public:
  OutputWriter(const std::filesystem::path& out_dir, Diagnostics& diags);
  ~OutputWriter();
  OutputWriter(const OutputWriter&) = delete;
  OutputWriter& operator=(const OutputWriter&) = delete;

  /// Writes one file (or links the old copy when its bytes did not change); thread-safe.
  /// A path written twice or pointing outside the output is an error.
  void add(OutputFile file);
  /// Swaps the new output in; false (and `out_dir` untouched) after any failure.
  bool commit(PublishStats* stats = nullptr);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Writes `files` as the new content of `out_dir`. Two files with one path is an error
/// (nothing is written). On any failure `out_dir` is left as it was.
bool publish(OutputSet files, const std::filesystem::path& out_dir, Diagnostics& diags,
             PublishStats* stats = nullptr);

/// Removes temporary folders left beside `out_dir` by builds that were killed.
void remove_stale_temporaries(const std::filesystem::path& out_dir);

/// Sorts `files` by path and reports paths produced twice; false when there are any.
bool check_unique_paths(OutputSet& files, Diagnostics& diags);

}  // namespace firefly
