// Where a character of a YAML string is written in its file: the text YAML reads from a
// scalar differs from what is written when the scalar is quoted (its quotes, '' and \"
// escapes), folded over several lines or a block (| and >, their indentation).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "core/value.h"

namespace firefly {

/// The line and column (of characters, from 1) where the byte `offset` of `value` is
/// written, `value` being the string that the scalar written at `at` (its Value::pos) in
/// the YAML text `yaml` holds, read as parse_yaml(yaml, ..., line_offset) reads it: a plain,
/// single- or double-quoted scalar, on one line or folded over several, or a literal (|) or
/// folded (>) block. Nullopt when the scalar there does not read as `value` (a shape it does
/// not know) or `offset` is not in it.
std::optional<Pos> yaml_scalar_char_pos(std::string_view yaml, int line_offset, Pos at,
                                        std::string_view value, size_t offset);

}  // namespace firefly
