#include "emit/writer.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string_view>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "core/fs.h"
#include "core/interrupt.h"
#include "core/parallel.h"
#include "core/text.h"
#include "emit/folder_listing.h"
#include "emit/folder_record.h"
#include "emit/output_folder.h"
#include "emit/path_clashes.h"
#include "emit/place_file.h"
#include "emit/remove_tree.h"
#include "emit/writer_impl.h"

namespace firefly {

namespace fs = std::filesystem;
using writer_internal::lowercase_first;

namespace {

/// Where a build writes its new output, inside the output folder; one per process.

bool exchange(const fs::path& a, const fs::path& b) {
#ifdef SYS_renameat2
  // RENAME_EXCHANGE (2): both names stay valid at every instant.
  if (syscall(SYS_renameat2, AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), 2) == 0) return true;
#endif
  return false;
}

/// The error for two files published at `path`, coming from `a` and `b` ("" = generated).
std::string duplicate_message(const std::string& path, std::string a, std::string b) {
  // Source files first, in name order: the text does not depend on which thread came first.
  if (a.empty() || (!b.empty() && b < a)) std::swap(a, b);
  auto name = [](const std::string& s) { return s.empty() ? std::string("a generated file") : s; };
  return "two files would be published at /" + path + " (" + name(a) + " and " + name(b) + ")";
}

/// What the marker file says to someone who finds it.
const char* kMarkerText =
    "This folder is a site published by Firefly. `firefly build` replaces everything in it.\n";

/// Switches `fresh` (a finished entry of the staging folder) in at `dest`, so readers see
/// the old or the new entry, never a half-written one. Folders are exchanged in one step
/// where the kernel can; the old entry ends up under `aside` (inside the staging folder).
std::error_code switch_entry(const fs::path& fresh, const fs::path& dest, const fs::path& aside) {
  std::error_code ec;
  fs::file_status old = fs::symlink_status(dest, ec);
  ec.clear();
  if (fs::exists(old)) {
    const bool fresh_is_folder = fs::is_directory(fs::symlink_status(fresh, ec));
    const bool both_folders = fs::is_directory(old) && fresh_is_folder;
    if (both_folders && exchange(fresh, dest)) {
      fs::rename(fresh, aside, ec);  // `fresh` now names the old folder
      return ec;
    }
    if (both_folders || fs::is_directory(old) != fresh_is_folder) {
      fs::rename(dest, aside, ec);  // a file cannot replace a folder (or the other way round)
      if (ec) return ec;
    }
  }
  // A file replaces a file in one step; the old one is kept aside (a second name, no
  // copy) so that a publish that fails later can put it back.
  if (fs::exists(old) && !fs::is_directory(old)) fs::create_hard_link(dest, aside, ec);
  ec.clear();
  fs::rename(fresh, dest, ec);
  return ec;
}

/// Undoes switch_entry for each of `names` (last first): the new entry goes back to the
/// staging folder `temp`, the old one (kept under `aside`) back to its place. True when
/// every one is back.
bool switch_back(const std::vector<std::string>& names, const fs::path& out_dir,
                 const fs::path& temp, const fs::path& aside) {
  bool ok = true;
  for (auto it = names.rbegin(); it != names.rend(); ++it) {
    std::error_code ec;
    fs::path dest = out_dir / *it, old = aside / *it;
    fs::rename(dest, temp / *it, ec);
    if (ec) {
      ok = false;
      continue;
    }
    if (fs::exists(fs::symlink_status(old, ec))) fs::rename(old, dest, ec);
    ok = ok && !ec;
  }
  return ok;
}

/// True when `path` can be opened for reading.
/// True when a part of `path` between slashes is "..", which climbs out of the folder; a
/// name with two dots in it ("report..final.pdf", a folder "v1..2") stays inside.
bool climbs(std::string_view path) {
  for (size_t start = 0;;) {
    size_t end = path.find('/', start);
    if (path.substr(start, end == std::string_view::npos ? end : end - start) == "..") {
      return true;
    }
    if (end == std::string_view::npos) return false;
    start = end + 1;
  }
}

bool readable(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd >= 0) ::close(fd);
  return fd >= 0;
}

}  // namespace

bool paths_unique(std::vector<std::string_view>& paths) {
  std::sort(paths.begin(), paths.end());
  if (std::adjacent_find(paths.begin(), paths.end()) != paths.end()) return false;
  std::string_view checked;
  return std::none_of(paths.begin(), paths.end(), [&](std::string_view p) {
    return file_at_folder(p, paths, checked) != std::string_view::npos;
  });
}

bool check_unique_paths(OutputSet& files, Diagnostics& diags) {
  std::vector<std::string_view> paths;
  paths.reserve(files.size());
  for (const OutputFile& f : files) paths.push_back(f.path);
  if (paths_unique(paths)) return true;
  std::stable_sort(files.begin(), files.end(),
                   [](const OutputFile& a, const OutputFile& b) { return a.path < b.path; });
  bool ok = true;
  for (size_t i = 1; i < files.size(); ++i) {
    if (files[i].path == files[i - 1].path) {
      const std::string& a = files[i - 1].cause();
      const std::string& b = files[i].cause();
      // At the url: or alias that made a page's address, when one did.
      const OutputFile& at = files[i].origin_pos.line       ? files[i]
                             : files[i - 1].origin_pos.line ? files[i - 1]
                             : b.empty()                    ? files[i - 1]
                                                            : files[i];
      diags.error(at.cause(), at.origin_pos, duplicate_message(files[i].path, a, b),
                  kDuplicateHint);
      ok = false;
    }
  }
  std::vector<std::string_view> sorted;
  for (const OutputFile& f : files) {
    if (sorted.empty() || sorted.back() != f.path) sorted.push_back(f.path);
  }
  auto find = [&](std::string_view path) -> const OutputFile& {
    return *std::lower_bound(files.begin(), files.end(), path,
                             [](const OutputFile& f, std::string_view p) { return f.path < p; });
  };
  for (const FolderClash& clash : folder_clashes(sorted)) {
    const OutputFile &file = find(clash.file), &inner = find(clash.inner);
    const OutputFile& at = file.cause().empty() ? inner : file;  // a source file to fix
    diags.error(at.cause(), at.origin_pos, folder_clash_message(clash, file.cause(), inner.cause()),
                kDuplicateHint);
    ok = false;
  }
  return ok;
}

bool OutputWriter::Impl::ensure_dir(const std::string& path, std::error_code& ec) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return true;
  std::string_view dir(path.data(), slash);
  {
    std::lock_guard lock(mu);
    if (dirs.find(dir) != dirs.end()) return true;
  }
  // Most folders are a page's own, inside one made already: one mkdir, no stat.
  const std::string relative(dir);
  std::string folder = temp.native();
  folder += '/';
  folder += dir;
  if ((temp_fd >= 0 ? ::mkdirat(temp_fd, relative.c_str(), 0777) : ::mkdir(folder.c_str(), 0777)) !=
          0 &&
      !(errno == EEXIST && fs::is_directory(folder, ec))) {
    fs::create_directories(folder, ec);
    if (ec) return false;
  }
  std::lock_guard lock(mu);
  dirs.emplace(dir);
  return true;
}

void OutputWriter::Impl::open() {
  std::error_code ec;
  if (!fs::exists(out_dir, ec)) {
    // Registered first: an interrupt right after the folder is made still removes it.
    cleanup_out.emplace(out_dir);
    fs::create_directories(out_dir, ec);
    if (ec) {
      cleanup_out.reset();
      return fail("", "cannot create " + out_dir.string() + ": " + lowercase_first(ec.message()));
    }
    created_out = true;
  }
  lock_fd = ::open(out_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (lock_fd < 0 || ::flock(lock_fd, LOCK_EX) != 0) {
    return fail("",
                "cannot open " + out_dir.string() + ": " + lowercase_first(std::strerror(errno)));
  }
  // Holding the lock, any staging folder left here is a killed build's.
  for (const auto& entry : fs::directory_iterator(out_dir, ec)) {
    if (starts_with(entry.path().filename().string(), kStagingPrefix)) {
      fs::remove_all(entry.path(), ec);
    }
  }
  temp = out_dir / (kStagingPrefix + std::to_string(::getpid()));
  cleanup_temp.emplace(temp);
  fs::create_directory(temp, ec);
  if (ec) {
    // Nothing is written then: each file said it could not be written (38 errors for a
    // small site, under a staging folder that never was), after the one that says why.
    cleanup_temp.reset();
    temp.clear();
    return fail("", "cannot write into " + out_dir.string() + ": " + lowercase_first(ec.message()));
  }
  temp_fd = ::open(temp.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);  // else by path
  have_old = !created_out;
  old_listing.set_root(out_dir);
  struct stat st;
  if (::fstat(lock_fd, &st) == 0) out_device = static_cast<unsigned long long>(st.st_dev);
}

bool OutputWriter::Impl::switch_in(const std::set<std::string>& in_place) {
  std::error_code ec;
  std::set<std::string> fresh = in_place;
  for (const auto& entry : fs::directory_iterator(temp, ec)) {
    fresh.insert(entry.path().filename().string());
  }
  std::filesystem::path aside = temp / ".firefly-previous";
  fs::create_directory(aside, ec);
  std::vector<std::string> switched;  // in the order they were switched in
  for (const std::string& name : fresh) {
    if (in_place.count(name)) continue;
    ec = name == detail::fail_switching_in
             ? std::make_error_code(std::errc::io_error)
             : switch_entry(temp / name, out_dir / name, aside / name);
    if (ec) {
      std::string why = lowercase_first(ec.message());
      if (switch_back(switched, out_dir, temp, aside)) {
        diags.error("", {}, "cannot publish " + (out_dir / name).string() + ": " + why);
      } else {
        diags.error("", {},
                    "cannot publish " + (out_dir / name).string() + ": " + why +
                        "; and what was already published could not all be put back: the "
                        "folder now mixes the old and the new site",
                    "fix the cause and build again");
      }
      return false;
    }
    switched.push_back(name);
  }
  for (const auto& entry : fs::directory_iterator(out_dir, ec)) {
    std::string name = entry.path().filename().string();
    // An output's own repository (`git init` in public/ to push it) is left alone.
    if (!fresh.count(name) && entry.path() != temp && name != kKeptRepository) {
      remove_tree(entry.path().native());
    }
  }
  remove_tree(temp.native());
  return true;
}

OutputWriter::OutputWriter(const fs::path& out_dir, Diagnostics& diags, const fs::path& records)
    : impl_(std::make_unique<Impl>(resolve_output_folder(out_dir), diags)) {
  impl_->open();
  if (!records.empty() && !impl_->temp.empty()) {
    impl_->records.emplace(records, fs::absolute(impl_->out_dir).lexically_normal().string());
  }
}

OutputWriter::~OutputWriter() {
  Impl& w = *impl_;
  std::error_code ec;
  if (!w.committed && !w.temp.empty()) fs::remove_all(w.temp, ec);
  if (!w.committed && w.created_out) fs::remove(w.out_dir, ec);
  if (w.temp_fd >= 0) ::close(w.temp_fd);
  if (w.lock_fd >= 0) ::close(w.lock_fd);
}

void OutputWriter::add(OutputFile f) {
  // Paths come from the model, which refuses unsafe ones; this is the last guard.
  if (f.path.empty() || f.path[0] == '/' || climbs(f.path) ||
      f.path.find('\\') != std::string::npos) {
    impl_->fail(f.path, "refusing to write outside the output folder: " + f.path, {}, f.cause());
    return;
  }
  if (f.path == kKeptRepository || starts_with(f.path, std::string(kKeptRepository) + "/")) {
    impl_->fail(f.path,
                "the name /" + f.path + " is kept for a git repository in the output folder",
                "rename the file", f.cause());
    return;
  }
  if (starts_with(f.path, ".firefly-")) {
    impl_->fail(f.path, "the name /" + f.path + " is kept for Firefly's own files",
                "rename the file", f.cause());
    return;
  }
  bool unseen = false;
  {
    std::lock_guard lock(impl_->mu);
    if (impl_->temp.empty()) return;  // the output folder could not be opened
    auto [it, inserted] = impl_->sources.emplace(f.path, f.cause());
    if (inserted && f.origin_pos.line) impl_->source_pos[f.path] = f.origin_pos;
    if (!inserted) {
      // At the url: or alias that made a page's address, when one did (of either file).
      std::string cause;
      Pos at = f.origin_pos;
      if (at.line) {
        cause = f.cause();
      } else if (auto p = impl_->source_pos.find(f.path); p != impl_->source_pos.end()) {
        cause = it->second;
        at = p->second;
      }
      impl_->failures.push_back({f.path, duplicate_message(f.path, it->second, f.cause()),
                                 kDuplicateHint, std::move(cause), at});
      if (it->second.empty()) it->second = f.cause();  // the error names a source file
      return;
    }
    unseen = impl_->count_file(f);
  }
  // Before anything is made in the staging folder: a kept file needs none of it.
  if (f.linkable && impl_->have_old && impl_->keep_linked(f, unseen)) return;
  if (!begin_write()) return;  // interrupted: the staging folder is being removed
  struct EndWrite {
    ~EndWrite() { end_write(); }
  } end;
  std::error_code ec;
  if (!impl_->ensure_dir(f.path, ec)) {
    if (ec == std::errc::no_space_on_device) {
      ++impl_->no_space;  // said once, by commit()
      return;
    }
    impl_->fail(f.path,
                "cannot create the folder of " + (impl_->temp / f.path).string() + ": " +
                    lowercase_first(ec.message()),
                {}, f.cause());
    return;
  }
  {
    std::lock_guard lock(impl_->mu);
    std::string_view top = std::string_view(f.path).substr(0, f.path.find('/'));
    if (impl_->staged_tops.find(top) == impl_->staged_tops.end()) impl_->staged_tops.emplace(top);
  }
  int outcome = place_file(f, impl_->temp, impl_->temp_fd, impl_->out_dir, impl_->have_old, ec);
  if (outcome == 0 && ec == std::errc::no_space_on_device) {
    ++impl_->no_space;  // said once, by commit()
  } else if (outcome == 0 && !f.source.empty() && !readable(f.source)) {
    // The file of static/ is what failed (no permission to read it, or removed meanwhile),
    // not the output folder, which the message would otherwise name.
    impl_->fail(f.path, unreadable_message(f.source), {}, f.cause());
  } else if (outcome == 0) {
    impl_->fail(
        f.path,
        "cannot write " + (impl_->temp / f.path).string() + ": " + lowercase_first(ec.message()),
        {}, f.cause());
  } else {
    ++(outcome == 2 ? impl_->unchanged : impl_->written);
  }
}

void OutputWriter::add_batch(LinkedBatch batch) {
  Impl& w = *impl_;
  {
    std::lock_guard lock(w.mu);
    if (w.temp.empty()) return;  // the output folder could not be opened
    const std::string& top = batch.top;
    bool plain = !top.empty() && top.find_first_of("/\\") == std::string::npos && top != "." &&
                 top != ".." && !starts_with(top, ".firefly-");
    Impl::Top& t = w.top_of(top);
    if (t.batch) {
      t.batch_count = 0;  // two batches in one folder: recorded file by file
    } else {
      t.batch = true;
      t.batch_digest = batch.digest;
      t.batch_count = batch.count;
      if (plain && t.files == 0 && !w.staged_tops.count(top) && batch.count > 0) {
        w.look(t, top);
        const FolderRecords::Record* r = t.trusted ? w.records->find(top) : nullptr;
        t.whole = r && r->files == batch.count && r->digest == batch.digest;
      }
      if (t.whole) {
        w.whole.push_back(std::move(batch));
        return;
      }
    }
  }
  add_each(batch);
}

void OutputWriter::add_each(const LinkedBatch& batch) {
  if (!batch.files) return;
  size_t added = 0;
  bool inside = true;
  batch.files([&](OutputFile&& f) {
    ++added;
    inside = inside && f.path.size() > batch.top.size() && f.path[batch.top.size()] == '/' &&
             starts_with(f.path, batch.top);
    add(std::move(f));
  });
  std::lock_guard lock(impl_->mu);
  impl_->tops[batch.top].batch_added = inside ? added : 0;
}

bool OutputWriter::commit(PublishStats* stats) {
  Impl& w = *impl_;
  std::set<std::string> in_place;
  if (w.failures.empty() && !w.no_space && w.place_whole(*this, in_place)) w.place_kept(in_place);
  if (w.no_space) {
    w.diags.error("", {},
                  "cannot write the site into " + w.out_dir.string() +
                      ": no space left on device (" + std::to_string(w.no_space) +
                      (w.no_space == 1 ? " file" : " files") + " could not be written)",
                  "free space on the disk that holds it, then build again");
  }
  if (!w.failures.empty() || w.no_space) {
    if (!w.failures.empty()) w.explain_folder_clashes();
    // Report in path order, so the outcome does not depend on thread scheduling.
    std::sort(w.failures.begin(), w.failures.end());
    for (const Impl::Failure& f : w.failures) {
      auto it = w.sources.find(f.path);
      std::string cause = !f.cause.empty() ? f.cause : it != w.sources.end() ? it->second : "";
      w.diags.error(cause, f.pos, f.message, f.hint);
    }
    return false;
  }
  std::error_code ec = write_bytes(w.temp / kOutputMarker, kMarkerText);
  if (ec) {
    w.diags.error(
        "", {},
        "cannot write " + (w.temp / kOutputMarker).string() + ": " + lowercase_first(ec.message()));
    return false;
  }
  {
    auto hold = InterruptCleanup::hold();  // an interrupt now would leave a mixed output
    if (!w.switch_in(in_place)) return false;
    w.committed = true;
  }
  w.record(in_place);
  if (stats) {
    stats->files = w.sources.size();
    for (const auto& [name, t] : w.tops) stats->files += t.whole ? t.batch_count : 0;
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
