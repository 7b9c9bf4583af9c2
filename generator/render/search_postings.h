// Building a language's postings (format: render/search_shards.h): each thread gathers
// the postings of a run of documents, then the runs are joined token by token, in the
// byte order of the tokens, into the lines the shards are cut from.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "render/search_posting_log.h"
#include "render/search_token_ids.h"
#include "render/search_tokens.h"

namespace firefly {

/// The postings of a run of documents, as one thread writes them: each token numbered
/// once; a document's occurrences gathered per token, then appended to one log (no heap
/// object per token), which finish() places token by token.
class RunPostings {
 public:
  /// Adds the tokens of document `doc` (above every document added before).
  void add_document(uint32_t doc, std::string_view title, const std::vector<TextBlock>& blocks);
  /// The same, for the blocks of `page` (its title is not read: `title` is).
  void add_document(uint32_t doc, std::string_view title, const PageText& page);

  /// Makes room for `n` distinct tokens without moving what is held. Reserving touches no
  /// memory, so room never used costs address space only, where growing by doubling
  /// copies everything and touches fresh memory each time.
  void reserve_tokens(size_t n) {
    tokens_.reserve(n);
    ids_.reserve_tokens(n);
  }
  /// How many distinct tokens the run has.
  size_t size() const { return tokens_.size(); }
  std::string_view token(uint32_t id) const { return ids_.token(id); }
  uint32_t first_doc(uint32_t id) const { return tokens_[id].first_doc; }
  uint32_t last_doc(uint32_t id) const { return tokens_[id].last_doc; }
  bool positional(uint32_t id) const { return tokens_[id].positional; }
  /// Places each token's postings together and frees what looks tokens up: no more
  /// documents may be added; token() still works, and postings() from then on. Does
  /// nothing the second time.
  void finish() {
    if (log_.placed()) return;
    ids_.forget_lookup();
    std::vector<uint64_t> bytes(tokens_.size());
    for (size_t id = 0; id < bytes.size(); ++id) bytes[id] = tokens_[id].bytes;
    log_.place_counted(std::move(bytes));
  }
  /// The token's postings in the file format, less the first document's gap (which
  /// depends on the run before); after finish().
  std::string_view postings(uint32_t id) const { return log_.postings(id); }

 private:
  static constexpr uint32_t kNone = UINT32_MAX;
  /// What is read once per document a token is in.
  struct TokenRun {
    uint32_t first_doc = 0, last_doc = 0;
    uint32_t bytes = 0;       ///< of its entries in the log (what placing them needs)
    bool written = false;     ///< has postings
    bool positional = false;  ///< some document's postings hold positions
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

  /// A short token waiting for its lookup.
  struct Pending {
    uint64_t key = 0;  ///< SearchTokenIds::short_key
    uint32_t pos = 0;
    bool positional = false;
  };
  static constexpr size_t kBatch = 32;

  void add_text(std::string_view text, SearchField field, uint32_t* pos);
  /// Writes the entries of the document whose text was added.
  void end_document(uint32_t doc);
  void look_up_pending(SearchField field);
  /// Records an occurrence of the token `found`.
  void occur(const SearchTokenIds::Found& found, SearchField field, uint32_t at, bool positional);
  void add_position(Entry& e, uint32_t at);
  [[gnu::noinline]] void grow_entries();
  void write(uint32_t doc, const Entry& e);
  /// write() of an entry with positions (or a token id past the log's short header).
  [[gnu::noinline]] void write_positions(uint32_t doc, const Entry& e);

  /// Each token's mark (in its table slot: what its every occurrence reads, with no
  /// second cache miss) is entries_before_ + 1 + its entry in entries_ while a document
  /// is added; a mark of entries_before_ or less is of an earlier document.
  SearchTokenIds ids_;
  uint32_t entries_before_ = 0;   ///< the entries of the documents added before
  std::vector<TokenRun> tokens_;  ///< by id
  PostingLog log_;
  /// Of the document being added: the first entry_count_ (the vector's size is the most
  /// a document has had, so that adding one is a store, not a call of push_back).
  std::vector<Entry> entries_;
  size_t entry_count_ = 0;
  std::vector<Occurrence> occurrences_;
  Pending pending_[kBatch];
  size_t pending_size_ = 0;
  std::string scratch_;
};

/// The runs' postings joined: one line per distinct token, in byte order of the tokens.
class JoinedPostings {
 public:
  /// Joins `runs` (of ascending documents; each finished, if not yet): each run's tokens
  /// sorted, then merged (no table of every token: the runs' own tokens are read).
  explicit JoinedPostings(std::vector<RunPostings>& runs);

  size_t size() const { return lines_; }
  std::string_view token(size_t line) const;
  bool positional(size_t line) const;
  /// The bytes append_postings writes.
  size_t postings_bytes(size_t line) const { return postings_bytes(line, positional(line)); }
  /// The same, for a line whose positional() is known.
  size_t postings_bytes(size_t line, bool positional) const;
  /// The bytes of the line's token and of its postings (token().size() +
  /// postings_bytes()), and its positional() in `*positional`: one pass over the runs.
  size_t line_bytes(size_t line, bool* positional) const;
  /// Appends the line's postings: "*" then the page list for a token without positions.
  void append_postings(size_t line, std::string& out) const {
    append_postings(line, positional(line), out);
  }
  /// The same, for a line whose positional() is known.
  void append_postings(size_t line, bool positional, std::string& out) const;

 private:
  static constexpr uint32_t kNone = UINT32_MAX;
  const std::vector<RunPostings>& runs_;
  size_t lines_ = 0;
  std::vector<uint32_t> local_;  ///< by line, then by run: the token's id in the run, or kNone
};

}  // namespace firefly
