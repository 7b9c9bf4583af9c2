#include "commands/search_refresh.h"

#include <algorithm>

#include "commands/build_state.h"
#include "core/hash.h"
#include "render/search_index.h"
#include "render/site_paths.h"

namespace firefly {

std::optional<SearchChanges> refresh_search_index(BuildState& state,
                                                  const std::atomic<bool>* cancel) {
  OutputSet index;
  for (const Language& lang : state.site->config->languages) {
    if (cancel && cancel->load()) return std::nullopt;
    render_search_index(*state.site, state.bodies, state.datasets, lang, index, state.jobs);
  }
  if (cancel && cancel->load()) return std::nullopt;
  SitePaths site_paths(*state.config);
  SearchChanges changes;
  std::unordered_map<std::string, std::uint64_t> files;
  files.reserve(index.size());
  for (OutputFile& f : index) {
    site_paths.apply(f);
    std::uint64_t bytes = hash_bytes(f.bytes);
    auto shown = state.search_files.find(f.path);
    files[f.path] = bytes;
    if (shown == state.search_files.end() || shown->second != bytes) {
      changes.files.push_back(std::move(f));
    }
  }
  for (const auto& [path, bytes] : state.search_files) {
    if (!files.count(path)) changes.removed.push_back(path);
  }
  std::sort(changes.removed.begin(), changes.removed.end());
  state.search_files = std::move(files);
  state.search_current = true;
  return changes;
}

}  // namespace firefly
