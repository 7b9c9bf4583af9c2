#include "emit/folder_listing.h"

namespace firefly {

const FolderListing::Entries& FolderListing::list(std::string_view folder) {
  std::lock_guard lock(mu_);
  auto it = folders_.find(folder);
  if (it != folders_.end()) return it->second;
  Entries& entries = folders_[std::string(folder)];
  std::filesystem::path path = folder.empty() ? root_ : root_ / folder;
  if (DIR* dir = ::opendir(path.c_str())) {
    while (const dirent* d = ::readdir(dir)) {
      std::string_view name = d->d_name;
      if (name == "." || name == "..") continue;
      entries.emplace(name, Entry{static_cast<unsigned long long>(d->d_ino), d->d_type});
    }
    ::closedir(dir);
  }
  return entries;
}

const FolderListing::Entry* FolderListing::file(std::string_view path) {
  size_t slash = path.rfind('/');
  const Entries& entries = list(slash == std::string_view::npos ? "" : path.substr(0, slash));
  auto it = entries.find(path.substr(slash == std::string_view::npos ? 0 : slash + 1));
  if (it == entries.end()) return nullptr;
  if (it->second.type != DT_REG && it->second.type != DT_UNKNOWN) return nullptr;
  return &it->second;
}

}  // namespace firefly
