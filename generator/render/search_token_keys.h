// The tokens of simple text (search_text_is_simple) given as the keys SearchTokenIds looks
// them up by, made from the text's bytes as they are read: the index tokenizes every
// page, and making each token's string and then its key from the string cost more than
// looking the key up.
#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "core/locale.h"
#include "render/search_token_ids.h"
#include "render/search_tokens.h"

namespace firefly {

/// By byte: an ASCII letter or digit in lower case, else 0 (every other byte).
inline constexpr auto kSearchWordBytes = [] {
  std::array<unsigned char, 256> bytes{};
  for (int c = '0'; c <= '9'; ++c) bytes[c] = static_cast<unsigned char>(c);
  for (int c = 'a'; c <= 'z'; ++c) bytes[c] = static_cast<unsigned char>(c);
  for (int c = 'A'; c <= 'Z'; ++c) bytes[c] = static_cast<unsigned char>(c - 'A' + 'a');
  return bytes;
}();

namespace detail {
/// The high bit of each of eight bytes.
inline constexpr uint64_t kHighBits = 0x8080808080808080ULL;
/// Eight bytes with ASCII letters in lower case, and in `*word` the high bit of each that
/// is an ASCII letter or digit (kSearchWordBytes, eight at a time).
inline uint64_t search_word_bytes(uint64_t bytes, uint64_t* word) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  uint64_t ascii = ~bytes & kHighBits;  // bytes below 0x80; the sums below do not carry
  uint64_t x = bytes & ~kHighBits, folded = x | (0x20 * kOnes);
  // A byte b is at least `lo` when b + 0x80 - lo has its high bit, at most `hi` when
  // b + 0x7F - hi has not.
  uint64_t letter = (folded + (0x80 - 'a') * kOnes) & ~(folded + (0x7F - 'z') * kOnes);
  uint64_t digit = (x + (0x80 - '0') * kOnes) & ~(x + (0x7F - '9') * kOnes);
  letter &= ascii;
  *word = (letter | digit) & ascii;
  return bytes | (letter >> 2);  // 0x20 for each letter: lower case
}
}  // namespace detail

/// The tokens detail::simple_search_tokens gives for `text` (which search_text_is_simple
/// accepts), in the same order and at the same positions: `sink.key(key, pos, positional)`
/// for a token whose SearchTokenIds::short_key is not 0 (`key` is that key), else
/// `sink.token(token, pos, positional)`; a CJK character (never positional) is given as
/// `sink.character(key, code_point, pos)`.
template <class Sink>
void simple_search_keys(std::string_view text, uint32_t* pos, Sink& sink) {
  // The position in a local: the sink's stores could be to *pos, for all the compiler
  // knows, so each use of it there would be a load.
  uint32_t at = *pos;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t word = 0;        // letters and digits in a row just before i
  uint64_t word_key = 0;  // their bytes in lower case, while there are eight or fewer
  auto flush = [&](size_t end) {
    if (word == 0) return;
    if (word <= sizeof(uint64_t)) {
      sink.key(word_key, at, true);
    } else if (word <= kMaxTokenBytes) {
      // Eight bytes at a time: each is an ASCII letter or digit, so setting its 0x20 bit
      // lowers a letter and keeps a digit; the last eight overlap the ones before.
      constexpr uint64_t kLower = 0x2020202020202020ULL;
      char lower[kMaxTokenBytes];
      const unsigned char* from = s + end - word;
      uint64_t bytes;
      for (size_t k = 0; k + sizeof bytes < word; k += sizeof bytes) {
        std::memcpy(&bytes, from + k, sizeof bytes);
        bytes |= kLower;
        std::memcpy(lower + k, &bytes, sizeof bytes);
      }
      std::memcpy(&bytes, from + word - sizeof bytes, sizeof bytes);
      bytes |= kLower;
      std::memcpy(lower + word - sizeof bytes, &bytes, sizeof bytes);
      sink.token(std::string_view(lower, word), at, true);
    }
    ++at;
    word = 0;
    word_key = 0;
  };
  // The CJK character just before i in the same run, if any: its bytes as a key.
  bool in_run = false;
  uint64_t key1 = 0;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = s[i];
    if (c < 0x80) {
      in_run = false;
      if (kSearchWordBytes[c] == 0) {
        flush(i);
        ++i;
        continue;
      }
      if (i + sizeof(uint64_t) <= text.size()) {
        // The word's first eight bytes at once: most words are shorter, and their key is
        // the bytes before the first that is not a letter or digit.
        uint64_t bytes;
        std::memcpy(&bytes, s + i, sizeof bytes);
        uint64_t letters = 0, lower = detail::search_word_bytes(bytes, &letters);
        auto lead = static_cast<size_t>(std::countr_zero(~letters & detail::kHighBits) / 8);
        word = lead;
        word_key = lead == sizeof(uint64_t) ? lower : lower & ((uint64_t{1} << (8 * lead)) - 1);
        i += lead;
        if (lead < sizeof(uint64_t) || i == text.size()) continue;
        c = s[i];
        if (kSearchWordBytes[c] == 0) continue;
      }
      do {  // the word's letters and digits, in lower case, read in one loop
        if (word < sizeof(uint64_t)) {
          word_key |= static_cast<uint64_t>(kSearchWordBytes[c]) << (8 * word);
        }
        ++word;
        if (++i == text.size()) break;
        c = s[i];
      } while (kSearchWordBytes[c] != 0);
      continue;
    }
    flush(i);         // simple text has 3-byte sequences only: ideographs and separators
    uint32_t cp = 0;  // three_byte_code_point, inline
    if (i + 2 < text.size() && (c & 0xF0) == 0xE0) {
      cp = (static_cast<uint32_t>(c & 0x0F) << 12) | (static_cast<uint32_t>(s[i + 1] & 0x3F) << 6) |
           static_cast<uint32_t>(s[i + 2] & 0x3F);
    }
    if (is_unified_ideograph(cp)) {
      uint64_t key =
          s[i] | (static_cast<uint64_t>(s[i + 1]) << 8) | (static_cast<uint64_t>(s[i + 2]) << 16);
      if (in_run) sink.key(key1 | (key << 24), at - 1, false);
      sink.character(key, cp, at);
      key1 = key;
      ++at;
      in_run = true;
    } else {
      in_run = false;
    }
    i += 3;
  }
  flush(text.size());
  *pos = at;
}

}  // namespace firefly
