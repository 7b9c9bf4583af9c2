#include "render/search_posting_log.h"

#include <bit>
#include <cstring>

namespace firefly {

void PostingLog::append(uint32_t id, std::string_view bytes) {
  size_t need = kMaxHeader + bytes.size();
  if (static_cast<size_t>(end_ - at_) < need) add_block(need);
  char* out = at_;
  auto n = static_cast<uint32_t>(bytes.size());
  bool short_entry = id < (uint32_t{1} << kIdBits) && n < kLongMark;
  uint32_t header = short_entry ? (id << 4) | n : kLongMark;
  out[0] = static_cast<char>(header & 0xFF);
  out[1] = static_cast<char>((header >> 8) & 0xFF);
  out[2] = static_cast<char>(header >> 16);
  out += 3;
  if (!short_entry) {
    std::memcpy(out, &id, 4);
    std::memcpy(out + 4, &n, 4);
    out += 8;
  }
  std::memcpy(out, bytes.data(), n);
  at_ = out + n;
}

void PostingLog::end_long_entry(uint32_t id, uint32_t n) {
  std::memmove(at_ + kMaxHeader, at_ + 3, n);
  at_[0] = static_cast<char>(kLongMark & 0xFF);
  at_[1] = static_cast<char>((kLongMark >> 8) & 0xFF);
  at_[2] = static_cast<char>(kLongMark >> 16);
  std::memcpy(at_ + 3, &id, 4);
  std::memcpy(at_ + 7, &n, 4);
  at_ += kMaxHeader + n;
}

template <class F>
void PostingLog::for_each_entry(bool free, F&& f) {
  for (Block& b : blocks_) {
    const char* at = b.bytes.get();
    const char* end = at + b.used;
    while (at < end) {
      uint32_t header;  // three bytes, little-endian: read as four (add_block's last byte)
      std::memcpy(&header, at, 4);
      if constexpr (std::endian::native == std::endian::big) header = __builtin_bswap32(header);
      header &= 0xFFFFFF;
      at += 3;
      uint32_t id = header >> 4, n = header & 0xF;
      if (n == kLongMark) {
        std::memcpy(&id, at, 4);
        std::memcpy(&n, at + 4, 4);
        at += 8;
      }
      f(id, at, n);
      at += n;
    }
    if (free) b = Block();
  }
}

void PostingLog::place(size_t tokens) {
  close_block();
  std::vector<uint64_t> bytes(tokens, 0);
  for_each_entry(false, [&](uint32_t id, const char*, uint32_t n) { bytes[id] += n; });
  place_counted(std::move(bytes));
}

void PostingLog::place_counted(std::vector<uint64_t> bytes) {
  close_block();
  // Each token's bytes, then where they start: the tokens in order of their ids, a piece
  // filled before the next is begun.
  ends_ = std::move(bytes);
  std::vector<uint64_t> piece_bytes(1, 0);
  for (uint64_t& e : ends_) {
    uint64_t bytes = e;
    if (bytes && piece_bytes.back() && piece_bytes.back() + bytes > kBlockBytes) {
      piece_bytes.push_back(0);
    }
    e = ((piece_bytes.size() - 1) << 32) | piece_bytes.back();
    piece_bytes.back() += bytes;
  }
  for (uint64_t bytes : piece_bytes) {
    pieces_.push_back(std::make_unique_for_overwrite<char[]>(std::max<uint64_t>(bytes, 1)));
  }
  // Each entry where its token's bytes have come to: ends_[id] ends as the token's end.
  for_each_entry(true, [&](uint32_t id, const char* bytes, uint32_t n) {
    uint64_t& e = ends_[id];
    char* to = pieces_[e >> 32].get() + (e & kOffsetMask);
    // Most entries are a gap and a count, a few bytes: copied as two pieces of two (or
    // four) bytes that overlap, with no loop or call of memcpy.
    if (n >= 2 && n <= 4) {
      uint16_t first, last;
      std::memcpy(&first, bytes, 2);
      std::memcpy(&last, bytes + n - 2, 2);
      std::memcpy(to, &first, 2);
      std::memcpy(to + n - 2, &last, 2);
    } else if (n == 1) {
      to[0] = bytes[0];
    } else if (n >= 5 && n <= 8) {
      uint32_t first, last;
      std::memcpy(&first, bytes, 4);
      std::memcpy(&last, bytes + n - 4, 4);
      std::memcpy(to, &first, 4);
      std::memcpy(to + n - 4, &last, 4);
    } else {
      std::memcpy(to, bytes, n);
    }
    e += n;
  });
  blocks_ = std::vector<Block>();
  at_ = end_ = nullptr;
}

}  // namespace firefly
