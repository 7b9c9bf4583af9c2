// The search index's file format. Each language has, under search/<lang>/:
//   index.json   the manifest: document count, documents per chunk, the first token of
//                each shard, sections, years and the number of taxonomy terms
//   terms.json   the taxonomy terms with their documents (read only for the term filter)
//   s/<n>.txt    shard n: lines "token<TAB>postings", tokens in byte order, so that the
//                tokens of a shard run from its first token to the next shard's
//   d/<n>.json   chunk n: [url, title, section, date, lead] of its documents, the lead
//                being the start of the page's text (see lead_text)
// Postings are base-64 VLQ numbers (see append_vlq): per document the gap from the
// previous document id (+1 for the first), the weight (field + 3 * (count - 1), count at
// most 10), the number of positions kept, then the first position and the gaps after it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "render/search_tokens.h"

namespace firefly {

/// Appends `v` as base-64 VLQ: five bits a character, least significant first, with 32
/// added to every character but the last ("A".."Z" ends a number: 0..25).
void append_vlq(std::string& out, uint32_t v);
/// Reads one VLQ number at `*i`, advancing it; nullopt at the end or on a bad character.
std::optional<uint32_t> read_vlq(std::string_view s, size_t* i);

/// One document's occurrences of a token.
struct Posting {
  uint32_t doc = 0;
  SearchField field = SearchField::kBody;  ///< the best field it occurs in
  uint32_t count = 0;
  std::vector<uint32_t> positions;  ///< ascending; empty for single CJK characters
};

/// One token's postings in the file format, written a document at a time.
class PostingWriter {
 public:
  /// Appends `p`, whose document id is above the previous one's.
  void add(const Posting& p);
  /// Appends document `doc`'s posting, encoded by append_posting_body.
  void add_encoded(uint32_t doc, std::string_view body);
  /// The postings written so far.
  std::string& text() { return text_; }

 private:
  std::string text_;
  uint32_t previous_ = 0;
  bool first_ = true;
};

/// Appends what a posting holds besides its document id (weight and positions) to `out`.
void append_posting_body(std::string& out, const Posting& p);

/// Appends the postings of one token (ascending document ids) to `out`.
void append_postings(std::string& out, const std::vector<Posting>& postings);
/// Reads postings written by append_postings; nullopt when malformed.
std::optional<std::vector<Posting>> read_postings(std::string_view s);

/// The start of a page's text for its search excerpt: the blocks joined by newlines, cut
/// at most `max_bytes` into it at the end of a character (then "…" follows).
std::string lead_text(const std::vector<TextBlock>& blocks, size_t max_bytes);

/// Splits tokens (in byte order, each with the size of its line) into shards of about
/// `target` bytes, at most `max_shards`; returns the index of each shard's first token.
std::vector<size_t> split_shards(const std::vector<size_t>& line_sizes, size_t target,
                                 size_t max_shards);

}  // namespace firefly
