// Plain text and UTF-8 helpers that need no locale data.
#pragma once

#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "core/value.h"

namespace firefly {

/// True when `s` is well-formed UTF-8 (no overlongs, no surrogates).
bool is_valid_utf8(std::string_view s);
/// Position (line, column in code points) of the first invalid UTF-8 byte, or {0,0}.
Pos first_invalid_utf8(std::string_view s);
/// True when the eight bytes at `p` are all ASCII (the loops over long texts skip them).
inline bool eight_ascii(const unsigned char* p) {
  std::uint64_t eight;
  std::memcpy(&eight, p, 8);
  return (eight & 0x8080808080808080u) == 0;
}
/// True when one of the eight bytes of `eight` is below `n` (at most 0x80): the loops over
/// long texts skip eight bytes at a time where none is.
constexpr bool has_byte_below(std::uint64_t eight, unsigned n) {
  constexpr std::uint64_t kOnes = 0x0101010101010101u, kHighs = 0x8080808080808080u;
  return ((eight - kOnes * n) & ~eight & kHighs) != 0;
}
/// The code point of the well-formed three-byte sequence at `p[i]` of `size` bytes (no
/// overlong, no surrogate: all of Chinese), or -1 when there is none there.
inline std::int32_t valid_three_byte_code_point(const unsigned char* p, size_t i, size_t size) {
  if ((p[i] & 0xF0) != 0xE0 || i + 3 > size || (p[i + 1] & 0xC0) != 0x80 ||
      (p[i + 2] & 0xC0) != 0x80) {
    return -1;
  }
  std::int32_t c = (p[i] & 0x0F) << 12 | (p[i + 1] & 0x3F) << 6 | (p[i + 2] & 0x3F);
  return c >= 0x800 && (c < 0xD800 || c > 0xDFFF) ? c : -1;
}
/// The bytes at `p` (four readable) as a little-endian number whose low three bytes are
/// p[0], p[1] and p[2], from one load where the processor is little-endian.
inline std::uint32_t first_three_of_four(const unsigned char* p) {
  std::uint32_t w;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  std::memcpy(&w, p, 4);
#else
  w = p[0] | std::uint32_t{p[1]} << 8 | std::uint32_t{p[2]} << 16;
#endif
  return w;
}
/// valid_three_byte_code_point at `p`, which has four bytes to read (the fourth is not
/// looked at): the three checked from one load, for the runs of Chinese that the loops
/// over long texts read a character at a time.
inline std::int32_t three_byte_code_point_of_four(const unsigned char* p) {
  const std::uint32_t w = first_three_of_four(p);
  if ((w & 0xC0C0F0u) != 0x8080E0u) return -1;  // 1110xxxx 10xxxxxx 10xxxxxx
  auto c = static_cast<std::int32_t>((w & 0x0F) << 12 | (w >> 2 & 0xFC0) | (w >> 16 & 0x3F));
  return c >= 0x800 && (c < 0xD800 || c > 0xDFFF) ? c : -1;
}
/// The 1-based `line` of `text` without its line ending ("" when out of range).
std::string_view nth_line(std::string_view text, int line);
/// Writes the UTF-8 bytes of code point `c` (at most 0x10FFFF) to `out`, which has room
/// for 4; returns how many.
size_t encode_utf8(char32_t c, char* out);
/// The first `n` code points of `s`.
std::string_view utf8_prefix(std::string_view s, int n);
/// Line and 1-based code-point column of byte `offset` in `text`.
Pos pos_of_offset(std::string_view text, size_t offset);
/// The 1-based code-point column (what a diagnostic's Pos holds) of the 1-based byte
/// column `byte_column` of `line`, as a library that counts bytes gives it: one more than
/// the characters that end at or before that byte ("請看[" : byte 7 is column 3). A byte
/// inside a character gives that character's column, each byte past the end of the line
/// one column more, a byte that is not valid UTF-8 one column; 0 (unknown) stays 0.
int char_column(std::string_view line, int byte_column);

/// Escapes &, <, >, " and ' for HTML text and attribute values.
std::string html_escape(std::string_view s);
/// Appends the HTML-escaped `s` to `out`.
void append_html_escaped(std::string& out, std::string_view s);
/// Escapes for XML (same set as HTML).
inline std::string xml_escape(std::string_view s) { return html_escape(s); }

/// Strips a leading UTF-8 byte order mark.
std::string_view strip_bom(std::string_view s);
/// Replaces CRLF and lone CR with LF.
std::string normalize_newlines(std::string_view s);

/// True when `s` starts with `prefix`.
inline bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}
/// True when `s` ends with `suffix`.
inline bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
/// `s` without leading and trailing ASCII white space.
std::string_view trim(std::string_view s);

/// Reads all of `s` as a decimal number into `out`: false when `s` is anything else
/// (empty, a sign `T` cannot hold, bytes after the digits, out of `T`'s range).
template <typename T>
bool read_whole_number(std::string_view s, T& out) {
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size();
}
/// Splits `s` at every `sep`.
std::vector<std::string_view> split(std::string_view s, char sep);
/// Decodes %XX escapes; a malformed escape is kept as written and sets `*malformed`.
std::string percent_decode(std::string_view s, bool* malformed = nullptr);
/// Whether the site path of a file, as it is named on disk, needs url_path_escaped.
bool needs_url_path_escape(std::string_view path);
/// The site path of a file, as it is named on disk ("/images/a b#1.jpg"), as a URL's path
/// ("/images/a%20b%231.jpg"): each ASCII byte a URL's path cannot hold as it is (a space,
/// `"`, `#`, `%`, `<`, `>`, `?`, a backquote, `{`, `}`, `|`, a backslash, `^`) as %XX;
/// other bytes, letters of any script among them, as they are.
std::string url_path_escaped(std::string_view path);
/// Lower-cases ASCII letters.
std::string ascii_lower(std::string_view s);
/// Whether `a` and `b` differ at most in the case of their ASCII letters.
bool equal_ignoring_ascii_case(std::string_view a, std::string_view b);
/// The first of `names` that is `name` but for the case of its ASCII letters (a file
/// /images/roof.jpg for a link to /images/Roof.JPG); "" when none is.
template <class Names>
std::string differs_only_in_case(const Names& names, std::string_view name) {
  for (const auto& n : names) {
    if (n != name && equal_ignoring_ascii_case(n, name)) return std::string(n);
  }
  return {};
}
/// The help for an address that names `meant` with other capital letters.
std::string letter_case_hint(std::string_view meant);

/// `s` in lower case, every letter of every script (Đ as đ, Á as á), composed (NFC): the
/// key under which two spellings are one address on a file system that ignores case.
std::string lower_case(std::string_view s);
/// A URL-safe slug: lower-case letters (of any script, composed), digits and '-', other
/// text kept as UTF-8 (CJK slugs are valid URLs); spaces and punctuation become '-'.
std::string slugify(std::string_view s);

/// A name for the first character of UTF-8 `s` that reads as nothing or as a space but is
/// not one: no-break and other Unicode spaces, line separators, zero-width characters and
/// bidirectional controls (which can make an address look like another); "" when none.
std::string invisible_character(std::string_view s);

/// A key written as words, the start of a title or label to suggest for it:
/// `volunteer_hours` as "Volunteer hours" (`_` and `-` as spaces, an ASCII first letter in
/// upper case).
std::string name_as_words(std::string_view name);

/// Whether a file named `name` cannot exist on Windows because the name (before any
/// extension, in any letter case) is one Windows keeps for a device: con, prn, aux, nul,
/// com1-com9, lpt1-lpt9 ("con.md", "Aux.en.md").
bool is_windows_device_name(std::string_view name);

}  // namespace firefly
