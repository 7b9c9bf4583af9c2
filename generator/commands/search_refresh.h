// The search index of a kept build, made apart from its pages, so that `serve` can show
// an edit before the index (a whole-site output) is up to date.
#pragma once

#include <atomic>
#include <optional>
#include <string>
#include <vector>

#include "core/output.h"

namespace firefly {

struct BuildState;

/// What refreshing the search index changed among the files shown.
struct SearchChanges {
  OutputSet files;                   ///< new files, and files whose bytes changed
  std::vector<std::string> removed;  ///< paths the index no longer has
};

/// Renders the search index of `state`'s site and compares it with the files that
/// `state.search_files` says are shown; records the new files there and marks the index
/// current. Returns nullopt, having changed nothing, when `cancel` is set before it is
/// done (it is looked at between languages). Not thread-safe for one state.
std::optional<SearchChanges> refresh_search_index(BuildState& state,
                                                  const std::atomic<bool>* cancel = nullptr);

}  // namespace firefly
