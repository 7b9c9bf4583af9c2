#include "load/markdown_limits.h"

#include <algorithm>
#include <array>

#include "core/text.h"
#include "core/yaml_scan.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace firefly {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/// The bytes the scan stops at; everything else is passed over. Spaces are not among them
/// (they are a sixth of English text): a `www.` looks back for one since the last `www.`.
constexpr bool interesting(unsigned char c) {
  return c == '\n' || c == '\\' || c == '!' || c == '|' || c == '<' || c == 'w' || c == 'W' ||
         c == '*' || c == '_' || c == '~' || c == ']';
}

#if defined(__SSE2__)
/// The bytes of the 16 at `p` that `interesting` accepts, one bit each (bit k for byte k).
unsigned interesting_mask(const char* p) {
  __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  __m128i hit = _mm_or_si128(
      _mm_or_si128(_mm_cmpeq_epi8(c, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(c, _mm_set1_epi8('\\'))),
      _mm_or_si128(_mm_cmpeq_epi8(c, _mm_set1_epi8('!')), _mm_cmpeq_epi8(c, _mm_set1_epi8('|'))));
  hit = _mm_or_si128(hit, _mm_cmpeq_epi8(c, _mm_set1_epi8('<')));
  hit = _mm_or_si128(hit, _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(c, _mm_set1_epi8('*')),
                                                    _mm_cmpeq_epi8(c, _mm_set1_epi8('_'))),
                                       _mm_or_si128(_mm_cmpeq_epi8(c, _mm_set1_epi8('~')),
                                                    _mm_cmpeq_epi8(c, _mm_set1_epi8(']')))));
  // 'w' and 'W' differ in the 0x20 bit only, and no other byte is either with it set.
  hit = _mm_or_si128(hit, _mm_cmpeq_epi8(_mm_or_si128(c, _mm_set1_epi8(0x20)), _mm_set1_epi8('w')));
  return static_cast<unsigned>(_mm_movemask_epi8(hit));
}
#endif

/// Whether `c` is a Markdown mark that kMaxMarksPerPage counts.
constexpr bool is_mark(unsigned char c) {
  return c == '\n' || c == '*' || c == '_' || c == '~' || c == '-' || c == '+' || c == '[' ||
         c == '!' || c == '`' || c == '<' || c == '&' || c == '\\';
}

/// Whether body[from, to) has a space, tab or line break: a word ends in it.
bool has_space(std::string_view body, size_t from, size_t to) {
  for (size_t k = from; k < to; ++k) {
    if (is_space(body[k])) return true;
  }
  return false;
}

/// Whether body[i] == '<' opens raw HTML that cmark-gfm 0.29 looks for the end of up to the
/// end of the paragraph when it is not closed: `<?` (to `?>`), `<![CDATA[` (to `]]>`) and
/// `<!X` (a declaration, to `>`); not a comment (`<!--`), which ends at its next `--`.
bool html_opener(std::string_view body, size_t i) {
  if (i + 1 >= body.size()) return false;
  return body[i + 1] == '?' || (body[i + 1] == '!' && body.substr(i + 2, 2) != "--");
}

/// What the line starting at body[s] does to the paragraph the lines before it make, as far
/// as its links and emphasis marks go (cmark-gfm reads each paragraph, list item, heading
/// and table cell's text on its own).
enum class LineKind {
  kText,            ///< goes on with the paragraph (a `>` quote's line too)
  kNewBlock,        ///< a list item or a heading: a paragraph of its own
  kFence,           ///< opens or closes a code fence (``` or ~~~)
  kTableDelimiter,  ///< a table's delimiter row (`|---|:--|`): the lines after it are rows
};

LineKind line_kind(std::string_view body, size_t s) {
  size_t k = s;
  while (k < body.size() && (body[k] == ' ' || body[k] == '\t' || body[k] == '>')) ++k;
  if (k >= body.size()) return LineKind::kText;
  std::string_view rest = body.substr(k, 3);
  if (rest == "```" || rest == "~~~") return LineKind::kFence;
  auto spaced = [&](size_t at) {
    return at >= body.size() || body[at] == ' ' || body[at] == '\t' || body[at] == '\n' ||
           body[at] == '\r';
  };
  const char c = body[k];
  if (c == '#' || ((c == '-' || c == '*' || c == '+') && spaced(k + 1))) return LineKind::kNewBlock;
  if (c >= '0' && c <= '9') {
    size_t d = k;
    while (d < body.size() && d - k < 9 && body[d] >= '0' && body[d] <= '9') ++d;
    if (d < body.size() && (body[d] == '.' || body[d] == ')') && spaced(d + 1)) {
      return LineKind::kNewBlock;
    }
    return LineKind::kText;
  }
  if (c != '|' && c != '-' && c != ':') return LineKind::kText;
  bool pipe = false, dash = false;
  for (; k < body.size() && body[k] != '\n'; ++k) {
    const char b = body[k];
    if (b == '|')
      pipe = true;
    else if (b == '-')
      dash = true;
    else if (b != ':' && b != ' ' && b != '\t' && b != '\r')
      return LineKind::kText;
  }
  return pipe && dash ? LineKind::kTableDelimiter : LineKind::kText;
}

/// The cells of the table delimiter row starting at body[s] (`|---|:--|` has 2): its `|`,
/// less one at either end, plus one.
int delimiter_cells(std::string_view body, size_t s) {
  size_t end = body.find('\n', s);
  std::string_view row = body.substr(s, end == std::string_view::npos ? body.size() - s : end - s);
  size_t first = row.find_first_not_of(" \t>");
  size_t last = row.find_last_not_of(" \t\r");
  if (first == std::string_view::npos) return 0;
  row = row.substr(first, last - first + 1);
  int cells = static_cast<int>(std::count(row.begin(), row.end(), '|')) + 1;
  if (row.front() == '|') --cells;
  if (row.size() > 1 && row.back() == '|') --cells;
  return std::max(cells, 1);
}

/// Whether the line starting at body[s] has only spaces, tabs and `>`.
bool blank_line(std::string_view body, size_t s) {
  for (size_t k = s; k < body.size() && body[k] != '\n'; ++k) {
    if (body[k] != ' ' && body[k] != '\t' && body[k] != '\r' && body[k] != '>') return false;
  }
  return true;
}

/// Where in `body` its kMaxMarksPerPage + 1st mark is, or npos. The lines of a fenced code
/// block count none: cmark-gfm keeps the block's text as one node (a pasted log or JSON).
size_t past_marks_limit(std::string_view body) {
  // A mark is a byte: a page of fewer bytes (every page but a few) has fewer marks, and
  // only such a page is read here, a line at a time.
  if (body.size() <= static_cast<size_t>(kMaxMarksPerPage)) return std::string_view::npos;
  static constexpr auto kMark = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 256; ++c) t[c] = is_mark(static_cast<unsigned char>(c));
    return t;
  }();
  long long marks = 0;
  bool in_fence = false;
  for (size_t start = 0; start < body.size();) {
    size_t end = body.find('\n', start);
    end = end == std::string_view::npos ? body.size() : end + 1;  // with its line break
    const bool fence = line_kind(body, start) == LineKind::kFence;
    if (fence) in_fence = !in_fence;
    if (!in_fence || fence) {
      for (size_t i = start; i < end; ++i) {
        if (kMark[static_cast<unsigned char>(body[i])] && ++marks > kMaxMarksPerPage) return i;
      }
    }
    start = end;
  }
  return std::string_view::npos;
}

}  // namespace

std::vector<MarkdownHazard> find_markdown_hazards(std::string_view body, int first_line) {
  static constexpr auto kInteresting = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 256; ++c) t[c] = interesting(static_cast<unsigned char>(c));
    return t;
  }();
  std::vector<MarkdownHazard> found;
  if (size_t at = past_marks_limit(body); at != std::string_view::npos) {
    // The rest is not looked at: the page is refused whatever else it holds.
    Pos p = pos_of_offset(body, at);
    found.push_back({{p.line + first_line - 1, p.col},
                     "this page has more than " + std::to_string(kMaxMarksPerPage) +
                         " Markdown marks (line breaks, list and emphasis marks, links, code, "
                         "entities); Markdown takes up to 1 KB of memory for each while it "
                         "reads them",
                     "split it into several pages"});
    return found;
  }
  bool images_found = false, table_found = false, www_found = false, html_found = false,
       links_found = false;
  int images_in_block = 0, html_in_block = 0, pipes_in_line = 0, www_in_word = 0;
  size_t last_www = 0;  // where the last `www.` ended (each is looked back from only once)
  int line = first_line;
  size_t line_start = 0;
  // The character column of byte i, on the line that starts at byte line_start.
  auto pos = [&](size_t i) {
    return Pos{line, char_column(body.substr(line_start, i - line_start),
                                 static_cast<int>(i - line_start) + 1)};
  };
  // Inline links and emphasis marks of the paragraph (or table row) being read, outside
  // code fences.
  long long links_in_block = 0, marks_in_block = 0;
  bool in_fence = false, in_table = false;
  // The table cells of the page so far (each row as many as its table's columns), counted
  // before cmark-gfm builds the tables, which takes about 1 KB a cell.
  long long table_cells = 0;
  int table_columns = 0;
  bool cells_found = false;
  auto count_cells = [&](size_t s, long long cells) {
    if ((table_cells += cells) <= kMaxTableCells || cells_found) return;
    cells_found = true;
    size_t k = s;
    while (k < body.size() && (body[k] == ' ' || body[k] == '\t' || body[k] == '>')) ++k;
    found.push_back(
        {pos(k),
         "this page has more than " + std::to_string(kMaxTableCells) +
             " table cells; Markdown takes about 1 KB of memory for each while it reads them",
         "put a large table in a dataset (data/*.csv, see docs/open-data.md) and "
         "show it with a ```table embed, or split the table across pages"});
  };
  auto start_line = [&](size_t s) {
    switch (line_kind(body, s)) {
      case LineKind::kFence:
        in_fence = !in_fence;
        links_in_block = marks_in_block = 0;
        break;
      case LineKind::kTableDelimiter:
        in_table = !in_fence;
        links_in_block = marks_in_block = 0;
        if (in_table) {
          table_columns = delimiter_cells(body, s);
          count_cells(s, table_columns);  // the header row's
        }
        break;
      case LineKind::kNewBlock:
        links_in_block = marks_in_block = 0;
        break;
      case LineKind::kText:
        if (in_table) links_in_block = marks_in_block = 0;  // each row's cells on their own
        if (in_table && !blank_line(body, s)) count_cells(s, table_columns);
        break;
    }
  };
  auto count_link_or_mark = [&](size_t i, long long& count) {
    if (in_fence) return;
    if (++count * (&count == &links_in_block ? marks_in_block : links_in_block) <=
            kMaxLinksTimesEmphasisPerBlock ||
        links_found) {
      return;
    }
    links_found = true;
    found.push_back({pos(i),
                     "this paragraph has " + std::to_string(links_in_block) +
                         " links (`](`) among " + std::to_string(marks_in_block) +
                         " emphasis marks (`*`, `_`, `~`); Markdown would take minutes to read it",
                     "split it into shorter paragraphs with blank lines"});
  };
  start_line(0);
  for (size_t i = 0; i < body.size(); ++i) {
#if defined(__SSE2__)
    // Sixteen bytes at a time up to the next interesting one (most bytes are not).
    while (i + 16 <= body.size()) {
      if (unsigned mask = interesting_mask(body.data() + i)) {
        i += static_cast<size_t>(__builtin_ctz(mask));
        break;
      }
      i += 16;
    }
    if (i == body.size()) break;
#endif
    char c = body[i];
    if (!kInteresting[static_cast<unsigned char>(c)]) continue;
    if (c == '\n') {
      if (images_in_block || html_in_block || links_in_block || marks_in_block || in_table) {
        bool blank = true;  // a blank line ends the block (in a quote, a line of `>`)
        for (size_t k = line_start; k < i && blank; ++k)
          blank = is_space(body[k]) || body[k] == '>';
        if (blank) {
          images_in_block = html_in_block = 0;
          links_in_block = marks_in_block = 0;
          in_table = false;
        }
      }
      pipes_in_line = 0;
      ++line;
      line_start = i + 1;
      start_line(line_start);
      continue;
    }
    if (c == '\\' && i + 1 < body.size() && body[i + 1] != '\n') {
      ++i;  // an escaped character opens nothing
      continue;
    }
    if (c == '*' || c == '_' || c == '~') {
      while (i + 1 < body.size() && body[i + 1] == c) ++i;  // a run is one mark
      count_link_or_mark(i, marks_in_block);
      continue;
    }
    if (c == ']') {
      if (i + 1 < body.size() && body[i + 1] == '(') count_link_or_mark(i, links_in_block);
      continue;
    }
    if (c == '!' && i + 1 < body.size() && body[i + 1] == '[' &&
        ++images_in_block > kMaxImageOpenersPerBlock && !images_found) {
      images_found = true;
      found.push_back({pos(i),
                       "this paragraph opens more than " +
                           std::to_string(kMaxImageOpenersPerBlock) +
                           " images (`![`); Markdown would take minutes to read it",
                       "separate the images with blank lines, or write `\\![` for a literal `![`"});
    }
    if (c == '<' && html_opener(body, i) && ++html_in_block > kMaxHtmlOpenersPerBlock &&
        !html_found) {
      html_found = true;
      found.push_back({pos(i),
                       "this paragraph opens more than " + std::to_string(kMaxHtmlOpenersPerBlock) +
                           " raw HTML instructions or declarations (`<?`, `<!`); Markdown would "
                           "take minutes to read it",
                       "write `\\<` for a literal `<`, or separate the lines with blank lines"});
    }
    if (c == '|' && ++pipes_in_line > kMaxTableColumns + 1 && !table_found) {
      table_found = true;
      found.push_back({pos(i),
                       "this line has more than " + std::to_string(kMaxTableColumns) +
                           " table columns (`|`); Markdown would take minutes to read the table",
                       "split the table, or publish the figures as a CSV dataset"});
    }
    if ((c == 'w' || c == 'W') && body.size() - i >= 4 && (body[i + 1] | 0x20) == 'w' &&
        (body[i + 2] | 0x20) == 'w' && body[i + 3] == '.') {
      if (www_in_word > 0 && has_space(body, last_www, i)) www_in_word = 0;
      last_www = i + 4;
      if (++www_in_word > kMaxWwwPerWord && !www_found) {
        www_found = true;
        found.push_back({pos(i),
                         "this word has more than " + std::to_string(kMaxWwwPerWord) +
                             " `www.` addresses in it; Markdown would take minutes to read it",
                         "put a space between web addresses"});
      }
    }
  }
  return found;
}

std::vector<MarkdownHazard> find_control_characters(std::string_view body, int first_line) {
  std::vector<MarkdownHazard> found;
  int line = first_line;
  for (size_t from = 0; from < body.size();) {  // `from` starts line `line`
    ControlChar c = find_control_char(body.substr(from));
    if (c.offset == std::string_view::npos) break;
    size_t at = from + c.offset;
    size_t start = body.rfind('\n', at);
    start = start == std::string_view::npos ? 0 : start + 1;
    line += static_cast<int>(std::count(body.begin() + from, body.begin() + start, '\n'));
    found.push_back(
        {{line, pos_of_offset(body.substr(start), at - start).col},
         "this line has an invisible control character (" + control_char_name(c.code) + ")",
         "remove it: pages and feeds cannot show it (it often comes with text "
         "pasted from another program)"});
    size_t end = body.find('\n', at);
    from = end == std::string_view::npos ? body.size() : end + 1;
    ++line;
  }
  return found;
}

}  // namespace firefly
