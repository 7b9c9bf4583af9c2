#include "emit/folder_listing.h"

namespace firefly {

namespace fs = std::filesystem;

const std::map<std::string, FolderListing::Entry>& FolderListing::list(const fs::path& folder) {
  std::lock_guard lock(mu_);
  auto [it, inserted] = folders_.try_emplace(folder.string());
  if (!inserted) return it->second;
  if (DIR* dir = ::opendir(folder.c_str())) {
    while (const dirent* d = ::readdir(dir)) {
      std::string name = d->d_name;
      if (name == "." || name == "..") continue;
      it->second.emplace(std::move(name),
                         Entry{static_cast<unsigned long long>(d->d_ino), d->d_type});
    }
    ::closedir(dir);
  }
  return it->second;
}

const FolderListing::Entry* FolderListing::file(const fs::path& path) {
  const auto& entries = list(path.parent_path());
  auto it = entries.find(path.filename().string());
  if (it == entries.end()) return nullptr;
  if (it->second.type != DT_REG && it->second.type != DT_UNKNOWN) return nullptr;
  return &it->second;
}

}  // namespace firefly
