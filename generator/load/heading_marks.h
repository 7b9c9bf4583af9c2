// Headings typed without the space after their marks (`##成果`, `###Results`): Markdown
// reads the line as text, and the page shows the marks. Each is a warning at the line,
// found when the page is read.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace firefly {

/// A line meant as a heading, written without the space its marks need.
struct UnspacedHeading {
  Pos pos;              ///< of its first `#`
  std::string written;  ///< the line as written: "##成果"
  std::string meant;    ///< as a heading: "## 成果"
};

/// The lines of Markdown `body` (its first line is line `first_line`), outside code, that
/// start with two to six `#` and then a letter, digit or other text at once (one `#` is
/// left alone: `#志工` may be a hashtag). At most 20.
std::vector<UnspacedHeading> find_unspaced_headings(std::string_view body, int first_line);

/// Reports each line find_unspaced_headings finds in `body` (of the file `path`) as a
/// warning.
void report_unspaced_headings(std::string_view body, int first_line, const std::string& path,
                              Diagnostics& diags);

}  // namespace firefly
