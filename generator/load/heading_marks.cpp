#include "load/heading_marks.h"

#include "core/text.h"
#include "load/markdown_lines.h"

namespace firefly {

namespace {

/// How many `#` start `line` (after at most three spaces) when text follows them at once,
/// else 0.
size_t unspaced_marks(std::string_view line) {
  size_t indent = std::min(line.find_first_not_of(' '), line.size());
  if (indent > 3) return 0;
  size_t marks = 0;
  while (indent + marks < line.size() && line[indent + marks] == '#') ++marks;
  if (marks < 2 || marks > 6 || indent + marks == line.size()) return 0;
  char next = line[indent + marks];
  return next == ' ' || next == '\t' || next == '\r' ? 0 : marks;
}

/// Whether a line of `body` may start with `##` and text (code not told apart here).
bool may_have_unspaced_heading(std::string_view body) {
  return any_line_with(body, "##",
                       [](std::string_view line, size_t) { return unspaced_marks(line) != 0; });
}

}  // namespace

std::vector<UnspacedHeading> find_unspaced_headings(std::string_view body, int first_line) {
  std::vector<UnspacedHeading> found;
  if (!may_have_unspaced_heading(body)) return found;
  each_prose_line(body, first_line, [&](std::string_view line, int number) {
    if (size_t marks = unspaced_marks(line)) {
      size_t at = line.find('#');
      std::string_view written = trim(line);
      found.push_back(
          {{number, char_column(line, static_cast<int>(at) + 1)},
           std::string(written),
           std::string(written.substr(0, marks)) + " " + std::string(written.substr(marks))});
    }
    return found.size() < 20;
  });
  return found;
}

void report_unspaced_headings(std::string_view body, int first_line, const std::string& path,
                              Diagnostics& diags) {
  for (const UnspacedHeading& h : find_unspaced_headings(body, first_line)) {
    diags.warning(path, h.pos,
                  "this line has no space after its # marks, so the page shows it as text, not "
                  "as a heading",
                  "write it as " + h.meant);
  }
}

}  // namespace firefly
