#include "core/char_refs.h"

#include <array>
#include <utility>

#include "core/text.h"

namespace firefly {

namespace {

/// The code point of the reference at `text[i]` == '&', its length in `size`; -1 for none.
long reference_at(std::string_view text, size_t i, size_t& size) {
  static constexpr std::array<std::pair<std::string_view, long>, 6> kNamed = {{
      {"amp;", '&'},
      {"lt;", '<'},
      {"gt;", '>'},
      {"quot;", '"'},
      {"apos;", '\''},
      {"nbsp;", 0xA0},
  }};
  if (i + 1 >= text.size()) return -1;
  if (text[i + 1] != '#') {
    for (const auto& [name, code] : kNamed) {
      if (text.substr(i + 1, name.size()) == name) {
        size = name.size() + 1;
        return code;
      }
    }
    return -1;
  }
  const bool hex = i + 2 < text.size() && (text[i + 2] == 'x' || text[i + 2] == 'X');
  size_t k = i + (hex ? 3 : 2), digits = 0;
  long code = 0;
  for (; k < text.size() && digits < 8; ++k, ++digits) {  // at most 7 digits, as HTML reads
    const char c = text[k];
    const int v = c >= '0' && c <= '9'          ? c - '0'
                  : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                  : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                : -1;
    if (v < 0) break;
    code = code * (hex ? 16 : 10) + v;
  }
  if (digits == 0 || digits > 7 || k >= text.size() || text[k] != ';') return -1;
  size = k + 1 - i;
  if (code == 0 || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) return 0xFFFD;
  return code;
}

}  // namespace

std::string decode_char_refs(std::string_view text, std::vector<size_t>* from) {
  std::string out;
  out.reserve(text.size());
  if (from) from->clear();
  for (size_t i = 0; i < text.size();) {
    size_t size = 0;
    const long code = text[i] == '&' ? reference_at(text, i, size) : -1;
    if (code < 0) {
      out += text[i];
      if (from) from->push_back(i);
      ++i;
      continue;
    }
    char bytes[4];
    out.append(bytes, encode_utf8(static_cast<char32_t>(code), bytes));
    if (from) from->resize(out.size(), i);
    i += size;
  }
  return out;
}

}  // namespace firefly
