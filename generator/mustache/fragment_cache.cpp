#include "mustache/fragment_cache.h"

namespace firefly::mustache {

std::shared_ptr<const FragmentCache::Entry> FragmentCache::find(std::uint64_t key) const {
  const Shard& s = shards_[key % kShards];
  std::lock_guard lock(s.mu);
  auto it = s.entries.find(key);
  return it == s.entries.end() ? nullptr : it->second;
}

void FragmentCache::put(std::uint64_t key, std::shared_ptr<const Entry> entry) {
  Shard& s = shards_[key % kShards];
  std::lock_guard lock(s.mu);
  s.entries[key] = std::move(entry);
}

size_t FragmentCache::size() const {
  size_t n = 0;
  for (const Shard& s : shards_) {
    std::lock_guard lock(s.mu);
    n += s.entries.size();
  }
  return n;
}

void FragmentCache::end_pass() {
  size_t n = size();
  if (baseline_ == 0) {
    baseline_ = n;
    return;
  }
  if (n <= 2 * baseline_ + 1024) return;
  for (Shard& s : shards_) {
    std::lock_guard lock(s.mu);
    s.entries.clear();
  }
}

}  // namespace firefly::mustache
