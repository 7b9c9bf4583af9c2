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
  /// A new, empty chain; chains are numbered 0, 1, 2, … in the order they are added.
  uint32_t add_chain() {
    chains_.emplace_back();
    return static_cast<uint32_t>(chains_.size() - 1);
  }
  /// How many chains there are.
  size_t size() const { return chains_.size(); }
  /// Appends `bytes` to chain `c`.
  void append(uint32_t c, std::string_view bytes);
  /// The bytes of chain `c`.
  size_t bytes(uint32_t c) const { return chains_[c].bytes; }
  /// Calls `f(std::string_view)` for the pieces of chain `c`, in order.
  template <class F>
  void for_each_piece(uint32_t c, F&& f) const {
    const Chain& chain = chains_[c];
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

  struct Chain {
    uint32_t head = 0;  ///< address of the first slice
    uint32_t tail = 0;  ///< where the next byte goes
    uint32_t end = 0;   ///< where the last slice's bytes end (its link follows)
    uint32_t bytes = 0;
    uint8_t level = 0;  ///< of the last slice
  };

  char* address(uint32_t a) { return blocks_[a >> kBlockBits].get() + (a & (kBlockBytes - 1)); }
  const char* address(uint32_t a) const {
    return blocks_[a >> kBlockBits].get() + (a & (kBlockBytes - 1));
  }
  /// A new slice of `bytes`; its address.
  uint32_t new_slice(uint32_t bytes);

  std::vector<Chain> chains_;
  std::vector<std::unique_ptr<char[]>> blocks_;
  uint32_t used_ = kBlockBytes;  ///< bytes used of the last block
};

}  // namespace firefly
