// The lines of a page's Markdown that are prose: those outside its fenced code blocks, for
// the checks that look at a page's text line by line for what Markdown will not read as
// meant (load/wide_typing.h, load/links_as_text.h, load/headless_tables.h,
// load/heading_marks.h). A block of code is shown as written.
#pragma once

#include <algorithm>
#include <string_view>

namespace firefly {

/// Calls `fn(line, line_number)` for each line of Markdown `body` (its first line is line
/// `first_line`) outside a block fenced by ``` or ~~~ (the fences left out too), until `fn`
/// returns false.
template <class Fn>
void each_prose_line(std::string_view body, int first_line, Fn&& fn) {
  bool in_code = false;
  int number = first_line;
  for (size_t at = 0; at < body.size(); ++number) {
    size_t end = body.find('\n', at);
    if (end == std::string_view::npos) end = body.size();
    const std::string_view line = body.substr(at, end - at);
    at = end + 1;
    std::string_view code = line.substr(std::min(line.find_first_not_of(' '), line.size()));
    if (code.substr(0, 3) == "```" || code.substr(0, 3) == "~~~") {
      in_code = !in_code;  // a fence opens or closes a block of code
      continue;
    }
    if (!in_code && !fn(line, number)) return;
  }
}

/// Calls `fn(line, start)` for each line of `body` that holds `needle` (`start`: where the
/// line begins in `body`), in order, until `fn` returns true; returns whether it did. The
/// lines are found by their needle, so a body without it is not read line by line (code
/// is not told apart: a check's quick look before each_prose_line).
template <class Fn>
bool any_line_with(std::string_view body, std::string_view needle, Fn&& fn) {
  for (size_t at = body.find(needle); at != std::string_view::npos;) {
    size_t start = body.rfind('\n', at);
    start = start == std::string_view::npos ? 0 : start + 1;
    size_t end = std::min(body.find('\n', at), body.size());
    if (fn(body.substr(start, end - start), start)) return true;
    at = end == body.size() ? std::string_view::npos : body.find(needle, end + 1);
  }
  return false;
}

}  // namespace firefly
