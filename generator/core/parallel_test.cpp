#include "core/parallel.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <new>
#include <stdexcept>
#include <thread>
#include <vector>

namespace firefly {

TEST_CASE("parallel_for calls every index exactly once") {
  for (int jobs : {1, 2, 8}) {
    std::vector<std::atomic<int>> seen(1000);
    parallel_for(seen.size(), jobs, [&](size_t i) { ++seen[i]; });
    for (const auto& s : seen) CHECK(s == 1);
  }
  int calls = 0;
  parallel_for(0, 4, [&](size_t) { ++calls; });
  CHECK(calls == 0);
}

TEST_CASE("parallel_for throws a worker's exception on the caller once every thread stopped") {
  for (int jobs : {1, 2, 4}) {
    std::atomic<int> calls{0};
    auto run = [&] {
      parallel_for(2000, jobs, [&](size_t i) {
        ++calls;
        if (i == 10) throw std::bad_alloc();
        std::this_thread::sleep_for(std::chrono::microseconds(200));
      });
    };
    CHECK_THROWS_AS(run(), std::bad_alloc);
    CHECK(calls < 100);  // no index handed out after the throw (but those under way)
  }
}

TEST_CASE("BesideThread throws its work's exception from join(), and its destructor waits") {
  BesideThread failing([] { throw std::runtime_error("out of room"); });
  CHECK(failing.joinable());
  CHECK_THROWS_WITH(failing.join(), "out of room");
  CHECK_FALSE(failing.joinable());
  CHECK_NOTHROW(failing.join());
  std::atomic<bool> done{false};
  {
    BesideThread slow([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      done = true;
      throw std::runtime_error("dropped");
    });
  }
  CHECK(done);
}

TEST_CASE("thread_cpu_seconds counts the calling thread's work, not its waiting") {
  double start = thread_cpu_seconds();
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  double slept = thread_cpu_seconds() - start;
  CHECK(slept >= 0);
  CHECK(slept < 0.04);
  volatile unsigned sink = 0;
  double busy_start = thread_cpu_seconds();
  while (thread_cpu_seconds() - busy_start < 0.02) {
    for (unsigned i = 0; i < 10000; ++i) sink = sink + i;
  }
  CHECK(thread_cpu_seconds() - busy_start >= 0.02);
  // Another thread's work is not this thread's.
  double before_other = thread_cpu_seconds();
  std::thread([] {
    double s = thread_cpu_seconds();
    volatile unsigned x = 0;
    while (thread_cpu_seconds() - s < 0.05) x = x + 1;
  }).join();
  CHECK(thread_cpu_seconds() - before_other < 0.04);
}

}  // namespace firefly
