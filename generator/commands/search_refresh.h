// The search index of a kept build, made apart from its pages, so that `serve` can show
// an edit before the index (a whole-site output) is up to date.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/output.h"

namespace firefly {

struct BuildState;

/// What refreshing the search index changed among the files shown.
struct SearchChanges {
  OutputSet files;                   ///< new files, and files whose bytes changed
  std::vector<std::string> removed;  ///< paths the index no longer has
};

/// A search index made for a kept build, not yet recorded in it.
struct NewSearchIndex {
  SearchChanges changes;  ///< against the files the state says are shown
  /// Every file of the new index: path -> fingerprint of its bytes.
  std::unordered_map<std::string, std::uint64_t> files;
};

/// Renders the search index of `state`'s site and compares it with the files that
/// `state.search_files` says are shown, changing nothing in `state` (so an update may
/// read it meanwhile). Returns nullopt when `cancel` is set before it is done (it is
/// looked at between languages).
std::optional<NewSearchIndex> make_search_refresh(const BuildState& state,
                                                  const std::atomic<bool>* cancel = nullptr);

/// Records `refresh` in `state` as the files shown and marks its index current; returns
/// what changed.
SearchChanges record_search_refresh(BuildState& state, NewSearchIndex&& refresh);

/// make_search_refresh, then record_search_refresh when it was not cancelled. Not
/// thread-safe for one state.
std::optional<SearchChanges> refresh_search_index(BuildState& state,
                                                  const std::atomic<bool>* cancel = nullptr);

}  // namespace firefly
