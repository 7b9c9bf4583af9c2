// Running independent pieces of work on several threads.
#pragma once

#include <cstddef>
#include <exception>
#include <functional>
#include <thread>

namespace firefly {

/// Calls `fn(i)` for every i in [0, n) on up to `jobs` threads (the caller's included),
/// handing out indexes in order; returns when all calls have returned. When a call throws,
/// no further index is handed out, and once every thread has stopped the first exception
/// is thrown again on the calling thread (out of memory in a worker ends as on the caller).
void parallel_for(size_t n, int jobs, const std::function<void(size_t)>& fn);

/// A piece of work on a thread of its own beside the caller's. join() waits for it and
/// throws again what it threw. The destructor waits as well, without throwing: when the
/// caller leaves by an exception of its own, the work's is dropped.
class BesideThread {
 public:
  /// Starts `fn` on a new thread (std::system_error if none can be made).
  explicit BesideThread(std::function<void()> fn);
  ~BesideThread();
  BesideThread(const BesideThread&) = delete;
  BesideThread& operator=(const BesideThread&) = delete;

  /// Waits for the work to end and throws again what it threw; nothing once joined.
  void join();
  /// Whether join() is still to be called.
  bool joinable() const { return thread_.joinable(); }

 private:
  std::exception_ptr error_;  // set before the thread ends, read after it is joined
  std::thread thread_;
};

/// CPU seconds (user and system) the calling thread has used so far: what a piece of work
/// costs when other threads run beside it.
double thread_cpu_seconds();

}  // namespace firefly
