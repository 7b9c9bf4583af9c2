// The memory of one Markdown document's tree and parser, taken from a few large blocks.
// cmark-gfm allocates every node and text buffer on its own (at 2,000 stories about 1.1
// million callocs, 0.4 million reallocs and 1.4 million frees, about 5% of a build's
// instructions), and a document's tree is freed whole once its HTML is made. cmark-gfm's
// own arena is one for the whole process, which threads parsing side by side cannot
// share, so this one is the document's.
//
// cmark's allocator functions get no context: they take from the memory in use on the
// calling thread (MarkdownMemory::Use). What is allocated with no memory in use (a kept
// tree touched later) comes from the heap, and free() tells the two apart by the header
// before each block.
#pragma once

#include <cmark-gfm.h>

#include <cstddef>
#include <vector>

namespace firefly {

/// The blocks one document's tree and parser take from; freed with it.
class MarkdownMemory {
 public:
  MarkdownMemory() = default;
  /// Frees every block: only once the tree and parser made with allocator() are freed.
  ~MarkdownMemory();
  MarkdownMemory(const MarkdownMemory&) = delete;
  MarkdownMemory& operator=(const MarkdownMemory&) = delete;

  /// The allocator to give cmark (cmark_parser_new_with_mem): the same for every
  /// document; it takes from the memory in use on the calling thread, else the heap.
  static cmark_mem* allocator();

  /// Makes `memory` the one in use on this thread while alive (the one before after).
  class Use {
   public:
    explicit Use(MarkdownMemory& memory);
    ~Use();
    Use(const Use&) = delete;
    Use& operator=(const Use&) = delete;

   private:
    MarkdownMemory* previous_;
  };

  /// The bytes of the blocks taken from the heap so far.
  size_t reserved() const { return reserved_; }

  /// `n` bytes, 16-aligned (after a header: see markdown_memory.cpp); null when the heap
  /// has no more.
  void* allocate(size_t n);
  /// Resizes `p` to `n` bytes in place when it is the last allocation and its block has
  /// room; false otherwise.
  bool grow_last(void* p, size_t n);

 private:
  /// Takes the next block from the heap, room for at least `need` bytes; false when none.
  bool new_block(size_t need);

  std::vector<char*> blocks_;
  char* next_ = nullptr;  ///< where the next allocation starts in the last block
  char* end_ = nullptr;   ///< the last block's end
  void* last_ = nullptr;  ///< the last allocation (its user bytes)
  size_t reserved_ = 0;
};

}  // namespace firefly
