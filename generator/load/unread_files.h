// Files in content/ or data/ that Firefly does not read: a staff member who saved a page
// as b.MD, notes.md.txt or report.docx, or a sheet as data/x.xlsx, sees nothing published
// and would not know why.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace firefly {

/// What to say of a file that is not read: the warning and how to fix it.
struct UnreadFile {
  std::string message;
  std::string hint;
};

/// Why the file `rel` of content/ (e.g. "stories/b.MD") is not a page and is not
/// published, or nullopt when it is a page (.md) or a file nobody meant to publish (a
/// hidden file, an editor's backup, a README).
std::optional<UnreadFile> unread_content_file(std::string_view rel);

/// The same for the file `rel` of data/ (e.g. "x.xlsx", "2024/x.csv"), where a dataset
/// is a .csv and a .yaml of the same name in data/ itself.
std::optional<UnreadFile> unread_data_file(std::string_view rel);

}  // namespace firefly
