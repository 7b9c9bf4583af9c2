#include "load/commit_message.h"

#include "core/text.h"
#include "core/yaml_scan.h"

namespace firefly {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

/// The byte a Latin-1 letter at `s[i]` (U+0080-U+00FF, written C2 xx or C3 xx) stands for,
/// or -1.
int latin1_byte(std::string_view s, size_t i) {
  if (i + 1 >= s.size()) return -1;
  auto lead = static_cast<unsigned char>(s[i]), next = static_cast<unsigned char>(s[i + 1]);
  if ((lead != 0xC2 && lead != 0xC3) || (next & 0xC0) != 0x80) return -1;
  return ((lead & 0x03) << 6) | (next & 0x3F);
}

/// Whether `bytes`, shaped as one UTF-8 character, is one git refuses: not UTF-8 (an
/// overlong form, a surrogate, past U+10FFFF) or a noncharacter (U+xxFFFE, U+xxFFFF,
/// U+FDD0-U+FDEF), as its commit.c find_invalid_utf8.
bool refused_by_git(std::string_view bytes) {
  if (!is_valid_utf8(bytes)) return true;
  char32_t c = static_cast<unsigned char>(bytes[0]) & (0x7F >> bytes.size());
  for (size_t k = 1; k < bytes.size(); ++k) c = (c << 6) | (bytes[k] & 0x3F);
  return (c & 0xFFFE) == 0xFFFE || (c >= 0xFDD0 && c <= 0xFDEF);
}

/// The length in bytes of the run of Latin-1 letters at `s[i]` that git wrote for one
/// character it refused, or 0.
size_t git_rewritten_at(std::string_view s, size_t i) {
  const int lead = latin1_byte(s, i);
  if (lead < 0xC0 || lead > 0xF7) return 0;
  const size_t n = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
  std::string bytes(1, static_cast<char>(lead));
  for (size_t k = 1; k < n; ++k) {
    const int b = latin1_byte(s, i + 2 * k);
    if (b < 0x80 || b > 0xBF) return 0;
    bytes += static_cast<char>(b);
  }
  return refused_by_git(bytes) ? 2 * n : 0;
}

}  // namespace

std::string showable_commit_message(std::string_view s) {
  // A character git rewrote starts with a Latin-1 letter of U+00C0-U+00FF (C3 xx).
  if (is_valid_utf8(s) && find_control_char(s).offset == std::string_view::npos &&
      s.find('\xC3') == std::string_view::npos) {
    return std::string(s);
  }
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (size_t n = git_rewritten_at(s, i)) {
      out += kReplacement;
      i += n;
      continue;
    }
    auto c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
    std::string_view one = s.substr(i, len);
    if (one.size() != len || (c & 0xC0) == 0x80 || c >= 0xF8 || !is_valid_utf8(one)) {
      out += kReplacement;
      ++i;
      continue;
    }
    const ControlChar control = find_control_char(one);
    if (control.offset == std::string_view::npos) {
      out += one;
    } else {
      out += control.code >= 0xFFFE ? kReplacement : std::string_view(" ");
    }
    i += len;
  }
  return out;
}

}  // namespace firefly
