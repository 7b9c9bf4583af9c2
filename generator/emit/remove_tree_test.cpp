#include "emit/remove_tree.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;

namespace {

struct RemoveTreeSandbox {
  fs::path root = fs::temp_directory_path() / ("firefly-remove-tree-" + std::to_string(::getpid()));
  RemoveTreeSandbox() { fs::create_directories(root); }
  ~RemoveTreeSandbox() { fs::remove_all(root); }
};

void write_text(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

}  // namespace

TEST_CASE("remove_tree: a folder and all it holds, not what its links point to") {
  RemoveTreeSandbox s;
  fs::path kept = s.root / "kept";
  write_text(kept / "a.txt", "a");
  fs::path gone = s.root / "gone";
  // Enough entries that a folder's listing takes more than one read.
  for (int i = 0; i < 300; ++i) {
    write_text(gone / "many" / ("page-with-a-long-name-" + std::to_string(i) + ".html"), "x");
  }
  write_text(gone / "stories" / "one" / "index.html", "1");
  fs::create_directories(gone / "empty");
  fs::create_directory_symlink(kept, gone / "link-to-folder");
  fs::create_symlink(kept / "a.txt", gone / "stories" / "link-to-file");
  fs::create_symlink(s.root / "missing", gone / "dangling");
  // Deeper than the levels listed through a buffer on the stack.
  fs::path deep = gone;
  for (int i = 0; i < 60; ++i) deep /= "d";
  write_text(deep / "leaf.txt", "leaf");

  CHECK(firefly::remove_tree(gone.native()));
  CHECK_FALSE(fs::exists(fs::symlink_status(gone)));
  CHECK(fs::is_regular_file(kept / "a.txt"));
  CHECK(fs::is_directory(kept));
}

TEST_CASE("remove_tree: a file, a link to a folder, and nothing") {
  RemoveTreeSandbox s;
  write_text(s.root / "f.txt", "f");
  fs::create_directories(s.root / "target" / "sub");
  fs::create_directory_symlink(s.root / "target", s.root / "link");
  CHECK(firefly::remove_tree((s.root / "f.txt").native()));
  CHECK_FALSE(fs::exists(s.root / "f.txt"));
  CHECK(firefly::remove_tree((s.root / "link").native()));
  CHECK_FALSE(fs::exists(fs::symlink_status(s.root / "link")));
  CHECK(fs::is_directory(s.root / "target" / "sub"));
  CHECK(firefly::remove_tree((s.root / "nothing").native()));
}
