// YAML in (the only file that includes yaml-cpp).
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"
#include "core/value.h"

namespace firefly {

/// The most YAML read from one file (site.yaml, a dataset's metadata, front matter): more
/// is an error. As large as the largest page (markdown.max_file_size_kb's most).
inline constexpr size_t kMaxYamlBytes = 8192 * 1024;

/// Parses YAML text into a Value whose every node carries its line and column.
/// `line_offset` is added to reported lines (front matter starts after the `---`).
/// Errors (syntax, tabs, duplicate keys, alias bombs, invalid UTF-8, tags and merge keys
/// it cannot read) go to `diags` naming `path`; the result is then null. Each tag or merge
/// key error of the file is reported (Diagnostics caps them); the others end the reading. Scalars
/// stay strings except that plain true/false, integers and decimals become bool, int and double,
/// and `~`/null become null.
Value parse_yaml(std::string_view text, const std::string& path, Diagnostics& diags,
                 int line_offset = 0);

/// parse_yaml through yaml-cpp alone, also for the plain shapes parse_yaml reads itself
/// (core/yaml_simple.h): what tests compare the two with.
Value parse_yaml_general(std::string_view text, const std::string& path, Diagnostics& diags,
                         int line_offset = 0);

/// `text` as a YAML double-quoted scalar (`"Volunteers: the \"repair\" team"`): what a
/// help line tells an author to write for a value YAML cannot take unquoted.
std::string yaml_quoted(std::string_view text);

}  // namespace firefly
