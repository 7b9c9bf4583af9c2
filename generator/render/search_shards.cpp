#include "render/search_shards.h"

#include <algorithm>

namespace firefly {

namespace {

constexpr std::string_view kDigits =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Counts above this are stored as this: ranking only needs "often".
constexpr uint32_t kMaxCount = 10;

}  // namespace

void append_vlq(std::string& out, uint32_t v) {
  do {
    uint32_t digit = v & 31;
    v >>= 5;
    if (v) digit |= 32;
    out += kDigits[digit];
  } while (v);
}

std::optional<uint32_t> read_vlq(std::string_view s, size_t* i) {
  uint32_t v = 0;
  for (int shift = 0; *i < s.size() && shift < 35; shift += 5) {
    size_t digit = kDigits.find(s[(*i)++]);
    if (digit == std::string_view::npos) return std::nullopt;
    v |= static_cast<uint32_t>(digit & 31) << shift;
    if (!(digit & 32)) return v;
  }
  return std::nullopt;
}

void append_posting_body(std::string& out, const Posting& p) {
  uint32_t count = std::clamp<uint32_t>(p.count, 1, kMaxCount);
  append_vlq(out, static_cast<uint32_t>(p.field) + 3 * (count - 1));
  append_vlq(out, static_cast<uint32_t>(p.positions.size()));
  uint32_t last = 0;
  for (size_t k = 0; k < p.positions.size(); ++k) {
    append_vlq(out, k == 0 ? p.positions[k] : p.positions[k] - last);
    last = p.positions[k];
  }
}

void PostingWriter::add_encoded(uint32_t doc, std::string_view body) {
  append_vlq(text_, first_ ? doc + 1 : doc - previous_);
  first_ = false;
  previous_ = doc;
  text_ += body;
}

void PostingWriter::add(const Posting& p) {
  std::string body;
  append_posting_body(body, p);
  add_encoded(p.doc, body);
}

void append_postings(std::string& out, const std::vector<Posting>& postings) {
  PostingWriter w;
  for (const Posting& p : postings) w.add(p);
  out += w.text();
}

std::optional<std::vector<Posting>> read_postings(std::string_view s) {
  std::vector<Posting> postings;
  size_t i = 0;
  uint32_t doc = 0;
  while (i < s.size()) {
    auto gap = read_vlq(s, &i);
    auto weight = read_vlq(s, &i);
    auto n = weight ? read_vlq(s, &i) : std::nullopt;
    if (!gap || !n || *gap == 0 || *weight > 3 * kMaxCount) return std::nullopt;
    Posting p;
    doc = postings.empty() ? *gap - 1 : doc + *gap;
    p.doc = doc;
    p.field = static_cast<SearchField>(*weight % 3);
    p.count = *weight / 3 + 1;
    uint32_t pos = 0;
    for (uint32_t k = 0; k < *n; ++k) {
      auto v = read_vlq(s, &i);
      if (!v) return std::nullopt;
      pos = k == 0 ? *v : pos + *v;
      p.positions.push_back(pos);
    }
    postings.push_back(std::move(p));
  }
  return postings;
}

std::string lead_text(const std::vector<TextBlock>& blocks, size_t max_bytes) {
  std::string text;
  for (const TextBlock& b : blocks) {
    if (!text.empty()) text += '\n';
    text += b.text;
    if (text.size() > max_bytes) break;
  }
  if (text.size() <= max_bytes) return text;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  text.resize(cut);
  return text + "…";
}

std::vector<size_t> split_shards(const std::vector<size_t>& line_sizes, size_t target,
                                 size_t max_shards) {
  size_t total = 0;
  for (size_t s : line_sizes) total += s;
  // Two neighbouring shards hold more than `target`: so at most max_shards + 1 of them.
  if (max_shards > 0) target = std::max(target, 2 * total / max_shards + 1);
  std::vector<size_t> starts;
  size_t filled = 0;
  for (size_t i = 0; i < line_sizes.size(); ++i) {
    if (starts.empty() || filled + line_sizes[i] > target) {
      if (starts.empty() || filled > 0) {
        starts.push_back(i);
        filled = 0;
      }
    }
    filled += line_sizes[i];
  }
  return starts;
}

}  // namespace firefly
