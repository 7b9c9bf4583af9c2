// Lines written as a table's rows with no line of dashes under the first (`| 年度 | 人數 |`
// then `| 2021 | 3 |`): Markdown reads them as a paragraph, and the page shows the pipes.
// Each is a warning at its first line, found when the page is read.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace firefly {

/// A run of lines that look like a table's rows without its header's dashes.
struct HeadlessTable {
  Pos pos;             ///< of the first line's first `|` (columns count characters)
  size_t columns = 0;  ///< the cells of its first line
};

/// The runs of two or more lines of Markdown `body` (its first line is line `first_line`),
/// outside code, that each start with `|` and hold another, with no `|---|` line second
/// (which makes them a table). At most 20.
std::vector<HeadlessTable> find_headless_tables(std::string_view body, int first_line);

/// A row of a table with more cells than the table has columns: Markdown leaves the last
/// ones out of the page (`| 2021 | 26 | note |` under `| 年度 | 人數 |`).
struct OverfullRow {
  Pos pos;             ///< of the row's first `|`
  size_t cells = 0;    ///< the row's
  size_t columns = 0;  ///< the table's (its header's)
};

/// The rows of the tables of Markdown `body` (its first line is line `first_line`), outside
/// code, each written starting with `|`, that have more cells than their header. Rows with
/// code (`` ` ``) are left alone: a `|` in code is no cell's end. At most 20.
std::vector<OverfullRow> find_overfull_rows(std::string_view body, int first_line);

/// Reports each run find_headless_tables finds in `body` (of the file `path`) as a warning,
/// and each row find_overfull_rows finds.
void report_headless_tables(std::string_view body, int first_line, const std::string& path,
                            Diagnostics& diags);

}  // namespace firefly
