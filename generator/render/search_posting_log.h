// The postings of a run's tokens as a thread writes them: one log of (token, bytes)
// entries in the order they come, each written where the last one ended (no cache miss
// per entry, where a chain per token costs one), then placed in one buffer token by
// token by a counting sort, each token's entries in the order they were appended.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace firefly {

class PostingLog {
 public:
  /// Appends `bytes` to the postings of token `id` (before place()).
  void append(uint32_t id, std::string_view bytes);
  /// True when an entry of token `id` of at most `most` bytes can be written in place
  /// (short_entry, then end_short_entry).
  static bool fits_short(uint32_t id, size_t most) {
    return id < (uint32_t{1} << kIdBits) && most < kLongMark;
  }
  /// Where to write the bytes of an entry that fits_short (at most `most` of them), in
  /// the log itself (no copy); end_short_entry then appends it.
  [[gnu::always_inline]] char* short_entry(size_t most) {
    if (static_cast<size_t>(end_ - at_) < 3 + most) add_block(3 + most);
    return at_ + 3;
  }
  /// Appends the `n` bytes written at short_entry's place to the postings of token `id`.
  [[gnu::always_inline]] void end_short_entry(uint32_t id, uint32_t n) {
    uint32_t header = (id << 4) | n;
    if constexpr (std::endian::native == std::endian::little) {
      // One 4-byte store that keeps the entry's first byte (already written after it).
      uint32_t word;
      std::memcpy(&word, at_, 4);
      word = (word & 0xFF000000u) | header;
      std::memcpy(at_, &word, 4);
    } else {
      at_[0] = static_cast<char>(header & 0xFF);
      at_[1] = static_cast<char>((header >> 8) & 0xFF);
      at_[2] = static_cast<char>(header >> 16);
    }
    at_ += 3 + n;
  }
  /// Where to write the bytes of an entry of at most `most` bytes, in the log itself;
  /// end_entry then appends them to a token's postings, whatever their size.
  [[gnu::always_inline]] char* entry(size_t most) {
    if (static_cast<size_t>(end_ - at_) < kMaxHeader + most) add_block(kMaxHeader + most);
    return at_ + 3;
  }
  /// Appends the `n` bytes written at entry's place to the postings of token `id`.
  [[gnu::always_inline]] void end_entry(uint32_t id, uint32_t n) {
    if (fits_short(id, n)) {
      end_short_entry(id, n);
    } else {
      end_long_entry(id, n);
    }
  }
  /// Places the entries of tokens 0 … tokens-1 (every id appended is below `tokens`; each
  /// token's bytes under 4 GB) and frees the log; postings() works from then on, append()
  /// no more.
  void place(size_t tokens);
  /// place() of tokens 0 … bytes.size()-1 where bytes[id] is the sum of the sizes of the
  /// token's entries, as the writer counted them (no pass over the log to count them).
  void place_counted(std::vector<uint64_t> bytes);
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
  /// end_entry of an entry that does not fit_short: its bytes move past the long header.
  [[gnu::noinline]] void end_long_entry(uint32_t id, uint32_t n);
  static constexpr uint32_t kIdBits = 20;
  static constexpr uint32_t kLongMark = 15;
  static constexpr size_t kMaxHeader = 3 + 8;
  static constexpr size_t kBlockBytes = size_t{1} << 20;  ///< 1 MB blocks
  struct Block {
    std::unique_ptr<char[]> bytes;
    size_t used = 0, size = 0;
  };
  /// A new block of at least `need` bytes to write in (the last one's end noted).
  /// Its last byte is never written: reading an entry's header as four bytes stays in the
  /// block.
  [[gnu::noinline]] void add_block(size_t need) {
    close_block();
    size_t size = std::max(kBlockBytes, need + 1);
    blocks_.push_back({std::make_unique_for_overwrite<char[]>(size), 0, size});
    at_ = blocks_.back().bytes.get();
    end_ = at_ + size - 1;
  }
  /// Notes in the last block how far it is written.
  void close_block() {
    if (!blocks_.empty())
      blocks_.back().used = static_cast<size_t>(at_ - blocks_.back().bytes.get());
  }
  /// Calls `f(id, bytes)` for each entry of the log in order; frees each block once read
  /// when `free` is set.
  template <class F>
  void for_each_entry(bool free, F&& f);

  std::vector<Block> blocks_;
  char* at_ = nullptr;   ///< where the last block's next entry goes (its `used` is not kept)
  char* end_ = nullptr;  ///< the last block's end
  /// The placed postings in pieces of 1 MB (or one token's, when larger), which the
  /// allocator can make of blocks freed before (a log's, or a lookup table's), where one
  /// buffer of all would be fresh memory.
  std::vector<std::unique_ptr<char[]>> pieces_;
  static constexpr uint64_t kOffsetMask = 0xFFFFFFFF;
  std::vector<uint64_t> ends_;  ///< by token: its piece (high 32 bits) and where its bytes end
};

}  // namespace firefly
