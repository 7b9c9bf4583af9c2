// For the writer's unit test and fuzz target: every entry of a folder tree but one subtree.
#pragma once

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

namespace firefly {

/// Every file, link and folder under `root` except `skip` and what lies below it, with the
/// file's bytes, "-> target" for a link or "folder".
inline std::map<std::string, std::string> folder_snapshot(const std::filesystem::path& root,
                                                          const std::filesystem::path& skip) {
  namespace fs = std::filesystem;
  std::map<std::string, std::string> files;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator();
       ++it) {
    const fs::path& p = it->path();
    if (p == skip) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_symlink()) {
      files[p.string()] = "-> " + fs::read_symlink(p).string();
    } else if (it->is_regular_file()) {
      std::ifstream in(p, std::ios::binary);
      files[p.string()] = std::string(std::istreambuf_iterator<char>(in), {});
    } else {
      files[p.string()] = "folder";
    }
  }
  return files;
}

}  // namespace firefly
