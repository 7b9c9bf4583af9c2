// The text of the photo cache's index (index.tsv), shared by the cache's files: the tags
// of its lines, and reading folder numbers and cells from it (numbers: read_whole_number).
#pragma once

#include <string>
#include <string_view>

#include "core/text.h"

namespace firefly::photo_index {

/// The first cell of a line that records a folder's entries.
constexpr std::string_view kFolderTag = "folder";
/// The first cell of a line that records the keys worked out from one prefix.
constexpr std::string_view kKeysTag = "keys";
/// The first cell of the line that records the entries of the last photo set.
constexpr std::string_view kSetTag = "set";

/// The folder number (0-255) of a key's first two hexadecimal digits; -1 when they are not.
inline int folder_number(std::string_view key) {
  auto digit = [](char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  if (key.size() < 2 || digit(key[0]) < 0 || digit(key[1]) < 0) return -1;
  return digit(key[0]) * 16 + digit(key[1]);
}

inline std::string prefix_of(int number) {
  const char* hex = "0123456789abcdef";
  return {hex[number / 16], hex[number % 16]};
}

/// Splits `line` at `separator` into at most `N` cells; how many it has (N + 1: more).
template <size_t N>
size_t split(std::string_view line, char separator, std::string_view (&cells)[N]) {
  size_t n = 0;
  for (size_t at = 0;;) {
    size_t end = line.find(separator, at);
    if (n == N) return N + 1;
    cells[n++] = line.substr(at, end == std::string_view::npos ? end : end - at);
    if (end == std::string_view::npos) return n;
    at = end + 1;
  }
}

}  // namespace firefly::photo_index
