// libFuzzer target: the writer's path handling. Each input names an --out folder (among a
// site, a previous output, a foreign folder and a symbolic link), --force, and pages' `url`
// and `aliases` (through the model's checks) or raw output paths. Whatever they are, the
// build must write nothing outside --out, refuse an --out that would replace the site's
// sources, and leave no staging folder behind.
//
// Input: line 1 is --out relative to the sandbox, line 2 is "force" or not, every further
// line is "u <url>" (a page's url or alias) or "r <path>" (a raw output path).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "emit/folder_snapshot_for_tests.h"
#include "emit/output_folder.h"
#include "emit/writer.h"
#include "model/paths.h"

namespace fs = std::filesystem;

namespace {

const fs::path& root() {
  // Never destroyed, so that the clean-up at exit can still name it.
  static const fs::path* r = [] {
    auto* p = new fs::path(fs::temp_directory_path() /
                           ("firefly-writer-fuzz-" + std::to_string(::getpid())));
    std::atexit([] { fs::remove_all(root()); });
    return p;
  }();
  return *r;
}

void write(const fs::path& p, const std::string& bytes) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
}

/// A site, a previous output, a foreign folder and a link to the output.
void make_sandbox() {
  fs::remove_all(root());
  write(root() / "site" / "site.yaml", "title: T\n");
  write(root() / "site" / "content" / "a.md", "# A\n");
  write(root() / "site" / "static" / "s.txt", "static");
  write(root() / "site" / "data" / "d.csv", "year\n2020\n");
  write(root() / "site" / "themes" / "t" / "layouts" / "page.mustache", "{{title}}");
  write(root() / "web" / "out" / firefly::kOutputMarker, "");
  write(root() / "web" / "out" / "index.html", "previous");
  write(root() / "web" / "foreign" / "keep.txt", "someone's file");
  write(root() / "keep.txt", "root");
  fs::create_directory_symlink(root() / "web" / "out", root() / "link");
}

bool is_within(const fs::path& inner, const fs::path& outer) {
  auto [o, i] = std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end());
  return o == outer.end();
}

/// Every entry of the sandbox outside `out`, with its bytes, link target or "folder".
std::map<std::string, std::string> snapshot(const fs::path& out) {
  return firefly::folder_snapshot(root(), out);
}

/// Stops the fuzzer at a broken promise, saying which.
void require(bool ok, const char* promise) {
  if (ok) return;
  std::fprintf(stderr, "writer_fuzz: broken: %s\n", promise);
  __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line) && lines.size() < 64;) lines.push_back(line);
  if (lines.empty() || lines[0].find('\0') != std::string::npos || lines[0].size() > 200) return 0;

  make_sandbox();
  const fs::path site = root() / "site";
  const fs::path out_arg = root() / lines[0];
  const fs::path out = firefly::resolve_output_folder(out_arg);
  // Only folders of the sandbox (a `..` or a link may lead out of it: not this test's to write).
  if (!is_within(out, root())) return 0;
  const bool force = lines.size() > 1 && lines[1] == "force";
  const auto before = snapshot(out);

  firefly::Diagnostics diags;
  const bool allowed = firefly::check_output_folder(site, out_arg, force, diags);
  // An --out that is the site, holds it or lies in one of its source folders is refused.
  if (is_within(site, out)) require(!allowed, "an --out holding the site is refused");
  for (const char* source : {"site.yaml", "content", "data", "static", "themes"}) {
    if (is_within(out, site / source)) require(!allowed, "an --out in a source folder is refused");
  }
  if (allowed) {
    firefly::OutputWriter writer(out_arg, diags);
    for (size_t i = 2; i < lines.size(); ++i) {
      const std::string& line = lines[i];
      if (line.size() < 2) continue;
      std::string path = line.substr(2);
      if (line[0] == 'u') {
        // A page's url or alias: the model refuses unsafe ones; a safe one maps to a
        // relative path without "..".
        if (!firefly::unsafe_path_reason(path).empty()) continue;
        path = firefly::output_path_for_url(path);
        require(!path.empty() && path[0] != '/', "a safe url maps to a relative path");
        for (const auto& part : fs::path(path)) require(part != "..", "a safe url has no ..");
      }
      writer.add(firefly::OutputFile{path, "page " + std::to_string(i), "",
                                     "content/p" + std::to_string(i) + ".md"});
    }
    writer.commit();
  }
  // Nothing outside --out changed (a link named as --out is part of the sandbox outside
  // its target, so it is still the same link), and no staging folder is left.
  // (A new --out's missing parent folders are made for it.)
  auto after = snapshot(out);
  for (fs::path up = out.parent_path(); is_within(up, root()) && up != root();
       up = up.parent_path()) {
    auto made = after.find(up.string());
    if (!before.count(up.string()) && made != after.end() && made->second == "folder") {
      after.erase(made);
    }
  }
  for (const auto& [path, bytes] : after) {
    if (auto it = before.find(path); it == before.end() || it->second != bytes) {
      std::fprintf(stderr, "writer_fuzz: changed outside --out: %s\n", path.c_str());
    }
  }
  for (const auto& [path, bytes] : before) {
    if (!after.count(path))
      std::fprintf(stderr, "writer_fuzz: removed outside --out: %s\n", path.c_str());
  }
  require(after == before, "nothing outside --out changes");
  std::error_code ec;
  if (fs::is_directory(out, ec)) {
    for (const auto& entry : fs::directory_iterator(out, ec)) {
      require(entry.path().filename().string().rfind(".firefly-staging-", 0) != 0,
              "no staging folder is left");
    }
  }
  return 0;
}
