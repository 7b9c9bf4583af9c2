#include "emit/output_folder.h"

#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <string_view>

namespace firefly {

namespace fs = std::filesystem;

namespace {

/// The folders (and file) of a site that a build reads; an output may not live in them.
constexpr std::array<std::string_view, 11> kSourceEntries = {
    "site.yaml", "content",  "data",   "static", "themes",        "i18n",
    "layouts",   "partials", "assets", ".git",   ".firefly-cache"};

/// True when `inner` is `outer` or lies below it.
bool is_within(const fs::path& inner, const fs::path& outer) {
  auto [o, i] = std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end());
  return o == outer.end();
}

/// The user's home folders: $HOME and the account's own (they differ under sudo).
std::vector<fs::path> home_folders() {
  std::vector<fs::path> homes;
  if (const char* home = std::getenv("HOME"); home && *home) homes.emplace_back(home);
  if (const passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_dir && *pw->pw_dir) {
    homes.emplace_back(pw->pw_dir);
  }
  return homes;
}

}  // namespace

std::string forced_output_danger(const fs::path& out, const std::vector<fs::path>& homes,
                                 const fs::path& cwd) {
  if (out == out.root_path()) return "is the root of the file system";
  for (const fs::path& home : homes) {
    const fs::path real = resolve_output_folder(home);
    if (real == real.root_path()) continue;  // HOME=/ for a service: the root is refused above
    if (real == out) return "is your home folder";
    if (is_within(real, out)) return "contains your home folder " + real.string();
  }
  if (!cwd.empty()) {
    const fs::path here = resolve_output_folder(cwd);
    if (here == out) return "is the current folder, where you are working";
    if (is_within(here, out)) return "contains the current folder " + here.string();
  }
  return "";
}

fs::path resolve_output_folder(const fs::path& path) {
  // Component by component, as the system will when the build creates and writes it:
  // each folder that exists is followed to its real place (links too), so that a `..`
  // after it goes to that place's parent; a `..` after a folder that does not exist yet
  // (which the build would create) goes back to where that folder would be. (Resolving
  // `missing/../link` on paper, as weakly_canonical does, never follows `link`.)
  std::error_code ec;
  fs::path abs = fs::absolute(path, ec);
  if (ec) abs = path;
  fs::path real = abs.root_path();
  int missing = 0;  // how many of `real`'s last components do not exist (yet)
  for (const fs::path& part : abs.relative_path()) {
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (missing > 0) --missing;
      real = real.parent_path();
      continue;
    }
    fs::path next = real / part;
    if (missing == 0 && fs::exists(next, ec)) {
      fs::path resolved = fs::canonical(next, ec);
      if (!ec) {
        real = std::move(resolved);
        continue;
      }
    }
    real = std::move(next);
    ++missing;
  }
  return real;
}

bool check_output_folder(const fs::path& site_dir, const fs::path& out_dir, bool force,
                         Diagnostics& diags) {
  const std::string shown = out_dir.string();
  auto refuse = [&](std::string message, std::string hint) {
    diags.error("", {}, std::move(message), std::move(hint));
    return false;
  };
  const fs::path site = resolve_output_folder(site_dir);
  const fs::path out = resolve_output_folder(out_dir);
  const std::string example =
      "--out " + (site / "public").lexically_relative(fs::current_path()).string();
  const std::string choose = "choose a new folder outside the site's sources, e.g. " + example;
  if (out == site) {
    return refuse("--out " + shown + " is the site folder itself; building would replace " +
                      "site.yaml, content/, data/ and static/ with the published site",
                  choose);
  }
  if (is_within(site, out)) {
    return refuse("--out " + shown + " contains the site folder " + site.string() +
                      "; building would replace the site with the published site",
                  choose);
  }
  if (is_within(out, site)) {
    std::string first = out.lexically_relative(site).begin()->string();
    for (std::string_view entry : kSourceEntries) {
      if (first == entry) {
        std::string what = first == "site.yaml" ? "is the site's own site.yaml"
                                                : "is inside the site's " + first + "/ folder";
        return refuse("--out " + shown + " " + what +
                          ", which the build reads; building would replace or republish the " +
                          "site's own files",
                      choose);
      }
    }
  }
  std::error_code ec;
  fs::file_status status = fs::status(out, ec);
  if (ec == std::errc::too_many_symbolic_link_levels) {
    // `ln -s loop loop`: creating the folder would fail only once the site was built.
    return refuse("--out " + shown +
                      " leads through a loop of symbolic links (a link that points back to itself)",
                  "correct or remove the link, or " + choose);
  }
  if (!fs::exists(status)) return true;
  if (!fs::is_directory(status)) {
    return refuse("--out " + shown + " is a file, not a folder", "name a folder for the site");
  }
  // Empty, or with only the staging folder of a first build that was killed.
  const bool ours = fs::exists(out / kOutputMarker, ec);
  bool empty = true;
  for (const auto& entry : fs::directory_iterator(out, ec)) {
    if (entry.path().filename().string().rfind(kStagingPrefix, 0) != 0) {
      empty = false;
      break;
    }
  }
  if (ec) return refuse("cannot read --out " + shown + ": " + ec.message(), "");
  if (empty) return true;
  // A previous output's repository (`git init` in public/ to push it by hand) is kept by
  // the build (OutputWriter leaves .git alone); someone's own repository would lose its
  // files, --force or not.
  if (ours) return true;
  if (fs::exists(fs::symlink_status(out / ".git", ec))) {
    return refuse("--out " + shown + " holds a git repository (.git) that is not a Firefly " +
                      "output; building would delete its files" +
                      (force ? ", even with --force" : ""),
                  "build into a folder of its own and copy the site into the repository "
                  "from there, e.g. " +
                      example);
  }
  if (!force) {
    return refuse("--out " + shown + " is a folder that Firefly did not create and it is not " +
                      "empty; building would delete everything in it",
                  "choose an empty or new folder, or add --force to replace its contents");
  }
  // --force replaces someone's own folder, but never a home, the folder one works in or
  // the whole disk: `--out ~ --force` deleted the home folder.
  std::error_code cwd_ec;
  const fs::path cwd = fs::current_path(cwd_ec);
  if (std::string danger = forced_output_danger(out, home_folders(), cwd); !danger.empty()) {
    return refuse("--out " + shown + " " + danger +
                      "; building would delete everything in it, even with --force",
                  "--out is a folder for the published site alone: choose an empty or new "
                  "one, e.g. " +
                      example);
  }
  return true;
}

}  // namespace firefly
