#include "core/fs.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <sstream>

namespace firefly {

namespace fs = std::filesystem;

std::optional<std::string> read_file(const fs::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st;
  if (::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
    ::close(fd);
    return std::nullopt;
  }
  std::string data;
  data.resize(static_cast<size_t>(st.st_size));
  size_t got = 0;
  while (true) {
    if (got == data.size()) data.resize(data.size() + 4096);  // the file may have grown
    ssize_t n = ::read(fd, data.data() + got, data.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      return std::nullopt;
    }
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  ::close(fd);
  data.resize(got);
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
