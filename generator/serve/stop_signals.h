// SIGINT and SIGTERM as a file descriptor the preview loop can wait on.
#pragma once

#include <csignal>
#include <ostream>
#include <thread>

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

/// While alive, a stop signal ends the process at once, after printing "stopped" to
/// `out`: for work that cannot be interrupted and leaves nothing behind (serve's builds
/// in memory, which can take minutes at 100,000 pages). A signal that comes after it
/// ends stays pending for StopSignals::fd().
class ExitOnStop {
 public:
  ExitOnStop(const StopSignals& signals, std::ostream& out);
  ~ExitOnStop();
  ExitOnStop(const ExitOnStop&) = delete;
  ExitOnStop& operator=(const ExitOnStop&) = delete;

 private:
  int done_[2] = {-1, -1};  // a pipe: the destructor writes to wake the watching thread
  std::thread watch_;
};

}  // namespace firefly
