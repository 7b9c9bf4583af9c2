// The memory allocator, when the program runs on jemalloc (the firefly command is linked
// with it; the tests are not): handing freed memory back, and what it holds. Both do
// nothing on another allocator. The settings themselves are in main.cpp, beside the
// program's start.
#pragma once

#include <string>

namespace firefly {

/// Hands the memory freed since the last call back to the system (every arena).
void release_freed_memory();

/// What the allocator holds, as ", heap N MB allocated, N active, N resident" (allocated;
/// in pages it uses; resident with the freed pages it keeps for reuse); "" when not jemalloc.
std::string allocator_report();

}  // namespace firefly
