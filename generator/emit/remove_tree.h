// Removing a folder and everything in it, as std::filesystem::remove_all does, without
// allocating: each commit removes the old pages of the output (a warm rebuild of 200
// stories: 420 folders), and remove_all's directory streams ask the allocator for 32 KB
// each, which cost more the more the build had allocated (2.0-2.7 M instructions).
#pragma once

#include <string>

namespace firefly {

/// Removes the file, symbolic link (not what it points to) or folder at `path`, and all a
/// folder holds; true when nothing is left there (also when nothing was).
bool remove_tree(const std::string& path);

}  // namespace firefly
