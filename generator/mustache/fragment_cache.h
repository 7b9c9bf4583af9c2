// Rendered pieces of templates kept between renders: one iteration of a list section
// (a card of a list page), keyed by what it read, so that a page that shows the same item
// again (the same list shifted by one place) joins the bytes instead of rendering them.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace firefly::mustache {

/// The fragments of renders with one set of templates (a fragment names their nodes:
/// drop the cache with the templates). Thread-safe.
///
/// A fragment is one item of a `{{#list}}` section that includes a partial, rendered as
/// the section's content against a map item. Its key is the section's content (its shape),
/// the item's whole value and where the output stood (indentation, start of a line); what
/// it read outside the item (a name found in the contexts around it, the override of a
/// block) is kept with it and looked up again before it is used: a fragment is used only
/// when every one of those reads finds what it found when it was made.
class FragmentCache {
 public:
  /// A read of a fragment outside its item: a name (`what` is its path) or a block's
  /// override from the parents around the fragment (`what` is the block's node).
  struct Read {
    const void* what = nullptr;
    bool block = false;
    std::uint64_t print = 0;  ///< the fingerprint of what was found (0: nothing)
  };
  /// A rendered fragment.
  struct Entry {
    std::string bytes;
    bool line_start = false;  ///< the output after it starts a line
    std::vector<Read> reads;
  };

  /// The fragment of `key`, or null.
  std::shared_ptr<const Entry> find(std::uint64_t key) const;
  /// Keeps `entry` under `key` (replacing one there).
  void put(std::uint64_t key, std::shared_ptr<const Entry> entry);
  /// How many fragments it holds.
  size_t size() const;
  /// Ends one pass over the pages: the first sets how many fragments a whole site has;
  /// after that, a cache grown to more than twice that (fragments of items since edited)
  /// is emptied, to be filled again by the renders after.
  void end_pass();
  /// Fragments used and made since the cache was made.
  size_t hits() const { return hits_; }
  size_t misses() const { return misses_; }
  void count(bool hit) const { ++(hit ? hits_ : misses_); }

 private:
  static constexpr size_t kShards = 16;
  struct Shard {
    mutable std::mutex mu;
    std::unordered_map<std::uint64_t, std::shared_ptr<const Entry>> entries;
  };
  std::array<Shard, kShards> shards_;
  size_t baseline_ = 0;
  mutable std::atomic<size_t> hits_{0}, misses_{0};
};

}  // namespace firefly::mustache
