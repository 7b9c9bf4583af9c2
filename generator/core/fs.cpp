#include "core/fs.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>

namespace firefly {

namespace fs = std::filesystem;

namespace {

/// Reads the whole of the open file `fd`, then closes it; nullopt unless it is a regular
/// file. One of more than `most` bytes is not read: nullopt, with its size in `*larger`.
std::optional<std::string> read_open_file(int fd, uintmax_t most = UINTMAX_MAX,
                                          uintmax_t* larger = nullptr) {
  if (fd < 0) return std::nullopt;
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return std::nullopt;
  }
  const auto size = static_cast<uintmax_t>(st.st_size);
  if (size > most) {
    ::close(fd);
    if (larger) *larger = size;
    return std::nullopt;
  }
  // Read up to the size fstat gave, with no further call to see the end (one call less a
  // file: 20,000 at 10,000 stories): a file that grows meanwhile is read as it was when
  // its size was taken (serve reads it again on the change). A size of 0 may be a file
  // whose size is not known (/proc): read to its end.
  std::string data;
  data.resize(size ? static_cast<size_t>(size) : 4096);
  size_t got = 0;
  while (true) {
    ssize_t n = ::read(fd, data.data() + got, data.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      return std::nullopt;
    }
    if (n == 0) break;
    got += static_cast<size_t>(n);
    if (got == data.size()) {
      if (size) break;
      data.resize(data.size() + 4096);
    }
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

std::optional<std::string> read_file_at_most(const fs::path& path, uintmax_t most,
                                             uintmax_t& larger) {
  return read_open_file(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK), most, &larger);
}

std::string unreadable_message(const fs::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  std::string why = fd < 0 ? std::strerror(errno) : "it is not a regular file";
  if (fd >= 0) ::close(fd);
  why[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(why[0])));
  return "cannot read this file (" + why + ")";
}

std::string read_file_head(const fs::path& path, size_t n) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return "";
  std::string head(n, '\0');
  size_t got = 0;
  struct stat st;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
    while (got < n) {
      ssize_t r = ::read(fd, head.data() + got, n - got);
      if (r < 0 && errno == EINTR) continue;
      if (r <= 0) break;
      got += static_cast<size_t>(r);
    }
  }
  ::close(fd);
  head.resize(got);
  return head;
}

namespace {
/// `path` opened under the conditions of read_file_within (not checked to be regular), or -1.
int open_within(const fs::path& path, const fs::path& root) {
  std::error_code ec;
  fs::path real = fs::canonical(path, ec);
  if (ec) return -1;
  fs::path real_root = fs::canonical(root, ec);
  if (ec) return -1;
  auto [r, p] = std::mismatch(real_root.begin(), real_root.end(), real.begin(), real.end());
  if (r != real_root.end()) return -1;
  return ::open(real.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW);
}
}  // namespace

std::optional<std::string> read_file_within(const fs::path& path, const fs::path& root) {
  return read_open_file(open_within(path, root));
}

int open_file_within(const fs::path& path, const fs::path& root, std::uint64_t& size) {
  int fd = open_within(path, root);
  struct stat st;
  if (fd >= 0 && (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))) {
    ::close(fd);
    return -1;
  }
  if (fd >= 0) size = static_cast<std::uint64_t>(st.st_size);
  return fd;
}

namespace {
bool is_inside(const fs::path& child, const fs::path& root) {
  auto c = child.lexically_normal();
  auto r = root.lexically_normal();
  auto mismatch = std::mismatch(r.begin(), r.end(), c.begin(), c.end());
  return mismatch.first == r.end() ||
         (std::next(mismatch.first) == r.end() && mismatch.first->empty());
}

/// True when `target` (inside `root`) is or lies in a hidden file or folder of it: a name
/// starting with '.' (.git, .env, .firefly-cache), but not .well-known.
bool is_hidden_below(const fs::path& target, const fs::path& root) {
  for (const fs::path& part :
       target.lexically_normal().lexically_relative(root.lexically_normal())) {
    std::string name = part.string();
    if (name.size() > 1 && name[0] == '.' && name != ".." && name != ".well-known") return true;
  }
  return false;
}
}  // namespace

bool leads_inside(const fs::path& path, const fs::path& root) {
  std::error_code ec;
  fs::path target = fs::weakly_canonical(path, ec);
  if (ec) return false;
  fs::path real_root = fs::weakly_canonical(root, ec);
  return !ec && is_inside(target, real_root) && !is_hidden_below(target, real_root);
}

namespace {

/// Whether `path` is there, but not a folder (its links followed).
bool file_at_folder(const fs::path& path) {
  std::error_code ec;
  return fs::exists(path, ec) && !fs::is_directory(path, ec);
}

}  // namespace

std::string special_entry_message(const fs::path& dir, const std::string& rel) {
  if (!is_unopened_folder(rel)) return kSpecialFileMessage;
  if (file_at_folder(rel.empty() ? dir : dir / rel)) {
    return "this is a file where the site has a folder, so nothing is read from it: the site "
           "would be published without what the folder holds";
  }
  DIR* d = ::opendir((dir / rel).c_str());
  std::string why = d ? "it could not be listed" : std::strerror(errno);
  if (d) ::closedir(d);
  why[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(why[0])));
  return "cannot open this folder (" + why + "), so its files would be left out of the site";
}

std::string special_entry_hint(const fs::path& dir, const std::string& rel, std::string file_hint) {
  if (!is_unopened_folder(rel)) return file_hint;
  if (file_at_folder(rel.empty() ? dir : dir / rel))
    return "rename or move the file, and make a folder of this name";
  return "let the user who builds the site open it and read its files (chmod -R a+rX)";
}

std::string escaped_link_hint(const fs::path& link, const fs::path& root, const std::string& rel,
                              std::string file_hint) {
  std::error_code ec;
  if (!rel.empty() && fs::is_directory(link, ec) && leads_inside(link, root)) {
    return escaped_link_hint("", {});
  }
  if (!rel.empty() && !fs::exists(link, ec) && !ec) {
    return "put back the file it leads to, or remove the link";
  }
  return escaped_link_hint(rel, std::move(file_hint));
}

std::string escaped_link_message(const fs::path& link, const fs::path& root) {
  std::error_code ec;
  fs::path target = fs::weakly_canonical(link, ec);
  if (ec == std::errc::too_many_symbolic_link_levels) {
    return "this is a symbolic link that leads back to itself (a loop of links), so it leads "
           "to no file";
  }
  fs::path real_root = fs::weakly_canonical(root, ec);
  if (!ec && is_inside(target, real_root) && is_hidden_below(target, real_root)) {
    return "this is a symbolic link to " + target.lexically_relative(real_root).string() +
           ", a hidden file of the site, which is never published";
  }
  if (!fs::exists(link, ec)) {
    return "this is a symbolic link to " + fs::read_symlink(link, ec).string() +
           ", which does not exist, so it leads to no file";
  }
  if (!ec && is_inside(target, real_root) && fs::is_directory(target, ec)) {
    return "this is a symbolic link to the folder " +
           target.lexically_relative(real_root).string() +
           ", and links to folders are not followed: its files would be left out of the site";
  }
  return "this is a symbolic link to a place outside the site";
}

namespace {

/// Lists the folder `path` (its text; `rel` its path under the listed folder, "" or ending
/// with '/') into `out`, then its subfolders. POSIX calls: a `recursive_directory_iterator`
/// parsed every entry's whole path into components (about 2,600 instructions an entry; a
/// static/ of 200 photos is listed twice a build).
void list_folder(const std::string& path, const std::string& rel, const fs::path& real_root,
                 std::vector<FoundFile>& out, std::vector<std::string>* escaped,
                 std::vector<std::string>* special) {
  DIR* d = ::opendir(path.c_str());
  if (!d) {
    // Its files would be missing from the site without a word (a folder of stories copied
    // with another user's permissions): reported.
    if (special) special->push_back(rel);
    return;
  }
  std::vector<std::string> folders;
  std::string full = path, child = rel;
  const size_t full_size = full.size(), child_size = child.size();
  while (const dirent* e = ::readdir(d)) {
    const char* name = e->d_name;
    if (name[0] == '.') continue;  // hidden, and "." and ".."
    full.resize(full_size);
    full.append(name);
    child.resize(child_size);
    child.append(name);
    unsigned char type = e->d_type;
    struct stat st;
    if (type == DT_UNKNOWN) {
      if (::fstatat(::dirfd(d), name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
      type = S_ISDIR(st.st_mode)   ? DT_DIR
             : S_ISREG(st.st_mode) ? DT_REG
             : S_ISLNK(st.st_mode) ? DT_LNK
                                   : DT_FIFO;
    }
    if (type == DT_DIR) {
      folders.push_back(name);
      continue;
    }
    if (type == DT_REG) {
      out.push_back({full, child, false});
      continue;
    }
    if (type == DT_LNK) {
      // Followed when it leads inside the root; a folder it leads to is not listed.
      std::error_code ec;
      fs::path target = fs::weakly_canonical(fs::path(full), ec);
      if (ec || !is_inside(target, real_root) || is_hidden_below(target, real_root)) {
        if (escaped) escaped->push_back(child);
        continue;
      }
      // A link to nothing, or to a folder (not followed): its files would be left out of
      // the site without a word.
      if (::stat(full.c_str(), &st) != 0 || S_ISDIR(st.st_mode)) {
        if (escaped) escaped->push_back(child);
        continue;
      }
      if (S_ISREG(st.st_mode)) {
        out.push_back({full, child, true});
      } else if (special) {
        special->push_back(child);
      }
      continue;
    }
    if (special) special->push_back(child);  // a FIFO, socket or device: reading it could hang
  }
  ::closedir(d);
  for (const std::string& name : folders) {
    list_folder(path + name + "/", rel + name + "/", real_root, out, escaped, special);
  }
}

}  // namespace

std::vector<FoundFile> list_files(const fs::path& dir, const fs::path& root,
                                  std::vector<std::string>* escaped,
                                  std::vector<std::string>* special) {
  std::vector<FoundFile> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    // A file where the folder belongs (`data` saved as a file): the site would be published
    // without its datasets, or its pages, without a word. Reported as the entry "".
    if (special && file_at_folder(dir)) special->push_back("");
    return out;
  }
  fs::path real_root = fs::weakly_canonical(root, ec);
  // The folder itself may be a link (static/ leading to a home folder): one that leads out
  // of the root, or to a hidden folder of it, is not listed at all, and reported as the
  // entry "".
  if (!leads_inside(dir, root)) {
    if (escaped) escaped->push_back("");
    return out;
  }
  // Each entry's path is `dir`, a slash (unless `dir` ends with one) and its relative path.
  std::string dir_text = dir.native();
  if (dir_text.back() != '/') dir_text += '/';
  // Room for a folder of stories or photos at once (grown one by one, 200 entries of two
  // strings each were moved nine times; 18 KB, for as long as the listing).
  out.reserve(256);
  list_folder(dir_text, "", real_root, out, escaped, special);
  if (special) std::sort(special->begin(), special->end());
  // Sorted as (name, place) pairs, then moved into that order once, instead of moving the
  // entries themselves (two strings each) at every step of the sort (a site of 202 stories
  // and 200 photos in static/: both listings 0.52 -> 0.42 M instructions).
  std::vector<std::pair<std::string_view, std::uint32_t>> order;
  order.reserve(out.size());
  for (size_t i = 0; i < out.size(); ++i) {
    order.emplace_back(out[i].rel, static_cast<std::uint32_t>(i));
  }
  std::sort(order.begin(), order.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<FoundFile> sorted;
  sorted.reserve(out.size());
  for (const auto& entry : order) sorted.push_back(std::move(out[entry.second]));
  return sorted;
}

}  // namespace firefly
