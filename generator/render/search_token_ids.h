// Numbers for the distinct tokens of a search index, found by hashing: the index looks
// one up for every token of every page, so short tokens (CJK characters and their pairs,
// most words) are kept as one 64-bit number in an open-addressed table, and longer ones
// there under a hash of their bytes.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace firefly {

/// Numbers tokens 0, 1, 2, … in the order they are first seen.
class SearchTokenIds {
 public:
  /// What a lookup finds: the token's number, whether it was new, and a number kept
  /// beside it for the caller (0 for a new token). The mark shares the token's table
  /// slot, so reading it costs no second cache miss; the pointer holds until the next
  /// lookup.
  struct Found {
    uint32_t id = 0;
    bool added = false;
    uint32_t* mark = nullptr;
  };

  /// The table starts with room (never empty, so a lookup need not ask).
  SearchTokenIds() { grow(); }

  /// The number of `token`; a new token gets the next one.
  Found find(std::string_view token) {
    uint64_t key = short_key(token);
    return key == 0 ? find_long(token) : find_key(key, token);
  }
  /// find() of the token whose short_key is `key` (not 0); `token` may be left empty.
  /// (A token seen before is found here, inline; a new one is added by insert.)
  Found find_key(uint64_t key, std::string_view token) {
    for (size_t i = slot_of(key);; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.key == key) return {s.id, false, &s.mark};
      if (s.key == 0) break;
    }
    return insert(key, token);
  }
  /// find() of a token whose short_key is 0 (a long one, kept in the same table under a hash of
  /// its bytes whose top byte is 0xFE, which no short key has); tokens whose hashes are
  /// the same are told apart by their bytes.
  Found find_long(std::string_view token) {
    uint64_t key = long_key(token);
    for (size_t i = slot_of(key);; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.key == key && this->token(s.id) == token) return {s.id, false, &s.mark};
      if (s.key == 0) break;
    }
    return insert(key, token);
  }

  /// find() of a token of one character below U+10000 (a CJK character: a page's every
  /// one is a token), by its code point `cp` and short_key `key`: read from a table by code
  /// point, with no hashing or probing. A character must always be looked up here, never
  /// by find() or find_key(), or it would get a second number.
  Found find_character(uint32_t cp, uint64_t key) {
    std::unique_ptr<CharacterSlot[]>& block = characters_[(cp >> 8) & 0xFF];
    if (!block) block = std::make_unique<CharacterSlot[]>(256);  // zeroed: none seen
    CharacterSlot& s = block[cp & 0xFF];
    if (s.id_plus_one == 0) {
      char unpacked[9];
      s.id_plus_one = next(unpack(key, unpacked)) + 1;
      return {s.id_plus_one - 1, true, &s.mark};
    }
    return {s.id_plus_one - 1, false, &s.mark};
  }

  /// The number of `token`; a new token gets the next one and sets `*added`.
  uint32_t id(std::string_view token, bool* added) {
    Found f = find(token);
    *added = f.added;
    return f.id;
  }
  /// Makes room in the list of tokens for `n` (the table itself still grows as it fills).
  void reserve_tokens(size_t n) { ends_.reserve(n); }
  /// Makes room for `n` tokens in all (no growing until then).
  void reserve(size_t n) {
    ends_.reserve(n);
    while ((n + 1) * 2 > slots_.size()) grow();
  }

  /// The key id() looks a token up by: its bytes as a number for a token of eight bytes
  /// or fewer, three 3-byte characters packed; 0 for any other token.
  static uint64_t short_key(std::string_view token) {
    if (token.size() == 9 && three_by_three(token)) return pack_three(token);
    if (token.empty() || token.size() > sizeof(uint64_t)) return 0;
    uint64_t key = 0;  // tokens hold no NUL byte, so the zero padding keeps them apart
    for (size_t i = 0; i < token.size(); ++i) {
      key |= static_cast<uint64_t>(static_cast<unsigned char>(token[i])) << (8 * i);
    }
    return key;
  }
  /// The key a token without a short_key is kept under: a hash of its bytes, under a top
  /// byte of 0xFE.
  static uint64_t long_key(std::string_view t) {
    const char* p = t.data();
    uint64_t h = t.size() * 0x9E3779B97F4A7C15ULL, w = 0;
    size_t i = 0;
    for (; i + 8 <= t.size(); i += 8) {
      std::memcpy(&w, p + i, 8);
      h = (h ^ w) * 0xBF58476D1CE4E5B9ULL;
      h ^= h >> 31;
    }
    if (i < t.size()) {
      w = 0;
      if (t.size() >= 8) {
        std::memcpy(&w, p + t.size() - 8, 8);  // the last eight bytes, overlapping
      } else {
        std::memcpy(&w, p, t.size());
      }
      h = (h ^ w) * 0x94D049BB133111EBULL;
      h ^= h >> 29;
    }
    return (h & 0x00FFFFFFFFFFFFFFULL) | (uint64_t{0xFE} << 56);
  }
  /// Asks the processor to fetch where id_of_key(key) will look (a lookup soon after
  /// then finds it in the cache).
  void prefetch(uint64_t key) const { __builtin_prefetch(&slots_[slot_of(key)]); }

  /// Frees the table that find() looks tokens up in, keeping the tokens (token() and
  /// size() still work; find() may not be called again).
  void forget_lookup() {
    slots_ = {};
    mask_ = 0;
    for (auto& block : characters_) block.reset();
    count_ = 0;
  }

  /// The token numbered `id` (valid while the tokens are kept).
  std::string_view token(uint32_t id) const {
    uint32_t start = id ? ends_[id - 1] : 0;
    return std::string_view(bytes_).substr(start, ends_[id] - start);
  }
  /// How many tokens are numbered.
  size_t size() const { return ends_.size(); }

 private:
  /// True for three 3-byte UTF-8 characters (a Thai word of three letters, say).
  static bool three_by_three(std::string_view t) {
    for (size_t i = 0; i < 9; ++i) {
      auto b = static_cast<unsigned char>(t[i]);
      if (i % 3 == 0 ? (b & 0xF0) != 0xE0 : (b & 0xC0) != 0x80) return false;
    }
    return true;
  }
  /// Their 16 bits each, under a top byte of 0xFF, which no UTF-8 text holds: no key of a
  /// token of eight bytes or fewer is the same.
  static uint64_t pack_three(std::string_view t) {
    uint64_t key = uint64_t{0xFF} << 56;
    for (size_t i = 0; i < 9; i += 3) {
      uint64_t c = (static_cast<uint64_t>(static_cast<unsigned char>(t[i]) & 0x0F) << 12) |
                   (static_cast<uint64_t>(static_cast<unsigned char>(t[i + 1]) & 0x3F) << 6) |
                   (static_cast<unsigned char>(t[i + 2]) & 0x3F);
      key |= c << (16 * (2 - i / 3));
    }
    return key;
  }
  /// The token of a short_key, written at `t` (room for 9 bytes; no string made: a run
  /// adds hundreds of thousands of tokens).
  static std::string_view unpack(uint64_t key, char* t) {
    size_t n = 0;
    if ((key >> 56) == 0xFF) {
      for (int k = 2; k >= 0; --k) {
        auto c = static_cast<uint32_t>((key >> (16 * k)) & 0xFFFF);
        t[n++] = static_cast<char>(0xE0 | (c >> 12));
        t[n++] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        t[n++] = static_cast<char>(0x80 | (c & 0x3F));
      }
      return {t, n};
    }
    for (; key; key >>= 8) t[n++] = static_cast<char>(key & 0xFF);
    return {t, n};
  }
  struct Slot {
    uint64_t key = 0;  ///< 0: empty
    uint32_t id = 0;
    uint32_t mark = 0;  ///< Found::mark
  };
  struct CharacterSlot {
    uint32_t id_plus_one = 0;  ///< 0: not seen
    uint32_t mark = 0;         ///< Found::mark
  };
  size_t slot_of(uint64_t key) const {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ULL) >> shift_);
  }
  uint32_t next(std::string_view token) {
    if (bytes_.size() + token.size() > UINT32_MAX) {
      throw std::length_error("search index: more than 4 GB of distinct tokens");
    }
    bytes_.append(token);
    ends_.push_back(static_cast<uint32_t>(bytes_.size()));
    return static_cast<uint32_t>(ends_.size() - 1);
  }
  /// Adds the token of `key`, which is not in the table.
  [[gnu::noinline]] Found insert(uint64_t key, std::string_view token) {
    if ((count_ + 1) * 2 > slots_.size()) grow();
    size_t i = slot_of(key);
    while (slots_[i].key != 0) i = (i + 1) & mask_;
    Slot& s = slots_[i];
    char unpacked[9];
    bool hashed = (key >> 56) == 0xFE;  // a long token's: its bytes are `token`
    s = {key, next(hashed || !token.empty() ? token : unpack(key, unpacked)), 0};
    ++count_;
    return {s.id, true, &s.mark};
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    shift_ = 64;
    for (size_t n = slots_.size(); n > 1; n >>= 1) --shift_;
    mask_ = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.key == 0) continue;
      size_t i = slot_of(s.key);
      while (slots_[i].key != 0) i = (i + 1) & mask_;
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;  ///< slots_.size() - 1
  int shift_ = 64;
  size_t count_ = 0;  ///< tokens in slots_
  /// find_character's table, by code point: blocks of 256 made as they are first used
  /// (a site's characters are in a few of them).
  std::array<std::unique_ptr<CharacterSlot[]>, 256> characters_;
  /// The tokens one after another (no string object each: a run holds half a million).
  std::string bytes_;
  std::vector<uint32_t> ends_;  ///< by id: where the token's bytes end in bytes_
};

}  // namespace firefly
