#include "emit/output_folder.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <fstream>

namespace fs = std::filesystem;

namespace {

struct TempSite {
  fs::path root = fs::temp_directory_path() / ("firefly-out-test-" + std::to_string(::getpid()));
  fs::path site = root / "site";
  TempSite() {
    fs::create_directories(site / "content");
    fs::create_directories(site / "static");
    std::ofstream(site / "site.yaml") << "title: t\n";
  }
  ~TempSite() { fs::remove_all(root); }
};

std::string first_error(const firefly::Diagnostics& diags) {
  auto all = diags.sorted();
  return all.empty() ? "" : all[0].message;
}

}  // namespace

TEST_CASE("output folder: the site and its sources are refused, force or not") {
  TempSite t;
  for (bool force : {false, true}) {
    for (fs::path out : {t.site, t.root, t.site / "content", t.site / "static" / "x",
                         t.site / "content" / ".." / "content", t.site / "site.yaml"}) {
      firefly::Diagnostics diags;
      CHECK_FALSE(firefly::check_output_folder(t.site, out, force, diags));
      CHECK(diags.error_count() == 1);
    }
  }
}

TEST_CASE("output folder: new, empty, public/ and previous outputs are accepted") {
  TempSite t;
  firefly::Diagnostics diags;
  CHECK(firefly::check_output_folder(t.site, t.site / "public", false, diags));
  CHECK(firefly::check_output_folder(t.site, t.root / "new" / "web", false, diags));
  fs::create_directories(t.root / "empty");
  CHECK(firefly::check_output_folder(t.site, t.root / "empty", false, diags));
  fs::create_directories(t.root / "previous");
  std::ofstream(t.root / "previous" / "index.html") << "old";
  std::ofstream(t.root / "previous" / firefly::kOutputMarker) << "";
  CHECK(firefly::check_output_folder(t.site, t.root / "previous", false, diags));
  CHECK(diags.error_count() == 0);
}

TEST_CASE("output folder: a folder Firefly did not make needs --force; a file never") {
  TempSite t;
  fs::create_directories(t.root / "documents");
  std::ofstream(t.root / "documents" / "letter.txt") << "precious";
  firefly::Diagnostics diags;
  CHECK_FALSE(firefly::check_output_folder(t.site, t.root / "documents", false, diags));
  CHECK(first_error(diags).find("Firefly did not create") != std::string::npos);
  firefly::Diagnostics forced;
  CHECK(firefly::check_output_folder(t.site, t.root / "documents", true, forced));
  std::ofstream(t.root / "a-file") << "x";
  firefly::Diagnostics file;
  CHECK_FALSE(firefly::check_output_folder(t.site, t.root / "a-file", true, file));
  CHECK(first_error(file).find("is a file, not a folder") != std::string::npos);
}

TEST_CASE("output folder: a symbolic link is judged by where it points") {
  TempSite t;
  fs::create_directory_symlink(t.site / "content", t.root / "link");
  firefly::Diagnostics diags;
  CHECK_FALSE(firefly::check_output_folder(t.site, t.root / "link", false, diags));
  CHECK(first_error(diags).find("inside the site's content/ folder") != std::string::npos);
}

TEST_CASE("output folder: a link reached through `..` after a missing folder is followed") {
  TempSite t;
  fs::create_directory_symlink(t.site, t.root / "link");
  fs::create_directory(t.root / "holder");
  fs::create_directory_symlink(t.root, t.root / "holder" / "up");
  for (bool force : {false, true}) {
    firefly::Diagnostics diags;
    // missing/.. is the folder it would be made in: `link` there is the site.
    CHECK_FALSE(firefly::check_output_folder(t.site, t.root / "nx" / ".." / "link", force, diags));
    CHECK(first_error(diags).find("is the site folder itself") != std::string::npos);
    firefly::Diagnostics deeper;
    CHECK_FALSE(firefly::check_output_folder(
        t.site, t.root / "a" / "b" / ".." / ".." / "link" / "content", force, deeper));
    CHECK(first_error(deeper).find("content/ folder") != std::string::npos);
    // holder/up/.. is the parent of the link's target (the real place), not `holder`.
    firefly::Diagnostics parent;
    CHECK_FALSE(firefly::check_output_folder(
        t.site, t.root / "holder" / "up" / ".." / t.root.filename() / "site", force, parent));
  }
  CHECK(firefly::resolve_output_folder(t.root / "nx" / ".." / "link") == fs::canonical(t.site));
  CHECK(firefly::resolve_output_folder(t.root / "new" / "deeper" / "") ==
        fs::canonical(t.root) / "new" / "deeper");
  CHECK(firefly::resolve_output_folder(t.root / "new" / ".." / "new2") ==
        fs::canonical(t.root) / "new2");
}

TEST_CASE("output folder: --force never replaces the disk, a home or the folder one works in") {
  TempSite t;
  const fs::path real = fs::canonical(t.root);
  const fs::path home = real / "home" / "alice";
  fs::create_directories(home / "Documents");
  const fs::path none;
  CHECK(firefly::forced_output_danger("/", {}, none) == "is the root of the file system");
  CHECK(firefly::forced_output_danger(home, {home}, none) == "is your home folder");
  CHECK(firefly::forced_output_danger(real / "home", {home}, none) ==
        "contains your home folder " + home.string());
  CHECK(firefly::forced_output_danger(home / "Documents", {home}, home / "Documents") ==
        "is the current folder, where you are working");
  CHECK(firefly::forced_output_danger(home, {}, home / "Documents") ==
        "contains the current folder " + (home / "Documents").string());
  // A folder of its own, beside or inside them, may be replaced; HOME=/ (a service's) is no
  // reason to refuse every folder.
  CHECK(firefly::forced_output_danger(home / "portal", {home}, home) == "");
  CHECK(firefly::forced_output_danger(real / "www", {"/"}, "/") == "");
}

TEST_CASE("output folder: someone's git repository is never replaced; an output's is built") {
  TempSite t;
  for (bool ours : {false, true}) {
    const fs::path out = t.root / (ours ? "public" : "gh-pages");
    fs::create_directories(out / ".git");
    std::ofstream(out / "index.html") << "old";
    if (ours) std::ofstream(out / firefly::kOutputMarker) << "";
    for (bool force : {false, true}) {
      CAPTURE(ours);
      CAPTURE(force);
      firefly::Diagnostics diags;
      // A previous output keeps its .git (the writer leaves it alone): the build goes on.
      CHECK(firefly::check_output_folder(t.site, out, force, diags) == ours);
      if (!ours) {
        CHECK(first_error(diags).find("holds a git repository (.git) that is not a Firefly "
                                      "output") != std::string::npos);
      }
    }
  }
}
