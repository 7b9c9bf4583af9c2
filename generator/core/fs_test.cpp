#include "core/fs.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
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

TEST_CASE("list_files leaves out a loop of links, and says it is one") {
  namespace fs = std::filesystem;
  fs::path root = fs::temp_directory_path() / ("firefly-loop-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "static");
  fs::create_symlink("b.css", root / "static" / "a.css");
  fs::create_symlink("a.css", root / "static" / "b.css");
  std::vector<std::string> escaped;
  CHECK(list_files(root / "static", root, &escaped).empty());
  std::sort(escaped.begin(), escaped.end());  // in the order the folder keeps them
  CHECK(escaped == std::vector<std::string>{"a.css", "b.css"});
  CHECK(escaped_link_message(root / "static" / "a.css", root) ==
        "this is a symbolic link that leads back to itself (a loop of links), so it leads to no "
        "file");
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

TEST_CASE("list_files reports a file where the folder belongs, and nothing for no folder") {
  // `data` saved as a file: the site was published without its datasets, without a word.
  namespace fs = std::filesystem;
  fs::path root = fs::temp_directory_path() / ("firefly-filedir-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root);
  std::ofstream(root / "data") << "year,n\n2024,1\n";
  std::vector<std::string> escaped, special;
  CHECK(list_files(root / "data", root, &escaped, &special).empty());
  CHECK(escaped.empty());
  REQUIRE(special == std::vector<std::string>{""});
  CHECK(special_entry_message(root / "data", "") ==
        "this is a file where the site has a folder, so nothing is read from it: the site "
        "would be published without what the folder holds");
  CHECK(special_entry_hint(root / "data", "", "x") ==
        "rename or move the file, and make a folder of this name");
  special.clear();
  CHECK(list_files(root / "static", root, &escaped, &special).empty());  // none: no error
  CHECK(special.empty());
  fs::remove_all(root);
}

TEST_CASE("list_files reports a folder it cannot open, whose files would be missing") {
  namespace fs = std::filesystem;
  fs::path root = fs::temp_directory_path() / ("firefly-deep-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "content");
  std::ofstream(root / "content" / "a.md") << "a";
  // Twenty folders of 250 letters: a path longer than the system opens (4096 bytes). Made
  // and removed a folder at a time, as no path reaches the innermost.
  const std::string name(250, 'd');
  std::vector<int> fds{::open((root / "content").c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
  for (int i = 0; i < 20; ++i) {
    REQUIRE(::mkdirat(fds.back(), name.c_str(), 0755) == 0);
    fds.push_back(::openat(fds.back(), name.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  }
  ::close(::openat(fds.back(), "deep.md", O_WRONLY | O_CREAT | O_CLOEXEC, 0644));
  std::vector<std::string> escaped, special;
  std::vector<FoundFile> found = list_files(root / "content", root, &escaped, &special);
  REQUIRE(found.size() == 1);
  CHECK(found[0].rel == "a.md");
  CHECK(escaped.empty());
  REQUIRE(special.size() == 1);
  CHECK(special[0].rfind(name + "/" + name + "/", 0) == 0);
  CHECK(is_unopened_folder(special[0]));
  CHECK(special_entry_message(root / "content", special[0]) ==
        "cannot open this folder (file name too long), so its files would be left out of the "
        "site");
  CHECK(special_entry_hint(root / "content", special[0], "x") != "x");
  CHECK(special_entry_message(root / "content", "pipe.md") == kSpecialFileMessage);
  CHECK(special_entry_hint(root / "content", "pipe.md", "x") == "x");
  ::unlinkat(fds.back(), "deep.md", 0);
  for (size_t i = fds.size() - 1; i > 0; --i) {
    ::close(fds[i]);
    ::unlinkat(fds[i - 1], name.c_str(), AT_REMOVEDIR);
  }
  ::close(fds[0]);
  fs::remove_all(root);
}

TEST_CASE("unreadable_message says why a file cannot be read") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("firefly-unread-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  CHECK(unreadable_message(dir / "gone.md") == "cannot read this file (no such file or directory)");
  CHECK(unreadable_message(dir) == "cannot read this file (it is not a regular file)");
  fs::remove_all(dir);
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
