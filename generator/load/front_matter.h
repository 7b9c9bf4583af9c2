// Splitting a content file into its YAML front matter and Markdown body.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/value.h"

namespace firefly {

/// A content file cut at its `---` lines.
struct FrontMatterSplit {
  std::string_view yaml;  ///< the text between the `---` lines ("" when none)
  int yaml_line = 0;      ///< line of the first YAML line minus one (for parse_yaml's offset)
  std::string_view body;  ///< the Markdown after the closing `---`
  int body_line = 1;      ///< the 1-based line the body starts on
  /// False when the opening `---` has no closing one: `yaml` is then the lines up to the
  /// first that cannot be front matter (a blank line, or one at the margin that is neither
  /// `key: value`, `- item` nor a `#` comment), and `body` the rest: where the author most
  /// likely meant the text to start.
  bool closed = true;
};

/// Splits `text` (LF line endings, no BOM); a file without front matter is all body.
/// An opening `---` without a closing one is an error naming `path`, which says where the
/// body is taken to start.
FrontMatterSplit split_front_matter(std::string_view text, const std::string& path,
                                    Diagnostics& diags);

/// A quoted value of front matter that is not closed on its line, where YAML would read
/// the lines after it into the value (up to a quote further down), with the first of
/// those lines that is a `key:` of its own.
struct UnclosedQuote {
  Pos pos;               ///< of the opening quote (columns count characters)
  std::string key;       ///< the entry whose value it opens ("summary")
  std::string next_key;  ///< the `key:` line it would swallow ("images")
};

/// The first quoted value of front matter `yaml` that runs on into a later `key:` line at
/// the margin (a closing quote forgotten), or nothing. A quoted value may span lines in
/// YAML, but never over a line that is a key of the front matter: the author meant it
/// to end on its own line. `line_offset` as for parse_yaml.
std::optional<UnclosedQuote> find_unclosed_quote(std::string_view yaml, int line_offset);

/// A front-matter value that YAML reads as a comment: `title: #1 volunteer team` (a `#`
/// after a space starts a comment, so the key is empty).
struct CommentValue {
  Pos pos;           ///< of the `#` (columns count characters)
  std::string key;   ///< "title"
  std::string text;  ///< "#1 volunteer team"
};

/// The values of front matter `yaml`'s top-level keys that start with `#` and a character
/// other than a space: meant as text, read by YAML as a comment (`key: # note` is taken as
/// a comment meant). `line_offset` as for parse_yaml.
std::vector<CommentValue> find_comment_values(std::string_view yaml, int line_offset);

/// The top-level entries of front matter `yaml` that can be read one by one, for front
/// matter that as a whole is not YAML (an error already reported): each entry, a line at
/// the margin with the indented or `- ` lines after it, is parsed alone and left out when
/// it is not valid; a key is taken once. An entry with a `*` (maybe an alias) is left out
/// too, so that reading the entries one by one costs no more than the file's length (the
/// limit on aliases' expansion is per parse). Reports nothing. `line_offset` as for
/// parse_yaml.
Value readable_entries(std::string_view yaml, const std::string& path, int line_offset);

}  // namespace firefly
