#include "load/folder_stamps.h"

#include <string>
#include <vector>

#include "core/fs.h"
#include "load/content.h"

namespace firefly {

bool add_folder_stamps(Hasher& h, const std::filesystem::path& dir,
                       const std::filesystem::path& site_dir,
                       std::chrono::system_clock::time_point read_at) {
  std::vector<std::string> escaped, special;
  std::vector<FoundFile> files = list_files(dir, site_dir, &escaped, &special);
  bool trusted = true;
  h.add(files.size());
  for (const FoundFile& f : files) {
    FileStamp s = detail::stamp_of(f.full, read_at);
    trusted = trusted && !s.racy;
    h.add(f.rel).add(s.size).add(s.inode).add(s.mtime_ns).add(s.ctime_ns);
  }
  h.add(escaped.size());
  for (const std::string& rel : escaped) h.add(rel);
  h.add(special.size());
  for (const std::string& rel : special) h.add(rel);
  return trusted;
}

}  // namespace firefly
