// The postings of many tokens in one pool of bytes, with no heap object per token: each
// token's bytes are a chain of slices (16 bytes, then 32, … up to 2 KB) in large blocks,
// each slice ending in the address of the next. Appending touches the chain's last slice
// only, and nothing is ever copied to grow.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace firefly {

class PostingPool {
 public:
  /// Where a chain's bytes are; kept by the caller, beside what else it keeps of a token.
  struct Chain {
    uint32_t head = 0;  ///< address of the first slice
    uint32_t tail = 0;  ///< where the next byte goes
    uint32_t end = 0;   ///< where the last slice's bytes end (its link follows)
    uint32_t bytes = 0;
    uint8_t level = 0;  ///< of the last slice
  };

  /// Appends `bytes` to `chain` (empty at first).
  void append(Chain& chain, std::string_view bytes);
  /// Asks the processor to fetch where the next append to `chain` writes.
  void prefetch(const Chain& chain) const {
    if (chain.bytes) __builtin_prefetch(address(chain.tail), 1);
  }
  /// Calls `f(std::string_view)` for the pieces of `chain`, in order.
  template <class F>
  void for_each_piece(const Chain& chain, F&& f) const {
    uint32_t at = chain.head;
    size_t left = chain.bytes;
    for (size_t level = 0; left > 0; level = std::min(level + 1, kLevels - 1)) {
      size_t room = kSliceBytes[level] - kLink;
      size_t take = std::min(left, room);
      f(std::string_view(address(at), take));
      left -= take;
      if (left) std::memcpy(&at, address(at) + room, kLink);
    }
  }

 private:
  static constexpr size_t kLevels = 8;
  static constexpr uint32_t kSliceBytes[kLevels] = {16, 32, 64, 128, 256, 512, 1024, 2048};
  static constexpr size_t kLink = sizeof(uint32_t);  ///< the next slice's address
  static constexpr size_t kBlockBits = 20;           ///< 1 MB blocks
  static constexpr uint32_t kBlockBytes = uint32_t{1} << kBlockBits;

  char* address(uint32_t a) { return blocks_[a >> kBlockBits].get() + (a & (kBlockBytes - 1)); }
  const char* address(uint32_t a) const {
    return blocks_[a >> kBlockBits].get() + (a & (kBlockBytes - 1));
  }
  /// A new slice of `bytes`; its address.
  uint32_t new_slice(uint32_t bytes);

  std::vector<std::unique_ptr<char[]>> blocks_;
  uint32_t used_ = kBlockBytes;  ///< bytes used of the last block
};

}  // namespace firefly
