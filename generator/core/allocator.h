// The memory allocator, when the program runs on jemalloc (the firefly command is linked
// with it; the tests are not): handing freed memory back, and what it holds. Both do
// nothing on another allocator. The settings themselves are in main.cpp, beside the
// program's start.
#pragma once

#include <string>

namespace firefly {

/// Hands the memory freed since the last call back to the system (every arena).
void release_freed_memory();

/// Memory touched from now on is no longer backed by huge pages (2 MB, which the build's
/// allocator asks for): for steps whose buffers of a few MB each come and go, where a
/// huge page partly used is resident in full.
void stop_huge_pages();

/// What the allocator holds, as ", heap N MB allocated, N active, N resident" (allocated;
/// in pages it uses; resident with the freed pages it keeps for reuse); "" when not jemalloc.
std::string allocator_report();

}  // namespace firefly
