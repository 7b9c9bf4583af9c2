// The output writer's linked files (published photos): kept in place when the old output
// already has them, their folders recorded (FolderRecords) so that a rebuild need not
// list them, and batches of them taken whole (OutputWriter::add_batch).
#include <dirent.h>
#include <sys/stat.h>

#include <ctime>

#include "emit/writer_impl.h"

namespace firefly {

namespace fs = std::filesystem;
using writer_internal::lowercase_first;

namespace {

/// How long a folder must have been left alone before its record is trusted: a change
/// within the same tick of the file system's clock would keep its modification time.
constexpr long long kQuietNanoseconds = 2'000'000'000LL;

long long now_nanoseconds() {
  timespec t;
  ::clock_gettime(CLOCK_REALTIME, &t);
  return static_cast<long long>(t.tv_sec) * 1'000'000'000LL + t.tv_nsec;
}

}  // namespace

/// Keeps the linked file `f` (moved from it) in its top-level entry's list (under `mu`);
/// the entry's name is copied only for its first file (2,800 photo files a rebuild).
void OutputWriter::Impl::keep(OutputFile& f) {
  std::string_view top = std::string_view(f.path).substr(0, f.path.find('/'));
  auto it = kept.find(top);
  if (it == kept.end()) it = kept.try_emplace(std::string(top)).first;
  it->second.emplace_back(std::move(f.path), std::move(f.source));
}

/// The top-level entry `name` (under `mu`).
OutputWriter::Impl::Top& OutputWriter::Impl::top_of(std::string_view name) {
  auto it = tops.find(name);
  if (it == tops.end()) it = tops.emplace(std::string(name), Top{}).first;
  return it->second;
}

/// Reads the old folder `name`'s time, once, and whether its record is trusted (under
/// `mu`).
void OutputWriter::Impl::look(Top& t, std::string_view name) {
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
bool OutputWriter::Impl::count_file(const OutputFile& f) {
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
bool OutputWriter::Impl::keep_linked(OutputFile& f, bool unseen) {
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
void OutputWriter::Impl::record(const std::set<std::string>& in_place) {
  if (!records) return;
  std::set<std::string> recorded;
  for (const auto& [name, t] : tops) {
    // A folder that holds one batch's files, all of them, is recorded by the batch.
    bool by_batch = t.whole || (t.batch && t.batch_added == t.batch_count &&
                                t.files == t.batch_count && t.files == t.linked);
    size_t files = t.whole ? t.batch_count : t.files;
    if (!in_place.count(name) || files == 0 || (!by_batch && t.files != t.linked) || t.mtime < 0 ||
        t.mtime >= t.seen - kQuietNanoseconds) {
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
bool OutputWriter::Impl::holds_only_files(const std::string& folder, size_t& files) {
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
bool OutputWriter::Impl::place_whole(OutputWriter& writer, std::set<std::string>& in_place) {
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
bool OutputWriter::Impl::place_kept(std::set<std::string>& in_place) {
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
        fail(path, "cannot write " + (temp / path).string() + ": " + lowercase_first(ec.message()));
      } else {
        ++unchanged;
      }
    }
  }
  return failures.empty();
}

}  // namespace firefly
