#include "emit/writer.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>

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

bool same_bytes(const fs::path& path, const std::string& bytes) {
  std::error_code ec;
  if (fs::file_size(path, ec) != bytes.size() || ec) return false;
  auto old = read_file(path);
  return old && *old == bytes;
}

bool write_bytes(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return static_cast<bool>(out);
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
  for (const OutputFile& f : files) {
    fs::path dest = temp / f.path;
    fs::create_directories(dest.parent_path(), ec);
    fs::path old = out_dir / f.path;
    bool reused = false;
    if (have_old) {
      bool same = f.source.empty() ? same_bytes(old, f.bytes)
                                   : (fs::file_size(old, ec) == fs::file_size(f.source, ec) &&
                                      !ec && read_file(old) == read_file(f.source));
      ec.clear();
      if (same) {
        fs::create_hard_link(old, dest, ec);
        reused = !ec;
        ec.clear();
      }
    }
    if (!reused) {
      bool ok = f.source.empty()
                    ? write_bytes(dest, f.bytes)
                    : fs::copy_file(f.source, dest, fs::copy_options::overwrite_existing, ec);
      if (!ok || ec) {
        diags.error(f.source, {}, "cannot write " + dest.string());
        fs::remove_all(temp, ec);
        return false;
      }
    }
    ++(reused ? s.unchanged : s.written);
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
