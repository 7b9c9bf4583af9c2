#include "model/paths.h"

#include <vector>

#include "core/text.h"

namespace firefly {

std::string output_path_for_url(std::string_view url) {
  std::string path(url.substr(url.find_first_not_of('/') == std::string_view::npos
                                  ? url.size()
                                  : url.find_first_not_of('/')));
  if (path.empty() || path.back() == '/') return path + "index.html";
  std::string_view last = std::string_view(path).substr(path.rfind('/') + 1);
  if (last.find('.') == std::string_view::npos) return path + "/index.html";
  return path;
}

std::string unsafe_path_reason(std::string_view path) {
  if (path.empty() || path[0] != '/') return "it must start with '/'";
  if (path.find('\\') != std::string_view::npos) return "it contains a backslash";
  for (unsigned char c : path) {
    if (c < 0x20 || c == 0x7f) return "it contains a control character";
  }
  std::string lower = ascii_lower(path);
  if (lower.find("%2e") != std::string::npos || lower.find("%2f") != std::string::npos ||
      lower.find("%5c") != std::string::npos || lower.find("%00") != std::string::npos) {
    return "it contains a percent-encoded dot, slash or NUL";
  }
  for (std::string_view seg : split(path, '/')) {
    if (seg == ".." || seg == ".") return "it contains a '.' or '..' segment";
  }
  if (path.find("//") != std::string_view::npos) return "it contains '//'";
  return "";
}

std::string resolve_site_path(std::string_view base, std::string_view link) {
  std::string joined;
  if (!link.empty() && link[0] == '/') {
    joined = std::string(link);
  } else {
    std::string_view dir = base.substr(0, base.rfind('/') + 1);
    joined = std::string(dir) + std::string(link);
  }
  bool trailing = !joined.empty() && joined.back() == '/';
  std::vector<std::string_view> out;
  for (std::string_view seg : split(joined, '/')) {
    if (seg.empty() || seg == ".") continue;
    if (seg == "..") {
      if (!out.empty()) out.pop_back();
      continue;
    }
    out.push_back(seg);
  }
  std::string result = "/";
  for (size_t i = 0; i < out.size(); ++i) {
    result += out[i];
    if (i + 1 < out.size() || trailing) result += '/';
  }
  return result;
}

}  // namespace firefly
