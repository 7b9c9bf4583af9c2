#include "core/yaml_scan.h"

#include <cstdio>

#include "core/cpu.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#endif

namespace firefly {

namespace {

/// A C1 control (U+0080-U+009F) too: HTML has it a parse error, and it is most often a
/// Windows-1252 character read as Latin-1 (U+0093 for the quotation mark “).
constexpr bool is_control(char32_t c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F) ||
         c == 0xFFFE || c == 0xFFFF;
}

/// The value of `digits` hex digits at text[at], or -1 when they are not all hex.
long hex_at(std::string_view text, size_t at, size_t digits) {
  if (at + digits > text.size()) return -1;
  long v = 0;
  for (size_t k = 0; k < digits; ++k) {
    char c = text[at + k];
    int d = c >= '0' && c <= '9'   ? c - '0'
            : c >= 'a' && c <= 'f' ? c - 'a' + 10
            : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                   : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

/// Whether the escape after the backslash at text[at] makes a control character.
bool escape_is_control(std::string_view text, size_t at) {
  if (at + 1 >= text.size()) return false;
  switch (text[at + 1]) {
    case '0':
    case 'a':
    case 'b':
    case 'e':
    case 'f':
    case 'v':
    case 'N':  // U+0085
      return true;
    case 'x':
      return is_control(static_cast<char32_t>(hex_at(text, at + 2, 2)));
    case 'u':
      return is_control(static_cast<char32_t>(hex_at(text, at + 2, 4)));
    case 'U':
      return is_control(static_cast<char32_t>(hex_at(text, at + 2, 8)));
    default:
      return false;
  }
}

/// The control character that starts at value[i], if any.
ControlChar control_char_at(std::string_view value, size_t i) {
  auto c = static_cast<unsigned char>(value[i]);
  if (c < 0x80 && is_control(c)) return {i, c};
  // U+0080-U+009F: C2 80 to C2 9F.
  if (c == 0xC2 && i + 1 < value.size() &&
      (static_cast<unsigned char>(value[i + 1]) & 0xE0) == 0x80) {
    return {i, static_cast<unsigned char>(value[i + 1])};
  }
  // U+FFFE and U+FFFF: EF BF BE and EF BF BF.
  if (c == 0xEF && i + 2 < value.size() && static_cast<unsigned char>(value[i + 1]) == 0xBF &&
      (static_cast<unsigned char>(value[i + 2]) & 0xFE) == 0xBE) {
    return {i, static_cast<unsigned char>(value[i + 2]) == 0xBE ? 0xFFFEu : 0xFFFFu};
  }
  return {};
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
/// find_control_char's test of sixteen bytes, on 32 a step while 33 can be read (only
/// where cpu_has_avx2()): `i` is left at the first step with a byte to look at, or where
/// the steps stop.
__attribute__((target("avx2"))) void skip_plain_32(const unsigned char* p, size_t size, size_t& i) {
  const __m256i below = _mm256_set1_epi8(0x1F), tab = _mm256_set1_epi8('\t'),
                lf = _mm256_set1_epi8('\n'), cr = _mm256_set1_epi8('\r'),
                del = _mm256_set1_epi8(0x7F), ef = _mm256_set1_epi8(static_cast<char>(0xEF)),
                bf = _mm256_set1_epi8(static_cast<char>(0xBF)),
                c2 = _mm256_set1_epi8(static_cast<char>(0xC2)),
                e0 = _mm256_set1_epi8(static_cast<char>(0xE0)),
                x80 = _mm256_set1_epi8(static_cast<char>(0x80));
  for (; i + 33 <= size; i += 32) {
    __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i));
    __m256i next = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i + 1));
    __m256i low = _mm256_cmpeq_epi8(_mm256_min_epu8(v, below), v);  // bytes 0x00-0x1F
    __m256i space =
        _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, tab), _mm256_cmpeq_epi8(v, lf)),
                        _mm256_cmpeq_epi8(v, cr));
    __m256i hit = _mm256_or_si256(_mm256_andnot_si256(space, low), _mm256_cmpeq_epi8(v, del));
    hit = _mm256_or_si256(hit,
                          _mm256_and_si256(_mm256_cmpeq_epi8(v, ef), _mm256_cmpeq_epi8(next, bf)));
    hit =
        _mm256_or_si256(hit, _mm256_and_si256(_mm256_cmpeq_epi8(v, c2),
                                              _mm256_cmpeq_epi8(_mm256_and_si256(next, e0), x80)));
    if (_mm256_movemask_epi8(hit) != 0) return;
  }
}
#endif

}  // namespace

ControlChar find_control_char(std::string_view value) {
  size_t i = 0;
#if defined(__SSE2__)
  // Sixteen bytes at a time past those that hold none: no byte below 0x20 but tab, line
  // feed and return, no 0x7F, no EF followed by BF (U+FFC0-U+FFFF, where U+FFFE and
  // U+FFFF are), and no C2 followed by 80-9F (U+0080-U+009F). A page's whole text is read so
  // (load/markdown_limits.h).
  const auto* p = reinterpret_cast<const unsigned char*>(value.data());
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  if (cpu_has_avx2()) skip_plain_32(p, value.size(), i);  // then 16 a step from there
#endif
  const __m128i below = _mm_set1_epi8(0x1F), tab = _mm_set1_epi8('\t'), lf = _mm_set1_epi8('\n'),
                cr = _mm_set1_epi8('\r'), del = _mm_set1_epi8(0x7F),
                ef = _mm_set1_epi8(static_cast<char>(0xEF)),
                bf = _mm_set1_epi8(static_cast<char>(0xBF)),
                c2 = _mm_set1_epi8(static_cast<char>(0xC2)),
                e0 = _mm_set1_epi8(static_cast<char>(0xE0)),
                x80 = _mm_set1_epi8(static_cast<char>(0x80));
  for (; i + 17 <= value.size(); i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + 1));
    __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(v, below), v);  // bytes 0x00-0x1F
    __m128i space = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, lf)),
                                 _mm_cmpeq_epi8(v, cr));
    __m128i hit = _mm_or_si128(_mm_andnot_si128(space, low), _mm_cmpeq_epi8(v, del));
    hit = _mm_or_si128(hit, _mm_and_si128(_mm_cmpeq_epi8(v, ef), _mm_cmpeq_epi8(next, bf)));
    hit = _mm_or_si128(
        hit, _mm_and_si128(_mm_cmpeq_epi8(v, c2), _mm_cmpeq_epi8(_mm_and_si128(next, e0), x80)));
    if (_mm_movemask_epi8(hit) == 0) continue;
    for (size_t k = i; k < i + 16; ++k) {  // a halfwidth form (EF BF ..) is not one
      if (ControlChar c = control_char_at(value, k); c.offset != std::string_view::npos) return c;
    }
  }
#endif
  for (; i < value.size(); ++i) {
    if (ControlChar c = control_char_at(value, i); c.offset != std::string_view::npos) return c;
  }
  return {};
}

size_t control_char_in_source(std::string_view text, size_t start) {
  if (start >= text.size()) return std::string_view::npos;
  bool double_quoted = text[start] == '"';
  for (size_t i = start + (double_quoted ? 1 : 0); i < text.size(); ++i) {
    char c = text[i];
    if (double_quoted && c == '"') break;
    if (double_quoted && c == '\\') {
      if (escape_is_control(text, i)) return i;
      ++i;  // the escaped character (an escaped quote does not end the scalar)
      continue;
    }
    if (find_control_char(text.substr(i, 3)).offset == 0) return i;
  }
  return std::string_view::npos;
}

std::string code_point_name(char32_t code) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(code));
  return buf;
}

std::string control_char_name(char32_t code) {
  if (code < 0x80 || code > 0x9F) return code_point_name(code);
  // Windows-1252's characters at 0x80-0x9F, where Latin-1 has the C1 controls ("" for the
  // five it leaves unassigned).
  static constexpr const char* kWindows1252[32] = {
      "€", "",  "‚", "ƒ", "„", "…", "†", "‡", "ˆ", "‰", "Š", "‹", "Œ", "", "Ž", "",
      "",  "‘", "’", "“", "”", "•", "–", "—", "˜", "™", "š", "›", "œ", "", "ž", "Ÿ"};
  const std::string meant = kWindows1252[code - 0x80];
  return code_point_name(code) +
         (meant.empty() ? "" : ": probably " + meant + " of a file read in the wrong encoding");
}

std::string_view alias_name_at(std::string_view text, size_t offset) {
  if (offset >= text.size() || text[offset] != '*') return {};
  size_t end = offset + 1;
  while (end < text.size() && std::string_view(" \t\r\n,[]{}").find(text[end]) == text.npos) {
    ++end;
  }
  return text.substr(offset + 1, end - offset - 1);
}

}  // namespace firefly
