// A file published where another file's folder must be: static/about beside the page
// /about/index.html, a folder static/feed.xml/ where the feed is written. The file system
// refuses the second one, naming the build's staging folder and neither source.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace firefly {

/// A file at `file` and another at `inner`, inside a folder at the path of `file`.
struct FolderClash {
  std::string_view file, inner;
};

/// The length of the first of the folders holding `path` ("a" and "a/b" for "a/b/c") that
/// is one of `sorted` (sorted paths); npos when none is. `checked` is the folder of the
/// path looked at last (in sorted order), whose folders were found free: it is not looked
/// at again, as a page's files come together.
size_t file_at_folder(std::string_view path, const std::vector<std::string_view>& sorted,
                      std::string_view& checked);

/// Each path of `sorted` (sorted, without duplicates) that is the folder of others, with
/// the first of those in sorted order.
std::vector<FolderClash> folder_clashes(const std::vector<std::string_view>& sorted);

/// The error for a clash, naming where each path comes from ("" = generated).
std::string folder_clash_message(const FolderClash& clash, const std::string& file_cause,
                                 const std::string& inner_cause);

}  // namespace firefly
