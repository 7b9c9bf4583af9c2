#include "core/yaml_scalar_pos.h"

#include <string>
#include <vector>

#include "core/text.h"

namespace firefly {

namespace {

constexpr size_t npos = std::string_view::npos;

/// A scalar's text as YAML reads it, with the offset in the source of each of its bytes.
struct Read {
  std::string text;
  std::vector<size_t> from;
  void put(char c, size_t at) {
    text += c;
    from.push_back(at);
  }
  void put(std::string_view s, size_t at) {
    for (char c : s) put(c, at);
  }
  /// Drops the spaces and tabs at the end (before a line break, or of a plain scalar).
  void drop_blanks() {
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
      text.pop_back();
      from.pop_back();
    }
  }
};

bool blank(char c) { return c == ' ' || c == '\t'; }

size_t line_end(std::string_view y, size_t i) {
  const size_t end = y.find('\n', i);
  return end == npos ? y.size() : end;
}

/// The spaces that begin the line starting at `start`.
size_t indent_of(std::string_view y, size_t start) {
  size_t i = start;
  while (i < y.size() && y[i] == ' ') ++i;
  return i - start;
}

/// Whether the line starting at `start` holds nothing but spaces and tabs.
bool empty_line(std::string_view y, size_t start) {
  size_t i = start;
  while (i < y.size() && blank(y[i])) ++i;
  return i == y.size() || y[i] == '\n';
}

/// Folds the line break at `i` of a flow scalar (plain or quoted): the blanks around it go,
/// and it reads as a space, or as a line break for each empty line after it. Returns where
/// the text goes on.
size_t fold(std::string_view y, size_t i, Read& r) {
  r.drop_blanks();
  const size_t line_break = i;
  size_t empty = 0;
  for (i = line_break + 1; i < y.size() && empty_line(y, i) && line_end(y, i) < y.size();
       i = line_end(y, i) + 1) {
    ++empty;
  }
  while (i < y.size() && blank(y[i])) ++i;
  if (empty == 0) r.put(' ', line_break);
  for (size_t k = 0; k < empty; ++k) r.put('\n', line_break);
  return i;
}

void put_code_point(Read& r, char32_t c, size_t at) {
  char bytes[4];
  const size_t n = encode_utf8(c, bytes);
  for (size_t k = 0; k < n; ++k) r.put(bytes[k], at);
}

/// A plain scalar from `i`, its lines after the first more indented than `parent`.
bool read_plain(std::string_view y, size_t i, size_t parent, Read& r) {
  const size_t start = i;
  while (i < y.size()) {
    const char c = y[i];
    if (c == '\n') {
      size_t next = i + 1;
      while (next < y.size() && empty_line(y, next) && line_end(y, next) < y.size()) {
        next = line_end(y, next) + 1;
      }
      if (next >= y.size() || empty_line(y, next)) break;
      const size_t indent = indent_of(y, next);
      if (indent <= parent || y[next + indent] == '#') break;
      i = fold(y, i, r);
      continue;
    }
    if (c == '#' && i > start && blank(y[i - 1])) break;  // a comment
    r.put(c, i++);
  }
  r.drop_blanks();
  return true;
}

bool read_single_quoted(std::string_view y, size_t i, Read& r) {
  for (++i; i < y.size();) {
    if (y[i] == '\'') {
      if (i + 1 < y.size() && y[i + 1] == '\'') {
        r.put('\'', i);
        i += 2;
        continue;
      }
      return true;
    }
    if (y[i] == '\n') {
      i = fold(y, i, r);
      continue;
    }
    r.put(y[i], i);
    ++i;
  }
  return false;
}

bool read_double_quoted(std::string_view y, size_t i, Read& r) {
  for (++i; i < y.size();) {
    const char c = y[i];
    if (c == '"') return true;
    if (c == '\n') {
      i = fold(y, i, r);
      continue;
    }
    if (c != '\\') {
      r.put(c, i++);
      continue;
    }
    if (i + 1 >= y.size()) return false;
    const size_t at = i;
    const char e = y[i + 1];
    i += 2;
    if (e == '\n') {  // an escaped line break: no space
      while (i < y.size() && blank(y[i])) ++i;
      continue;
    }
    static constexpr std::string_view kFrom = "0abtnvfre \"/\\\t";
    static constexpr std::string_view kTo = std::string_view("\0\a\b\t\n\v\f\r\x1B \"/\\\t", 14);
    if (size_t k = kFrom.find(e); k != npos) {
      r.put(kTo[k], at);
      continue;
    }
    char32_t code = e == 'N' ? 0x85 : e == '_' ? 0xA0 : e == 'L' ? 0x2028 : e == 'P' ? 0x2029 : 0;
    const size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
    if (!code && !digits) return false;
    for (size_t d = 0; d < digits; ++d, ++i) {
      const char h = i < y.size() ? y[i] : '\0';
      const int v = h >= '0' && h <= '9'   ? h - '0'
                    : h >= 'a' && h <= 'f' ? h - 'a' + 10
                    : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                           : -1;
      if (v < 0) return false;
      code = code * 16 + static_cast<char32_t>(v);
    }
    if (code > 0x10FFFF) return false;
    put_code_point(r, code, at);
  }
  return false;
}

/// A literal (|) or folded (>) block whose header is at `i`, under a key indented `parent`.
bool read_block(std::string_view y, size_t i, size_t parent, Read& r) {
  const bool folded = y[i] == '>';
  size_t indent = 0;  // 0: that of its first line of text
  for (++i; i < y.size() && y[i] != '\n' && !blank(y[i]); ++i) {
    if (y[i] >= '1' && y[i] <= '9') {
      indent = parent + static_cast<size_t>(y[i] - '0');
    } else if (y[i] != '+' && y[i] != '-') {
      return false;
    }
  }
  size_t empty = 0;  // empty lines before this one
  bool first = true, more_before = false;
  for (size_t start = line_end(y, i) + 1; start < y.size(); start = line_end(y, start) + 1) {
    if (empty_line(y, start)) {
      ++empty;
      continue;
    }
    const size_t spaces = indent_of(y, start);
    if (indent == 0) indent = spaces;
    if (spaces < indent || indent <= parent) break;
    const size_t text = start + indent, end = line_end(y, start);
    // Folded, a line break between two lines of text that are not more indented is a space;
    // an empty line between them, a line break.
    const bool more = blank(y[text]);
    const bool joined = folded && !more && !more_before;
    if (!first && joined && empty == 0) r.put(' ', start - 1);
    const size_t breaks = first || joined ? empty : empty + 1;
    for (size_t k = 0; k < breaks; ++k) r.put('\n', start - 1);
    for (size_t k = text; k < end; ++k) r.put(y[k], k);
    first = false;
    more_before = more;
    empty = 0;
  }
  return !first;
}

/// `s` without the line breaks at its end (which a block's chomping decides).
std::string_view without_final_breaks(std::string_view s) {
  while (!s.empty() && s.back() == '\n') s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<Pos> yaml_scalar_char_pos(std::string_view yaml, int line_offset, Pos at,
                                        std::string_view value, size_t offset) {
  if (offset >= value.size() || at.line <= line_offset || at.col < 1) return std::nullopt;
  // The start of the scalar's line, and of the scalar.
  size_t line_start = 0;
  for (int l = line_offset + 1; l < at.line; ++l) {
    line_start = yaml.find('\n', line_start);
    if (line_start == npos) return std::nullopt;
    ++line_start;
  }
  const std::string_view line = yaml.substr(line_start, line_end(yaml, line_start) - line_start);
  const size_t start = line_start + utf8_prefix(line, at.col - 1).size();
  if (start >= yaml.size() || utf8_prefix(line, at.col - 1).size() >= line.size()) {
    return std::nullopt;
  }
  const size_t parent = indent_of(yaml, line_start);
  Read r;
  bool read = false;
  switch (yaml[start]) {
    case '\'':
      read = read_single_quoted(yaml, start, r);
      break;
    case '"':
      read = read_double_quoted(yaml, start, r);
      break;
    case '|':
    case '>':
      read = read_block(yaml, start, parent, r);
      break;
    default:
      read = read_plain(yaml, start, parent, r);
  }
  if (!read || without_final_breaks(r.text) != without_final_breaks(value) ||
      offset >= r.from.size()) {
    return std::nullopt;
  }
  // The line and column of the source byte the value's byte comes from.
  const size_t source = r.from[offset];
  int line_number = at.line;
  size_t from = line_start;
  for (size_t nl = yaml.find('\n', from); nl != npos && nl < source; nl = yaml.find('\n', from)) {
    ++line_number;
    from = nl + 1;
  }
  return Pos{line_number, char_column(yaml.substr(from), static_cast<int>(source - from) + 1)};
}

}  // namespace firefly
