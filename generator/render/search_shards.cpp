#include "render/search_shards.h"

#include <algorithm>
#include <array>

namespace firefly {

namespace {

/// The value of each VLQ character, -1 for the others.
constexpr std::array<int8_t, 256> kVlqValues = [] {
  std::array<int8_t, 256> values{};
  values.fill(-1);
  for (int d = 0; d < 64; ++d)
    values[static_cast<unsigned char>(kVlqDigits[d])] = static_cast<int8_t>(d);
  return values;
}();

/// Characters gathered before they are appended to a string at once.
class VlqBuffer {
 public:
  explicit VlqBuffer(std::string& out) : out_(out) {}
  ~VlqBuffer() { flush(); }
  void add(uint32_t v) {
    if (n_ + kMaxVlqChars > sizeof(chars_)) flush();
    n_ += write_vlq(chars_ + n_, v);
  }
  void flush() {
    out_.append(chars_, n_);
    n_ = 0;
  }

 private:
  std::string& out_;
  char chars_[128];
  size_t n_ = 0;
};

}  // namespace

void append_vlq(std::string& out, uint32_t v) {
  char digits[kMaxVlqChars];
  out.append(digits, write_vlq(digits, v));
}

std::optional<uint32_t> read_vlq(std::string_view s, size_t* i) {
  uint32_t v = 0;
  for (int shift = 0; *i < s.size() && shift < 35; shift += 5) {
    int digit = kVlqValues[static_cast<unsigned char>(s[(*i)++])];
    if (digit < 0) return std::nullopt;
    v |= static_cast<uint32_t>(digit & 31) << shift;
    if (!(digit & 32)) return v;
  }
  return std::nullopt;
}

void PostingWriter::add(const Posting& p) {
  VlqBuffer out(text_);
  out.add(first_ ? p.doc + 1 : p.doc - previous_);
  first_ = false;
  previous_ = p.doc;
  auto weight = [&](uint32_t count) { out.add(static_cast<uint32_t>(p.field) + 3 * (count - 1)); };
  if (p.positions.empty()) {
    weight(std::clamp<uint32_t>(p.count, 1, kMaxTokenCount));
    return;
  }
  weight(static_cast<uint32_t>(p.positions.size()));
  positional_ = true;
  uint32_t last = 0;
  for (uint32_t pos : p.positions) {
    out.add(pos - last);
    last = pos;
  }
}

void PostingWriter::append(const PostingWriter& later) {
  if (later.first_) return;
  size_t i = 0;
  uint32_t first_doc = *read_vlq(later.text_, &i) - 1;  // written from document 0
  append_vlq(text_, first_ ? first_doc + 1 : first_doc - previous_);
  text_.append(later.text_, i);
  first_ = false;
  previous_ = later.previous_;
  positional_ = positional_ || later.positional_;
}

void append_postings(std::string& out, const std::vector<Posting>& postings) {
  PostingWriter w;
  for (const Posting& p : postings) w.add(p);
  out += w.text();
}

namespace {

/// The postings of `pages`, each with its positions when `positional`: read from `pages`
/// after its page and weight, or from `positions` when `apart` (which must hold them all).
std::optional<std::vector<Posting>> read_postings_in(std::string_view pages, bool positional,
                                                     bool apart, std::string_view positions) {
  std::vector<Posting> postings;
  size_t i = 0, j = 0;
  std::string_view from = apart ? positions : pages;
  size_t& at = apart ? j : i;
  uint32_t doc = 0;
  while (i < pages.size()) {
    auto gap = read_vlq(pages, &i);
    auto weight = gap ? read_vlq(pages, &i) : std::nullopt;
    if (!weight || *gap == 0) return std::nullopt;
    Posting p;
    doc = postings.empty() ? *gap - 1 : doc + *gap;
    p.doc = doc;
    p.field = static_cast<SearchField>(*weight % 3);
    p.count = *weight / 3 + 1;
    if (!positional && p.count > kMaxTokenCount) return std::nullopt;
    uint32_t pos = 0;
    for (uint32_t k = 0; positional && k < p.count; ++k) {
      auto v = read_vlq(from, &at);
      if (!v) return std::nullopt;
      pos += *v;
      p.positions.push_back(pos);
    }
    postings.push_back(std::move(p));
  }
  if (apart && j != positions.size()) return std::nullopt;
  return postings;
}

}  // namespace

std::optional<std::vector<Posting>> read_postings(std::string_view s, bool positional) {
  return read_postings_in(s, positional, false, {});
}

namespace {

/// Moves `*i` past `n` VLQ numbers of `s` without reading their values (a large token's
/// positions, millions of numbers); false when `s` ends first or holds a character or a
/// number (more than kMaxVlqChars characters) read_vlq would refuse.
bool skip_vlq(std::string_view s, size_t* i, uint32_t n) {
  size_t at = *i, chars = 0;
  while (n > 0) {
    if (at == s.size()) return false;
    int digit = kVlqValues[static_cast<unsigned char>(s[at++])];
    if (digit < 0 || ++chars > kMaxVlqChars) return false;
    if (!(digit & 32)) {
      --n;
      chars = 0;
    }
  }
  *i = at;
  return true;
}

}  // namespace

std::optional<PostingsApart> split_positions(std::string_view s) {
  PostingsApart out;
  size_t i = 0;
  while (i < s.size()) {
    size_t start = i;
    auto gap = read_vlq(s, &i);
    auto weight = gap ? read_vlq(s, &i) : std::nullopt;
    if (!weight) return std::nullopt;
    out.pages.append(s.substr(start, i - start));
    start = i;
    if (!skip_vlq(s, &i, *weight / 3 + 1)) return std::nullopt;
    out.positions.append(s.substr(start, i - start));
  }
  return out;
}

std::optional<std::vector<Posting>> read_postings_apart(std::string_view pages,
                                                        std::string_view positions) {
  return read_postings_in(pages, true, true, positions);
}

uint32_t cjk_shard_hash(std::string_view token) {
  uint32_t h = 2166136261u;
  for (char c : token) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return h;
}

size_t hashed_shard_count(size_t cjk_bytes, size_t word_bytes, size_t target, size_t max_files) {
  if (cjk_bytes == 0) return 0;
  size_t wanted = (cjk_bytes + target - 1) / target;
  if (max_files == 0) return wanted;  // no cap
  // Their share of the files by bytes.
  auto share = static_cast<size_t>(static_cast<double>(max_files) * static_cast<double>(cjk_bytes) /
                                   static_cast<double>(cjk_bytes + word_bytes));
  return std::max<size_t>(1, std::min(wanted, share));
}

ShardPlan plan_shards(const std::vector<size_t>& line_sizes, const std::vector<bool>& positional,
                      const std::function<std::string_view(size_t)>& token, size_t target,
                      size_t max_files) {
  ShardPlan plan;
  std::vector<size_t> word_lines, word_sizes;
  size_t word_bytes = 0;
  for (size_t k = 0; k < line_sizes.size(); ++k) {
    if (positional[k]) {
      word_lines.push_back(k);
      word_sizes.push_back(line_sizes[k]);
      word_bytes += line_sizes[k];
    } else if (line_sizes[k] > target) {
      plan.alone.push_back(k);
    }
  }
  if (max_files > 0 && plan.alone.size() > max_files / 3) {  // the largest, in byte order
    std::stable_sort(plan.alone.begin(), plan.alone.end(),
                     [&](size_t a, size_t b) { return line_sizes[a] > line_sizes[b]; });
    plan.alone.resize(max_files / 3);
    std::sort(plan.alone.begin(), plan.alone.end());
  }
  std::vector<bool> is_alone(line_sizes.size(), false);
  for (size_t k : plan.alone) is_alone[k] = true;
  size_t cjk_bytes = 0;
  for (size_t k = 0; k < line_sizes.size(); ++k) {
    if (!positional[k] && !is_alone[k]) cjk_bytes += line_sizes[k];
  }
  size_t left = max_files > 0 ? max_files - plan.alone.size() : 0;
  plan.hashed = hashed_shard_count(cjk_bytes, word_bytes, target, left);
  std::vector<size_t> starts;
  if (!word_lines.empty()) {
    // At least one file for the words, even when the CJK tokens' share would take all.
    size_t for_words = max_files > 0 ? std::max<size_t>(1, left - std::min(left, plan.hashed)) : 0;
    starts = split_shards(word_sizes, target, for_words);
  }
  plan.files.resize(starts.size() + plan.alone.size() + plan.hashed);
  for (size_t s = 0; s < starts.size(); ++s) {
    size_t end = s + 1 < starts.size() ? starts[s + 1] : word_lines.size();
    plan.words.push_back(word_lines[starts[s]]);
    plan.files[s].assign(word_lines.begin() + static_cast<std::ptrdiff_t>(starts[s]),
                         word_lines.begin() + static_cast<std::ptrdiff_t>(end));
  }
  for (size_t b = 0; b < plan.alone.size(); ++b) plan.files[starts.size() + b] = {plan.alone[b]};
  size_t first_hashed = starts.size() + plan.alone.size();
  for (size_t k = 0; k < line_sizes.size(); ++k) {
    if (!positional[k] && !is_alone[k]) {
      plan.files[first_hashed + cjk_shard_hash(token(k)) % plan.hashed].push_back(k);
    }
  }
  return plan;
}

std::string shard_separator(std::string_view last, std::string_view first) {
  size_t same = 0;
  while (same < last.size() && same < first.size() && last[same] == first[same]) ++same;
  size_t end = std::min(first.size(), same + 1);  // one byte past the shared start
  while (end < first.size() && (static_cast<unsigned char>(first[end]) & 0xC0) == 0x80) ++end;
  return std::string(first.substr(0, end));
}

namespace {

/// The first line of each shard when each is filled up to `target` bytes.
std::vector<size_t> fill_shards(const std::vector<size_t>& line_sizes, size_t target) {
  std::vector<size_t> starts;
  size_t filled = 0;
  for (size_t i = 0; i < line_sizes.size(); ++i) {
    if (starts.empty() || (filled > 0 && filled + line_sizes[i] > target)) {
      starts.push_back(i);
      filled = 0;
    }
    filled += line_sizes[i];
  }
  return starts;
}

}  // namespace

std::vector<size_t> split_shards(const std::vector<size_t>& line_sizes, size_t target,
                                 size_t max_shards) {
  std::vector<size_t> starts = fill_shards(line_sizes, target);
  if (max_shards == 0 || starts.size() <= max_shards) return starts;
  // The smallest target that keeps to the cap: fewer shards the larger it is, and twice
  // the average always does (two neighbouring shards hold more than the target).
  size_t total = 0;
  for (size_t s : line_sizes) total += s;
  size_t lo = target, hi = 2 * total / max_shards + 1;
  while (lo + 1 < hi) {
    size_t mid = lo + (hi - lo) / 2;
    (fill_shards(line_sizes, mid).size() <= max_shards ? hi : lo) = mid;
  }
  return fill_shards(line_sizes, hi);
}

std::vector<size_t> lines_apart(const std::vector<size_t>& line_sizes,
                                const std::vector<bool>& positional, size_t target,
                                size_t max_files) {
  size_t needed = fill_shards(line_sizes, target).size();
  if (needed >= max_files) return {};
  std::vector<size_t> big;
  for (size_t i = 0; i < line_sizes.size(); ++i) {
    if (positional[i] && line_sizes[i] > target) big.push_back(i);
  }
  std::stable_sort(big.begin(), big.end(),
                   [&](size_t a, size_t b) { return line_sizes[a] > line_sizes[b]; });
  if (big.size() > max_files - needed) big.resize(max_files - needed);
  return big;
}

}  // namespace firefly
