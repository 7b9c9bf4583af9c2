// Temporary folders and files removed when the build is interrupted (SIGINT, SIGTERM,
// SIGHUP): the staging folder in the output and the open-data files' folder in $TMPDIR.
#pragma once

#include <filesystem>
#include <mutex>

namespace firefly {

/// Blocks SIGINT, SIGTERM and SIGHUP in this thread and in every thread started after it,
/// and starts a thread that, when one arrives, removes the registered temporary folders and
/// then ends the process by that signal. Call once, before any other thread starts.
void remove_temporaries_on_interrupt();

/// Called before a writer creates anything in a registered folder: false once an interrupt
/// arrived (write nothing). After true, end_write() must follow when the file is written;
/// the interrupt waits for it before removing the folders.
bool begin_write();
/// Ends what begin_write() started.
void end_write();

/// A folder (or file) removed if the process is interrupted while this object lives.
class InterruptCleanup {
 public:
  explicit InterruptCleanup(std::filesystem::path folder);
  ~InterruptCleanup();
  InterruptCleanup(const InterruptCleanup&) = delete;
  InterruptCleanup& operator=(const InterruptCleanup&) = delete;

  /// Holds off interrupt handling while the returned lock lives (for a step that must not
  /// be cut in half, such as switching the new output in).
  static std::unique_lock<std::mutex> hold();

 private:
  std::filesystem::path folder_;
};

}  // namespace firefly
