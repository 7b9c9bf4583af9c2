#include "core/text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace firefly {

namespace {

// Length of the UTF-8 sequence starting at s[i], or 0 when it is malformed.
size_t utf8_sequence_length(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  size_t len;
  unsigned int cp;
  if ((c & 0xE0) == 0xC0) {
    len = 2;
    cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3;
    cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  static const unsigned int kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

unsigned int decode_at(std::string_view s, size_t i, size_t len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (len == 1) return c;
  unsigned int cp = c & (0xFF >> (len + 1));
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return cp;
}

/// Whether HTML escaping replaces the byte `c`: & < > " '.
constexpr bool escaped(unsigned char c) {
  return c == '&' || c == '<' || c == '>' || c == '"' || c == '\'';
}

#if defined(__SANITIZE_ADDRESS__)
#define FIREFLY_ADDRESS_CHECKED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define FIREFLY_ADDRESS_CHECKED 1
#endif
#endif

#if defined(__SSE2__)
/// The bytes of `c` that HTML escaping replaces, one bit each (bit k for byte k).
inline unsigned escaped_mask(__m128i c) {
  // '&' and '\'' differ in the lowest bit only, '<' and '>' in the next.
  const __m128i one = _mm_set1_epi8(1), two = _mm_set1_epi8(2);
  const __m128i amp = _mm_set1_epi8('\''), angle = _mm_set1_epi8('>'), quot = _mm_set1_epi8('"');
  __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(_mm_or_si128(c, one), amp),
                                          _mm_cmpeq_epi8(_mm_or_si128(c, two), angle)),
                             _mm_cmpeq_epi8(c, quot));
  return static_cast<unsigned>(_mm_movemask_epi8(hit));
}

inline __m128i load16(const char* p) {
  return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
}
#endif

/// The length of the longest start of `s` that HTML escaping leaves as it is.
size_t plain_prefix(std::string_view s) {
  size_t i = 0;
#if defined(__SSE2__)
  const char* p = s.data();
  const size_t n = s.size();
  for (; i + 16 <= n; i += 16) {
    if (unsigned mask = escaped_mask(load16(p + i)))
      return i + static_cast<size_t>(__builtin_ctz(mask));
  }
  if (i == n) return n;
  const size_t rest = n - i;
  if (n >= 16) {  // the last 16 bytes, of which the first 16 - rest were looked at above
    unsigned mask = escaped_mask(load16(p + n - 16)) >> (16 - rest);
    return mask ? i + static_cast<size_t>(__builtin_ctz(mask)) : n;
  }
#if !defined(FIREFLY_ADDRESS_CHECKED)
  // Most values are shorter than 16 bytes. When the 16 bytes from the start stay within
  // one 4 KiB page they can be loaded (a load cannot fault inside a mapped page); the
  // bytes past the end are masked off, never used.
  if ((reinterpret_cast<std::uintptr_t>(p) & 4095) <= 4096 - 16) {
    unsigned mask = escaped_mask(load16(p)) & ((1u << n) - 1);
    return mask ? static_cast<size_t>(__builtin_ctz(mask)) : n;
  }
#endif
#endif
  while (i < s.size() && !escaped(static_cast<unsigned char>(s[i]))) ++i;
  return i;
}

/// Whether the four bytes at `p` begin with a well-formed three-byte character: the test
/// of three_byte_code_point_of_four without the code point. Of 1110xxxx 10yxxxxx 10xxxxxx,
/// an overlong is E0 with y clear, a surrogate ED with y set.
bool three_byte_character_of_four(const unsigned char* p) {
  const std::uint32_t w = first_three_of_four(p);
  const std::uint32_t low_and_y = w & 0x200F;
  return (w & 0xC0C0F0u) == 0x8080E0u && low_and_y != 0 && low_and_y != 0x200D;
}

}  // namespace

bool is_valid_utf8(std::string_view s) { return first_invalid_utf8(s).line == 0; }

Pos first_invalid_utf8(std::string_view s) {
  // Fast path: most content is ASCII or valid; only count positions after a bad byte.
  // ASCII eight bytes at a time, and a well-formed three-byte character (all of Chinese)
  // without the general decoder.
  size_t i = 0;
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  while (i < s.size()) {
    if (b[i] < 0x80) {
      while (i + 8 <= s.size() && eight_ascii(b + i)) i += 8;
      while (i < s.size() && b[i] < 0x80) ++i;
      continue;
    }
    // A run of three-byte characters (all of Chinese), each checked from one load.
    if (i + 4 <= s.size() && three_byte_character_of_four(b + i)) {
      do {
        i += 3;
      } while (i + 4 <= s.size() && three_byte_character_of_four(b + i));
      continue;
    }
    if (valid_three_byte_code_point(b, i, s.size()) >= 0) {
      i += 3;
      continue;
    }
    size_t len = utf8_sequence_length(s, i);
    if (len == 0) break;
    i += len;
  }
  if (i >= s.size()) return {0, 0};
  int line = 1, col = 1;
  for (size_t i = 0; i < s.size();) {
    size_t len = utf8_sequence_length(s, i);
    if (len == 0) return {line, col};
    if (s[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
    i += len;
  }
  return {0, 0};
}

std::string_view nth_line(std::string_view text, int line) {
  size_t start = 0;
  for (int l = 1; l < line; ++l) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  size_t end = text.find('\n', start);
  std::string_view out =
      text.substr(start, end == std::string_view::npos ? text.size() - start : end - start);
  if (!out.empty() && out.back() == '\r') out.remove_suffix(1);
  return out;
}

size_t encode_utf8(char32_t c, char* out) {
  if (c < 0x80) {
    out[0] = static_cast<char>(c);
    return 1;
  }
  if (c < 0x800) {
    out[0] = static_cast<char>(0xC0 | (c >> 6));
    out[1] = static_cast<char>(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (c >> 12));
    out[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (c & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (c >> 18));
  out[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (c & 0x3F));
  return 4;
}

std::string_view utf8_prefix(std::string_view s, int n) {
  size_t i = 0;
  for (int k = 0; k < n && i < s.size(); ++k) {
    size_t len = utf8_sequence_length(s, i);
    i += len ? len : 1;
  }
  return s.substr(0, i);
}

Pos pos_of_offset(std::string_view text, size_t offset) {
  Pos pos{1, 1};
  for (size_t i = 0; i < offset && i < text.size();) {
    if (text[i] == '\n') {
      ++pos.line;
      pos.col = 1;
      ++i;
      continue;
    }
    size_t len = utf8_sequence_length(text, i);
    i += len ? len : 1;
    ++pos.col;
  }
  return pos;
}

int char_column(std::string_view line, int byte_column) {
  if (byte_column <= 1) return byte_column;
  size_t bytes = static_cast<size_t>(byte_column - 1), end = std::min(bytes, line.size());
  // ASCII first, a character a byte, eight at a time: most lines begin so (a table's row of
  // figures, an English sentence), and the drift warnings ask for the column of each figure.
  const auto* p = reinterpret_cast<const unsigned char*>(line.data());
  size_t i = 0;
  while (i + 8 <= end && eight_ascii(p + i)) i += 8;
  while (i < end && p[i] < 0x80) ++i;
  int col = 1 + static_cast<int>(i);
  while (i < end) {
    size_t len = utf8_sequence_length(line, i);
    if (len == 0) len = 1;
    if (i + len > end) break;  // the byte is inside this character
    i += len;
    ++col;
  }
  return col + static_cast<int>(bytes - end);
}

namespace {

/// append_html_escaped from the first byte to escape, at `plain` (out of line, so that
/// a text with nothing to escape, most of them, costs a scan and one append).
__attribute__((noinline)) void append_escaped_from(std::string& out, std::string_view s,
                                                   size_t plain) {
  while (true) {
    out.append(s.data(), plain);
    if (plain == s.size()) return;
    switch (s[plain]) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:  // '\''
        out += "&#39;";
        break;
    }
    s.remove_prefix(plain + 1);
    if (s.empty()) return;
    plain = plain_prefix(s);
  }
}

}  // namespace

void append_html_escaped(std::string& out, std::string_view s) {
  size_t plain = plain_prefix(s);
  if (plain == s.size()) {
    out.append(s.data(), s.size());
  } else {
    append_escaped_from(out, s, plain);
  }
}

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  append_html_escaped(out, s);
  return out;
}

std::string_view strip_bom(std::string_view s) {
  return starts_with(s, "\xEF\xBB\xBF") ? s.substr(3) : s;
}

std::string normalize_newlines(std::string_view s) {
  if (s.find('\r') == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string_view trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' || s[e - 1] == '\r'))
    --e;
  return s.substr(b, e - b);
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t p = s.find(sep, start);
    if (p == std::string_view::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, p - start));
    start = p + 1;
  }
}

std::string percent_decode(std::string_view s, bool* malformed) {
  auto hex = [](char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    int hi = s[i] == '%' && i + 2 < s.size() ? hex(s[i + 1]) : -1;
    int lo = hi >= 0 ? hex(s[i + 2]) : -1;
    if (lo >= 0) {
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
      continue;
    }
    if (s[i] == '%' && malformed) *malformed = true;
    out += s[i];
  }
  return out;
}

namespace {
bool url_path_unsafe(unsigned char c) {
  return c == ' ' || c == '"' || c == '#' || c == '%' || c == '<' || c == '>' || c == '?' ||
         c == '`' || c == '{' || c == '}' || c == '|' || c == '\\' || c == '^';
}
}  // namespace

bool needs_url_path_escape(std::string_view path) {
  for (unsigned char c : path) {
    if (url_path_unsafe(c)) return true;
  }
  return false;
}

std::string url_path_escaped(std::string_view path) {
  static constexpr std::string_view kHex = "0123456789ABCDEF";
  std::string out;
  out.reserve(path.size());
  for (unsigned char c : path) {
    if (url_path_unsafe(c)) {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool equal_ignoring_ascii_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

std::string letter_case_hint(std::string_view meant) {
  // Windows finds roof.jpg by Roof.JPG; a web server does not.
  return "did you mean " + std::string(meant) +
         "? Capital and small letters differ in web addresses";
}

std::string lower_case(std::string_view s) {
  if (std::all_of(s.begin(), s.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return ascii_lower(s);
  }
  // Composed first: a letter typed as a base and combining marks (e, U+0323, U+0302, as
  // some Vietnamese keyboards and macOS file names write it) is the same letter as ệ.
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  if (U_SUCCESS(status)) {
    icu::UnicodeString composed = nfc->normalize(text, status);
    if (U_SUCCESS(status)) text = composed;
  }
  // One code point for one: u_tolower, not the locale's full mapping, so the result does
  // not depend on a language (Turkish İ) and keeps its length in code points.
  icu::UnicodeString lower;
  for (int32_t i = 0; i < text.length();) {
    UChar32 c = text.char32At(i);
    lower.append(u_tolower(c));
    i += U16_LENGTH(c);
  }
  std::string out;
  lower.toUTF8String(out);
  return out;
}

std::string slugify(std::string_view input) {
  const std::string lowered = lower_case(input);
  const std::string_view s = lowered;
  std::string out;
  bool dash = false;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      size_t len = utf8_sequence_length(s, i);
      if (len == 0) {
        ++i;
        continue;
      }
      unsigned int cp = decode_at(s, i, len);
      if (cp == 0xFFFD) {  // what lower_case made of a malformed sequence
        i += len;
        continue;
      }
      bool punct = (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF0F) ||
                   (cp >= 0x2000 && cp <= 0x206F);
      if (punct) {
        dash = !out.empty();
      } else {
        if (dash) out += '-';
        dash = false;
        out.append(s.substr(i, len));
      }
      i += len;
      continue;
    }
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') {
      if (dash) out += '-';
      dash = false;
      out += static_cast<char>(c);
    } else if (c >= 'A' && c <= 'Z') {
      if (dash) out += '-';
      dash = false;
      out += static_cast<char>(c - 'A' + 'a');
    } else {
      dash = !out.empty();
    }
    ++i;
  }
  return out;
}

std::string invisible_character(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
    if (b(0) == 0xC2 && i + 1 < s.size() && (b(1) == 0xA0 || b(1) == 0x85 || b(1) < 0xA0)) {
      return "a no-break space or a control character";
    }
    if (b(0) == 0xD8 && i + 1 < s.size() && b(1) == 0x9C) return "a bidirectional control";
    if (i + 2 >= s.size()) continue;
    uint32_t c = (b(0) & 0x0F) << 12 | (b(1) & 0x3F) << 6 | (b(2) & 0x3F);
    if ((b(0) & 0xF0) != 0xE0) continue;
    if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
        c == 0x200F) {
      return "a bidirectional control";
    }
    if ((c >= 0x2000 && c <= 0x200D) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
        c == 0x2060 || c == 0x3000 || c == 0xFEFF) {
      return "a Unicode space or zero-width character";
    }
  }
  return "";
}

bool is_windows_device_name(std::string_view name) {
  const std::string base = ascii_lower(name.substr(0, name.find('.')));
  for (std::string_view device : {"con", "prn", "aux", "nul"}) {
    if (base == device) return true;
  }
  return base.size() == 4 && (base.starts_with("com") || base.starts_with("lpt")) &&
         base[3] >= '1' && base[3] <= '9';
}

std::string name_as_words(std::string_view name) {
  std::string out(name);
  for (char& ch : out) {
    if (ch == '_' || ch == '-') ch = ' ';
  }
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z')
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

}  // namespace firefly
