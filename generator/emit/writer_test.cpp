#include "emit/writer.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <fstream>
#include <map>
#include <random>
#include <set>

namespace fs = std::filesystem;

namespace {

/// A folder with an output folder and, around it, files that no build may touch.
struct Sandbox {
  fs::path root = fs::temp_directory_path() / ("firefly-writer-test-" + std::to_string(::getpid()));
  fs::path out = root / "web" / "out";
  Sandbox() {
    fs::create_directories(out);
    fs::create_directories(root / "web" / "sibling");
    std::ofstream(root / "web" / "sibling" / "keep.txt") << "sibling";
    std::ofstream(root / "web" / "keep.txt") << "parent";
    std::ofstream(root / "keep.txt") << "root";
  }
  ~Sandbox() { fs::remove_all(root); }

  /// Every file and link outside the output folder, with its bytes or target.
  std::map<std::string, std::string> outside() const {
    std::map<std::string, std::string> files;
    for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator();
         ++it) {
      const fs::path& p = it->path();
      if (p == out) {
        it.disable_recursion_pending();
        continue;
      }
      if (it->is_symlink()) {
        files[p.string()] = "-> " + fs::read_symlink(p).string();
      } else if (it->is_regular_file()) {
        std::ifstream in(p, std::ios::binary);
        files[p.string()] = std::string(std::istreambuf_iterator<char>(in), {});
      } else {
        files[p.string()] = "folder";
      }
    }
    return files;
  }
};

/// A path made of random pieces: traversal, absolute starts, NUL, back slashes, very long
/// names, non-ASCII and case variants of one another, and plain names.
std::string random_path(std::mt19937& rng) {
  static const std::vector<std::string> kPieces = {"..",
                                                   ".",
                                                   "",
                                                   "a",
                                                   "A",
                                                   "index.html",
                                                   "escape",
                                                   "é",
                                                   "台南",
                                                   "e\xCC\x81",
                                                   "x\\y",
                                                   "..\\..",
                                                   ".firefly-output",
                                                   "%2e%2e",
                                                   " ",
                                                   "a b",
                                                   std::string(300, 'n'),
                                                   std::string("nul\0x", 5),
                                                   "\xFF\xFE",
                                                   "~"};
  std::uniform_int_distribution<size_t> piece(0, kPieces.size() - 1), parts(1, 4), coin(0, 9);
  std::string path = coin(rng) == 0 ? "/" : "";
  size_t n = parts(rng);
  for (size_t i = 0; i < n; ++i) {
    if (i) path += '/';
    path += kPieces[piece(rng)];
  }
  return path;
}

/// True when `path` stays inside the output folder by its text alone.
bool plainly_inside(const std::string& path) {
  return !path.empty() && path[0] != '/' && path.find("..") == std::string::npos &&
         path.find('\\') == std::string::npos;
}

}  // namespace

TEST_CASE("writer: random output paths never write outside the output folder") {
  Sandbox box;
  const auto before = box.outside();
  std::mt19937 rng(20261201);  // deterministic: a failure is reproduced by the next run
  for (int round = 0; round < 40; ++round) {
    // A previous output may hold a link out of it (a commit removes it: put it back).
    if (!fs::is_symlink(box.out / "escape")) {
      fs::remove_all(box.out / "escape");
      fs::create_directory_symlink(box.root / "web" / "sibling", box.out / "escape");
    }
    firefly::Diagnostics diags;
    std::vector<std::string> paths;
    {
      firefly::OutputWriter writer(box.out, diags);
      for (int i = 0; i < 25; ++i) {
        std::string path = random_path(rng);
        paths.push_back(path);
        writer.add(firefly::OutputFile{path, "round " + std::to_string(round), "", "content/x.md"});
      }
      bool any_unsafe = false;
      for (const std::string& p : paths) any_unsafe = any_unsafe || !plainly_inside(p);
      bool committed = writer.commit();
      // A path that leaves the folder by its text is always reported, and nothing is
      // switched in.
      if (any_unsafe) {
        CHECK_FALSE(committed);
        CHECK(diags.has_errors());
      }
      if (!committed) CHECK(diags.has_errors());
    }
    INFO("round " << round);
    CHECK(box.outside() == before);
    // The output holds no staging leftovers, whatever happened.
    for (const auto& entry : fs::directory_iterator(box.out)) {
      CHECK(entry.path().filename().string().rfind(".firefly-staging-", 0) != 0);
    }
  }
}
