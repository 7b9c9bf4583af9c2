// SIGINT and SIGTERM as a file descriptor the preview loop can wait on.
#pragma once

#include <csignal>

namespace firefly {

/// Blocks SIGINT and SIGTERM in the calling thread (so every thread started later, the
/// server and the build workers, inherits the mask) and makes them readable from fd();
/// ignores SIGPIPE. The destructor restores the old mask without delivering the signal.
class StopSignals {
 public:
  StopSignals();
  ~StopSignals();
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;
  /// Readable once a stop signal arrived.
  int fd() const { return fd_; }
  /// Waits until a stop signal arrives (when files cannot be watched).
  void wait() const;

 private:
  sigset_t old_{};
  int fd_ = -1;
};

}  // namespace firefly
