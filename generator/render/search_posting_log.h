// The postings of a run's tokens as a thread writes them: one log of (token, bytes)
// entries in the order they come, each written where the last one ended (no cache miss
// per entry, where a chain per token costs one), then placed in one buffer token by
// token by a counting sort, each token's entries in the order they were appended.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace firefly {

class PostingLog {
 public:
  /// Appends `bytes` to the postings of token `id` (before place()).
  void append(uint32_t id, std::string_view bytes);
  /// Places the entries of tokens 0 … tokens-1 (every id appended is below `tokens`; each
  /// token's bytes under 4 GB) and frees the log; postings() works from then on, append()
  /// no more.
  void place(size_t tokens);
  bool placed() const { return !pieces_.empty(); }
  /// The bytes appended to token `id`, in order (after place()).
  std::string_view postings(uint32_t id) const {
    uint64_t end = ends_[id];
    uint64_t piece = end >> 32;
    uint64_t start = id && (ends_[id - 1] >> 32) == piece ? ends_[id - 1] : end & ~kOffsetMask;
    return {pieces_[piece].get() + (start & kOffsetMask), static_cast<size_t>(end - start)};
  }

 private:
  /// An entry's header: the token's id and the entry's size in three bytes, or this
  /// size mark then four bytes of each.
  static constexpr uint32_t kIdBits = 20;
  static constexpr uint32_t kLongMark = 15;
  static constexpr size_t kMaxHeader = 3 + 8;
  static constexpr size_t kBlockBytes = size_t{1} << 20;  ///< 1 MB blocks
  struct Block {
    std::unique_ptr<char[]> bytes;
    size_t used = 0, size = 0;
  };
  /// Calls `f(id, bytes)` for each entry of the log in order; frees each block once read
  /// when `free` is set.
  template <class F>
  void for_each_entry(bool free, F&& f);

  std::vector<Block> blocks_;
  /// The placed postings in pieces of 1 MB (or one token's, when larger), which the
  /// allocator can make of blocks freed before (a log's, or a lookup table's), where one
  /// buffer of all would be fresh memory.
  std::vector<std::unique_ptr<char[]>> pieces_;
  static constexpr uint64_t kOffsetMask = 0xFFFFFFFF;
  std::vector<uint64_t> ends_;  ///< by token: its piece (high 32 bits) and where its bytes end
};

}  // namespace firefly
