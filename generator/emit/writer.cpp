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
#include "core/parallel.h"
#include "core/text.h"
#include "emit/folder_listing.h"
#include "emit/folder_record.h"
#include "emit/interrupt.h"
#include "emit/output_folder.h"
#include "emit/place_file.h"

namespace firefly {

namespace fs = std::filesystem;

namespace {

/// Where a build writes its new output, inside the output folder; one per process.
const char* kStagingPrefix = ".firefly-staging-";

/// How long a folder must have been left alone before its record is trusted: a change
/// within the same tick of the file system's clock would keep its modification time.
constexpr long long kQuietNanoseconds = 2'000'000'000LL;

long long now_nanoseconds() {
  timespec t;
  ::clock_gettime(CLOCK_REALTIME, &t);
  return static_cast<long long>(t.tv_sec) * 1'000'000'000LL + t.tv_nsec;
}

bool exchange(const fs::path& a, const fs::path& b) {
#ifdef SYS_renameat2
  // RENAME_EXCHANGE (2): both names stay valid at every instant.
  if (syscall(SYS_renameat2, AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), 2) == 0) return true;
#endif
  return false;
}

const char* kDuplicateHint = "rename or remove one of them";

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

std::string lowercase_first(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

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
  fs::rename(fresh, dest, ec);  // a file replaces a file in one step
  return ec;
}

}  // namespace

bool check_unique_paths(OutputSet& files, Diagnostics& diags) {
  std::stable_sort(files.begin(), files.end(),
                   [](const OutputFile& a, const OutputFile& b) { return a.path < b.path; });
  bool ok = true;
  for (size_t i = 1; i < files.size(); ++i) {
    if (files[i].path == files[i - 1].path) {
      const std::string& a = files[i - 1].cause();
      const std::string& b = files[i].cause();
      diags.error(b.empty() ? a : b, {}, duplicate_message(files[i].path, a, b), kDuplicateHint);
      ok = false;
    }
  }
  return ok;
}

struct OutputWriter::Impl {
  fs::path out_dir, temp;
  Diagnostics& diags;
  int lock_fd = -1;
  bool created_out = false;
  bool have_old = false;
  bool committed = false;
  std::optional<InterruptCleanup> cleanup_out, cleanup_temp;
  std::mutex mu;
  /// path -> where it came from ("" generated); hashed: a rebuild with photos adds 14 paths
  /// a photo, all in one folder and alike in their first letters.
  std::unordered_map<std::string, std::string> sources;
  std::set<std::string, std::less<>> dirs;
  struct Failure {
    std::string path, message, hint;
    std::string cause;  ///< the source file that asked for `path` ("" = look it up)
    bool operator<(const Failure& o) const {
      return std::tie(path, message) < std::tie(o.path, o.message);
    }
  };
  std::vector<Failure> failures;
  std::atomic<size_t> no_space{0};  ///< files not written because the disk is full
  std::atomic<size_t> written{0}, unchanged{0};
  /// The old output's folders, as listed (inodes).
  FolderListing old_listing;
  unsigned long long out_device = 0;  ///< the file system the output folder is on
  /// Linked files the old output has already (the same file as their source), not yet
  /// placed in the staging folder, by top-level entry: (path, source).
  std::map<std::string, std::vector<std::pair<std::string, std::string>>, std::less<>> kept;
  /// Top-level entries with a file placed in the staging folder.
  std::set<std::string, std::less<>> staged_tops;
  /// What this build publishes in each top-level entry, and the old folder's time.
  struct Top {
    bool looked = false;
    long long mtime = -1, seen = 0;  ///< the old folder's time, when looked at (-1: none)
    bool trusted = false;            ///< its record says what it holds: not listed
    size_t files = 0;                ///< published in it by this build
    size_t linked = 0;               ///< of them, linked files right in it, inode known
    uint64_t digest = 0;             ///< of those (FolderRecords::entry_digest)
    // A batch of linked files added in it (add_batch): its digest and count, whether it
    // was taken whole (none of its files added), and how many of its files were added.
    bool batch = false, whole = false;
    uint64_t batch_digest = 0;
    size_t batch_count = 0, batch_added = 0;
  };
  std::map<std::string, Top, std::less<>> tops;  // guarded by mu
  std::optional<FolderRecords> records;
  /// The batches taken whole, until commit() sees whether their folders stay.
  std::vector<LinkedBatch> whole;

  Impl(const fs::path& out, Diagnostics& d) : out_dir(out), diags(d) {}

  /// Keeps the linked file `f` (moved from it) in its top-level entry's list (under `mu`);
  /// the entry's name is copied only for its first file (2,800 photo files a rebuild).
  void keep(OutputFile& f) {
    std::string_view top = std::string_view(f.path).substr(0, f.path.find('/'));
    auto it = kept.find(top);
    if (it == kept.end()) it = kept.try_emplace(std::string(top)).first;
    it->second.emplace_back(std::move(f.path), std::move(f.source));
  }

  /// The top-level entry `name` (under `mu`).
  Top& top_of(std::string_view name) {
    auto it = tops.find(name);
    if (it == tops.end()) it = tops.emplace(std::string(name), Top{}).first;
    return it->second;
  }

  /// Reads the old folder `name`'s time, once, and whether its record is trusted (under
  /// `mu`).
  void look(Top& t, std::string_view name) {
    if (t.looked || !have_old || !records) return;
    // Before any listing of it: a change from now on gives the folder a later time.
    t.looked = true;
    t.seen = now_nanoseconds();
    struct stat st;
    std::string folder = out_dir.native();
    folder.append("/").append(name);
    if (::stat(folder.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
      t.mtime = static_cast<long long>(st.st_mtim.tv_sec) * 1'000'000'000LL + st.st_mtim.tv_nsec;
      const FolderRecords::Record* r = records->find(std::string(name));
      t.trusted = r && r->mtime == t.mtime;
    }
  }

  /// Counts `f` into its top-level entry (under `mu`); whether it is kept without looking
  /// (its folder's record is trusted and it is a linked file right in it).
  bool count_file(const OutputFile& f) {
    size_t slash = f.path.find('/');
    std::string_view name = std::string_view(f.path).substr(0, slash);
    Top& t = top_of(name);
    ++t.files;
    bool flat = slash != std::string::npos && f.path.find('/', slash + 1) == std::string::npos;
    if (!f.linkable || !flat || f.source_inode == 0 || f.source_device != out_device) return false;
    look(t, name);
    ++t.linked;
    t.digest +=
        FolderRecords::entry_digest(std::string_view(f.path).substr(slash + 1), f.source_inode);
    return t.trusted;
  }

  /// Whether the old output has `f` (a linked file) as a link to the same source: then it
  /// is kept (moved from `f`), to be placed only if its top-level entry cannot stay as it
  /// is (place_kept). With `unseen`, it is kept without looking.
  bool keep_linked(OutputFile& f, bool unseen) {
    if (unseen) {
      std::lock_guard lock(mu);
      keep(f);
      return true;
    }
    const FolderListing::Entry* old = old_listing.file(f.path);
    if (!old) return false;
    unsigned long long device = f.source_device, inode = f.source_inode;
    if (inode == 0) {
      struct stat st;
      if (::stat(f.source.c_str(), &st) != 0) return false;
      device = static_cast<unsigned long long>(st.st_dev);
      inode = static_cast<unsigned long long>(st.st_ino);
    }
    if (device != out_device || inode != old->inode) return false;
    std::lock_guard lock(mu);
    keep(f);
    return true;
  }

  /// Records each top-level folder left in place that holds linked files only, right in
  /// it, when its time is still the one seen before it was looked at, and that time was
  /// old enough to trust; forgets the others' records.
  void record(const std::set<std::string>& in_place) {
    if (!records) return;
    std::set<std::string> recorded;
    for (const auto& [name, t] : tops) {
      // A folder that holds one batch's files, all of them, is recorded by the batch.
      bool by_batch = t.whole || (t.batch && t.batch_added == t.batch_count &&
                                  t.files == t.batch_count && t.files == t.linked);
      size_t files = t.whole ? t.batch_count : t.files;
      if (!in_place.count(name) || files == 0 || (!by_batch && t.files != t.linked) ||
          t.mtime < 0 || t.mtime >= t.seen - kQuietNanoseconds) {
        continue;
      }
      struct stat st;
      fs::path folder = out_dir / name;
      if (::stat(folder.c_str(), &st) != 0 ||
          static_cast<long long>(st.st_mtim.tv_sec) * 1'000'000'000LL + st.st_mtim.tv_nsec !=
              t.mtime) {
        continue;
      }
      records->set(name, {t.mtime, files, by_batch ? t.batch_digest : t.digest});
      recorded.insert(name);
    }
    records->keep_only([&](const std::string& name) { return recorded.count(name) > 0; });
    records->save();
  }

  /// Whether the old output's `folder` (relative) holds regular files and folders of them
  /// only, none empty; its files are counted into `files`.
  bool holds_only_files(const std::string& folder, size_t& files) {
    const FolderListing::Entries& entries = old_listing.list(folder);
    if (entries.empty()) return false;  // an empty folder the new output does not have
    for (const auto& [name, entry] : entries) {
      if (entry.type == DT_DIR) {
        if (!holds_only_files(folder + "/" + name, files)) return false;
      } else if (entry.type == DT_REG || entry.type == DT_UNKNOWN) {
        ++files;
      } else {
        return false;
      }
    }
    return true;
  }

  /// Leaves in place the folder of each batch taken whole when nothing else is published
  /// in it; else adds the batch's files to it. False after a failure.
  bool place_whole(OutputWriter& writer, std::set<std::string>& in_place) {
    std::vector<LinkedBatch> batches = std::move(whole);
    for (LinkedBatch& b : batches) {
      Top& t = tops[b.top];
      if (t.files == 0 && !staged_tops.count(b.top)) {
        in_place.insert(b.top);
        unchanged += b.count;
        continue;
      }
      t.whole = false;
      writer.add_each(b);
    }
    return failures.empty() && !no_space;
  }

  /// Decides for each top-level entry with kept files: left in place when nothing of it
  /// was staged and the old entry holds exactly those files (returned), else its kept
  /// files are linked into the staging folder. False after a failure.
  bool place_kept(std::set<std::string>& in_place) {
    for (const auto& [top, files] : kept) {
      bool folder = files.size() > 1 || files.front().first != top;
      const Top& t = tops[top];
      if (t.trusted) {
        // Kept unseen: the folder stays when it holds what its record says (its time is
        // the recorded one), and that is exactly this build's files.
        const FolderRecords::Record* r = records->find(top);
        if (!staged_tops.count(top) && t.files == t.linked && r->files == t.linked &&
            r->digest == t.digest) {
          in_place.insert(top);
          unchanged += files.size();
          continue;
        }
      } else if (!staged_tops.count(top)) {
        // Each kept file is in the old entry (keep_linked found it there), so the entry
        // holds exactly those when it holds as many files and nothing else.
        size_t seen = 0;
        if (folder ? holds_only_files(top, seen) && seen == files.size() : files.size() == 1) {
          in_place.insert(top);
          unchanged += files.size();
          continue;
        }
      }
      for (const auto& [path, source] : files) {
        std::error_code ec;
        if (!ensure_dir(path, ec)) {
          fail(path, "cannot create the folder of " + (temp / path).string() + ": " +
                         lowercase_first(ec.message()));
          continue;
        }
        // A file kept unseen may not be in the old output: linked from its source.
        if (!t.trusted) fs::create_hard_link(out_dir / path, temp / path, ec);
        if (t.trusted || ec) {
          ec.clear();
          fs::create_hard_link(source, temp / path, ec);
        }
        if (ec) {
          fail(path,
               "cannot write " + (temp / path).string() + ": " + lowercase_first(ec.message()));
        } else {
          ++unchanged;
        }
      }
    }
    return failures.empty();
  }

  void fail(const std::string& path, std::string message, std::string hint = {},
            std::string cause = {}) {
    std::lock_guard lock(mu);
    failures.push_back({path, std::move(message), std::move(hint), std::move(cause)});
  }

  // Creates the folder of `path` once; `ec` says why it could not.
  bool ensure_dir(const std::string& path, std::error_code& ec) {
    size_t slash = path.rfind('/');
    if (slash == std::string::npos) return true;
    std::string_view dir(path.data(), slash);
    {
      std::lock_guard lock(mu);
      if (dirs.find(dir) != dirs.end()) return true;
    }
    // Most folders are a page's own, inside one made already: one mkdir, no stat.
    std::string folder = temp.native();
    folder += '/';
    folder += dir;
    if (::mkdir(folder.c_str(), 0777) != 0 && !(errno == EEXIST && fs::is_directory(folder, ec))) {
      fs::create_directories(folder, ec);
      if (ec) return false;
    }
    std::lock_guard lock(mu);
    dirs.emplace(dir);
    return true;
  }

  // Opens (creating it when missing) the output folder, waits for any other build into
  // it, and makes this build's staging folder inside it.
  void open() {
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
      return fail("",
                  "cannot write into " + out_dir.string() + ": " + lowercase_first(ec.message()));
    }
    have_old = !created_out;
    old_listing.set_root(out_dir);
    struct stat st;
    if (::fstat(lock_fd, &st) == 0) out_device = static_cast<unsigned long long>(st.st_dev);
  }

  // Moves every entry of the staging folder into the output folder and removes what the
  // new output no longer has.
  bool switch_in(const std::set<std::string>& in_place) {
    std::error_code ec;
    std::set<std::string> fresh = in_place;
    for (const auto& entry : fs::directory_iterator(temp, ec)) {
      fresh.insert(entry.path().filename().string());
    }
    fs::path aside = temp / ".firefly-previous";
    fs::create_directory(aside, ec);
    for (const std::string& name : fresh) {
      if (in_place.count(name)) continue;
      if ((ec = switch_entry(temp / name, out_dir / name, aside / name))) {
        diags.error(
            "", {},
            "cannot publish " + (out_dir / name).string() + ": " + lowercase_first(ec.message()));
        return false;
      }
    }
    for (const auto& entry : fs::directory_iterator(out_dir, ec)) {
      std::string name = entry.path().filename().string();
      if (!fresh.count(name) && entry.path() != temp) fs::remove_all(entry.path(), ec);
    }
    fs::remove_all(temp, ec);
    return true;
  }
};

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
  if (w.lock_fd >= 0) ::close(w.lock_fd);
}

void OutputWriter::add(OutputFile f) {
  // Paths come from the model, which refuses unsafe ones; this is the last guard.
  if (f.path.empty() || f.path[0] == '/' || f.path.find("..") != std::string::npos ||
      f.path.find('\\') != std::string::npos) {
    impl_->fail(f.path, "refusing to write outside the output folder: " + f.path, {}, f.cause());
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
    if (!inserted) {
      impl_->failures.push_back(
          {f.path, duplicate_message(f.path, it->second, f.cause()), kDuplicateHint, {}});
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
  int outcome = place_file(f, impl_->temp, impl_->out_dir, impl_->have_old, ec);
  if (outcome == 0 && ec == std::errc::no_space_on_device) {
    ++impl_->no_space;  // said once, by commit()
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
    // Report in path order, so the outcome does not depend on thread scheduling.
    std::sort(w.failures.begin(), w.failures.end());
    for (const Impl::Failure& f : w.failures) {
      auto it = w.sources.find(f.path);
      std::string cause = !f.cause.empty() ? f.cause : it != w.sources.end() ? it->second : "";
      w.diags.error(cause, {}, f.message, f.hint);
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
