// Running independent pieces of work on several threads.
#pragma once

#include <cstddef>
#include <functional>

namespace firefly {

/// Calls `fn(i)` for every i in [0, n) on up to `jobs` threads (the caller's included),
/// handing out indexes in order; returns when all calls have returned.
void parallel_for(size_t n, int jobs, const std::function<void(size_t)>& fn);

/// CPU seconds (user and system) the calling thread has used so far: what a piece of work
/// costs when other threads run beside it.
double thread_cpu_seconds();

}  // namespace firefly
