#include "render/search_tokens.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/locale.h"
#include "core/text.h"

namespace firefly {

namespace {

/// What an element is to the reader of a page's text.
enum class HtmlElement : uint8_t {
  kInline,   ///< its text goes on in the block around it
  kBlock,    ///< starts a new block: p, li, td, th, dt, dd, br, tr, ul, ol, hr, pre, div,
             ///< table, caption, blockquote, figcaption
  kHeading,  ///< h1-h6: starts a new block, a heading
  kSkipped,  ///< script, style, svg, template: no text a reader reads
  kImage,    ///< img: its alt text is a block
};

/// The element named `name` (in lower case), by its length first: every tag of every
/// page is looked up here.
HtmlElement html_element(std::string_view name) {
  using enum HtmlElement;
  switch (name.size()) {
    case 1:
      return name[0] == 'p' ? kBlock : kInline;
    case 2:
      switch ((static_cast<unsigned char>(name[0]) << 8) | static_cast<unsigned char>(name[1])) {
        case ('l' << 8) | 'i':
        case ('t' << 8) | 'd':
        case ('t' << 8) | 'h':
        case ('d' << 8) | 't':
        case ('d' << 8) | 'd':
        case ('b' << 8) | 'r':
        case ('t' << 8) | 'r':
        case ('u' << 8) | 'l':
        case ('o' << 8) | 'l':
        case ('h' << 8) | 'r':
          return kBlock;
        default:
          return name[0] == 'h' && name[1] >= '1' && name[1] <= '6' ? kHeading : kInline;
      }
    case 3:
      if (name == "pre" || name == "div") return kBlock;
      if (name == "img") return kImage;
      return name == "svg" ? kSkipped : kInline;
    case 5:
      if (name == "table") return kBlock;
      return name == "style" ? kSkipped : kInline;
    case 6:
      return name == "script" ? kSkipped : kInline;
    case 7:
      return name == "caption" ? kBlock : kInline;
    case 8:
      return name == "template" ? kSkipped : kInline;
    case 10:
      return name == "blockquote" || name == "figcaption" ? kBlock : kInline;
    default:
      return kInline;
  }
}

/// Writes the UTF-8 of code point `c` to `out` (room for 4 bytes); returns its length (0,
/// nothing written, for invalid ones).
size_t utf8_of(unsigned long c, char* out) {
  if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
  return encode_utf8(static_cast<char32_t>(c), out);
}

/// Decodes the entity at html[i] == '&' to `out` (room for 4 bytes: never more than the
/// entity's own length), its length to `*size`; returns the bytes it took (0 when not one).
/// Its ';' is looked for in the 10 bytes after the '&' only: a text of a million '&'
/// (raw HTML) is read once, not once for each.
size_t decode_entity(std::string_view html, size_t i, char* out, size_t* size) {
  size_t semi = html.substr(i, 11).find(';');
  if (semi == std::string_view::npos) return 0;
  semi += i;
  std::string_view name = html.substr(i + 1, semi - i - 1);
  if (!name.empty() && name[0] == '#') {
    bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    std::string digits(name.substr(hex ? 2 : 1));
    if (digits.empty()) return 0;
    char* end = nullptr;
    unsigned long c = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
    if (*end) return 0;
    *size = utf8_of(c, out);
    return semi - i + 1;
  }
  static constexpr std::pair<std::string_view, char> kNamed[] = {
      {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"nbsp", ' '}};
  for (const auto& [n, c] : kNamed) {
    if (name == n) {
      out[0] = c;
      *size = 1;
      return semi - i + 1;
    }
  }
  return 0;
}

/// The decoded value of the double-quoted attribute `name` of a tag ("" when absent).
std::string attribute_text(std::string_view tag, std::string_view name) {
  std::string text;
  for (size_t at = tag.find(name); at != std::string_view::npos; at = tag.find(name, at + 1)) {
    size_t eq = at + name.size();
    bool starts = at > 0 && (tag[at - 1] == ' ' || tag[at - 1] == '\n' || tag[at - 1] == '\t');
    if (!starts || tag.substr(eq, 2) != "=\"") continue;
    size_t close = tag.find('"', eq + 2);
    if (close == std::string_view::npos) return "";
    for (size_t i = eq + 2; i < close;) {
      char decoded[4];
      size_t size = 0;
      size_t used = tag[i] == '&' ? decode_entity(tag, i, decoded, &size) : 0;
      if (used) {
        text.append(decoded, size);
        i += used;
      } else {
        text += tag[i++];
      }
    }
    return text;
  }
  return text;
}

/// What trim() removes: ASCII spaces, tabs and line breaks.
bool html_block_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/// A letter or digit of a tag's name (ASCII only, as isalnum in the "C" locale).
bool html_name_char(char c) {
  auto u = static_cast<unsigned char>(c);
  return static_cast<unsigned char>((u | 0x20) - 'a') < 26 ||
         static_cast<unsigned char>(u - '0') < 10;
}

/// The first byte of [p, end) that is `c` (`end` when none): the first sixteen bytes at
/// once (most tags are shorter), memchr after.
const char* find_in_tag(const char* p, const char* end, char c) {
#if defined(__SSE2__)
  if (end - p >= 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    auto hits = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(c))));
    if (hits) return p + std::countr_zero(hits);
    p += 16;
  }
#endif
  const void* found = std::memchr(p, c, static_cast<size_t>(end - p));
  return found ? static_cast<const char*>(found) : end;
}

/// True for the three bytes at `s`, a character of Chinese or Japanese written without
/// spaces: CJK punctuation, kana, Han ideographs, full-width forms (not Hangul: Korean puts
/// spaces between its words).
bool wide_cjk_at(const char* s) {
  auto b = [&](int k) { return static_cast<uint32_t>(static_cast<unsigned char>(s[k])); };
  if ((b(0) & 0xF0) != 0xE0 || (b(1) & 0xC0) != 0x80 || (b(2) & 0xC0) != 0x80) return false;
  uint32_t c = ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
  return (c >= 0x2E80 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFF01 && c <= 0xFF60);
}

/// At a line break `p` in the text being copied, whose block's text so far is [start, o):
/// where the break (with the spaces around it) is between two CJK characters (wide_cjk_at),
/// it is no space, as a browser shows it (CSS Text: a segment break between two such
/// characters is taken out), so that 志工 broken across two lines of a paragraph is found as
/// 志工. Then takes the spaces before it off `o` and returns the end of the spaces after it;
/// else returns nullptr.
const char* join_cjk_line(const char* start, char*& o, const char* p, const char* end) {
  char* before = o;
  while (before != start && before[-1] == ' ') --before;
  if (before - start < 3 || !wide_cjk_at(before - 3)) return nullptr;
  const char* after = p;
  while (after != end && (*after == '\n' || *after == '\r' || *after == ' ' || *after == '\t')) {
    ++after;
  }
  if (end - after < 3 || !wide_cjk_at(after)) return nullptr;
  o = before;
  return after;
}

/// Copies the text of [p, end) up to its first '<' or '&' to `out`, each line break and
/// tab as a space (a line break between two CJK characters as nothing: join_cjk_line; the
/// block's text starts at `start`); returns where it stopped and advances `out` past what
/// it wrote. Sixteen bytes are read and written at a time up to the first byte that is '<',
/// '&' or below 0x0E: `out` must have room for `end - p` bytes (it writes at most what it
/// reads).
const char* copy_html_text(const char* start, const char* p, const char* end, char*& out) {
  char* o = out;
#if defined(__SSE2__)
  const __m128i lt = _mm_set1_epi8('<'), amp = _mm_set1_epi8('&'), control = _mm_set1_epi8(0x0D);
  while (end - p >= 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(o), v);
    __m128i marks = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, lt), _mm_cmpeq_epi8(v, amp)),
                                 _mm_cmpeq_epi8(_mm_min_epu8(v, control), v));
    auto mask = static_cast<unsigned>(_mm_movemask_epi8(marks));
    if (!mask) {
      p += 16;
      o += 16;
      continue;
    }
    int k = std::countr_zero(mask);
    p += k;
    o += k;
    char c = *p;
    if (c == '<' || c == '&') {
      out = o;
      return p;
    }
    if (c == '\n') {
      if (const char* after = join_cjk_line(start, o, p, end)) {
        p = after;
        continue;
      }
    }
    *o++ = c == '\n' || c == '\t' || c == '\r' ? ' ' : c;
    ++p;
  }
#endif
  while (p != end) {
    char c = *p;
    if (c == '<' || c == '&') break;
    if (c == '\n') {
      if (const char* after = join_cjk_line(start, o, p, end)) {
        p = after;
        continue;
      }
    }
    *o++ = c == '\n' || c == '\t' || c == '\r' ? ' ' : c;
    ++p;
  }
  out = o;
  return p;
}

}  // namespace

namespace detail {

/// The reading of one page's HTML into blocks. The text of the block being read is
/// gathered in the page's room for it (kept from page to page, the size of the largest
/// page: text is never longer than its HTML), then added, trimmed, to the page's text.
class HtmlBlockReader {
 public:
  HtmlBlockReader(std::string_view html, PageText& page) : html_(html), page_(page) {
    if (page.gather_size_ < html.size()) {
      page.gather_size_ = std::max(html.size(), 2 * page.gather_size_);
      page.gather_ = std::make_unique_for_overwrite<char[]>(page.gather_size_);
    }
    buffer_ = page.gather_.get();
    text_end_ = buffer_;
  }

  void read() {
    const char* data = html_.data();
    const char* end = data + html_.size();
    for (const char* p = data; p != end;) {
      char c = *p;
      if (c == '<') {
        const char* close = find_in_tag(p + 1, end, '>');
        if (close == end) break;
        tag(std::string_view(p + 1, static_cast<size_t>(close - p - 1)));
        p = close + 1;
      } else if (skipping_ || !picture_.empty()) {
        const void* lt = std::memchr(p, '<', static_cast<size_t>(end - p));
        p = lt ? static_cast<const char*>(lt) : end;
      } else if (c == '&') {
        size_t size = 0;
        size_t used = decode_entity(html_, static_cast<size_t>(p - data), text_end_, &size);
        if (used) {
          text_end_ += size;
          p += used;
        } else {
          *text_end_++ = '&';
          ++p;
        }
      } else if (text_end_ == buffer_ && html_block_space(c)) {
        ++p;  // spaces at a block's start: trimmed from it
      } else {
        p = copy_html_text(buffer_, p, end, text_end_);
      }
    }
    flush();
  }

 private:
  /// Ends the block being read: kept when anything but spaces is in it.
  void flush() {
    if (text_end_ != buffer_) {
      page_.add(std::string_view(buffer_, static_cast<size_t>(text_end_ - buffer_)), heading_);
      text_end_ = buffer_;
    }
    heading_ = false;
  }

  /// A tag, without its angle brackets.
  void tag(std::string_view tag) {
    if (tag.empty() || tag[0] == '!' || tag[0] == '?') return;
    bool end = tag[0] == '/';
    if (end) tag.remove_prefix(1);
    // The name in lower case: on the stack (every tag of every page is read here). Its
    // letters and digits are lower case with the 0x20 bit set.
    char short_name[16];
    size_t name_end = 0;
    for (; name_end < tag.size() && html_name_char(tag[name_end]); ++name_end) {
      if (name_end < sizeof short_name) short_name[name_end] = tag[name_end] | 0x20;
    }
    std::string long_name;
    std::string_view name;
    if (name_end <= sizeof short_name) {
      name = std::string_view(short_name, name_end);
    } else {
      long_name = ascii_lower(tag.substr(0, name_end));
      name = long_name;
    }
    bool self_closing = !tag.empty() && tag.back() == '/';
    HtmlElement element = html_element(name);
    if (element == HtmlElement::kSkipped) {
      if (end) {
        if (skipping_ > 0) --skipping_;
      } else if (!self_closing) {
        ++skipping_;
      }
      return;
    }
    if (!picture_.empty()) {  // inside a role="img" element: its text is drawn, not read
      if (name == picture_) picture_depth_ += end ? -1 : (self_closing ? 0 : 1);
      if (picture_depth_ == 0) picture_.clear();
      return;
    }
    if (skipping_) return;
    // The attributes (none in most tags; a name holds neither '=' nor '-').
    std::string_view attributes = tag.substr(name_end);
    if (!end && !self_closing && !attributes.empty() &&
        (attributes.find("role=\"img\"") != std::string_view::npos ||
         attributes.find("data-search-ignore") != std::string_view::npos)) {
      picture_ = name;
      picture_depth_ = 1;
      return;
    }
    if (element == HtmlElement::kBlock || element == HtmlElement::kHeading) {
      flush();
      if (!end && element == HtmlElement::kHeading) heading_ = true;
    }
    if (!end && element == HtmlElement::kImage) {  // an image's alt text is what it says
      std::string alt = attribute_text(tag, "alt");
      if (!trim(alt).empty()) {
        flush();
        page_.add(alt, false);
      }
    }
  }

  std::string_view html_;
  PageText& page_;
  char* buffer_;  ///< the text of the block being read, from its start
  char* text_end_;
  bool heading_ = false;
  int skipping_ = 0;     ///< depth inside skipped elements
  std::string picture_;  ///< the name of the role="img" element we are in, if any
  int picture_depth_ = 0;
};

}  // namespace detail

void PageText::start(std::string_view title) {
  text_.assign(title);
  for (char& c : text_) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  blocks_.clear();
}

void PageText::add(std::string_view text, bool heading) {
  std::string_view t = trim(text);
  if (t.empty()) return;
  text_ += '\n';
  blocks_.push_back(
      {static_cast<uint32_t>(text_.size()), static_cast<uint32_t>(t.size()), heading});
  text_ += t;
}

std::vector<TextBlock> PageText::text_blocks() const {
  std::vector<TextBlock> blocks;
  for (const Block& b : blocks_) blocks.push_back({std::string(block(b)), b.heading});
  return blocks;
}

void html_text_blocks(std::string_view html, PageText& page) {
  detail::HtmlBlockReader(html, page).read();
}

void html_text_blocks(std::string_view html, std::vector<TextBlock>& blocks) {
  PageText page;
  html_text_blocks(html, page);
  for (const PageText::Block& b : page.blocks()) {
    blocks.push_back({std::string(page.block(b)), b.heading});
  }
}

std::vector<TextBlock> html_text_blocks(std::string_view html) {
  std::vector<TextBlock> blocks;
  html_text_blocks(html, blocks);
  return blocks;
}

namespace detail {

bool thai_syllable_start(uint32_t c) {
  return (c >= 0x0E01 && c <= 0x0E2E) || (c >= 0x0E40 && c <= 0x0E44);
}

}  // namespace detail

void search_tokens(std::string_view text, uint32_t* pos, const TokenSink& sink) {
  for_each_search_token(text, pos, sink);
}

}  // namespace firefly
