#include "core/language_tag.h"

#include <algorithm>
#include <cctype>

namespace firefly {

bool is_language_tag(std::string_view tag) {
  size_t start = 0;
  for (size_t part = 0;; ++part) {
    size_t end = tag.find('-', start);
    std::string_view p = tag.substr(start, end == std::string_view::npos ? tag.npos : end - start);
    auto is_alpha = [](char ch) { return std::isalpha(static_cast<unsigned char>(ch)) != 0; };
    auto is_alnum = [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) != 0; };
    bool ok = part == 0
                  ? p.size() >= 2 && p.size() <= 3 && std::all_of(p.begin(), p.end(), is_alpha)
                  : p.size() >= 2 && p.size() <= 8 && std::all_of(p.begin(), p.end(), is_alnum);
    if (!ok) return false;
    if (end == std::string_view::npos) return true;
    start = end + 1;
  }
}

}  // namespace firefly
