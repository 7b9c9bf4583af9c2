#include "commands/search_refresh.h"

#include <algorithm>

#include "commands/build_state.h"
#include "core/hash.h"
#include "render/search_index.h"
#include "render/site_paths.h"

namespace firefly {

std::optional<NewSearchIndex> make_search_refresh(const BuildState& state,
                                                  const std::atomic<bool>* cancel) {
  OutputSet index;
  for (const Language& lang : state.site->config->languages) {
    if (cancel && cancel->load()) return std::nullopt;
    render_search_index(*state.site, state.bodies, *state.datasets, lang, index, state.jobs);
  }
  if (cancel && cancel->load()) return std::nullopt;
  SitePaths site_paths(*state.config);
  NewSearchIndex refresh;
  refresh.files.reserve(index.size());
  for (OutputFile& f : index) {
    site_paths.apply(f);
    std::uint64_t bytes = hash_bytes(f.bytes);
    auto shown = state.search_files.find(f.path);
    refresh.files[f.path] = bytes;
    if (shown == state.search_files.end() || shown->second != bytes) {
      refresh.changes.files.push_back(std::move(f));
    }
  }
  for (const auto& [path, bytes] : state.search_files) {
    if (!refresh.files.count(path)) refresh.changes.removed.push_back(path);
  }
  std::sort(refresh.changes.removed.begin(), refresh.changes.removed.end());
  return refresh;
}

SearchChanges record_search_refresh(BuildState& state, NewSearchIndex&& refresh) {
  state.search_files = std::move(refresh.files);
  state.search_current = true;
  return std::move(refresh.changes);
}

std::optional<SearchChanges> refresh_search_index(BuildState& state,
                                                  const std::atomic<bool>* cancel) {
  std::optional<NewSearchIndex> refresh = make_search_refresh(state, cancel);
  if (!refresh) return std::nullopt;
  return record_search_refresh(state, std::move(*refresh));
}

}  // namespace firefly
