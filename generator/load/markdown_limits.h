// The Markdown that cmark-gfm 0.29 (Debian 12) reads in quadratic time, found before it is
// parsed so that a page of a few hundred kilobytes can never stall a build.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/value.h"

namespace firefly {

/// At most this many `![` (image openers) in one block of lines without a blank line.
inline constexpr int kMaxImageOpenersPerBlock = 1000;
/// At most this many raw-HTML openers that are not tags nor comments (`<?`, `<!`: a
/// processing instruction, CDATA section or declaration) in one block of lines without a
/// blank line: each unclosed one is read to the end of its paragraph.
inline constexpr int kMaxHtmlOpenersPerBlock = 1000;
/// At most this many table columns (`|` on one line, less one).
inline constexpr int kMaxTableColumns = 200;
/// At most this many table cells in one page (each row counts its table's columns, from the
/// delimiter row, as cmark-gfm makes them): cmark-gfm and the page's HTML take about 1 KB a
/// cell (2 MB of `|a|b|` rows, 670,000 cells, took 790 MB to build; 8 MB, 3.1 GB). The
/// sample portal's largest table has 33 cells; 100,000 (a 300 KB page of `|a|b|` rows)
/// builds in 123 MB. A larger table belongs in a dataset.
inline constexpr int kMaxTableCells = 100'000;
/// At most this many Markdown marks in one page: line breaks and the bytes that open a node
/// of their own (`*`, `_`, `~`, `-`, `+`, `[`, `!`, `` ` ``, `<`, `&`, `\`), not in fenced code.
/// cmark-gfm and the page's HTML take up to about 1 KB for each (2 MB of footnote references `[^a]`
/// took 1 GB to build, of `*_~` 640 MB, of `&#` 430 MB); prose and this project's most marked page
/// (docs/open-data.md: 5.5% of its bytes) repeated to 2 MB have under 130,000, and build in 70 MB.
inline constexpr long long kMaxMarksPerPage = 250'000;
/// At most this many `www.` in one word (a run without white space).
inline constexpr int kMaxWwwPerWord = 100;
/// At most this product of inline links (`](`) and emphasis marks (runs of `*`, `_` or
/// `~`) in one paragraph: cmark-gfm 0.29 takes time in proportion to it (a quarter of a
/// second at ten million; 200 KB of `*a [e](f) ` took it 35 s).
inline constexpr long long kMaxLinksTimesEmphasisPerBlock = 10'000'000;

/// A construct that would make the Markdown parser take quadratic time, where it starts.
struct MarkdownHazard {
  Pos pos;  ///< line (counted from `first_line`) and column (in characters) in the file
  std::string message;
  std::string help;
};

/// The hazards of a page's body (at most one of each kind, the first), in one linear pass;
/// `first_line` is the line of the body's first line in its file.
std::vector<MarkdownHazard> find_markdown_hazards(std::string_view body, int first_line = 1);

/// The invisible control characters of a page's body (U+0001, ESC, U+FFFE; not tabs and
/// line breaks), the first of each line: no feed (XML) can hold them and pages do not show
/// them. Not a hazard: the body is still read.
std::vector<MarkdownHazard> find_control_characters(std::string_view body, int first_line = 1);

}  // namespace firefly
