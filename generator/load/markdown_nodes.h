// What the Markdown document and its scan share of cmark-gfm's tree: the parser's options
// and extensions, where a node is in the file, and the scan's item for a node.
#pragma once

#include <cmark-gfm.h>

#include <string_view>
#include <vector>

#include "core/value.h"
#include "load/markdown.h"

namespace firefly::detail {

/// The parser's options. Without CMARK_OPT_VALIDATE_UTF8: every body is valid UTF-8
/// already (load_source_page rejects a file that is not), and cmark replaces a NUL byte
/// with U+FFFD either way. Checking every line again cost 2% of a build.
inline constexpr int kMarkdownOptions =
    CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES | CMARK_OPT_GITHUB_PRE_LANG;

/// Registers cmark-gfm's extensions (table, strikethrough, autolink, tasklist) once.
void ensure_markdown_extensions();

/// Where cmark-gfm's nodes are in the file: the line of the body plus `first_line` - 1, and
/// the column in characters. cmark-gfm counts the column in bytes, a diagnostic's Pos in
/// characters (as the front matter's and the caret do): the '[' of "請看[平台](/p/)" is in
/// column 3, not 7. Each line's start is found once (a footnote's nodes, moved to the end,
/// go back to an earlier line), and a node's column is counted on from the last node's on
/// the same line: a page of footnotes in reverse order, or a line of 100,000 links, is read
/// once, not once for each.
struct NodePositions {
  NodePositions(std::string_view b, int first) : body(b), first_line(first) {}

  std::string_view body;
  int first_line;
  std::vector<size_t> starts{0};  ///< where each line of the body found so far starts
  int line = 0;                   ///< the line of the last node counted (0: none)
  std::string_view text;          ///< that line, without its line break
  size_t byte = 0;                ///< a character's first byte in it, at or before that node
  int col = 1;                    ///< its column in characters

  /// The position of `n` in the file.
  Pos operator()(cmark_node* n);

  /// `at`, the first byte cmark-gfm gives inline node `n` on `node_line` (the line `text`),
  /// set right on a lazy continuation line of a paragraph in a list item, quote or footnote
  /// (its text at the margin, "- item\nmore [x](/y/)"): cmark-gfm counts such a line as if
  /// it had the container's prefix, from the paragraph's first column, so the '[' was
  /// reported that many columns on. Taken only when the byte found is the node's opening
  /// mark ('[' of a link, '!' of an image, '<' of HTML, '`' of code) and `at` is not.
  size_t lazy_line_byte(cmark_node* n, int node_line, size_t at) const;
};

/// Adds the scan's item for `n` (entered in document order) to `items`; `line` is the line
/// of the last node with one.
void scan_node(cmark_node* n, int first_line, int& line, std::vector<MarkdownItem>& items);

}  // namespace firefly::detail
