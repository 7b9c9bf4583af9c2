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

bool is_extension_key(std::string_view key) { return key.starts_with("x-"); }

void drop_extension_keys(Value& map) {
  if (!map.is_map()) return;
  auto extension = [](const auto& member) { return is_extension_key(member.first); };
  const Map& members = map.as_map();
  if (std::none_of(members.begin(), members.end(), extension)) return;  // the map kept as is
  Map kept = members;
  std::erase_if(kept, extension);
  Value without(std::move(kept));
  without.pos = map.pos;
  without.key_pos = map.key_pos;
  map = std::move(without);
}

}  // namespace firefly
