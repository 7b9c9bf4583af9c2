// Building a language's postings (format: render/search_shards.h): each thread gathers
// the postings of a run of documents, then the runs are joined token by token, in the
// byte order of the tokens, into the lines the shards are cut from.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "render/search_posting_pool.h"
#include "render/search_token_ids.h"
#include "render/search_tokens.h"

namespace firefly {

/// The postings of a run of documents, as one thread writes them: each token numbered
/// once; a document's occurrences gathered per token, then appended to the token's chain
/// in one pool (no heap object per token).
class RunPostings {
 public:
  /// Adds the tokens of document `doc` (above every document added before).
  void add_document(uint32_t doc, std::string_view title, const std::vector<TextBlock>& blocks);

  /// How many distinct tokens the run has.
  size_t size() const { return tokens_.size(); }
  const std::string& token(uint32_t id) const { return ids_.token(id); }
  uint32_t first_doc(uint32_t id) const { return tokens_[id].first_doc; }
  uint32_t last_doc(uint32_t id) const { return tokens_[id].last_doc; }
  bool positional(uint32_t id) const { return tokens_[id].positional; }
  /// The token's postings in the file format, less the first document's gap (which
  /// depends on the run before): their bytes, and the pieces they are in.
  size_t bytes(uint32_t id) const { return pool_.bytes(id); }
  template <class F>
  void for_each_piece(uint32_t id, F&& f) const {
    pool_.for_each_piece(id, f);
  }
  /// Frees the token table (token() may no longer be called).
  void forget_tokens() { ids_ = {}; }

 private:
  static constexpr uint32_t kNone = UINT32_MAX;
  struct TokenRun {
    uint32_t first_doc = 0, last_doc = 0;
    uint32_t doc_plus_one = 0;  ///< the document its `entry` is of, plus one (0: none)
    uint32_t entry = 0;         ///< in entries_
    bool written = false;       ///< has postings
    bool positional = false;    ///< some document's postings hold positions
  };
  /// A token's occurrences in the document being added.
  struct Entry {
    uint32_t id = 0;
    uint32_t count = 0;
    uint32_t positions = 0;                  ///< occurrences with a position
    uint32_t first = kNone, last = kNone;    ///< in occurrences_
    SearchField field = SearchField::kBody;  ///< the best one
  };
  struct Occurrence {
    uint32_t pos = 0;
    uint32_t next = kNone;  ///< the token's next occurrence in the document
  };

  void add_text(uint32_t doc, std::string_view text, SearchField field, uint32_t* pos);
  void write(uint32_t doc, const Entry& e);

  SearchTokenIds ids_;
  std::vector<TokenRun> tokens_;  ///< by id
  PostingPool pool_;              ///< a chain by id
  std::vector<Entry> entries_;    ///< of the document being added
  std::vector<Occurrence> occurrences_;
  std::string scratch_;
};

/// The runs' postings joined: one line per distinct token, in byte order of the tokens.
class JoinedPostings {
 public:
  /// Joins `runs` (of ascending documents); each run's token table is freed once read.
  explicit JoinedPostings(std::vector<RunPostings>& runs);

  size_t size() const { return order_.size(); }
  const std::string& token(size_t line) const { return ids_.token(order_[line]); }
  bool positional(size_t line) const;
  /// The bytes append_postings writes.
  size_t postings_bytes(size_t line) const;
  /// Appends the line's postings: "*" then the page list for a token without positions.
  void append_postings(size_t line, std::string& out) const;

 private:
  static constexpr uint32_t kNone = UINT32_MAX;
  const std::vector<RunPostings>& runs_;
  SearchTokenIds ids_;                        ///< the tokens of every run
  std::vector<std::vector<uint32_t>> local_;  ///< by run, by token: its id in the run
  std::vector<uint32_t> order_;               ///< tokens in byte order
};

}  // namespace firefly
