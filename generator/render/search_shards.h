// The search index's file format. Each language has, under search/<lang>/:
//   index.json   the manifest: document count, documents per chunk, each word shard's
//                name (the shortest start of its first token above the shard before; see
//                shard_separator), the CJK tokens with a file of their own ("alone"), the
//                number of hashed CJK shards ("hashed"), sections, years, the number of
//                taxonomy terms and the texts' header ("xh"); "late", the first
//                indicator's id, and "fallback", the documents shown untranslated (runs:
//                VLQ gap from the end of the run before, then length), when there are any
//   terms.json   the taxonomy terms with their documents (read only for the term filter):
//                [[taxonomy, term, documents (VLQ gaps), term's lang?, taxonomy's lang?]...],
//                the html_lang of a name not in the reader's language (not translated)
//                only where one is
//   s/<n>.txt    shard n: lines "token<TAB>postings", tokens in byte order. The first
//                shards (as many as the manifest names) hold the words: the tokens of a
//                shard run from its first token to the next shard's, so a prefix is read
//                in neighbouring shards. The CJK tokens (characters and pairs, looked up
//                whole) follow: first a file for each token the manifest lists in "alone"
//                (its line is larger than a shard; file (word shards) + its place in the
//                list), then "hashed" shards holding the others: a token is in file (word
//                shards) + (alone tokens) + cjk_shard_hash(token) % hashed, which costs the
//                manifest no names (see plan_shards). The postings of a token without
//                positions (a CJK token) start with "*", those of a token whose positions
//                are in a file of their own with "#<k>#" (k in decimal)
//   p/<k>.txt    the positions of one token whose postings are large, read only when a
//                query checks a phrase, a run of words or nearness; written
//                only when the file budget has room beyond the shards
//   d/<n>.json   chunk n: {"x": [file, offset], "d": [[url, section, date, bytes], ...]}:
//                its documents, and where their titles and texts are: one after the other
//                in x/<file>.bin from byte offset, each `bytes` long (render/search_excerpts.h)
//   x/<n>.bin    the pages' titles and texts, each deflated on its own, read by range requests;
//                the header of their shared codes is the manifest's "xh"
//                (render/search_text_deflate.h)
// Postings are base-64 VLQ numbers (see append_vlq): per document the gap from the
// previous document id (+1 for the first) and the weight, field + 3 * (count - 1); then,
// for every token but a CJK one (a character or a pair, looked up whole; a longer run is
// found by its pairs),
// the count's positions: the first, then the gaps after it. A CJK token's count is capped
// at 10 (ranking only needs "often"); other counts are exact, as they count positions.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "render/search_tokens.h"

namespace firefly {

/// Appends `v` as base-64 VLQ: five bits a character, least significant first, with 32
/// added to every character but the last ("A".."Z" ends a number: 0..25).
void append_vlq(std::string& out, uint32_t v);
/// A token's occurrences in a page are counted up to this many, higher counts stored as
/// this (ranking only needs "often"; a field and its count fit one VLQ character).
constexpr uint32_t kMaxTokenCount = 10;
/// The most characters append_vlq writes for one number (32 bits, five a character).
constexpr size_t kMaxVlqChars = 7;
/// The characters of base-64 VLQ: "A".."Z" end a number (0..25), the rest go on.
inline constexpr char kVlqDigits[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
/// Writes `v` as append_vlq does at `out` (room for kMaxVlqChars); returns the characters.
/// Inline: the index writes two or more numbers for every (token, page) entry.
inline size_t write_vlq(char* out, uint32_t v) {
  // Most numbers (gaps between pages and positions) take one or two characters: no loop.
  if (v < 32) {
    out[0] = kVlqDigits[v];
    return 1;
  }
  if (v < 32 * 32) {
    out[0] = kVlqDigits[(v & 31) | 32];
    out[1] = kVlqDigits[v >> 5];
    return 2;
  }
  size_t n = 0;
  while (v >= 32) {
    out[n++] = kVlqDigits[(v & 31) | 32];
    v >>= 5;
  }
  out[n++] = kVlqDigits[v];
  return n;
}
/// Reads one VLQ number at `*i`, advancing it; nullopt at the end or on a bad character.
std::optional<uint32_t> read_vlq(std::string_view s, size_t* i);

/// One document's occurrences of a token.
struct Posting {
  uint32_t doc = 0;
  SearchField field = SearchField::kBody;  ///< the best field it occurs in
  uint32_t count = 0;
  std::vector<uint32_t> positions;  ///< ascending, one per occurrence; none: no positions
};

/// One token's postings in the file format, written a document at a time.
class PostingWriter {
 public:
  /// Appends `p`, whose document id is above the previous one's (positions are written
  /// when it has any, and then are its count).
  void add(const Posting& p);
  /// Appends another writer's postings of later documents (written from document 0).
  void append(const PostingWriter& later);
  /// The postings written so far.
  const std::string& text() const { return text_; }
  std::string& text() { return text_; }
  /// True when they hold positions (every document's, then).
  bool positional() const { return positional_; }

 private:
  std::string text_;
  uint32_t previous_ = 0;  ///< the last document written
  bool first_ = true;
  bool positional_ = false;
};

/// Appends the postings of one token (ascending document ids) to `out`.
void append_postings(std::string& out, const std::vector<Posting>& postings);
/// Reads postings written by append_postings, with positions when `positional`; nullopt
/// when malformed.
std::optional<std::vector<Posting>> read_postings(std::string_view s, bool positional);

/// Postings with positions split in two: the page list (gaps and weights, counts exact)
/// and the positions of every page in its order.
struct PostingsApart {
  std::string pages;
  std::string positions;
};
/// Splits postings that hold positions; nullopt when malformed.
std::optional<PostingsApart> split_positions(std::string_view postings);
/// Reads postings split by split_positions; nullopt when malformed.
std::optional<std::vector<Posting>> read_postings_apart(std::string_view pages,
                                                        std::string_view positions);

/// Splits tokens (in byte order, each with the size of its line) into shards of about
/// `target` bytes, at most `max_shards`; returns the index of each shard's first token.
std::vector<size_t> split_shards(const std::vector<size_t>& line_sizes, size_t target,
                                 size_t max_shards);

/// Where a CJK token's shard is among the hashed shards (modulo their number): FNV-1a of
/// its UTF-8 bytes, 32 bits (the search page computes the same).
uint32_t cjk_shard_hash(std::string_view token);

/// How many hashed shards the CJK tokens' `cjk_bytes` take, of `max_files` shared with the
/// words' `word_bytes`: enough for `target` bytes each, and no more than their share of
/// the files by bytes (0 without CJK tokens; at least 1 with them).
size_t hashed_shard_count(size_t cjk_bytes, size_t word_bytes, size_t target, size_t max_files);

/// The lines of each shard file: first the words' shards, cut in byte order (`words`:
/// each one's first line, which the manifest names); then a file of its own for each CJK
/// token whose line is larger than `target` (`alone`, at most a third of the files: the
/// largest); then `hashed` shards of the other CJK tokens, by cjk_shard_hash. A line is a
/// CJK token's when it has no positions.
struct ShardPlan {
  std::vector<std::vector<size_t>> files;  ///< each file's lines, in byte order
  std::vector<size_t> words;               ///< the first line of each word shard
  std::vector<size_t> alone;               ///< in byte order; file words.size() + i
  size_t hashed = 0;
};
/// The plan for lines of `line_sizes` (in byte order of their tokens, `token(i)` giving
/// each), in at most `max_files` files (0: no cap).
ShardPlan plan_shards(const std::vector<size_t>& line_sizes, const std::vector<bool>& positional,
                      const std::function<std::string_view(size_t)>& token, size_t target,
                      size_t max_files);

/// What the manifest names a shard by: the shortest start of its first token `first`
/// (whole characters) that sorts after `last`, the previous shard's last token (`first`
/// sorts after it). A token then lies in the last shard whose name is not above it.
std::string shard_separator(std::string_view last, std::string_view first);

/// The lines (token indexes, largest first) whose positions go in files of their own:
/// positional lines larger than `target` (each fills a shard alone), as many as the
/// files left over when the shards are cut at `target` allow within `max_files`. None
/// when the shards need every file: their positions would cost the other shards room.
std::vector<size_t> lines_apart(const std::vector<size_t>& line_sizes,
                                const std::vector<bool>& positional, size_t target,
                                size_t max_files);

}  // namespace firefly
