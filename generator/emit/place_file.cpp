#include "emit/place_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

namespace firefly {

namespace fs = std::filesystem;

namespace {

/// Reads `path` into `data` (room for `size` bytes); false unless it has exactly `size`.
bool read_sized(const fs::path& path, char* data, uintmax_t size) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return false;
  size_t got = 0;
  while (got < size) {
    ssize_t n = ::read(fd, data + got, size - got);
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  char extra;
  bool exact = got == size && ::read(fd, &extra, 1) == 0;
  ::close(fd);
  return exact;
}

/// Room for `size` bytes, not filled first: every build reads back each page it would
/// write (zeroing a string of the page's size first was 1.5 M instructions on 206 pages).
std::unique_ptr<char[]> room(uintmax_t size) {
  return std::make_unique_for_overwrite<char[]>(static_cast<size_t>(size));
}

/// Files larger than this are compared a part of this size at a time.
constexpr uintmax_t kCompareChunk = 1 << 20;

/// Reads exactly `n` bytes at `offset` of `fd` into `data`.
bool read_part(int fd, char* data, size_t n, uintmax_t offset) {
  size_t got = 0;
  while (got < n) {
    ssize_t r = ::pread(fd, data + got, n - got, static_cast<off_t>(offset + got));
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return false;
    got += static_cast<size_t>(r);
  }
  return true;
}

bool same_bytes(const fs::path& path, const std::string& bytes) {
  std::error_code ec;
  if (fs::file_size(path, ec) != bytes.size() || ec) return false;
  std::unique_ptr<char[]> old = room(bytes.size());
  return read_sized(path, old.get(), bytes.size()) &&
         std::memcmp(old.get(), bytes.data(), bytes.size()) == 0;
}

bool same_file(const fs::path& old, const fs::path& source) {
  struct stat o, s;
  if (::stat(old.c_str(), &o) == 0 && ::stat(source.c_str(), &s) == 0 && o.st_dev == s.st_dev &&
      o.st_ino == s.st_ino) {
    return true;  // a hard link made by the previous build
  }
  std::error_code ec;
  uintmax_t size = fs::file_size(old, ec);
  if (ec || fs::file_size(source, ec) != size || ec) return false;
  if (size <= kCompareChunk) {
    std::unique_ptr<char[]> a = room(size), b = room(size);
    return read_sized(old, a.get(), size) && read_sized(source, b.get(), size) &&
           std::memcmp(a.get(), b.get(), static_cast<size_t>(size)) == 0;
  }
  // A large file (a video of static/) a part at a time: two copies of a 1.5 GB file took
  // 3 GB on every rebuild.
  int fa = ::open(old.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  int fb = ::open(source.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  std::unique_ptr<char[]> a = room(kCompareChunk), b = room(kCompareChunk);
  bool same = fa >= 0 && fb >= 0;
  for (uintmax_t at = 0; same && at < size; at += kCompareChunk) {
    const size_t n = static_cast<size_t>(std::min<uintmax_t>(kCompareChunk, size - at));
    same = read_part(fa, a.get(), n, at) && read_part(fb, b.get(), n, at) &&
           std::memcmp(a.get(), b.get(), n) == 0;
  }
  if (fa >= 0) ::close(fa);
  if (fb >= 0) ::close(fb);
  return same;
}

}  // namespace

/// Writes `bytes` to a new file at `path`; the error (e.g. "No space left on device") when
/// that fails.
std::error_code write_bytes(const fs::path& path, const std::string& bytes) {
  return write_bytes_at(AT_FDCWD, path.c_str(), bytes);
}

std::error_code write_bytes_at(int dir_fd, const char* path, const std::string& bytes) {
  int fd = ::openat(dir_fd, path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) return {errno, std::generic_category()};
  size_t done = 0;
  int error = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      error = n < 0 ? errno : EIO;
      break;
    }
    done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0 && error == 0) error = errno;
  return {error, std::generic_category()};
}

/// Writes (or hard-links when unchanged) one file into the staging tree; `ec` says why it
/// failed. 0 = failed, 1 = written, 2 = reused.
int place_file(const OutputFile& f, const fs::path& temp, int temp_fd, const fs::path& out_dir,
               bool have_old, std::error_code& ec) {
  // The path as text: most files are written, and a path parsed into parts costs more
  // than writing a small page.
  std::string dest_text = temp.native();
  dest_text += '/';
  dest_text += f.path;
  if (f.source.empty() && !have_old) {
    ec = temp_fd >= 0 ? write_bytes_at(temp_fd, f.path.c_str(), f.bytes)
                      : write_bytes_at(AT_FDCWD, dest_text.c_str(), f.bytes);
    return ec ? 0 : 1;
  }
  fs::path dest(std::move(dest_text));
  if (have_old && !f.linkable) {
    fs::path old = out_dir / f.path;
    bool same = f.source.empty() ? same_bytes(old, f.bytes) : same_file(old, f.source);
    if (same) {
      fs::create_hard_link(old, dest, ec);
      if (!ec) return 2;
      ec.clear();
    }
  }
  if (f.source.empty()) {
    ec = write_bytes(dest, f.bytes);
  } else {
    if (f.linkable) {
      fs::create_hard_link(f.source, dest, ec);
      if (!ec) return 1;
      ec.clear();  // another file system: copied
    }
    fs::copy_file(f.source, dest, fs::copy_options::overwrite_existing, ec);
  }
  return ec ? 0 : 1;
}

}  // namespace firefly
