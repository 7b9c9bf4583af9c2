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

namespace {

/// Reads the whole of an open file, then closes it; nullopt unless it is a regular file.
std::optional<std::string> read_open_file(int fd) {
  if (fd < 0) return std::nullopt;
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
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

}  // namespace

std::optional<std::string> read_file(const fs::path& path) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer (it is then refused as not regular).
  return read_open_file(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
}

std::optional<std::string> read_file_within(const fs::path& path, const fs::path& root) {
  std::error_code ec;
  fs::path real = fs::canonical(path, ec);
  if (ec) return std::nullopt;
  fs::path real_root = fs::canonical(root, ec);
  if (ec) return std::nullopt;
  auto [r, p] = std::mismatch(real_root.begin(), real_root.end(), real.begin(), real.end());
  if (r != real_root.end()) return std::nullopt;
  return read_open_file(::open(real.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW));
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
                                  std::vector<std::string>* escaped,
                                  std::vector<std::string>* special) {
  std::vector<FoundFile> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  fs::path real_root = fs::weakly_canonical(root, ec);
  auto options = fs::directory_options::skip_permission_denied;
  // Each entry's path is `dir`, a slash (unless `dir` ends with one) and its relative path:
  // cut off as text, not worked out as a relative path (a static/ of 200 photos is listed
  // twice a build).
  const std::string& dir_text = dir.native();
  const size_t cut = dir_text.size() + (dir_text.empty() || dir_text.back() != '/');
  for (auto it = fs::recursive_directory_iterator(dir, options, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::directory_entry& entry = *it;
    const std::string& full = entry.path().native();
    std::string rel = full.size() > cut && full.compare(0, dir_text.size(), dir_text) == 0
                          ? full.substr(cut)
                          : entry.path().lexically_relative(dir).generic_string();
    std::string_view name = std::string_view(rel).substr(rel.rfind('/') + 1);
    if (!name.empty() && name[0] == '.') {
      if (entry.is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    const bool link = entry.is_symlink(ec);
    if (link) {
      fs::path target = fs::weakly_canonical(entry.path(), ec);
      if (ec || !is_inside(target, real_root)) {
        if (escaped) escaped->push_back(rel);
        if (entry.is_directory(ec)) it.disable_recursion_pending();
        ec.clear();
        continue;
      }
    }
    if (entry.is_regular_file(ec)) {
      out.push_back({entry.path(), rel, link});
    } else if (special && !entry.is_directory(ec) && fs::exists(entry.status(ec))) {
      special->push_back(rel);  // a FIFO, socket or device: reading it could hang
    }
  }
  if (special) std::sort(special->begin(), special->end());
  std::sort(out.begin(), out.end(),
            [](const FoundFile& a, const FoundFile& b) { return a.rel < b.rel; });
  return out;
}

}  // namespace firefly
