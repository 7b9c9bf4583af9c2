#include "emit/remove_tree.h"

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

namespace firefly {

namespace {

/// Each level of folders reads its entries through a buffer of kListingBytes, on the stack
/// for the first kStackLevels levels and on the heap deeper.
constexpr int kStackLevels = 48;
constexpr size_t kListingBytes = 4096;

bool remove_folder_entries(int dir, int level);

/// Removes everything in `folder` (open) and then the folder, `name` in `parent` (AT_FDCWD
/// for a path). A listing read while its entries are removed may skip some on a few file
/// systems (POSIX leaves it open): a folder still not empty is listed again from its start.
bool empty_and_remove(int folder, int parent, const char* name, int level) {
  for (int pass = 0;; ++pass) {
    bool ok = remove_folder_entries(folder, level);
    if (::unlinkat(parent, name, AT_REMOVEDIR) == 0 || errno == ENOENT) return ok;
    if (errno != ENOTEMPTY || pass == 2 || ::lseek(folder, 0, SEEK_SET) != 0) return false;
  }
}

/// Removes the entry `name` of the folder open as `dir` (its type as the listing says).
bool remove_entry_at(int dir, const char* name, unsigned char type, int level) {
  if (type != DT_DIR) {
    if (::unlinkat(dir, name, 0) == 0 || errno == ENOENT) return true;
    if (errno != EISDIR && !(type == DT_UNKNOWN && errno == EPERM)) return false;
  }
  int sub = ::openat(dir, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (sub < 0) {
    // A symbolic link or a file after all (the listing's type was unknown): unlinked.
    return ::unlinkat(dir, name, 0) == 0 || errno == ENOENT;
  }
  bool ok = empty_and_remove(sub, dir, name, level + 1);
  ::close(sub);
  return ok;
}

/// Removes everything in the folder open as `dir`, `level` folders down, reading its
/// entries through `listing` (kListingBytes) a buffer at a time.
bool remove_listed_entries(int dir, int level, char* listing) {
  bool ok = true;
  for (;;) {
    ssize_t got = ::getdents64(dir, listing, kListingBytes);
    if (got < 0) return false;
    if (got == 0) return ok;
    for (ssize_t at = 0; at < got;) {
      const auto* d = reinterpret_cast<const struct dirent64*>(listing + at);
      at += d->d_reclen;
      const char* name = d->d_name;
      if (name[0] == '.' && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0'))) continue;
      ok = remove_entry_at(dir, name, d->d_type, level) && ok;
    }
  }
}

[[gnu::noinline]] bool remove_entries_listed_on_stack(int dir, int level) {
  alignas(struct dirent64) char listing[kListingBytes];
  return remove_listed_entries(dir, level, listing);
}

[[gnu::noinline]] bool remove_entries_listed_on_heap(int dir, int level) {
  std::unique_ptr<char[]> listing = std::make_unique<char[]>(kListingBytes);
  return remove_listed_entries(dir, level, listing.get());
}

bool remove_folder_entries(int dir, int level) {
  return level < kStackLevels ? remove_entries_listed_on_stack(dir, level)
                              : remove_entries_listed_on_heap(dir, level);
}

}  // namespace

bool remove_tree(const std::string& path) {
  if (::unlink(path.c_str()) == 0 || errno == ENOENT) return true;
  if (errno != EISDIR && errno != EPERM) return false;
  int dir = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (dir < 0) return false;
  bool ok = empty_and_remove(dir, AT_FDCWD, path.c_str(), 0);
  ::close(dir);
  return ok;
}

}  // namespace firefly
