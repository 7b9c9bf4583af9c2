#include "load/headless_tables.h"

#include <algorithm>

#include "core/text.h"
#include "load/markdown_lines.h"

namespace firefly {

namespace {

/// The line without its indent (at most three spaces: four make it code) when it starts
/// with `|` and holds another `|`; "" otherwise.
std::string_view table_row(std::string_view line) {
  size_t indent = std::min(line.find_first_not_of(' '), line.size());
  if (indent > 3) return "";
  std::string_view row = trim(line);
  if (row.size() < 2 || row[0] != '|' || row.find('|', 1) == std::string_view::npos) return "";
  return row;
}

/// Whether a row is a header's line of dashes (`| --- | :---: |`).
bool is_dash_row(std::string_view row) {
  return row.find('-') != std::string_view::npos &&
         row.find_first_not_of("|-: \t") == std::string_view::npos;
}

/// The cells of a row: `| a | b |` has 2, `| a | b` too.
size_t cells_of(std::string_view row) {
  size_t bars = static_cast<size_t>(std::count(row.begin(), row.end(), '|'));
  return row.back() == '|' ? bars - 1 : bars;
}

/// Calls `fn(row, follows)` for each line of `body` that table_row takes, `follows` when
/// the line before it was one too, until `fn` returns true; returns whether one did. Reads
/// only the lines with a `|` (a page with a table or none is passed over without reading
/// it line by line); code is not told apart here.
template <class Fn>
bool any_bar_row(std::string_view body, Fn&& fn) {
  size_t previous_row = std::string_view::npos;  // where the last row's line starts
  return any_line_with(body, "|", [&](std::string_view line, size_t start) {
    std::string_view row = table_row(line);
    if (row.empty()) return false;
    // The line before this one is the last row's: the two are a run.
    size_t before = start >= 2 ? body.rfind('\n', start - 2) : std::string_view::npos;
    before = before == std::string_view::npos ? 0 : before + 1;
    const bool follows = start > 0 && previous_row == before;
    previous_row = start;
    return fn(row, follows);
  });
}

/// The cells of a row, its `|` written `\|` left out; 0 for a row with code.
size_t unescaped_cells(std::string_view row) {
  if (row.find('`') != std::string_view::npos) return 0;
  size_t bars = 0;
  for (size_t i = 0; i < row.size(); ++i) {
    if (row[i] == '|' && (i == 0 || row[i - 1] != '\\')) ++bars;
  }
  return row.back() == '|' && (row.size() < 2 || row[row.size() - 2] != '\\') ? bars - 1 : bars;
}

/// Reads a table's rows one after another: whether a row, given with whether it follows
/// the row before at once, has more cells than its table's header.
struct TableRows {
  size_t run = 0;      // rows in a row so far
  size_t columns = 0;  // the first row's cells
  bool table = false;  // the second row is the header's dashes, cell for cell
  bool overfull(std::string_view row, bool follows) {
    if (!follows) run = 0;
    size_t cells = cells_of(row);
    if (++run == 1) {
      columns = cells;
      table = false;
    } else if (run == 2) {
      table = is_dash_row(row) && cells == columns;
    }
    // Counted again without escaped bars only when the plain count is over.
    return run >= 3 && table && cells > columns && unescaped_cells(row) > columns;
  }
};

/// What `body` may have, read in one walk over its lines with a `|` (code not told apart
/// here): a headless table (two lines in a row that table_row takes, the second no dash
/// row), a row with more cells than its table's header.
struct TableHints {
  bool headless = false;
  bool overfull = false;
};
TableHints table_hints(std::string_view body) {
  TableHints hints;
  bool previous_starts_run = false;  // the last row is the first of its run
  TableRows rows;
  any_bar_row(body, [&](std::string_view row, bool follows) {
    if (follows && previous_starts_run && !is_dash_row(row)) hints.headless = true;
    previous_starts_run = !follows;
    if (rows.overfull(row, follows)) hints.overfull = true;
    return hints.headless && hints.overfull;
  });
  return hints;
}

std::vector<OverfullRow> overfull_rows(std::string_view body, int first_line) {
  std::vector<OverfullRow> found;
  TableRows rows;
  int previous = 0;  // the line of the last row
  each_prose_line(body, first_line, [&](std::string_view line, int number) {
    std::string_view row = table_row(line);
    if (row.empty()) return true;
    if (rows.overfull(row, previous && number == previous + 1)) {
      found.push_back({{number, char_column(line, static_cast<int>(line.find('|')) + 1)},
                       unescaped_cells(row),
                       rows.columns});
    }
    previous = number;
    return found.size() < 20;
  });
  return found;
}

std::vector<HeadlessTable> headless_tables(std::string_view body, int first_line) {
  std::vector<HeadlessTable> found;
  int run_start = 0, run_length = 0;
  bool table = false;  // the run's second line is a dash row: a table
  std::string_view first_row;
  Pos first_pos;
  auto end_run = [&] {
    if (run_length >= 2 && !table && found.size() < 20) {
      found.push_back({first_pos, cells_of(first_row)});
    }
    run_length = 0;
    table = false;
  };
  each_prose_line(body, first_line, [&](std::string_view line, int number) {
    std::string_view row = table_row(line);
    if (row.empty() || (run_length > 0 && number != run_start + run_length)) end_run();
    if (row.empty()) return true;
    if (run_length == 0) {
      run_start = number;
      first_row = row;
      first_pos = {number, char_column(line, static_cast<int>(line.find('|')) + 1)};
    } else if (run_length == 1 && is_dash_row(row)) {
      table = true;
    }
    ++run_length;
    return true;
  });
  end_run();
  return found;
}

}  // namespace

std::vector<OverfullRow> find_overfull_rows(std::string_view body, int first_line) {
  if (!table_hints(body).overfull) return {};  // most pages: no line read
  return overfull_rows(body, first_line);
}

std::vector<HeadlessTable> find_headless_tables(std::string_view body, int first_line) {
  if (!table_hints(body).headless) return {};  // most pages: no line read
  return headless_tables(body, first_line);
}

void report_headless_tables(std::string_view body, int first_line, const std::string& path,
                            Diagnostics& diags) {
  const TableHints hints = table_hints(body);  // most pages: neither, and no line read
  if (!hints.headless && !hints.overfull) return;
  const std::vector<HeadlessTable> headless =
      hints.headless ? headless_tables(body, first_line) : std::vector<HeadlessTable>();
  for (const HeadlessTable& t : headless) {
    std::string dashes = "|";
    for (size_t i = 0; i < std::max<size_t>(t.columns, 1); ++i) dashes += " --- |";
    diags.warning(path, t.pos,
                  "these lines look like a table, but no line of dashes follows the first, so "
                  "they are shown as text with their | marks",
                  "add the line " + dashes + " under the first line (the table's header)");
  }
  if (!hints.overfull) return;
  for (const OverfullRow& r : overfull_rows(body, first_line)) {
    diags.warning(
        path, r.pos,
        "this row has " + std::to_string(r.cells) + " cells but the table has " +
            std::to_string(r.columns) + " columns, so the page leaves out its last " +
            (r.cells - r.columns == 1 ? "cell" : std::to_string(r.cells - r.columns) + " cells"),
        "add the column to the table's first two lines, or remove the extra cell");
  }
}

}  // namespace firefly
