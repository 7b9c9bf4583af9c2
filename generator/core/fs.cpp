#include "core/fs.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace firefly {

namespace fs = std::filesystem;

std::optional<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string data;
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (!ec) data.reserve(size);
  data.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  return data;
}

namespace {
bool is_inside(const fs::path& child, const fs::path& root) {
  auto c = child.lexically_normal();
  auto r = root.lexically_normal();
  auto mismatch = std::mismatch(r.begin(), r.end(), c.begin(), c.end());
  return mismatch.first == r.end() ||
         (std::next(mismatch.first) == r.end() && mismatch.first->empty());
}
}  // namespace

std::vector<FoundFile> list_files(const fs::path& dir, const fs::path& root,
                                  std::vector<std::string>* escaped) {
  std::vector<FoundFile> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  fs::path real_root = fs::weakly_canonical(root, ec);
  auto options = fs::directory_options::skip_permission_denied;
  for (auto it = fs::recursive_directory_iterator(dir, options, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::directory_entry& entry = *it;
    std::string rel = entry.path().lexically_relative(dir).generic_string();
    std::string name = entry.path().filename().string();
    if (!name.empty() && name[0] == '.') {
      if (entry.is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (entry.is_symlink(ec)) {
      fs::path target = fs::weakly_canonical(entry.path(), ec);
      if (ec || !is_inside(target, real_root)) {
        if (escaped) escaped->push_back(rel);
        if (entry.is_directory(ec)) it.disable_recursion_pending();
        ec.clear();
        continue;
      }
    }
    if (entry.is_regular_file(ec)) out.push_back({entry.path(), rel});
  }
  std::sort(out.begin(), out.end(),
            [](const FoundFile& a, const FoundFile& b) { return a.rel < b.rel; });
  return out;
}

}  // namespace firefly
