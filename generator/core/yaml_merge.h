// YAML 1.1's merge key (`<<: *base`): the keys of another map, or of a list of maps,
// taken into this one. Other generators' users write it in front matter and site.yaml to
// share fields; the YAML reader (core/yaml.cpp) applies it as it builds each map.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/value.h"

namespace firefly {

/// Why `source`, the value of a merge key, cannot be merged (empty when it can): it must
/// be a map, or a list of maps.
std::string merge_source_problem(const Value& source);

/// Takes into `map` the keys of `sources` (maps, or lists of maps, in the order their
/// merge keys were written) that `map` does not have, inserted at `at` (where the merge
/// key was written). Keys written in `map` win; among the sources, an earlier map wins
/// over a later one. Merged values keep the positions where they were written.
void apply_merges(Map& map, size_t at, const std::vector<Value>& sources);

/// Whether `key` is an extension key (`x-defaults`): a place for a block shared through an
/// anchor (`x-defaults: &d {...}`, then `<<: *d`), read for its anchor and then left out,
/// as Docker Compose does.
bool is_extension_key(std::string_view key);

/// Removes the extension keys of `map` (its top level only; nothing when it is not a map):
/// at the top of site.yaml, of front matter and of a dataset's metadata they are neither
/// errors nor values that pages show or publish.
void drop_extension_keys(Value& map);

}  // namespace firefly
