#include "render/relative_urls.h"

#include "core/text.h"

namespace firefly {

std::string relative_url(const std::string& from, const std::string& url) {
  size_t depth = 0;
  for (char c : from) depth += c == '/';
  std::string out;
  for (size_t i = 0; i < depth; ++i) out += "../";
  std::string path = url.substr(1);
  std::string suffix;
  size_t cut = path.find_first_of("?#");
  if (cut != std::string::npos) {
    suffix = path.substr(cut);
    path.resize(cut);
  }
  if (path.empty() || path.back() == '/') path += "index.html";
  out += path;
  return out + suffix;
}

void make_urls_relative(OutputSet& files) {
  for (OutputFile& f : files) make_urls_relative(f);
}

void make_urls_relative(OutputFile& f) {
  {
    if (!ends_with(f.path, ".html") || !f.source.empty()) return;
    std::string out;
    out.reserve(f.bytes.size());
    const std::string& in = f.bytes;
    size_t pos = 0;
    while (pos < in.size()) {
      size_t at = std::string::npos;
      size_t attr_len = 0;
      for (const char* attr : {"href=\"/", "src=\"/"}) {
        size_t p = in.find(attr, pos);
        if (p < at) {
          at = p;
          attr_len = std::string_view(attr).size() - 1;
        }
      }
      if (at == std::string::npos) break;
      size_t start = at + attr_len;  // at the '/'
      size_t end = in.find('"', start);
      if (end == std::string::npos || (start + 1 < in.size() && in[start + 1] == '/')) {
        out.append(in, pos, start + 1 - pos);
        pos = start + 1;
        continue;
      }
      out.append(in, pos, start - pos);
      out += relative_url(f.path, in.substr(start, end - start));
      pos = end;
    }
    out.append(in, pos, std::string::npos);
    f.bytes = std::move(out);
  }
}

}  // namespace firefly
