#include "load/markdown_memory.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>

namespace firefly {

namespace {

/// Before each block cmark gets: its size, and whether it came from the heap (16 bytes, so
/// that the block after it stays 16-aligned, as malloc's are).
struct Header {
  size_t size;
  size_t from_heap;
};
static_assert(sizeof(Header) == 16);

/// Blocks of this size or more come from the heap even with a memory in use: a text
/// buffer that grows to this size is moved from place to place as it grows, and the heap
/// grows it in place where it can.
constexpr size_t kLargest = 64 * 1024;
/// The first block a document takes; each later one twice the one before, up to kBlockMost.
constexpr size_t kFirstBlock = 32 * 1024;
constexpr size_t kBlockMost = 512 * 1024;

thread_local MarkdownMemory* in_use = nullptr;

Header* header_of(void* p) { return static_cast<Header*>(p) - 1; }

size_t rounded(size_t n) { return (n + 15) & ~size_t{15}; }

void* heap_block(size_t n, bool zero) {
  if (n > SIZE_MAX - sizeof(Header)) return nullptr;
  void* raw = zero ? std::calloc(1, sizeof(Header) + n) : std::malloc(sizeof(Header) + n);
  if (!raw) return nullptr;
  auto* h = static_cast<Header*>(raw);
  *h = {n, 1};
  return h + 1;
}

}  // namespace

// Inlined into cmark's calloc and realloc: the taking is a few instructions, and a call
// would save and restore registers around it.
[[gnu::always_inline]] inline void* MarkdownMemory::allocate(size_t n) {
  size_t need = sizeof(Header) + rounded(n);
  if (static_cast<size_t>(end_ - next_) < need) [[unlikely]] {
    if (!new_block(need)) return nullptr;
  }
  auto* h = reinterpret_cast<Header*>(next_);
  *h = {n, 0};
  next_ += need;
  last_ = h + 1;
  return last_;
}

namespace {

void* block(size_t n) {
  MarkdownMemory* memory = in_use;
  if (memory && n < kLargest) return memory->allocate(n);
  return heap_block(n, false);
}

void* memory_calloc(size_t count, size_t size) {
  size_t n;
  if (__builtin_mul_overflow(count, size, &n)) return nullptr;
  MarkdownMemory* memory = in_use;
  if (memory && n < kLargest) {
    void* p = memory->allocate(n);
    return p ? std::memset(p, 0, n) : nullptr;  // (memset returns p: called last, jumped to)
  }
  return heap_block(n, true);
}

void memory_free(void* p) {
  if (!p) return;
  Header* h = header_of(p);
  if (h->from_heap) std::free(h);  // a document's own blocks go when its memory does
}

void* memory_realloc(void* p, size_t n) {
  if (!p) return block(n);
  Header* h = header_of(p);
  if (h->from_heap) {
    if (n > SIZE_MAX - sizeof(Header)) return nullptr;
    auto* grown = static_cast<Header*>(std::realloc(h, sizeof(Header) + n));
    if (!grown) return nullptr;
    grown->size = n;
    return grown + 1;
  }
  if (in_use && n < kLargest && in_use->grow_last(p, n)) return p;
  void* moved = block(n);
  if (moved) std::memcpy(moved, p, std::min(h->size, n));
  return moved;
}

cmark_mem allocator_functions = {memory_calloc, memory_realloc, memory_free};

}  // namespace

MarkdownMemory::~MarkdownMemory() {
  if (in_use == this) in_use = nullptr;
  for (char* b : blocks_) std::free(b);
}

cmark_mem* MarkdownMemory::allocator() { return &allocator_functions; }

MarkdownMemory::Use::Use(MarkdownMemory& memory) : previous_(in_use) { in_use = &memory; }

MarkdownMemory::Use::~Use() { in_use = previous_; }

bool MarkdownMemory::new_block(size_t need) {
  size_t size = std::min(kBlockMost, kFirstBlock << std::min<size_t>(blocks_.size(), 8));
  size = std::max(size, need);
  char* b = static_cast<char*>(std::malloc(size));
  if (!b) return false;
  blocks_.push_back(b);
  reserved_ += size;
  next_ = b;
  end_ = b + size;
  return true;
}

bool MarkdownMemory::grow_last(void* p, size_t n) {
  if (p != last_) return false;
  char* start = static_cast<char*>(p);
  size_t room = static_cast<size_t>(end_ - start);
  if (rounded(n) > room) return false;
  header_of(p)->size = n;
  next_ = start + rounded(n);
  return true;
}

}  // namespace firefly
