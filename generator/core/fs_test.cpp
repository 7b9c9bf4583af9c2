#include "core/fs.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace firefly {

TEST_CASE("list_files gives every file under a folder, sorted by its relative path") {
  namespace fs = std::filesystem;
  fs::path root = fs::temp_directory_path() / ("firefly-list-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "static" / "images" / "b");
  // Made out of order: a folder's entries come in the order the file system keeps them.
  const std::vector<std::string> made = {"images/p9.jpg", "z.txt",          "images/p10.jpg",
                                         "a.css",         "images/b/c.png", "images/p1.jpg",
                                         ".hidden",       "images/.skip"};
  for (const std::string& rel : made) std::ofstream(root / "static" / rel) << rel;
  std::vector<FoundFile> found = list_files(root / "static", root);
  std::vector<std::string> rels, fulls;
  for (const FoundFile& f : found) {
    rels.push_back(f.rel);
    fulls.push_back(f.full);
    CHECK_FALSE(f.link);
  }
  CHECK(rels == std::vector<std::string>{"a.css", "images/b/c.png", "images/p1.jpg",
                                         "images/p10.jpg", "images/p9.jpg", "z.txt"});
  for (size_t i = 0; i < found.size(); ++i) {
    CHECK(fulls[i] == (root / "static").string() + "/" + rels[i]);  // each with its own path
  }
  fs::remove_all(root);
}

TEST_CASE("list_files leaves out links to hidden files of the root, and outside it") {
  namespace fs = std::filesystem;
  fs::path root = fs::temp_directory_path() / ("firefly-links-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "static" / ".well-known");
  fs::create_directories(root / ".git");
  std::ofstream(root / ".git" / "config") << "extraheader = AUTHORIZATION: basic x";
  std::ofstream(root / ".env") << "TOKEN=x";
  std::ofstream(root / "notes.txt") << "notes";
  std::ofstream(root / "static" / ".well-known" / "security.txt") << "contact";
  fs::create_symlink(root / ".git" / "config", root / "static" / "c.txt");
  fs::create_symlink("../.env", root / "static" / "env.txt");
  fs::create_symlink("../notes.txt", root / "static" / "notes.txt");
  fs::create_symlink(".well-known/security.txt", root / "static" / "security.txt");
  fs::create_symlink("/etc/hostname", root / "static" / "host.txt");
  std::vector<std::string> escaped, rels;
  for (const FoundFile& f : list_files(root / "static", root, &escaped)) rels.push_back(f.rel);
  CHECK(rels == std::vector<std::string>{"notes.txt", "security.txt"});
  std::sort(escaped.begin(), escaped.end());
  CHECK(escaped == std::vector<std::string>{"c.txt", "env.txt", "host.txt"});
  CHECK(escaped_link_message(root / "static" / "c.txt", root) ==
        "this is a symbolic link to .git/config, a hidden file of the site, which is never "
        "published");
  CHECK(escaped_link_message(root / "static" / "host.txt", root) ==
        "this is a symbolic link to a place outside the site");
  fs::remove_all(root);
}

TEST_CASE("list_files lists nothing of a folder that is a link out of the root") {
  namespace fs = std::filesystem;
  fs::path work = fs::temp_directory_path() / ("firefly-dirlink-" + std::to_string(::getpid()));
  fs::remove_all(work);
  fs::path root = work / "site";
  fs::create_directories(work / "home");
  fs::create_directories(root / "content");
  fs::create_directories(root / ".git");
  std::ofstream(work / "home" / "letter.txt") << "private";
  std::ofstream(root / ".git" / "config") << "[core]";
  std::ofstream(root / "content" / "a.md") << "a";
  fs::create_directory_symlink(work / "home", root / "static");
  fs::create_directory_symlink(".git", root / "data");
  fs::create_directory_symlink("content", root / "i18n");  // inside the site: followed
  for (const char* dir : {"static", "data"}) {
    std::vector<std::string> escaped;
    CHECK(list_files(root / dir, root, &escaped).empty());
    CHECK(escaped == std::vector<std::string>{""});
    CHECK(escaped_link_hint("", "x") != "x");
  }
  std::vector<std::string> escaped;
  std::vector<FoundFile> inside = list_files(root / "i18n", root, &escaped);
  CHECK(escaped.empty());
  REQUIRE(inside.size() == 1);
  CHECK(inside[0].rel == "a.md");
  CHECK(escaped_link_message(root / "static" / "", root) ==
        "this is a symbolic link to a place outside the site");
  fs::remove_all(work);
}

TEST_CASE("read_file_head reads at most n bytes of a regular file") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("firefly-head-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "a.bin") << "GIF89a and more";
  CHECK(read_file_head(dir / "a.bin", 6) == "GIF89a");
  CHECK(read_file_head(dir / "a.bin", 100) == "GIF89a and more");
  CHECK(read_file_head(dir / "missing", 6) == "");
  CHECK(read_file_head(dir, 6) == "");  // a folder
  fs::remove_all(dir);
}

}  // namespace firefly
