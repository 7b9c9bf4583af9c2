#include "load/markdown_limits.h"

namespace firefly {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/// The scanner's place: line and character column of the byte it is at.
struct Cursor {
  int line;
  int col = 1;
  Pos pos() const { return {line, col}; }
  void advance(char c) {
    if (c == '\n') {
      ++line;
      col = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++col;
    }
  }
};

}  // namespace

std::vector<MarkdownHazard> find_markdown_hazards(std::string_view body, int first_line) {
  std::vector<MarkdownHazard> found;
  bool images_found = false, table_found = false, www_found = false;
  int images_in_block = 0, pipes_in_line = 0, www_in_word = 0;
  bool line_blank = true;
  Cursor at{first_line};
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c == '\n') {
      if (line_blank) images_in_block = 0;  // a blank line ends the block
      line_blank = true;
      pipes_in_line = 0;
    } else if (!is_space(c)) {
      line_blank = false;
    }
    if (is_space(c)) www_in_word = 0;
    if (c == '\\' && i + 1 < body.size() && body[i + 1] != '\n') {
      at.advance(c);  // an escaped character opens nothing
      c = body[++i];
      at.advance(c);
      continue;
    }
    if (c == '!' && i + 1 < body.size() && body[i + 1] == '[' &&
        ++images_in_block > kMaxImageOpenersPerBlock && !images_found) {
      images_found = true;
      found.push_back({at.pos(),
                       "this paragraph opens more than " +
                           std::to_string(kMaxImageOpenersPerBlock) +
                           " images (`![`); Markdown would take minutes to read it",
                       "separate the images with blank lines, or write `\\![` for a literal `![`"});
    }
    if (c == '|' && ++pipes_in_line > kMaxTableColumns + 1 && !table_found) {
      table_found = true;
      found.push_back({at.pos(),
                       "this line has more than " + std::to_string(kMaxTableColumns) +
                           " table columns (`|`); Markdown would take minutes to read the table",
                       "split the table, or publish the figures as a CSV dataset"});
    }
    if ((c == 'w' || c == 'W') && body.size() - i >= 4 && (body[i + 1] | 0x20) == 'w' &&
        (body[i + 2] | 0x20) == 'w' && body[i + 3] == '.' && ++www_in_word > kMaxWwwPerWord &&
        !www_found) {
      www_found = true;
      found.push_back({at.pos(),
                       "this word has more than " + std::to_string(kMaxWwwPerWord) +
                           " `www.` addresses in it; Markdown would take minutes to read it",
                       "put a space between web addresses"});
    }
    at.advance(c);
  }
  return found;
}

}  // namespace firefly
