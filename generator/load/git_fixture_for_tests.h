// A git repository made by the tests of the git readers: commands run in it, commits at
// given dates (tests only).
#pragma once

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace firefly::testing {

/// Runs the shell command `cmd` in `dir`, quietly; its exit status.
inline int run_in(const std::filesystem::path& dir, const std::string& cmd) {
  std::string full = "cd '" + dir.string() + "' && " + cmd + " >/dev/null 2>&1";
  return std::system(full.c_str());
}

/// Commits everything in `dir` (or, with `merge`, merges that branch) at `date`.
inline void commit_at(const std::filesystem::path& dir, const std::string& date,
                      const std::string& message, const std::string& merge = "") {
  std::string env = "GIT_AUTHOR_DATE='" + date + "' GIT_COMMITTER_DATE='" + date +
                    "' GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org GIT_COMMITTER_NAME=t "
                    "GIT_COMMITTER_EMAIL=t@example.org ";
  std::string cmd = merge.empty() ? "git add -A && " + env + "git commit -q -m '" + message + "'"
                                  : env + "git merge -q --no-ff -m '" + message + "' " + merge;
  REQUIRE(run_in(dir, cmd) == 0);
}

}  // namespace firefly::testing
