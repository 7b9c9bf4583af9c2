#include "load/front_matter.h"

namespace firefly {

namespace {
bool is_fence(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "---";
}
}  // namespace

std::optional<FrontMatterSplit> split_front_matter(std::string_view text, const std::string& path,
                                                   Diagnostics& diags) {
  FrontMatterSplit out;
  size_t first_end = text.find('\n');
  std::string_view first = text.substr(0, first_end);
  if (!is_fence(first)) {
    out.body = text;
    return out;
  }
  if (first_end == std::string_view::npos) first_end = text.size();
  size_t start = first_end + 1;
  int line = 2;
  size_t pos = start;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    std::string_view l = text.substr(pos, end == std::string_view::npos ? text.npos : end - pos);
    if (is_fence(l) || l == "...") {
      out.yaml = text.substr(start, pos - start);
      out.yaml_line = 1;
      out.body = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
      out.body_line = line + 1;
      return out;
    }
    if (end == std::string_view::npos) break;
    pos = end + 1;
    ++line;
  }
  diags.error(path, {1, 1}, "the front matter that starts here with '---' is never closed",
              "add a line with only '---' after the last front-matter field");
  return std::nullopt;
}

}  // namespace firefly
