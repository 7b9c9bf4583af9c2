#include "load/git_history.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "load/git_fixture_for_tests.h"

namespace firefly {

namespace {
namespace fs = std::filesystem;
using testing::commit_at;
using testing::run_in;

}  // namespace

TEST_CASE("git history: commits that changed each file group, newest first") {
  fs::path root =
      fs::temp_directory_path() / ("firefly_git_history_test_" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::path site = root / "site";
  fs::create_directories(site / "data");
  if (run_in(root, "git init -q") != 0) return;  // no git binary: nothing to check
  std::ofstream(site / "data/a.csv") << "x\n1\n";
  commit_at(root, "2021-03-04T10:00:00+08:00", "Add a\n\nlong body");
  std::ofstream(site / "data/b.csv") << "x\n2\n";
  commit_at(root, "2022-05-06T23:30:00+08:00", "Add b");
  std::ofstream(site / "data/a.csv") << "x\n1\n3\n";
  commit_at(root, "2023-07-08T01:00:00+08:00", "Update a");

  GitHistory git(site, TimeZone());
  REQUIRE(git.available());
  auto h = git.changes({{"data/a.csv", "data/a.yaml"}, {"data/b.csv"}, {"data/none.csv"}});
  REQUIRE(h.size() == 3);
  REQUIRE(h[0].size() == 2);
  CHECK(h[0][0].message == "Update a");
  CHECK(h[0][1].message == "Add a");
  CHECK(h[0][1].date.year == 2021);
  CHECK(h[0][1].commit.size() == 40);
  REQUIRE(h[1].size() == 1);
  CHECK(h[1][0].date.iso() == "2022-05-06T15:30:00Z");  // the site's zone, not the committer's
  CHECK(h[2].empty());
  CHECK(git.changes({{"data/a.csv"}}, 1)[0].size() == 1);
  // 01:00 in Taipei on 8 July is still 7 July in UTC and in Berlin (summer time, +02:00).
  CHECK(h[0][0].date.iso() == "2023-07-07T17:00:00Z");
  auto berlin = TimeZone::find("Europe/Berlin");
  REQUIRE(berlin);
  GitHistory in_berlin(site, *berlin);
  auto b = in_berlin.changes({{"data/a.csv"}, {"data/b.csv"}});
  CHECK(b[0][0].date.iso() == "2023-07-07T19:00:00+02:00");
  CHECK(b[0][1].date.iso() == "2021-03-04T03:00:00+01:00");
  CHECK(b[1][0].date.iso() == "2022-05-06T17:30:00+02:00");
  auto looked_up = in_berlin.lookup(b[0][0].commit);
  REQUIRE(looked_up);
  CHECK(looked_up->date.iso() == "2023-07-07T19:00:00+02:00");
  fs::remove_all(root);
}

TEST_CASE("git history: a file followed through renames") {
  // A page renamed or moved (content/help.md to content/help/index.md) was new on the day of
  // the move: an original renamed alone made its translations stale, and a translation moved
  // with its original after the original changed was no longer stale.
  fs::path root =
      fs::temp_directory_path() / ("firefly_git_rename_test_" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::path site = root / "site";
  fs::create_directories(site / "content/help");
  if (run_in(root, "git init -q") != 0) return;  // no git binary: nothing to check
  std::ofstream(site / "content/help.md") << "help\n";
  commit_at(root, "2024-03-01T10:00:00+08:00", "Add");
  std::ofstream(site / "content/help.md") << "help, more\n";
  commit_at(root, "2024-03-02T10:00:00+08:00", "Edit");
  fs::rename(site / "content/help.md", site / "content/help/index.md");
  commit_at(root, "2024-03-03T10:00:00+08:00", "Move");
  std::ofstream(site / "content/other.md") << "other\n";
  commit_at(root, "2024-03-04T10:00:00+08:00", "Other");
  fs::rename(site / "content/other.md", site / "content/renamed.md");
  std::ofstream(site / "content/renamed.md") << "other, changed\n";
  commit_at(root, "2024-03-05T10:00:00+08:00", "Rename and change");

  GitHistory git(site, TimeZone());
  REQUIRE(git.available());
  auto followed = git.changes({{"content/help/index.md"}, {"content/renamed.md"}}, 10, true);
  REQUIRE(followed[0].size() == 2);
  CHECK(followed[0][0].message == "Edit");
  CHECK(followed[0][1].message == "Add");
  // Renamed and changed in one commit: a new file there.
  REQUIRE(followed[1].size() == 1);
  CHECK(followed[1][0].message == "Rename and change");
  // Without following, the move is where the file begins.
  auto at_path = git.changes({{"content/help/index.md"}}, 10);
  REQUIRE(at_path[0].size() == 1);
  CHECK(at_path[0][0].message == "Move");
  fs::remove_all(root);
}

TEST_CASE("git history: a message's control characters are spaces") {
  // Shown on the dataset's page: an escape sequence there is no HTML (a tab is).
  fs::path root =
      fs::temp_directory_path() / ("firefly_git_message_test_" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "data");
  if (run_in(root, "git init -q") != 0) return;  // no git binary: nothing to check
  std::ofstream(root / "data/a.csv") << "x\n1\n";
  commit_at(root, "2021-03-04T10:00:00+08:00", "Rows \x1b[31mred\x01 and \xE4\xB8\xAD\tok");
  GitHistory git(root, TimeZone());
  REQUIRE(git.available());
  auto h = git.changes({{"data/a.csv"}});
  REQUIRE(h[0].size() == 1);
  CHECK(h[0][0].message == "Rows  [31mred  and \xE4\xB8\xAD\tok");
  fs::remove_all(root);
}

TEST_CASE("git history: a noncharacter git rewrote as Latin-1 is one U+FFFD") {
  // `git commit` stores a message it does not take for UTF-8 (U+FFFE, U+FDD0) with each
  // byte of the refused character as a Latin-1 one: U+FFFE as "\u00EF\u00BF\u00BE".
  fs::path root =
      fs::temp_directory_path() / ("firefly_git_nonchar_test_" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "data");
  if (run_in(root, "git init -q") != 0) return;  // no git binary: nothing to check
  std::ofstream(root / "data/a.csv") << "x\n1\n";
  commit_at(root, "2021-03-04T10:00:00+08:00",
            "\xE6\x9B\xB4\xE6\xAD\xA3 \xEF\xBF\xBE, \xEF\xBF\xBF and \xEF\xB7\x90 caf\xC3\xA9");
  std::ofstream(root / "data/a.csv") << "x\n2\n";
  commit_at(root, "2021-03-05T10:00:00+08:00", "typed \xC3\xAF\xC2\xBF and \xC3\xAF\xC2\xBFx");
  GitHistory git(root, TimeZone());
  REQUIRE(git.available());
  auto h = git.changes({{"data/a.csv"}});
  REQUIRE(h[0].size() == 2);
  // Once each, the rest of the message as it was (é was UTF-8 already).
  CHECK(h[0][1].message ==
        "\xE6\x9B\xB4\xE6\xAD\xA3 \xEF\xBF\xBD, \xEF\xBF\xBD and \xEF\xBF\xBD caf\xC3\xA9");
  // Latin-1 letters that are no rewritten character stay (\u00EF\u00BF: two bytes of three).
  CHECK(h[0][0].message == "typed \xC3\xAF\xC2\xBF and \xC3\xAF\xC2\xBFx");
  fs::remove_all(root);
}

TEST_CASE("git history: a folder outside git has none; mtime gives a date") {
  fs::path dir = fs::temp_directory_path() / ("firefly_no_git_test_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  GitHistory git(dir, TimeZone());
  CHECK_FALSE(git.available());
  CHECK(git.changes({{"x"}})[0].empty());
  std::ofstream(dir / "f.csv") << "x";
  std::chrono::sys_seconds sys{std::chrono::seconds(1582977600)};  // 2020-02-29 12:00 UTC
  fs::last_write_time(dir / "f.csv", std::chrono::file_clock::from_sys(sys));
  auto d = file_mtime_date(dir / "f.csv", TimeZone());
  REQUIRE(d);
  CHECK(d->iso() == "2020-02-29");
  auto kiritimati = TimeZone::find("Pacific/Kiritimati");  // +14: already 1 March
  REQUIRE(kiritimati);
  CHECK(file_mtime_date(dir / "f.csv", *kiritimati)->iso() == "2020-03-01");
  CHECK_FALSE(file_mtime_date(dir / "missing", TimeZone()));
  fs::remove_all(dir);
}

}  // namespace firefly
