// Splitting a content file into its YAML front matter and Markdown body.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"

namespace firefly {

/// A content file cut at its `---` lines.
struct FrontMatterSplit {
  std::string_view yaml;  ///< the text between the `---` lines ("" when none)
  int yaml_line = 0;      ///< line of the first YAML line minus one (for parse_yaml's offset)
  std::string_view body;  ///< the Markdown after the closing `---`
  int body_line = 1;      ///< the 1-based line the body starts on
};

/// Splits `text` (LF line endings, no BOM); a file without front matter is all body.
/// An opening `---` without a closing one is an error naming `path`.
std::optional<FrontMatterSplit> split_front_matter(std::string_view text, const std::string& path,
                                                   Diagnostics& diags);

}  // namespace firefly
