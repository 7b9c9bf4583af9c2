// The output writer's errors for a file published where another file's folder must be.
#include <algorithm>

#include "core/text.h"
#include "emit/path_clashes.h"
#include "emit/writer_impl.h"

namespace firefly {

void OutputWriter::Impl::explain_folder_clashes() {
  std::vector<std::string_view> sorted;
  sorted.reserve(sources.size());
  for (const auto& [path, cause] : sources) sorted.push_back(path);
  std::sort(sorted.begin(), sorted.end());
  std::vector<FolderClash> clashes = folder_clashes(sorted);
  if (clashes.empty()) return;
  std::vector<Failure> explained;
  for (const FolderClash& clash : clashes) {
    const std::string &file = sources.at(std::string(clash.file)),
                      &inner = sources.at(std::string(clash.inner));
    explained.push_back({std::string(clash.file), folder_clash_message(clash, file, inner),
                         kDuplicateHint, file.empty() ? inner : file});
  }
  // What the file system said of the paths in a clash, now said by the clash's error.
  std::erase_if(failures, [&](const Failure& f) {
    bool refused = starts_with(f.message, "cannot write ") ||
                   starts_with(f.message, "cannot create the folder of ");
    return refused && std::any_of(clashes.begin(), clashes.end(), [&](const FolderClash& c) {
             return f.path == c.file ||
                    (starts_with(f.path, c.file) && f.path.size() > c.file.size() &&
                     f.path[c.file.size()] == '/');
           });
  });
  failures.insert(failures.end(), explained.begin(), explained.end());
}

}  // namespace firefly
