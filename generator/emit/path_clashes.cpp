#include "emit/path_clashes.h"

#include <algorithm>

namespace firefly {

size_t file_at_folder(std::string_view path, const std::vector<std::string_view>& sorted,
                      std::string_view& checked) {
  size_t slash = path.rfind('/');
  if (slash == std::string_view::npos) return std::string_view::npos;
  std::string_view dir = path.substr(0, slash);
  if (dir == checked) return std::string_view::npos;
  checked = dir;
  for (size_t end = dir.find('/');; end = dir.find('/', end + 1)) {
    std::string_view folder = dir.substr(0, end);
    if (std::binary_search(sorted.begin(), sorted.end(), folder)) return folder.size();
    if (end == std::string_view::npos) return std::string_view::npos;
  }
}

std::vector<FolderClash> folder_clashes(const std::vector<std::string_view>& sorted) {
  std::vector<FolderClash> out;
  std::string_view checked;
  for (std::string_view inner : sorted) {
    size_t size = file_at_folder(inner, sorted, checked);
    if (size == std::string_view::npos) continue;
    std::string_view file = inner.substr(0, size);
    bool known =
        std::any_of(out.begin(), out.end(), [&](const FolderClash& c) { return c.file == file; });
    if (!known) out.push_back({file, inner});
  }
  return out;
}

std::string folder_clash_message(const FolderClash& clash, const std::string& file_cause,
                                 const std::string& inner_cause) {
  auto name = [](const std::string& s) { return s.empty() ? std::string("a generated file") : s; };
  return "/" + std::string(clash.file) + " would be published as a file (" + name(file_cause) +
         ") and as the folder of /" + std::string(clash.inner) + " (" + name(inner_cause) + ")";
}

}  // namespace firefly
