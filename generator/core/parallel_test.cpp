#include "core/parallel.h"

#include <doctest/doctest.h>

#include <atomic>
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

}  // namespace firefly
