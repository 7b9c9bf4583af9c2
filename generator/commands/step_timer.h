// Per-step timings of a build, for measuring it: FIREFLY_TIMINGS=1 prints each step's wall
// and CPU seconds and the memory the process holds after it; FIREFLY_TIMINGS=memory also
// prints a line each time its resident memory has grown by 8 MB, to find where the peak
// comes from.
#pragma once

#include <chrono>
#include <string>

namespace firefly {

/// Prints on stderr, when FIREFLY_TIMINGS is set to a non-empty, non-"0" value, the time
/// since the last step (or since it was made) at each step().
class StepTimer {
 public:
  StepTimer();
  void step(const char* name);
  /// Prints CPU seconds measured apart (a piece of work running beside others, on the
  /// threads it ran on).
  void cpu(const char* name, double seconds) const;

  /// Resident and peak resident memory of the process, from /proc (empty where there is
  /// none), and what the allocator holds when it is jemalloc: allocated, in pages it uses
  /// (active), and resident (with the freed pages it keeps for reuse).
  static std::string memory();

 private:
  bool on_ = false;
  std::chrono::steady_clock::time_point last_;
  double last_cpu_ = 0;
};

}  // namespace firefly
