#include "core/wide_forms.h"

#include <cctype>

namespace firefly {

namespace {

/// The ASCII character the full-width form at s[i] stands for (its three bytes: EF BC 81
/// to EF BD 9E), or 0 when there is none at i.
char ascii_of(std::string_view s, size_t i) {
  if (i + 2 >= s.size() || static_cast<unsigned char>(s[i]) != 0xEF) return 0;
  const auto b1 = static_cast<unsigned char>(s[i + 1]);
  const auto b2 = static_cast<unsigned char>(s[i + 2]);
  if (b1 == 0xBC && b2 >= 0x81 && b2 <= 0xBF) return static_cast<char>(0x21 + (b2 - 0x81));
  if (b1 == 0xBD && b2 >= 0x80 && b2 <= 0x9E) return static_cast<char>(0x60 + (b2 - 0x80));
  return 0;
}

/// `s` with each three-byte character at i for which `ascii(s, i)` gives a character
/// written as that character; the rest kept as it is (where it gives 0).
template <class Ascii>
std::string with_ascii(std::string_view s, Ascii ascii) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (char c = ascii(s, i)) {
      out += c;
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

/// `s` with each full-width form of an ASCII character `c` written as `narrow(c)`, or kept
/// as it is where that is 0.
template <class Narrow>
std::string with_forms(std::string_view s, Narrow narrow) {
  return with_ascii(s, [&](std::string_view t, size_t i) {
    char c = ascii_of(t, i);
    return c ? narrow(c) : '\0';
  });
}

/// The ASCII digit the Thai digit at s[i] stands for (E0 B9 90 to E0 B9 99), or 0.
char thai_digit_at(std::string_view s, size_t i) {
  if (i + 2 >= s.size() || static_cast<unsigned char>(s[i]) != 0xE0 ||
      static_cast<unsigned char>(s[i + 1]) != 0xB9) {
    return 0;
  }
  const auto b2 = static_cast<unsigned char>(s[i + 2]);
  return b2 >= 0x90 && b2 <= 0x99 ? static_cast<char>('0' + (b2 - 0x90)) : 0;
}

}  // namespace

std::string wide_letter_or_digit(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (char c = ascii_of(s, i); c && std::isalnum(static_cast<unsigned char>(c))) {
      return std::string(s.substr(i, 3));
    }
  }
  return {};
}

std::string half_width(std::string_view s) {
  return with_forms(s, [](char c) { return c; });
}

std::string ascii_digits_and_forms(std::string_view s) {
  return with_ascii(s, [](std::string_view t, size_t i) {
    char c = ascii_of(t, i);
    return c ? c : thai_digit_at(t, i);
  });
}

bool has_thai_digit(std::string_view s) {
  for (size_t i = s.find('\xE0'); i != std::string_view::npos; i = s.find('\xE0', i + 1)) {
    if (thai_digit_at(s, i)) return true;
  }
  return false;
}

std::string narrow_letters_and_digits(std::string_view s) {
  return with_forms(s, [](char c) {
    auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) ? static_cast<char>(std::tolower(u)) : '\0';
  });
}

}  // namespace firefly
