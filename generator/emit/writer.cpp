#include "emit/writer.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <set>
#include <thread>
#include <vector>

#include "core/fs.h"
#include "core/text.h"

namespace firefly {

namespace fs = std::filesystem;

namespace {

const char* kTempMarker = ".firefly-tmp-";
const char* kOldMarker = ".firefly-old-";

fs::path sibling(const fs::path& out_dir, const char* marker) {
  fs::path abs = fs::absolute(out_dir).lexically_normal();
  if (abs.filename().empty()) abs = abs.parent_path();
  return abs.parent_path() / ("." + abs.filename().string() + marker + std::to_string(::getpid()));
}

/// The bytes of `path` when it has exactly `size` bytes; nullopt otherwise.
std::optional<std::string> read_sized(const fs::path& path, uintmax_t size) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  std::string data(size, '\0');
  size_t got = 0;
  while (got < size) {
    ssize_t n = ::read(fd, data.data() + got, size - got);
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  char extra;
  bool exact = got == size && ::read(fd, &extra, 1) == 0;
  ::close(fd);
  if (!exact) return std::nullopt;
  return data;
}

bool same_bytes(const fs::path& path, const std::string& bytes) {
  std::error_code ec;
  if (fs::file_size(path, ec) != bytes.size() || ec) return false;
  auto old = read_sized(path, bytes.size());
  return old && *old == bytes;
}

bool same_file(const fs::path& old, const fs::path& source) {
  std::error_code ec;
  uintmax_t size = fs::file_size(old, ec);
  if (ec || fs::file_size(source, ec) != size || ec) return false;
  auto a = read_sized(old, size);
  auto b = read_sized(source, size);
  return a && b && *a == *b;
}

bool write_bytes(const fs::path& path, const std::string& bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) return false;
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  return ::close(fd) == 0 && done == bytes.size();
}

/// Writes (or hard-links when unchanged) one file into the temporary tree.
/// 0 = failed, 1 = written, 2 = reused.
int place_file(const OutputFile& f, const fs::path& temp, const fs::path& out_dir, bool have_old) {
  std::error_code ec;
  fs::path dest = temp / f.path;
  if (have_old) {
    fs::path old = out_dir / f.path;
    bool same = f.source.empty() ? same_bytes(old, f.bytes) : same_file(old, f.source);
    if (same) {
      fs::create_hard_link(old, dest, ec);
      if (!ec) return 2;
      ec.clear();
    }
  }
  bool ok = f.source.empty()
                ? write_bytes(dest, f.bytes)
                : fs::copy_file(f.source, dest, fs::copy_options::overwrite_existing, ec);
  return ok && !ec ? 1 : 0;
}

bool exchange(const fs::path& a, const fs::path& b) {
#ifdef SYS_renameat2
  // RENAME_EXCHANGE (2): both names stay valid at every instant.
  if (syscall(SYS_renameat2, AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), 2) == 0) return true;
#endif
  return false;
}

bool pid_alive(const std::string& name, const char* marker) {
  size_t at = name.rfind(marker);
  if (at == std::string::npos) return false;
  try {
    int pid = std::stoi(name.substr(at + std::string_view(marker).size()));
    return pid != ::getpid() && ::kill(pid, 0) == 0;
  } catch (...) {
    return false;
  }
}

}  // namespace

bool check_unique_paths(OutputSet& files, Diagnostics& diags) {
  std::stable_sort(files.begin(), files.end(),
                   [](const OutputFile& a, const OutputFile& b) { return a.path < b.path; });
  bool ok = true;
  for (size_t i = 1; i < files.size(); ++i) {
    if (files[i].path == files[i - 1].path) {
      std::string a = files[i - 1].source.empty() ? "a generated file" : files[i - 1].source;
      std::string b = files[i].source.empty() ? "a generated file" : files[i].source;
      diags.error(
          files[i].source, {},
          "two files would be published at /" + files[i].path + " (" + a + " and " + b + ")",
          "rename or remove one of them");
      ok = false;
    }
  }
  return ok;
}

void remove_stale_temporaries(const fs::path& out_dir) {
  fs::path abs = fs::absolute(out_dir).lexically_normal();
  if (abs.filename().empty()) abs = abs.parent_path();
  std::error_code ec;
  std::string prefix = "." + abs.filename().string();
  for (const auto& entry : fs::directory_iterator(abs.parent_path(), ec)) {
    std::string name = entry.path().filename().string();
    if (!starts_with(name, prefix)) continue;
    bool ours =
        name.find(kTempMarker) != std::string::npos || name.find(kOldMarker) != std::string::npos;
    if (ours && !pid_alive(name, kTempMarker) && !pid_alive(name, kOldMarker)) {
      fs::remove_all(entry.path(), ec);
    }
  }
}

bool publish(OutputSet files, const fs::path& out_dir, Diagnostics& diags, PublishStats* stats) {
  if (!check_unique_paths(files, diags)) return false;
  for (const OutputFile& f : files) {
    // Paths come from the model, which refuses unsafe ones; this is the last guard.
    if (f.path.empty() || f.path[0] == '/' || f.path.find("..") != std::string::npos ||
        f.path.find('\\') != std::string::npos) {
      diags.error(f.source, {}, "refusing to write outside the output folder: " + f.path);
      return false;
    }
  }
  remove_stale_temporaries(out_dir);
  fs::path temp = sibling(out_dir, kTempMarker);
  std::error_code ec;
  fs::remove_all(temp, ec);
  fs::create_directories(temp, ec);
  if (ec) {
    diags.error("", {}, "cannot create " + temp.string() + ": " + ec.message());
    return false;
  }
  PublishStats s;
  bool have_old = fs::is_directory(out_dir, ec);
  // Folders first, in order, so the workers below only create files.
  std::set<std::string> dirs;
  for (const OutputFile& f : files) {
    size_t slash = f.path.rfind('/');
    if (slash != std::string::npos) dirs.insert(f.path.substr(0, slash));
  }
  for (const std::string& d : dirs) {
    fs::create_directories(temp / d, ec);
    if (ec) {
      diags.error("", {}, "cannot create " + (temp / d).string() + ": " + ec.message());
      fs::remove_all(temp, ec);
      return false;
    }
  }
  // Files are independent: write them on several threads. The first failure in path
  // order is the one reported, so the outcome does not depend on scheduling.
  std::vector<int> outcome(files.size(), 0);
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < files.size(); i = next++) {
      outcome[i] = place_file(files[i], temp, out_dir, have_old);
    }
  };
  size_t threads = std::clamp<size_t>(std::thread::hardware_concurrency(), 1, 8);
  threads = std::min(threads, std::max<size_t>(1, files.size() / 256));
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  for (size_t i = 0; i < files.size(); ++i) {
    if (outcome[i] == 0) {
      diags.error(files[i].source, {}, "cannot write " + (temp / files[i].path).string());
      fs::remove_all(temp, ec);
      return false;
    }
    ++(outcome[i] == 2 ? s.unchanged : s.written);
  }
  s.files = files.size();
  if (have_old) {
    if (!exchange(temp, out_dir)) {
      fs::path old = sibling(out_dir, kOldMarker);
      fs::rename(out_dir, old, ec);
      if (!ec) fs::rename(temp, out_dir, ec);
      if (ec) {
        diags.error("", {}, "cannot replace " + out_dir.string() + ": " + ec.message());
        return false;
      }
      fs::remove_all(old, ec);
    } else {
      fs::remove_all(temp, ec);  // now holds the previous output
    }
  } else {
    fs::create_directories(fs::absolute(out_dir).parent_path(), ec);
    fs::rename(temp, out_dir, ec);
    if (ec) {
      diags.error("", {}, "cannot create " + out_dir.string() + ": " + ec.message());
      return false;
    }
  }
  if (stats) *stats = s;
  return true;
}

}  // namespace firefly
