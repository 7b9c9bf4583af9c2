#include "render/search_postings.h"

#include <algorithm>

#include "render/search_shards.h"

namespace firefly {

namespace {

/// Counts above this are stored as this (render/search_shards.h): ranking only needs "often".
constexpr uint32_t kMaxCount = 10;

/// Characters append_vlq writes for `v`.
size_t vlq_bytes(uint32_t v) {
  size_t n = 1;
  while (v >>= 5) ++n;
  return n;
}

/// The first eight bytes of a token as a number that sorts as the bytes do.
uint64_t sort_key(std::string_view t) {
  uint64_t key = 0;
  for (size_t i = 0; i < 8; ++i) {
    key = (key << 8) | (i < t.size() ? static_cast<unsigned char>(t[i]) : 0);
  }
  return key;
}

}  // namespace

void RunPostings::add_document(uint32_t doc, std::string_view title,
                               const std::vector<TextBlock>& blocks) {
  uint32_t pos = 0;
  add_text(title, SearchField::kTitle, &pos);
  for (const TextBlock& b : blocks) {
    ++pos;  // no phrase runs from one block into the next
    add_text(b.text, b.heading ? SearchField::kHeading : SearchField::kBody, &pos);
  }
  // Each token's record and then its chain's last slice fetched ahead, as above.
  constexpr size_t kAhead = 8;
  for (size_t i = 0; i < entries_.size(); ++i) {
    if (i + 2 * kAhead < entries_.size()) __builtin_prefetch(&tokens_[entries_[i + 2 * kAhead].id]);
    if (i + kAhead < entries_.size()) pool_.prefetch(tokens_[entries_[i + kAhead].id].chain);
    write(doc, entries_[i]);
  }
  // Fewer entries than bytes in the pool, which stops at 4 GB: the marks cannot wrap.
  entries_before_ += static_cast<uint32_t>(entries_.size());
  entries_.clear();
  occurrences_.clear();
}

void RunPostings::add_text(std::string_view text, SearchField field, uint32_t* pos) {
  // Short tokens are looked up a batch at a time, each batch's table slots fetched
  // ahead: the lookups are cache misses, and the processor waits for several at once.
  for_each_search_token(text, pos, [&](std::string_view token, uint32_t at, bool positional) {
    uint64_t key = SearchTokenIds::short_key(token);
    if (key == 0) {
      occur(ids_.find(token), field, at, positional);
      return;
    }
    ids_.prefetch(key);
    pending_.push_back({key, at, positional});
    if (pending_.size() == kBatch) look_up_pending(field);
  });
  look_up_pending(field);
}

void RunPostings::look_up_pending(SearchField field) {
  for (const Pending& p : pending_) occur(ids_.find_key(p.key, {}), field, p.pos, p.positional);
  pending_.clear();
}

void RunPostings::occur(const SearchTokenIds::Found& found, SearchField field, uint32_t at,
                        bool positional) {
  if (found.added) tokens_.emplace_back();
  uint32_t& mark = *found.mark;
  if (mark <= entries_before_) {  // the token's first occurrence in the document
    mark = entries_before_ + 1 + static_cast<uint32_t>(entries_.size());
    entries_.push_back({found.id, 0, 0, kNone, kNone, field});
  }
  Entry& e = entries_[mark - entries_before_ - 1];
  e.field = std::max(e.field, field);
  ++e.count;
  if (positional) {
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
}

void RunPostings::write(uint32_t doc, const Entry& e) {
  TokenRun& t = tokens_[e.id];
  scratch_.clear();
  if (t.written) {
    append_vlq(scratch_, doc - t.last_doc);
  } else {  // the first document's gap is written when the runs are joined
    t.written = true;
    t.first_doc = doc;
  }
  t.last_doc = doc;
  uint32_t count = e.positions ? e.positions : std::clamp<uint32_t>(e.count, 1, kMaxCount);
  append_vlq(scratch_, static_cast<uint32_t>(e.field) + 3 * (count - 1));
  if (e.positions) {
    t.positional = true;
    uint32_t last = 0;
    for (uint32_t k = e.first; k != kNone; k = occurrences_[k].next) {
      append_vlq(scratch_, occurrences_[k].pos - last);
      last = occurrences_[k].pos;
    }
  }
  pool_.append(t.chain, scratch_);
}

JoinedPostings::JoinedPostings(std::vector<RunPostings>& runs) : runs_(runs) {
  std::vector<std::vector<uint32_t>> global(runs.size());  // by run, by local id
  size_t largest = 0;  // no fewer tokens in all: the table grows no more than it must
  for (const RunPostings& run : runs) largest = std::max(largest, run.size());
  ids_.reserve(largest);
  for (size_t r = 0; r < runs.size(); ++r) {
    global[r].resize(runs[r].size());
    for (uint32_t id = 0; id < runs[r].size(); ++id) {
      bool added = false;
      global[r][id] = ids_.id(runs[r].token(id), &added);
    }
    runs[r].forget_tokens();
  }
  local_.assign(runs.size(), std::vector<uint32_t>(ids_.size(), kNone));
  for (size_t r = 0; r < runs.size(); ++r) {
    for (uint32_t id = 0; id < global[r].size(); ++id) local_[r][global[r][id]] = id;
    std::vector<uint32_t>().swap(global[r]);
  }
  // Byte order: by the first eight bytes as a number, then the rest.
  std::vector<std::pair<uint64_t, uint32_t>> keyed(ids_.size());
  for (uint32_t g = 0; g < ids_.size(); ++g) keyed[g] = {sort_key(ids_.token(g)), g};
  std::sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return ids_.token(a.second) < ids_.token(b.second);
  });
  order_.reserve(keyed.size());
  for (const auto& k : keyed) order_.push_back(k.second);
}

bool JoinedPostings::positional(size_t line) const {
  uint32_t g = order_[line];
  for (size_t r = 0; r < runs_.size(); ++r) {
    uint32_t id = local_[r][g];
    if (id != kNone && runs_[r].positional(id)) return true;
  }
  return false;
}

size_t JoinedPostings::postings_bytes(size_t line) const {
  uint32_t g = order_[line];
  size_t bytes = positional(line) ? 0 : 1;
  bool first = true;
  uint32_t previous = 0;
  for (size_t r = 0; r < runs_.size(); ++r) {
    uint32_t id = local_[r][g];
    if (id == kNone) continue;
    uint32_t doc = runs_[r].first_doc(id);
    bytes += vlq_bytes(first ? doc + 1 : doc - previous) + runs_[r].bytes(id);
    first = false;
    previous = runs_[r].last_doc(id);
  }
  return bytes;
}

void JoinedPostings::append_postings(size_t line, std::string& out) const {
  uint32_t g = order_[line];
  if (!positional(line)) out += '*';
  bool first = true;
  uint32_t previous = 0;
  for (size_t r = 0; r < runs_.size(); ++r) {
    uint32_t id = local_[r][g];
    if (id == kNone) continue;
    uint32_t doc = runs_[r].first_doc(id);
    append_vlq(out, first ? doc + 1 : doc - previous);
    runs_[r].for_each_piece(id, [&](std::string_view piece) { out.append(piece); });
    first = false;
    previous = runs_[r].last_doc(id);
  }
}

}  // namespace firefly
