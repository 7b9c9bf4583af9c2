#include "core/allocator.h"

#include <sys/prctl.h>

#include <cstddef>
#include <cstdint>

// jemalloc's control call; null when the program runs on another allocator.
extern "C" int mallctl(const char* name, void* oldp, size_t* oldlenp, void* newp, size_t newlen)
    __attribute__((weak));

namespace firefly {

namespace {

/// One of jemalloc's statistics, in MB.
size_t statistic_mb(const char* name) {
  size_t value = 0, size = sizeof value;
  if (mallctl(name, &value, &size, nullptr, 0) != 0) return 0;
  return value >> 20;
}

}  // namespace

void release_freed_memory() {
  if (mallctl) mallctl("arena.4096.purge", nullptr, nullptr, nullptr, 0);
}

void stop_huge_pages() { prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0); }

std::string allocator_report() {
  if (!mallctl) return "";
  std::uint64_t epoch = 1;  // the statistics are read as of now
  size_t size = sizeof epoch;
  mallctl("epoch", &epoch, &size, &epoch, size);
  return ", heap " + std::to_string(statistic_mb("stats.allocated")) + " MB allocated, " +
         std::to_string(statistic_mb("stats.active")) + " active, " +
         std::to_string(statistic_mb("stats.resident")) + " resident";
}

}  // namespace firefly
