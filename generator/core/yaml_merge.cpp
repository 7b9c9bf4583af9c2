#include "core/yaml_merge.h"

#include <algorithm>
#include <string_view>
#include <unordered_set>

namespace firefly {

std::string merge_source_problem(const Value& source) {
  if (source.is_map()) return {};
  if (source.is_list()) {
    for (const Value& item : source.as_list()) {
      if (!item.is_map()) {
        return "the merge key '<<' takes a map or a list of maps, but this list has " +
               std::string(item.kind_name());
      }
    }
    return {};
  }
  return "the merge key '<<' takes a map or a list of maps, not " + std::string(source.kind_name());
}

void apply_merges(Map& map, size_t at, const std::vector<Value>& sources) {
  std::vector<const Map*> maps;
  for (const Value& source : sources) {
    if (source.is_map()) maps.push_back(&source.as_map());
    if (!source.is_list()) continue;
    for (const Value& item : source.as_list()) {
      if (item.is_map()) maps.push_back(&item.as_map());
    }
  }
  // Keys looked up in a set: a merged map of many keys costs time in proportion to them.
  std::unordered_set<std::string_view> keys;
  for (const auto& member : map) keys.insert(member.first);
  Map merged;
  for (const Map* source : maps) {
    for (const auto& member : *source) {
      if (keys.insert(member.first).second) merged.push_back(member);
    }
  }
  at = std::min(at, map.size());
  map.insert(map.begin() + static_cast<std::ptrdiff_t>(at), std::make_move_iterator(merged.begin()),
             std::make_move_iterator(merged.end()));
}

}  // namespace firefly
