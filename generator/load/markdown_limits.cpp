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
  return c == '\n' || c == '\\' || c == '!' || c == '|' || c == '<' || c == 'w' || c == 'W';
}

#if defined(__SSE2__)
/// The bytes of the 16 at `p` that `interesting` accepts, one bit each (bit k for byte k).
unsigned interesting_mask(const char* p) {
  __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  __m128i hit = _mm_or_si128(
      _mm_or_si128(_mm_cmpeq_epi8(c, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(c, _mm_set1_epi8('\\'))),
      _mm_or_si128(_mm_cmpeq_epi8(c, _mm_set1_epi8('!')), _mm_cmpeq_epi8(c, _mm_set1_epi8('|'))));
  hit = _mm_or_si128(hit, _mm_cmpeq_epi8(c, _mm_set1_epi8('<')));
  // 'w' and 'W' differ in the 0x20 bit only, and no other byte is either with it set.
  hit = _mm_or_si128(hit, _mm_cmpeq_epi8(_mm_or_si128(c, _mm_set1_epi8(0x20)), _mm_set1_epi8('w')));
  return static_cast<unsigned>(_mm_movemask_epi8(hit));
}
#endif

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

}  // namespace

std::vector<MarkdownHazard> find_markdown_hazards(std::string_view body, int first_line) {
  static constexpr auto kInteresting = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 256; ++c) t[c] = interesting(static_cast<unsigned char>(c));
    return t;
  }();
  std::vector<MarkdownHazard> found;
  bool images_found = false, table_found = false, www_found = false, html_found = false;
  int images_in_block = 0, html_in_block = 0, pipes_in_line = 0, www_in_word = 0;
  size_t last_www = 0;  // where the last `www.` ended (each is looked back from only once)
  int line = first_line;
  size_t line_start = 0;
  // The character column of byte i, on the line that starts at byte line_start.
  auto pos = [&](size_t i) {
    return Pos{line, char_column(body.substr(line_start, i - line_start),
                                 static_cast<int>(i - line_start) + 1)};
  };
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
      if (images_in_block || html_in_block) {  // a blank line ends the block
        bool blank = true;
        for (size_t k = line_start; k < i && blank; ++k) blank = is_space(body[k]);
        if (blank) images_in_block = html_in_block = 0;
      }
      pipes_in_line = 0;
      ++line;
      line_start = i + 1;
      continue;
    }
    if (c == '\\' && i + 1 < body.size() && body[i + 1] != '\n') {
      ++i;  // an escaped character opens nothing
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
         "this line has an invisible control character (" + code_point_name(c.code) + ")",
         "remove it: pages and feeds cannot show it (it often comes with text "
         "pasted from another program)"});
    size_t end = body.find('\n', at);
    from = end == std::string_view::npos ? body.size() : end + 1;
    ++line;
  }
  return found;
}

}  // namespace firefly
