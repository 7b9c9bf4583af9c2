#include "serve/watcher.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace firefly {

namespace fs = std::filesystem;

namespace {

struct TempSite {
  TempSite() {
    char tmpl[] = "/tmp/firefly_watch_XXXXXX";
    dir = mkdtemp(tmpl);
    fs::create_directories(dir / "content/stories");
    fs::create_directories(dir / "public");
    std::ofstream(dir / "site.yaml") << "title: t\n";
    std::ofstream(dir / "content/stories/a.md") << "---\ntitle: a\n---\n";
  }
  ~TempSite() { fs::remove_all(dir); }
  fs::path dir;
};

/// Waits (bounded) until a change arrives; returns the changed paths.
std::vector<std::string> changes(Watcher& w) {
  std::vector<std::string> changed;
  while (w.wait(1000, -1, changed) == WatchResult::kChanged) {
    if (w.wait(50, -1, changed) != WatchResult::kChanged) break;
  }
  return changed;
}

bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

TEST_CASE("the watcher sees edits in nested source folders and site.yaml") {
  TempSite site;
  Watcher w(site.dir);
  REQUIRE(w.ok());
  CHECK(has(w.watched(), "content/stories"));
  CHECK_FALSE(has(w.watched(), "public"));

  std::ofstream(site.dir / "content/stories/a.md", std::ios::app) << "more\n";
  CHECK(has(changes(w), "content/stories/a.md"));

  std::ofstream(site.dir / "site.yaml", std::ios::app) << "# x\n";
  CHECK(has(changes(w), "site.yaml"));

  // Output and other files of the site folder are not sources.
  std::ofstream(site.dir / "public/index.html") << "x";
  std::ofstream(site.dir / "notes.txt") << "x";
  std::vector<std::string> none;
  CHECK(w.wait(200, -1, none) == WatchResult::kTimeout);
  CHECK(none.empty());
}

TEST_CASE("the watcher follows folders created later") {
  TempSite site;
  Watcher w(site.dir);
  REQUIRE(w.ok());
  fs::create_directories(site.dir / "data");
  changes(w);
  fs::create_directories(site.dir / "data/sub");
  changes(w);
  std::ofstream(site.dir / "data/sub/x.csv") << "a\n1\n";
  CHECK(has(changes(w), "data/sub/x.csv"));
  // Editor scratch files are ignored.
  std::ofstream(site.dir / "data/.x.csv.swp") << "x";
  std::vector<std::string> none;
  CHECK(w.wait(200, -1, none) == WatchResult::kTimeout);
}

TEST_CASE("the watcher sees a commit move HEAD or a branch, not git's other files") {
  TempSite site;
  fs::path git = site.dir / ".git";
  fs::create_directories(git / "refs/heads");
  fs::create_directories(git / "refs/remotes/origin");
  std::ofstream(git / "HEAD") << "ref: refs/heads/main\n";
  Watcher w(site.dir);
  REQUIRE(w.ok());
  w.watch_repository(git, git);
  // A commit: the branch written as main.lock and renamed over main.
  std::ofstream(git / "refs/heads/main.lock") << "0123\n";
  fs::rename(git / "refs/heads/main.lock", git / "refs/heads/main");
  std::vector<std::string> commit = changes(w);
  CHECK(has(commit, ".git/refs/heads/main"));
  CHECK_FALSE(has(commit, ".git/refs/heads/main.lock"));
  // A branch in a folder made later (feature/x), and a checkout moving HEAD.
  fs::create_directories(git / "refs/heads/feature");
  changes(w);
  std::ofstream(git / "refs/heads/feature/x") << "4567\n";
  CHECK(has(changes(w), ".git/refs/heads/feature/x"));
  std::ofstream(git / "HEAD") << "ref: refs/heads/feature/x\n";
  CHECK(has(changes(w), ".git/HEAD"));
  // `git add` and `git status` write the index; objects are written before a ref moves;
  // a fetch moves refs/remotes/ (an editor fetches every few minutes).
  std::ofstream(git / "index") << "x";
  std::ofstream(git / "ORIG_HEAD") << "x";
  fs::create_directories(git / "objects/ab");
  std::ofstream(git / "refs/remotes/origin/main") << "89ab\n";
  std::vector<std::string> none;
  CHECK(w.wait(200, -1, none) == WatchResult::kTimeout);
  CHECK(none.empty());
}

TEST_CASE("the watcher sees a repository made in the site folder, and its removal") {
  TempSite site;
  Watcher w(site.dir);
  REQUIRE(w.ok());
  CHECK_FALSE(w.watching_repository());
  // `git init` while serve runs: the first commit dates the pages and versions the data.
  fs::path git = site.dir / ".git";
  fs::create_directories(git / "refs/heads");
  std::ofstream(git / "HEAD") << "ref: refs/heads/main\n";
  CHECK(has(changes(w), ".git"));
  w.watch_repository(git, git);
  CHECK(w.watching_repository());
  std::ofstream(git / "refs/heads/main") << "0123\n";
  CHECK(has(changes(w), ".git/refs/heads/main"));
  // The repository removed: no longer watched, so that one made again is.
  fs::remove_all(git);
  CHECK(has(changes(w), ".git"));
  CHECK_FALSE(w.watching_repository());
}

TEST_CASE("the watcher follows a repository seen while git init was still making it") {
  TempSite site;
  Watcher w(site.dir);
  REQUIRE(w.ok());
  // Seen on a loaded machine before git wrote HEAD or refs/heads/: watched as it is.
  fs::path git = site.dir / ".git";
  fs::create_directories(git);
  CHECK(has(changes(w), ".git"));
  w.watch_repository(git, git);
  fs::create_directories(git / "refs/heads");
  std::ofstream(git / "HEAD") << "ref: refs/heads/main\n";
  CHECK_FALSE(changes(w).empty());  // HEAD written, the branches watched from then
  // `git add` writes the index; the first commit then writes the branch.
  std::ofstream(git / "index") << "x";
  std::vector<std::string> more;
  w.wait(200, -1, more);
  std::ofstream(git / "refs/heads/main.lock") << "0123\n";
  fs::rename(git / "refs/heads/main.lock", git / "refs/heads/main");
  CHECK(has(changes(w), ".git/refs/heads/main"));
}

TEST_CASE("the watcher stops when the stop descriptor is readable") {
  TempSite site;
  Watcher w(site.dir);
  int p[2];
  REQUIRE(pipe(p) == 0);
  CHECK(write(p[1], "x", 1) == 1);
  std::vector<std::string> changed;
  CHECK(w.wait(5000, p[0], changed) == WatchResult::kStopped);
  close(p[0]);
  close(p[1]);
}

}  // namespace firefly
