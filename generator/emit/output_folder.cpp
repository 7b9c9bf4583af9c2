#include "emit/output_folder.h"

#include <algorithm>
#include <array>
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

}  // namespace

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
  const std::string choose = "choose a new folder outside the site's sources, e.g. --out " +
                             (site / "public").lexically_relative(fs::current_path()).string();
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
  if (!fs::exists(status)) return true;
  if (!fs::is_directory(status)) {
    return refuse("--out " + shown + " is a file, not a folder", "name a folder for the site");
  }
  if (force || fs::exists(out / kOutputMarker, ec)) return true;
  // Empty, or with only the staging folder of a first build that was killed.
  bool empty = true;
  for (const auto& entry : fs::directory_iterator(out, ec)) {
    if (entry.path().filename().string().rfind(kStagingPrefix, 0) != 0) {
      empty = false;
      break;
    }
  }
  if (ec) return refuse("cannot read --out " + shown + ": " + ec.message(), "");
  if (empty) return true;
  return refuse("--out " + shown + " is a folder that Firefly did not create and it is not " +
                    "empty; building would delete everything in it",
                "choose an empty or new folder, or add --force to replace its contents");
}

}  // namespace firefly
