#include "emit/writer.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <tuple>
#include <vector>

#include "core/fs.h"
#include "core/parallel.h"
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

const char* kDuplicateHint = "rename or remove one of them";

/// The error for two files published at `path`, coming from `a` and `b` ("" = generated).
std::string duplicate_message(const std::string& path, const std::string& a, const std::string& b) {
  auto name = [](const std::string& s) { return s.empty() ? std::string("a generated file") : s; };
  return "two files would be published at /" + path + " (" + name(a) + " and " + name(b) + ")";
}

}  // namespace

bool check_unique_paths(OutputSet& files, Diagnostics& diags) {
  std::stable_sort(files.begin(), files.end(),
                   [](const OutputFile& a, const OutputFile& b) { return a.path < b.path; });
  bool ok = true;
  for (size_t i = 1; i < files.size(); ++i) {
    if (files[i].path == files[i - 1].path) {
      diags.error(files[i].source, {},
                  duplicate_message(files[i].path, files[i - 1].source, files[i].source),
                  kDuplicateHint);
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

struct OutputWriter::Impl {
  fs::path out_dir, temp;
  Diagnostics& diags;
  bool have_old = false;
  bool committed = false;
  std::mutex mu;
  std::map<std::string, std::string> sources;  // path -> where it came from ("" generated)
  std::set<std::string> dirs;
  struct Failure {
    std::string path, message, hint;
    bool operator<(const Failure& o) const {
      return std::tie(path, message) < std::tie(o.path, o.message);
    }
  };
  std::vector<Failure> failures;
  std::atomic<size_t> written{0}, unchanged{0};

  Impl(const fs::path& out, Diagnostics& d) : out_dir(out), diags(d) {}

  void fail(const std::string& path, std::string message, std::string hint = {}) {
    std::lock_guard lock(mu);
    failures.push_back({path, std::move(message), std::move(hint)});
  }

  // Creates the folder of `path` once.
  bool ensure_dir(const std::string& path) {
    size_t slash = path.rfind('/');
    if (slash == std::string::npos) return true;
    std::string dir = path.substr(0, slash);
    {
      std::lock_guard lock(mu);
      if (dirs.count(dir)) return true;
    }
    std::error_code ec;
    fs::create_directories(temp / dir, ec);
    if (ec) return false;
    std::lock_guard lock(mu);
    dirs.insert(dir);
    return true;
  }
};

OutputWriter::OutputWriter(const fs::path& out_dir, Diagnostics& diags)
    : impl_(std::make_unique<Impl>(out_dir, diags)) {
  remove_stale_temporaries(out_dir);
  impl_->temp = sibling(out_dir, kTempMarker);
  std::error_code ec;
  fs::remove_all(impl_->temp, ec);
  fs::create_directories(impl_->temp, ec);
  if (ec) impl_->fail("", "cannot create " + impl_->temp.string() + ": " + ec.message());
  impl_->have_old = fs::is_directory(out_dir, ec);
}

OutputWriter::~OutputWriter() {
  if (impl_->committed) return;
  std::error_code ec;
  fs::remove_all(impl_->temp, ec);
}

void OutputWriter::add(OutputFile f) {
  // Paths come from the model, which refuses unsafe ones; this is the last guard.
  if (f.path.empty() || f.path[0] == '/' || f.path.find("..") != std::string::npos ||
      f.path.find('\\') != std::string::npos) {
    impl_->fail(f.path, "refusing to write outside the output folder: " + f.path);
    return;
  }
  {
    std::lock_guard lock(impl_->mu);
    auto [it, inserted] = impl_->sources.emplace(f.path, f.source);
    if (!inserted) {
      impl_->failures.push_back(
          {f.path, duplicate_message(f.path, it->second, f.source), kDuplicateHint});
      return;
    }
  }
  if (!impl_->ensure_dir(f.path)) {
    impl_->fail(f.path, "cannot create the folder of " + (impl_->temp / f.path).string());
    return;
  }
  int outcome = place_file(f, impl_->temp, impl_->out_dir, impl_->have_old);
  if (outcome == 0) {
    impl_->fail(f.path, "cannot write " + (impl_->temp / f.path).string());
  } else {
    ++(outcome == 2 ? impl_->unchanged : impl_->written);
  }
}

bool OutputWriter::commit(PublishStats* stats) {
  Impl& w = *impl_;
  if (!w.failures.empty()) {
    // Report in path order, so the outcome does not depend on thread scheduling.
    std::sort(w.failures.begin(), w.failures.end());
    for (const Impl::Failure& f : w.failures) {
      auto it = w.sources.find(f.path);
      w.diags.error(it != w.sources.end() ? it->second : "", {}, f.message, f.hint);
    }
    return false;
  }
  std::error_code ec;
  if (w.have_old) {
    if (!exchange(w.temp, w.out_dir)) {
      fs::path old = sibling(w.out_dir, kOldMarker);
      fs::rename(w.out_dir, old, ec);
      if (!ec) fs::rename(w.temp, w.out_dir, ec);
      if (ec) {
        w.diags.error("", {}, "cannot replace " + w.out_dir.string() + ": " + ec.message());
        return false;
      }
      fs::remove_all(old, ec);
    } else {
      fs::remove_all(w.temp, ec);  // now holds the previous output
    }
  } else {
    fs::create_directories(fs::absolute(w.out_dir).parent_path(), ec);
    fs::rename(w.temp, w.out_dir, ec);
    if (ec) {
      w.diags.error("", {}, "cannot create " + w.out_dir.string() + ": " + ec.message());
      return false;
    }
  }
  w.committed = true;
  if (stats) {
    stats->files = w.sources.size();
    stats->written = w.written;
    stats->unchanged = w.unchanged;
  }
  return true;
}

bool publish(OutputSet files, const fs::path& out_dir, Diagnostics& diags, PublishStats* stats) {
  OutputWriter writer(out_dir, diags);
  size_t threads = std::clamp<size_t>(std::thread::hardware_concurrency(), 1, 8);
  threads = std::min(threads, std::max<size_t>(1, files.size() / 256));
  parallel_for(files.size(), static_cast<int>(threads),
               [&](size_t i) { writer.add(std::move(files[i])); });
  return writer.commit(stats);
}

}  // namespace firefly
