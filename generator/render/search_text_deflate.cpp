#include "render/search_text_deflate.h"

#include <algorithm>
#include <cstring>
#include <queue>
#include <stdexcept>

namespace firefly {

namespace {

constexpr unsigned kTextHashBits = 14;
constexpr uint32_t kTextWindow = 32768;
constexpr size_t kTextMaxMatch = 258;

constexpr uint16_t kLengthBase[29] = {3,  4,  5,  6,   7,   8,   9,   10,  11, 13,
                                      15, 17, 19, 23,  27,  31,  35,  43,  51, 59,
                                      67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr uint8_t kLengthExtra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                      2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr uint16_t kDistanceBase[30] = {
    1,   2,   3,   4,   5,   7,    9,    13,   17,   25,   33,   49,   65,    97,    129,
    193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
constexpr uint8_t kDistanceExtra[30] = {0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                        6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
constexpr uint8_t kCodeLengthOrder[19] = {16, 17, 18, 0, 8,  7, 9,  6, 10, 5,
                                          11, 4,  12, 3, 13, 2, 14, 1, 15};

/// The length symbol (257-285) of each match length 3-258.
struct TextLengthSymbols {
  uint16_t symbol[kTextMaxMatch + 1] = {};
  TextLengthSymbols() {
    for (unsigned s = 0; s < 29; ++s) {
      for (unsigned l = kLengthBase[s]; l < kLengthBase[s] + (1u << kLengthExtra[s]) && l <= 258;
           ++l) {
        symbol[l] = static_cast<uint16_t>(s);  // 258 ends as 28 (symbol 285), as it must
      }
    }
  }
};
const TextLengthSymbols kTextLengths;

/// The distance symbol (0-29) of distance d (1-32768).
inline unsigned text_distance_symbol(uint32_t d) {
  unsigned s = 0;
  while (s + 1 < 30 && kDistanceBase[s + 1] <= d) ++s;
  return s;
}

/// Distance symbols by distance: the first 256 directly, the rest by 128s.
struct TextDistanceSymbols {
  uint8_t small[256] = {};
  uint8_t large[256] = {};
  TextDistanceSymbols() {
    for (uint32_t d = 1; d <= 256; ++d)
      small[d - 1] = static_cast<uint8_t>(text_distance_symbol(d));
    for (uint32_t k = 2; k < 256; ++k)
      large[k] = static_cast<uint8_t>(text_distance_symbol(k * 128 + 1));
  }
  unsigned of(uint32_t d) const { return d <= 256 ? small[d - 1] : large[(d - 1) >> 7]; }
};
const TextDistanceSymbols kTextDistances;

inline uint32_t text_load32(const unsigned char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

/// Finds the text's matches (greedy: the last place its next 4 bytes were seen, within
/// the window and the text) and passes each literal and match to `sink`. `seen` holds 1 + the
/// position (counted from `base`, over all texts) of each hash of 4 bytes; older entries are before
/// `base` and not used.
template <class Sink>
void parse_search_text(std::string_view text, std::vector<uint32_t>& seen, uint32_t base,
                       Sink& sink) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size(), i = 0;
  while (i + 4 <= n) {
    uint32_t v = text_load32(p + i);
    uint32_t h = (v * 0x9E3779B1u) >> (32 - kTextHashBits);
    uint32_t e = seen[h], here = base + static_cast<uint32_t>(i) + 1;
    seen[h] = here;
    if (e > base && here - e <= kTextWindow && text_load32(p + (e - 1 - base)) == v) {
      size_t from = e - 1 - base, len = 4, most = std::min(kTextMaxMatch, n - i);
      while (len + 8 <= most) {
        uint64_t a, b;
        std::memcpy(&a, p + from + len, 8);
        std::memcpy(&b, p + i + len, 8);
        if (a != b) {
          len += static_cast<size_t>(__builtin_ctzll(a ^ b)) / 8;
          goto found;
        }
        len += 8;
      }
      while (len < most && p[from + len] == p[i + len]) ++len;
    found:
      sink.match(static_cast<unsigned>(len), here - e);
      // The match's other places are remembered too: 2-3% fewer bytes (English more).
      for (size_t j = i + 1, stop = std::min(i + len, n - 3); j < stop; ++j) {
        seen[(text_load32(p + j) * 0x9E3779B1u) >> (32 - kTextHashBits)] =
            base + static_cast<uint32_t>(j) + 1;
      }
      i += len;
    } else {
      sink.literal(p[i]);
      ++i;
    }
  }
  for (; i < n; ++i) sink.literal(p[i]);
}

/// Code lengths of at most `limit` bits for symbols of frequency `freq` (0: no code).
std::vector<uint8_t> text_code_lengths(std::vector<uint64_t> freq, unsigned limit) {
  size_t n = freq.size();
  size_t used = static_cast<size_t>(
      std::count_if(freq.begin(), freq.end(), [](uint64_t f) { return f > 0; }));
  if (used < 2) {  // a code needs two symbols to be complete
    for (size_t s = 0; s < n && used < 2; ++s) {
      if (freq[s] == 0) freq[s] = 1, ++used;
    }
  }
  for (;;) {
    std::vector<int> parent(2 * n, -1);
    using Node = std::pair<uint64_t, int>;
    std::priority_queue<Node, std::vector<Node>, std::greater<Node>> heap;
    for (size_t s = 0; s < n; ++s) {
      if (freq[s] > 0) heap.push({freq[s], static_cast<int>(s)});
    }
    int next = static_cast<int>(n);
    while (heap.size() > 1) {
      Node a = heap.top();
      heap.pop();
      Node b = heap.top();
      heap.pop();
      parent[a.second] = parent[b.second] = next;
      heap.push({a.first + b.first, next++});
    }
    std::vector<uint8_t> lengths(n, 0);
    unsigned longest = 0;
    for (size_t s = 0; s < n; ++s) {
      if (freq[s] == 0) continue;
      unsigned depth = 0;
      for (int at = static_cast<int>(s); parent[at] >= 0; at = parent[at]) ++depth;
      lengths[s] = static_cast<uint8_t>(depth);
      longest = std::max(longest, depth);
    }
    if (longest <= limit) return lengths;
    for (uint64_t& f : freq) {
      if (f > 0) f = (f + 1) / 2;  // flatter, until the longest code fits
    }
  }
}

/// Canonical codes (RFC 1951 3.2.2) of `lengths`, bits reversed (deflate writes a code's
/// first bit first).
std::vector<uint16_t> text_canonical_codes(const std::vector<uint8_t>& lengths) {
  unsigned count[16] = {}, next[16] = {};
  for (uint8_t l : lengths) ++count[l];
  count[0] = 0;
  for (unsigned bits = 1, code = 0; bits < 16; ++bits) {
    code = (code + count[bits - 1]) << 1;
    next[bits] = code;
  }
  std::vector<uint16_t> codes(lengths.size(), 0);
  for (size_t s = 0; s < lengths.size(); ++s) {
    unsigned l = lengths[s];
    if (l == 0) continue;
    unsigned code = next[l]++, reversed = 0;
    for (unsigned b = 0; b < l; ++b) reversed |= ((code >> b) & 1u) << (l - 1 - b);
    codes[s] = static_cast<uint16_t>(reversed);
  }
  return codes;
}

/// Bits written first bit first, as deflate does.
struct TextBitWriter {
  std::string bytes;
  uint64_t acc = 0;
  unsigned count = 0;
  void put(uint32_t bits, unsigned n) {
    acc |= static_cast<uint64_t>(bits) << count;
    count += n;
    while (count >= 8) {
      bytes += static_cast<char>(acc & 0xFF);
      acc >>= 8;
      count -= 8;
    }
  }
};

struct TextSymbolCounts {
  std::vector<uint64_t> litlen = std::vector<uint64_t>(286, 0);
  std::vector<uint64_t> distance = std::vector<uint64_t>(30, 0);
  void literal(unsigned char c) { ++litlen[c]; }
  void match(unsigned len, uint32_t d) {
    ++litlen[257 + kTextLengths.symbol[len]];
    ++distance[kTextDistances.of(d)];
  }
};

}  // namespace

SearchTextCode::SearchTextCode(const std::vector<std::string_view>& samples) {
  TextSymbolCounts counts;
  std::vector<uint32_t> seen(size_t{1} << kTextHashBits, 0);
  uint32_t base = 0;
  for (std::string_view s : samples) {
    if (base + s.size() + 1 < base || base + s.size() + 1 > UINT32_MAX / 2) break;
    parse_search_text(s, seen, base, counts);
    base += static_cast<uint32_t>(s.size());
  }
  // Every symbol gets a code (a text may have what the samples do not): each counted once
  // more, the matches' weighed by how often they occurred in the samples.
  for (uint64_t& f : counts.litlen) ++f;
  for (uint64_t& f : counts.distance) ++f;
  std::vector<uint8_t> litlen = text_code_lengths(counts.litlen, 15);
  std::vector<uint8_t> distance = text_code_lengths(counts.distance, 15);
  std::vector<uint16_t> litlen_codes = text_canonical_codes(litlen);
  std::vector<uint16_t> distance_codes = text_canonical_codes(distance);
  for (unsigned s = 0; s < 257; ++s) {
    tables_.literal_bits[s] = litlen_codes[s];
    tables_.literal_count[s] = litlen[s];
  }
  for (unsigned l = 3; l <= kTextMaxMatch; ++l) {
    unsigned s = kTextLengths.symbol[l];
    tables_.length_bits[l] = litlen_codes[257 + s] | static_cast<uint32_t>(l - kLengthBase[s])
                                                         << litlen[257 + s];
    tables_.length_count[l] = static_cast<uint8_t>(litlen[257 + s] + kLengthExtra[s]);
  }
  for (unsigned s = 0; s < 30; ++s) {
    tables_.distance_bits[s] = distance_codes[s];
    tables_.distance_count[s] = distance[s];
  }

  // The header: the code lengths, run-length coded (16: the previous length 3-6 more
  // times), with a code of their own.
  std::vector<uint8_t> all(litlen);
  all.insert(all.end(), distance.begin(), distance.end());
  std::vector<std::pair<uint8_t, uint8_t>> items;  // (symbol, its extra bits' value)
  for (size_t i = 0; i < all.size();) {
    size_t run = 0;
    while (i > 0 && i + run < all.size() && all[i + run] == all[i - 1] && run < 6) ++run;
    if (run >= 3) {
      items.push_back({16, static_cast<uint8_t>(run - 3)});
      i += run;
    } else {
      items.push_back({all[i], 0});
      ++i;
    }
  }
  std::vector<uint64_t> item_counts(19, 0);
  for (auto [sym, extra] : items) ++item_counts[sym];
  std::vector<uint8_t> precode = text_code_lengths(item_counts, 7);
  std::vector<uint16_t> precode_codes = text_canonical_codes(precode);
  unsigned sent = 19;
  while (sent > 4 && precode[kCodeLengthOrder[sent - 1]] == 0) --sent;
  TextBitWriter w;
  w.put(1, 1);   // BFINAL: the text's only block
  w.put(2, 2);   // BTYPE 2: dynamic codes
  w.put(29, 5);  // HLIT: 286 literal and length codes
  w.put(29, 5);  // HDIST: 30 distance codes
  w.put(sent - 4, 4);
  for (unsigned k = 0; k < sent; ++k) w.put(precode[kCodeLengthOrder[k]], 3);
  for (auto [sym, extra] : items) {
    w.put(precode_codes[sym], precode[sym]);
    if (sym == 16) w.put(extra, 2);
  }
  header_ = std::move(w.bytes);
  tail_bits_ = static_cast<uint32_t>(w.acc);
  tail_count_ = w.count;
}

SearchTextDeflater::SearchTextDeflater(const SearchTextCode& code)
    : code_(code), seen_(size_t{1} << kTextHashBits, 0) {}

SearchTextDeflater::~SearchTextDeflater() = default;

namespace {

/// Writes a text's symbols with a SearchTextCode, four bytes at a time.
struct TextCodeWriter {
  const SearchTextCode::Tables& t;
  char* out;
  uint64_t acc;
  unsigned count;
  void put(uint64_t bits, unsigned n) {
    acc |= bits << count;
    count += n;
    if (count >= 32) {
      uint32_t word = static_cast<uint32_t>(acc);
      std::memcpy(out, &word, 4);
      out += 4;
      acc >>= 32;
      count -= 32;
    }
  }
  void literal(unsigned char c) { put(t.literal_bits[c], t.literal_count[c]); }
  void match(unsigned len, uint32_t d) {
    put(t.length_bits[len], t.length_count[len]);
    unsigned s = kTextDistances.of(d);
    put(t.distance_bits[s] | static_cast<uint64_t>(d - kDistanceBase[s]) << t.distance_count[s],
        t.distance_count[s] + kDistanceExtra[s]);
  }
};

}  // namespace

std::string SearchTextDeflater::deflate(std::string_view text) {
  if (text.empty()) return {};
  size_t n = text.size();
  if (n >= UINT32_MAX / 4) throw std::length_error("search text too long to deflate");
  if (base_ + n + 1 > UINT32_MAX) {  // positions would wrap: forget every text before
    std::fill(seen_.begin(), seen_.end(), 0);
    base_ = 0;
  }
  // At most 15 bits a literal, fewer for a match's bytes; the end code, the header's
  // last bits and room for a last 4-byte store.
  size_t bound = 2 * n + 16;
  if (buffer_.size() < bound) buffer_.resize(bound);
  TextCodeWriter w{code_.tables_, buffer_.data(), code_.tail_bits_, code_.tail_count_};
  parse_search_text(text, seen_, static_cast<uint32_t>(base_), w);
  w.put(code_.tables_.literal_bits[256], code_.tables_.literal_count[256]);  // end of block
  while (w.count > 0) {
    *w.out++ = static_cast<char>(w.acc & 0xFF);
    w.acc >>= 8;
    w.count = w.count > 8 ? w.count - 8 : 0;
  }
  base_ += n;
  return std::string(buffer_.data(), static_cast<size_t>(w.out - buffer_.data()));
}

}  // namespace firefly
