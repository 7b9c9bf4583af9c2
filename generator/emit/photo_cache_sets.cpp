// The photo set a build recorded in the cache's index (its entries' names and inodes, in
// order): what lets the next build with the same photos publish them without looking at
// each (PhotoCache::recorded_set, record_set).
#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/hash.h"
#include "core/text.h"
#include "emit/photo_cache.h"
#include "emit/photo_cache_index.h"

namespace firefly {

using photo_index::folder_number;
using photo_index::prefix_of;

namespace {

/// A digest of a set's entries as text ("name:inode,..."): what the index records beside
/// them, so that a rebuild of the set hashes nothing of them.
std::uint64_t entries_hash(std::string_view entries) { return Hasher().add(entries).get(); }

}  // namespace

std::shared_ptr<const RecordedSet> PhotoCache::recorded_set(std::uint64_t digest, size_t count) {
  load_index();
  if (set_entries_.empty() || digest != set_digest_ || set_count_ != count || renewing()) {
    return nullptr;
  }
  auto set = std::make_shared<RecordedSet>();
  // Each folder holding entries of the set (the index records which) is looked at once:
  // as the index recorded it, so every entry recorded there is there still. The entries
  // were checked when the set was recorded; their text is not read again.
  for (int n = 0; n < 256; ++n) {
    if (!(set_folders_[n / 64] >> (n % 64) & 1)) continue;
    Folder& folder = folders_[n];
    std::lock_guard lock(folder.mu);
    if (!folder.checked) check(folder, prefix_of(n));
    if (folder.relisted || folder.mtime < 0 || folder.device == 0) return nullptr;
    set->devices_[n] = folder.device;
  }
  set->dir_text_ = dir_text_;
  set->entries_ = set_entries_;  // kept by what holds it
  if (set_text_) {
    set->text_ = set_text_;
  } else {
    set->text_ = index_buffer_;
  }
  set->count_ = count;
  set->digest_ = Hasher().add(dir_text_).add(set_hash_).get();
  set_used_ = set_reused_ = true;
  hits_ += count;
  return set;
}

std::uint64_t PhotoCache::entries_digest(std::string_view entries) const {
  return Hasher().add(dir_text_).add(entries_hash(entries)).get();
}

bool PhotoCache::summarize_set(std::string_view list) {
  set_count_ = 0;
  set_folders_ = {};
  for (size_t at = 0; at <= list.size(); ++set_count_) {
    size_t comma = std::min(list.find(',', at), list.size());
    std::string_view item = list.substr(at, comma - at);
    at = comma + 1;
    size_t colon = item.rfind(':');
    unsigned long long inode = 0;
    int n = folder_number(item);
    if (colon == std::string_view::npos || colon < 3 || n < 0 ||
        !read_whole_number(item.substr(colon + 1), inode)) {
      return false;
    }
    set_folders_[n / 64] |= std::uint64_t{1} << (n % 64);
  }
  set_hash_ = entries_hash(list);
  return true;
}

std::vector<CachedFile> RecordedSet::files() const {
  std::vector<CachedFile> files;
  files.reserve(count_);
  // Each entry's path made in one buffer, then copied at its size (one allocation each).
  std::string path = dir_text_;
  const size_t base = path.size();
  std::string_view list = entries_;
  for (size_t at = 0; at <= list.size();) {
    size_t comma = std::min(list.find(',', at), list.size());
    std::string_view item = list.substr(at, comma - at);
    at = comma + 1;
    size_t colon = item.rfind(':');
    unsigned long long inode = 0;
    // Checked when the set was recorded; an index damaged since gives an entry of no
    // known inode (copied, or missing: an error naming it), never another file.
    if (colon == std::string_view::npos) colon = item.size();
    read_whole_number(item.substr(std::min(colon + 1, item.size())), inode);
    std::string_view name = item.substr(0, colon);
    int n = folder_number(name);
    path.resize(base);
    path.append(name.substr(0, 2)).append(1, '/').append(name);
    files.push_back({path, n < 0 ? 0 : devices_[n], n < 0 ? 0 : inode});
  }
  return files;
}

void PhotoCache::mark_set_used() {
  std::string_view list = set_entries_;
  for (size_t at = 0; at < list.size();) {
    size_t comma = std::min(list.find(',', at), list.size());
    std::string_view item = list.substr(at, comma - at);
    at = comma + 1;
    int n = folder_number(item);
    size_t colon = item.rfind(':');
    if (n < 0 || colon == std::string_view::npos) continue;
    std::lock_guard lock(folders_[n].mu);
    parse_listed(folders_[n]);
    auto it = folders_[n].files.find(std::string(item.substr(0, colon)));
    if (it != folders_[n].files.end()) it->second.used = true;
  }
}

void PhotoCache::record_set(std::uint64_t digest, std::string entries) {
  // A build without photos records nothing: it writes no cache into the site.
  if (entries.empty() || entries.find_first_of("\t\n") != std::string::npos) return;
  load_index();
  std::lock_guard lock(mu_);
  set_used_ = true;
  if (digest == set_digest_ && entries == set_entries_) return;
  set_digest_ = digest;
  set_text_ = std::make_shared<const std::string>(std::move(entries));
  set_entries_ = *set_text_;
  if (!summarize_set(set_entries_)) set_entries_ = {};  // a damaged entry: nothing recorded
  set_recorded_ = true;
  index_changed_ = true;
}

}  // namespace firefly
