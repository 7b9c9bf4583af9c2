// Running independent pieces of work on several threads.
#pragma once

#include <cstddef>
#include <functional>

namespace firefly {

/// Calls `fn(i)` for every i in [0, n) on up to `jobs` threads (the caller's included),
/// handing out indexes in order; returns when all calls have returned.
void parallel_for(size_t n, int jobs, const std::function<void(size_t)>& fn);

}  // namespace firefly
