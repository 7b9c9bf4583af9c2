#include "core/parallel.h"

#include <time.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <utility>
#include <vector>

namespace firefly {

void parallel_for(size_t n, int jobs, const std::function<void(size_t)>& fn) {
  std::atomic<size_t> next{0};
  std::mutex mu;
  std::exception_ptr error;  // the first a call threw, under `mu`
  auto worker = [&] {
    try {
      for (size_t i; (i = next++) < n;) fn(i);
    } catch (...) {
      next = n;  // the other threads take no further index
      std::lock_guard lock(mu);
      if (!error) error = std::current_exception();
    }
  };
  std::vector<std::thread> threads;
  try {
    size_t wanted = jobs > 1 && n > 1 ? std::min(n, static_cast<size_t>(jobs)) - 1 : 0;
    threads.reserve(wanted);
    while (threads.size() < wanted) threads.emplace_back(worker);
  } catch (const std::exception&) {
    // Out of threads or memory for one: the ones made (and the caller) do the work.
  }
  worker();
  for (std::thread& t : threads) t.join();
  if (error) std::rethrow_exception(error);
}

BesideThread::BesideThread(std::function<void()> fn)
    : thread_([this, fn = std::move(fn)] {
        try {
          fn();
        } catch (...) {
          error_ = std::current_exception();
        }
      }) {}

BesideThread::~BesideThread() {
  if (thread_.joinable()) thread_.join();
}

void BesideThread::join() {
  if (!thread_.joinable()) return;
  thread_.join();
  if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
}

double thread_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

}  // namespace firefly
