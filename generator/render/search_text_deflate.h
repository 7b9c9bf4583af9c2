// Raw deflate (RFC 1951) of a language's search texts with one Huffman code for all of
// them. Each text is one block with dynamic codes, and every block has the same header
// (the codes), so the header is kept once (the manifest's `xh`) and a text keeps only what
// follows it: the search page puts the header's bytes before the bytes of a text it reads
// and inflates the whole with DecompressionStream("deflate-raw"), as for any deflate.
// Against deflating each text with codes of its own (libdeflate level 1), this builds no
// codes and clears no hash table per text (about half of deflate's instructions on pages
// of a few KB), and the texts do not carry a header each.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace firefly {

/// The codes shared by a language's texts, fitted to a sample of them; every literal,
/// length and distance has a code, so any text can be deflated with them. Immutable:
/// threads share one.
class SearchTextCode {
 public:
  /// Codes fitted to how often each symbol occurs in `samples` (deflated as texts are).
  explicit SearchTextCode(const std::vector<std::string_view>& samples);
  /// The header's whole bytes (BFINAL, BTYPE 2 and the code lengths): what the reader puts
  /// before each text's bytes.
  const std::string& header() const { return header_; }

  /// Each literal's and end-of-block's code; each match length's code with its extra
  /// bits; each distance symbol's code (bits reversed, as deflate writes them).
  struct Tables {
    uint16_t literal_bits[257] = {};
    uint8_t literal_count[257] = {};
    uint32_t length_bits[259] = {};
    uint8_t length_count[259] = {};
    uint16_t distance_bits[30] = {};
    uint8_t distance_count[30] = {};
  };

 private:
  friend class SearchTextDeflater;
  std::string header_;
  Tables tables_;
  uint32_t tail_bits_ = 0;   ///< the header's last bits, which start each text's first byte
  uint32_t tail_count_ = 0;  ///< how many (0-7)
};

/// Deflates texts one after another with a SearchTextCode; one per thread (it keeps a
/// table of where each 4 bytes were last seen, never cleared: entries of earlier texts
/// are recognised by their position).
class SearchTextDeflater {
 public:
  explicit SearchTextDeflater(const SearchTextCode& code);
  ~SearchTextDeflater();
  SearchTextDeflater(const SearchTextDeflater&) = delete;
  SearchTextDeflater& operator=(const SearchTextDeflater&) = delete;
  /// The bytes that follow the code's header for `text`: header() + deflate(text) is a raw
  /// deflate stream of one final block. "" for an empty text.
  std::string deflate(std::string_view text);

 private:
  const SearchTextCode& code_;
  std::vector<uint32_t> seen_;  ///< by hash of 4 bytes: 1 + where they were last seen
  uint64_t base_ = 0;           ///< the next text's first byte, counted over all texts
  std::string buffer_;
};

}  // namespace firefly
