#include "commands/step_timer.h"

#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <string_view>
#include <thread>

#include "core/allocator.h"

namespace firefly {

namespace {

/// User and system time of the whole process (all threads) so far.
double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  auto s = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  return s(u.ru_utime) + s(u.ru_stime);
}

/// VmRSS and VmHWM of /proc/self/status, in kB (0 where there is none).
std::pair<long, long> resident_kb() {
  std::ifstream in("/proc/self/status");
  std::string line;
  long rss = 0, hwm = 0;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) rss = std::atol(line.c_str() + 6);
    if (line.rfind("VmHWM:", 0) == 0) hwm = std::atol(line.c_str() + 6);
  }
  return {rss, hwm};
}

/// From the first call on, a thread prints the memory each time the resident memory has
/// grown by 8 MB since the last line, with the seconds since the first call.
void start_memory_samples() {
  static std::once_flag once;
  std::call_once(once, [] {
    std::thread([] {
      auto start = std::chrono::steady_clock::now();
      long printed = 0;
      for (;;) {
        long rss = resident_kb().first;
        if (rss >= printed + 8192) {
          printed = rss;
          double at =
              std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
          std::fprintf(stderr, "firefly memory at %7.2f s: %s\n", at, StepTimer::memory().c_str());
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
    }).detach();
  });
}

}  // namespace

StepTimer::StepTimer() {
  const char* v = std::getenv("FIREFLY_TIMINGS");
  on_ = v && *v && std::string_view(v) != "0";
  if (on_ && std::string_view(v) == "memory") start_memory_samples();
  last_ = std::chrono::steady_clock::now();
  last_cpu_ = cpu_seconds();
}

void StepTimer::step(const char* name) {
  if (!on_) return;
  auto now = std::chrono::steady_clock::now();
  double cpu = cpu_seconds();
  std::fprintf(stderr, "firefly timings: %-22s %8.3f s  cpu %7.3f s  %s\n", name,
               std::chrono::duration<double>(now - last_).count(), cpu - last_cpu_,
               memory().c_str());
  last_ = now;
  last_cpu_ = cpu;
}

void StepTimer::cpu(const char* name, double seconds) const {
  if (!on_) return;
  std::fprintf(stderr, "firefly timings: %-22s %10s  cpu %7.3f s\n", name, "", seconds);
}

std::string StepTimer::memory() {
  auto [rss, hwm] = resident_kb();
  return "rss " + std::to_string(rss) + " kB (peak " + std::to_string(hwm) + " kB)" +
         allocator_report();
}

}  // namespace firefly
