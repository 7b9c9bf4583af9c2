// The fixture of the tests of `serve`'s updates: a copy of the golden multilingual site,
// and full builds of it to compare updates with.
#pragma once

#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "commands/build.h"
#include "core/error.h"
#include "core/fs.h"

namespace firefly {

namespace fs = std::filesystem;

/// A copy of the golden multilingual site in a fresh temporary folder.
class SiteCopy {
 public:
  SiteCopy() {
    dir_ = fs::temp_directory_path() / ("firefly_update_test_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::copy(fs::path(FIREFLY_SOURCE_DIR) / "tests/sites/multilingual/site", dir_,
             fs::copy_options::recursive);
  }
  ~SiteCopy() { fs::remove_all(dir_); }
  const fs::path& dir() const { return dir_; }
  std::string read(const std::string& rel) const { return read_file(dir_ / rel).value_or(""); }
  void write(const std::string& rel, const std::string& text) const {
    std::ofstream(dir_ / rel, std::ios::binary) << text;
    touched_.push_back(rel);
  }
  void remove(const std::string& rel) const {
    fs::remove(dir_ / rel);
    touched_.push_back(rel);
  }
  /// The files written or removed since the last call, as a file watcher names them.
  std::vector<std::string> take_touched() const { return std::exchange(touched_, {}); }
  /// The site-relative paths of the stories there are now.
  std::vector<std::string> stories() const {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir_ / "content/stories")) {
      out.push_back("content/stories/" + e.path().filename().string());
    }
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  fs::path dir_;
  mutable std::vector<std::string> touched_;
};

inline BuildOptions options_for(const fs::path& dir) {
  BuildOptions o;
  o.site_dir = dir;
  o.write = false;
  o.keep_state = true;
  o.defer_search = true;
  o.jobs = 2;
  return o;
}

/// A site's files as a map (a static file by where it is copied from).
using Files = std::map<std::string, std::string>;

inline void apply(Files& files, OutputSet& output, const std::vector<std::string>& removed) {
  for (const std::string& path : removed) files.erase(path);
  for (OutputFile& f : output) files[f.path] = f.source.empty() ? f.bytes : "@" + f.source;
}

inline void apply(Files& files, BuildResult& result) {
  apply(files, result.output, result.removed);
}

inline bool in_search_index(const std::string& path) { return path.rfind("search/", 0) == 0; }

inline std::string report(const Diagnostics& diags) {
  std::string text;
  for (const Diagnostic& d : diags.sorted()) text += format_diagnostic(d, "") + "\n";
  return text;
}

/// A full build of the site, kept as `serve` keeps it.
struct Full {
  BuildResult result;
  std::string report;
  Files files;
};

inline Full full_build(const SiteCopy& site) {
  Full full;
  Diagnostics diags;
  BuildOptions o = options_for(site.dir());
  o.keep_state = false;
  full.result = run_build(o, diags);
  full.report = report(diags);
  apply(full.files, full.result);
  return full;
}

/// The fixture site built as `serve` builds it, then edited, then updated.
struct Edited {
  BuildResult kept;    ///< the build before the edit, with its state
  BuildResult update;  ///< the update after the edit
  std::string report;  ///< the update's problems, as report() formats them
};

/// Builds `site` keeping the state, calls `edit()` (which changes the site's files), and
/// updates the build; the update's exit code is left to the test.
template <typename Edit>
Edited build_edit_update(const SiteCopy& site, Edit&& edit) {
  Edited out;
  Diagnostics first;
  out.kept = run_build(options_for(site.dir()), first);
  REQUIRE(out.kept.state);
  edit();
  Diagnostics diags;
  out.update = run_update(*out.kept.state, diags);
  out.report = report(diags);
  return out;
}

/// `text` with the line that starts with `prefix` replaced by `line` (or added to the front
/// matter when there is none).
inline std::string set_line(std::string text, const std::string& prefix, const std::string& line) {
  text = "\n" + text;
  size_t at = text.find("\n" + prefix);
  if (at == std::string::npos) return "---\n" + line + text.substr(4);
  size_t end = text.find('\n', at + 1);
  return text.replace(at + 1, end - at - 1, line).substr(1);
}

}  // namespace firefly
