#include "render/search_postings.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <stdexcept>
#include <utility>

#include "render/search_shards.h"
#include "render/search_token_keys.h"

namespace firefly {

namespace {

/// Characters append_vlq writes for `v`.
size_t vlq_bytes(uint32_t v) {
  size_t n = 1;
  while (v >>= 5) ++n;
  return n;
}

/// The first eight bytes of a token as a number that sorts as the bytes do (a shorter
/// token's padded with zeros): read as one big-endian number.
uint64_t sort_key(std::string_view t) {
  unsigned char bytes[8] = {};
  std::memcpy(bytes, t.data(), std::min<size_t>(t.size(), 8));
  uint64_t key;
  std::memcpy(&key, bytes, 8);
  if constexpr (std::endian::native == std::endian::little) key = __builtin_bswap64(key);
  return key;
}

/// A run's token and its sort_key.
struct Keyed {
  uint64_t key;
  uint32_t id;
};

/// Sorts `keyed` into the byte order of the run's tokens: by key, 16 bits at a time from
/// the lowest (a pass where every key has the same digit is skipped), then each range of
/// equal keys (tokens sharing their first eight bytes) by the rest of the token. A
/// comparison sort of a run's half a million tokens cost more than the rest of the join.
void sort_by_token(std::vector<Keyed>& keyed, const RunPostings& run) {
  auto by_token = [&](const Keyed& a, const Keyed& b) {
    if (a.key != b.key) return a.key < b.key;
    return run.token(a.id) < run.token(b.id);
  };
  constexpr size_t kSmall = 2048;  // below this a comparison sort is cheaper
  if (keyed.size() < kSmall) {
    std::sort(keyed.begin(), keyed.end(), by_token);
    return;
  }
  constexpr int kDigits = 4;
  constexpr size_t kBuckets = size_t{1} << 16;
  std::vector<uint32_t> counts(kDigits * kBuckets, 0);
  for (const Keyed& k : keyed) {
    for (int d = 0; d < kDigits; ++d) ++counts[d * kBuckets + ((k.key >> (16 * d)) & 0xFFFF)];
  }
  std::vector<Keyed> other(keyed.size());
  for (int d = 0; d < kDigits; ++d) {
    uint32_t* count = counts.data() + d * kBuckets;
    if (count[keyed.front().key >> (16 * d) & 0xFFFF] == keyed.size()) continue;
    uint32_t at = 0;
    for (size_t b = 0; b < kBuckets; ++b) at += std::exchange(count[b], at);
    for (const Keyed& k : keyed) other[count[(k.key >> (16 * d)) & 0xFFFF]++] = k;
    keyed.swap(other);
  }
  for (size_t i = 0; i < keyed.size();) {
    size_t end = i + 1;
    while (end < keyed.size() && keyed[end].key == keyed[i].key) ++end;
    if (end - i > 1) std::sort(keyed.begin() + i, keyed.begin() + end, by_token);
    i = end;
  }
}

}  // namespace

// Inline: an English word's every occurrence has a position (as a call, 37 instructions each).
[[gnu::always_inline]] inline void RunPostings::add_position(Entry& e, uint32_t at) {
  auto k = static_cast<uint32_t>(occurrences_.size());
  occurrences_.push_back({at, kNone});
  if (e.first == kNone) {
    e.first = k;
  } else {
    occurrences_[e.last].next = k;
  }
  e.last = k;
  ++e.positions;
}

// Inline: it runs for every token of every page.
[[gnu::always_inline]] inline void RunPostings::occur(const SearchTokenIds::Found& found,
                                                      SearchField field, uint32_t at,
                                                      bool positional) {
  if (found.added) tokens_.emplace_back();
  uint32_t& mark = *found.mark;
  if (mark <= entries_before_) {  // the token's first occurrence in the document
    if (entry_count_ == entries_.size()) grow_entries();
    mark = entries_before_ + 1 + static_cast<uint32_t>(entry_count_);
    entries_[entry_count_++] = {found.id, 0, 0, kNone, kNone, field};
  }
  Entry& e = entries_[mark - entries_before_ - 1];
  e.field = std::max(e.field, field);
  ++e.count;
  if (positional) add_position(e, at);
}

void RunPostings::grow_entries() { entries_.resize(std::max<size_t>(64, 2 * entries_.size())); }

// Inline: it runs for every (token, page) entry (the entries with positions out of line).
[[gnu::always_inline]] inline void RunPostings::write(uint32_t doc, const Entry& e) {
  // Most entries (CJK tokens') have no positions: their gap and one character written
  // straight into the log, with none of the general case's stack room or loops.
  static_assert(2 + 3 * (kMaxTokenCount - 1) < 32, "a field and count is one VLQ character");
  if (e.positions == 0 && PostingLog::fits_short(e.id, 2 * kMaxVlqChars)) {
    TokenRun& t = tokens_[e.id];
    char* out = log_.short_entry(2 * kMaxVlqChars);
    size_t n = 0;
    if (t.written) {
      n = write_vlq(out, doc - t.last_doc);
    } else {  // the first document's gap is written when the runs are joined
      t.written = true;
      t.first_doc = doc;
    }
    t.last_doc = doc;
    uint32_t count = std::min<uint32_t>(e.count, kMaxTokenCount);  // 1 or more: occur counts
    out[n++] = kVlqDigits[static_cast<uint32_t>(e.field) + 3 * (count - 1)];
    t.bytes += static_cast<uint32_t>(n);
    log_.end_short_entry(e.id, static_cast<uint32_t>(n));
    return;
  }
  write_positions(doc, e);
}

void RunPostings::add_document(uint32_t doc, std::string_view title,
                               const std::vector<TextBlock>& blocks) {
  uint32_t pos = 0;
  add_text(title, SearchField::kTitle, &pos);
  // The blocks' words are numbered on from the title's, with no gap between blocks: a
  // quoted phrase runs from a heading into the paragraph after it, as a reader sees the
  // words one after another.
  for (const TextBlock& b : blocks) {
    add_text(b.text, b.heading ? SearchField::kHeading : SearchField::kBody, &pos);
  }
  end_document(doc);
}

void RunPostings::add_document(uint32_t doc, std::string_view title, const PageText& page) {
  uint32_t pos = 0;
  add_text(title, SearchField::kTitle, &pos);
  for (const PageText::Block& b : page.blocks()) {
    add_text(page.block(b), b.heading ? SearchField::kHeading : SearchField::kBody, &pos);
  }
  end_document(doc);
}

void RunPostings::end_document(uint32_t doc) {
  // Each token's record fetched ahead, as above.
  constexpr size_t kAhead = 8;
  for (size_t i = 0; i < entry_count_; ++i) {
    if (i + kAhead < entry_count_) __builtin_prefetch(&tokens_[entries_[i + kAhead].id]);
    write(doc, entries_[i]);
  }
  // The marks count entries: fewer than 4 billion in a run.
  if (entry_count_ > UINT32_MAX - 1 - entries_before_) {
    throw std::length_error("search index: more than 4 billion postings in one run");
  }
  entries_before_ += static_cast<uint32_t>(entry_count_);
  entry_count_ = 0;
  occurrences_.clear();
}

void RunPostings::add_text(std::string_view text, SearchField field, uint32_t* pos) {
  // Short tokens are looked up a batch at a time, each batch's table slots fetched
  // ahead: the lookups are cache misses, and the processor waits for several at once.
  struct Sink {
    RunPostings& run;
    SearchField field;
    void key(uint64_t key, uint32_t at, bool positional) {
      run.ids_.prefetch(key);
      run.pending_[run.pending_size_++] = {key, at, positional};
      if (run.pending_size_ == kBatch) run.look_up_pending(field);
    }
    void token(std::string_view token, uint32_t at, bool positional) {  // short_key 0
      run.occur(run.ids_.find_long(token), field, at, positional);
    }
    [[gnu::always_inline]] void character(uint64_t key, uint32_t code_point, uint32_t at) {
      run.occur(run.ids_.find_character(code_point, key), field, at, false);
    }
  } sink{*this, field};
  if (search_text_is_simple(text)) {
    simple_search_keys(text, pos, sink);
  } else {
    auto by_key = [&](std::string_view token, uint32_t at, bool positional) {
      uint64_t key = SearchTokenIds::short_key(token);
      if (!positional && token.size() == 3) {  // a CJK character (a pair is longer)
        sink.character(key, three_byte_code_point(token, 0), at);
      } else if (key == 0) {
        sink.token(token, at, positional);
      } else {
        sink.key(key, at, positional);
      }
    };
    detail::piece_search_tokens(text, pos, by_key);
  }
  look_up_pending(field);
}

void RunPostings::look_up_pending(SearchField field) {
  // The count in a local: occur's stores could be to it, for all the compiler knows.
  for (size_t k = 0, n = pending_size_; k < n; ++k) {
    const Pending& p = pending_[k];
    occur(ids_.find_key(p.key, {}), field, p.pos, p.positional);
  }
  pending_size_ = 0;
}

void RunPostings::write_positions(uint32_t doc, const Entry& e) {
  TokenRun& t = tokens_[e.id];
  // The entry's characters: straight into the log, unless it has many positions.
  constexpr size_t kInLogChars = 32 * kMaxVlqChars;
  size_t most = (2 + size_t{e.positions}) * kMaxVlqChars;
  bool in_log = most <= kInLogChars;
  if (!in_log) scratch_.resize(most);
  char* out = in_log ? log_.entry(most) : scratch_.data();
  size_t n = 0;
  if (t.written) {
    n += write_vlq(out + n, doc - t.last_doc);
  } else {  // the first document's gap is written when the runs are joined
    t.written = true;
    t.first_doc = doc;
  }
  t.last_doc = doc;
  uint32_t count = e.positions ? e.positions : std::clamp<uint32_t>(e.count, 1, kMaxTokenCount);
  n += write_vlq(out + n, static_cast<uint32_t>(e.field) + 3 * (count - 1));
  if (e.positions) {
    t.positional = true;
    uint32_t last = 0;
    for (uint32_t k = e.first; k != kNone; k = occurrences_[k].next) {
      n += write_vlq(out + n, occurrences_[k].pos - last);
      last = occurrences_[k].pos;
    }
  }
  if (n > UINT32_MAX - t.bytes) {
    throw std::length_error("search index: more than 4 GB of postings for one token");
  }
  t.bytes += static_cast<uint32_t>(n);
  if (in_log) {
    log_.end_entry(e.id, static_cast<uint32_t>(n));
  } else {
    log_.append(e.id, std::string_view(out, n));
  }
}

JoinedPostings::JoinedPostings(std::vector<RunPostings>& runs) : runs_(runs) {
  // Byte order: by the first eight bytes as a number, then the rest.
  std::vector<std::vector<Keyed>> sorted(runs.size());
  for (size_t r = 0; r < runs.size(); ++r) {
    runs[r].finish();
    const RunPostings& run = runs[r];
    std::vector<Keyed>& keyed = sorted[r];
    keyed.resize(run.size());
    for (uint32_t id = 0; id < run.size(); ++id) keyed[id] = {sort_key(run.token(id)), id};
    sort_by_token(keyed, run);
  }
  // Merged: each step takes the least token at the runs' heads, from every run that has it.
  size_t largest = 0;  // no fewer lines in all
  for (const auto& keyed : sorted) largest = std::max(largest, keyed.size());
  local_.reserve(largest * runs.size());
  std::vector<size_t> at(runs.size(), 0);
  std::vector<uint32_t> line(runs.size());
  for (;;) {
    size_t least = runs.size();
    for (size_t r = 0; r < runs.size(); ++r) {
      if (at[r] == sorted[r].size()) continue;
      if (least == runs.size()) {
        least = r;
        continue;
      }
      const Keyed& a = sorted[r][at[r]];
      const Keyed& b = sorted[least][at[least]];
      if (a.key < b.key || (a.key == b.key && runs[r].token(a.id) < runs[least].token(b.id))) {
        least = r;
      }
    }
    if (least == runs.size()) break;
    const Keyed& head = sorted[least][at[least]];
    std::string_view token = runs[least].token(head.id);
    for (size_t r = 0; r < runs.size(); ++r) {
      line[r] = kNone;
      if (at[r] == sorted[r].size()) continue;
      const Keyed& k = sorted[r][at[r]];
      // Equal keys are equal tokens when the token is under eight bytes (the key's zero
      // padding: tokens hold no NUL byte).
      if (k.key == head.key && (r == least || token.size() < 8 || runs[r].token(k.id) == token)) {
        line[r] = k.id;
        ++at[r];
      }
    }
    local_.insert(local_.end(), line.begin(), line.end());
    ++lines_;
  }
}

std::string_view JoinedPostings::token(size_t line) const {
  for (size_t r = 0;; ++r) {
    uint32_t id = local_[line * runs_.size() + r];
    if (id != kNone) return runs_[r].token(id);
  }
}

bool JoinedPostings::positional(size_t line) const {
  for (size_t r = 0; r < runs_.size(); ++r) {
    uint32_t id = local_[line * runs_.size() + r];
    if (id != kNone && runs_[r].positional(id)) return true;
  }
  return false;
}

size_t JoinedPostings::postings_bytes(size_t line, bool positional) const {
  size_t bytes = positional ? 0 : 1;
  bool first = true;
  uint32_t previous = 0;
  for (size_t r = 0; r < runs_.size(); ++r) {
    uint32_t id = local_[line * runs_.size() + r];
    if (id == kNone) continue;
    uint32_t doc = runs_[r].first_doc(id);
    bytes += vlq_bytes(first ? doc + 1 : doc - previous) + runs_[r].postings(id).size();
    first = false;
    previous = runs_[r].last_doc(id);
  }
  return bytes;
}

size_t JoinedPostings::line_bytes(size_t line, bool* positional) const {
  size_t bytes = 0, token_bytes = 0;
  bool first = true, with_positions = false;
  uint32_t previous = 0;
  for (size_t r = 0; r < runs_.size(); ++r) {
    uint32_t id = local_[line * runs_.size() + r];
    if (id == kNone) continue;
    const RunPostings& run = runs_[r];
    if (first) token_bytes = run.token(id).size();
    with_positions = with_positions || run.positional(id);
    uint32_t doc = run.first_doc(id);
    bytes += vlq_bytes(first ? doc + 1 : doc - previous) + run.postings(id).size();
    first = false;
    previous = run.last_doc(id);
  }
  *positional = with_positions;
  return token_bytes + bytes + (with_positions ? 0 : 1);
}

void JoinedPostings::append_postings(size_t line, bool positional, std::string& out) const {
  if (!positional) out += '*';
  bool first = true;
  uint32_t previous = 0;
  for (size_t r = 0; r < runs_.size(); ++r) {
    uint32_t id = local_[line * runs_.size() + r];
    if (id == kNone) continue;
    uint32_t doc = runs_[r].first_doc(id);
    append_vlq(out, first ? doc + 1 : doc - previous);
    out.append(runs_[r].postings(id));
    first = false;
    previous = runs_[r].last_doc(id);
  }
}

}  // namespace firefly
