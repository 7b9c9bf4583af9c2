#include "render/search_posting_pool.h"

#include <stdexcept>

namespace firefly {

uint32_t PostingPool::new_slice(uint32_t bytes) {
  if (used_ + bytes > kBlockBytes) {
    if (blocks_.size() >= (size_t{1} << (32 - kBlockBits))) {
      throw std::length_error("search index: more than 4 GB of postings in one run");
    }
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(kBlockBytes));
    used_ = 0;
  }
  uint32_t a = static_cast<uint32_t>((blocks_.size() - 1) << kBlockBits) + used_;
  used_ += bytes;
  return a;
}

void PostingPool::append(Chain& chain, std::string_view bytes) {
  if (chain.bytes == 0 && !bytes.empty()) {
    chain.head = chain.tail = new_slice(kSliceBytes[0]);
    chain.end = chain.head + kSliceBytes[0] - kLink;
    chain.level = 0;
  }
  chain.bytes += static_cast<uint32_t>(bytes.size());
  while (!bytes.empty()) {
    if (chain.tail == chain.end) {  // the slice is full: link a larger one
      if (size_t{chain.level} + 1 < kLevels) ++chain.level;
      uint32_t next = new_slice(kSliceBytes[chain.level]);
      std::memcpy(address(chain.end), &next, kLink);
      chain.tail = next;
      chain.end = next + kSliceBytes[chain.level] - kLink;
    }
    size_t take = std::min<size_t>(bytes.size(), chain.end - chain.tail);
    std::memcpy(address(chain.tail), bytes.data(), take);
    chain.tail += static_cast<uint32_t>(take);
    bytes.remove_prefix(take);
  }
}

}  // namespace firefly
