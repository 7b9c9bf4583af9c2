#include "load/folder_stamps.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <thread>

namespace firefly {

namespace fs = std::filesystem;

namespace {

struct Folder {
  fs::path site = fs::temp_directory_path() / ("firefly_stamps_test_" + std::to_string(::getpid()));
  Folder() {
    fs::remove_all(site);
    fs::create_directories(site / "data" / "more");
  }
  ~Folder() { fs::remove_all(site); }
  void write(const std::string& rel, const std::string& text) const {
    std::ofstream(site / rel, std::ios::binary) << text;
  }
  /// The print of data/, or nullopt when it cannot be trusted.
  std::optional<std::uint64_t> print() const {
    Hasher h;
    if (!add_folder_stamps(h, site / "data", site, std::chrono::system_clock::now())) {
      return std::nullopt;
    }
    return h.get();
  }
  /// Waits until the files are old enough for their stamps to be trusted.
  static void age() { std::this_thread::sleep_for(std::chrono::milliseconds(60)); }
};

}  // namespace

TEST_CASE("a folder's stamps change with any file in it, and are not trusted just after a write") {
  Folder f;
  f.write("data/a.csv", "year,n\n2024,1\n");
  f.write("data/more/b.yaml", "title: B\n");
  CHECK_FALSE(f.print());  // just written
  Folder::age();
  std::optional<std::uint64_t> first = f.print();
  REQUIRE(first);
  CHECK(f.print() == first);

  f.write("data/a.csv", "year,n\n2024,2\n");  // the same size
  CHECK_FALSE(f.print());
  Folder::age();
  std::optional<std::uint64_t> edited = f.print();
  REQUIRE(edited);
  CHECK(edited != first);

  f.write("data/more/c.yaml", "");  // a new file, in a folder below
  Folder::age();
  std::optional<std::uint64_t> added = f.print();
  REQUIRE(added);
  CHECK(added != edited);

  fs::remove(f.site / "data/more/c.yaml");
  CHECK(f.print() == edited);  // only the files' stamps count, not the folders'

  fs::rename(f.site / "data/more/b.yaml", f.site / "data/b.yaml");
  CHECK_FALSE(f.print());  // a rename sets the file's ctime
  Folder::age();
  std::optional<std::uint64_t> moved = f.print();
  REQUIRE(moved);
  CHECK(moved != edited);
}

}  // namespace firefly
