#include "emit/photo_cache.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <fstream>

namespace fs = std::filesystem;

namespace {

struct CacheDir {
  fs::path dir = fs::temp_directory_path() / ("firefly-cache-test-" + std::to_string(::getpid()));
  CacheDir() { fs::create_directories(dir); }
  ~CacheDir() { fs::remove_all(dir); }
  /// Sets the modification time of a folder of entries an hour back (as if no build had
  /// changed it lately, so the index trusts what it holds).
  void age(const std::string& prefix) const {
    fs::last_write_time(dir / prefix, fs::file_time_type::clock::now() - std::chrono::hours(1));
  }
  unsigned long long inode(const std::string& path) const {
    struct stat st;
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return st.st_ino;
  }
};

const std::string kA = "ab" + std::string(38, '1'), kB = "ab" + std::string(38, '2');

}  // namespace

TEST_CASE("photo cache: the index says what a folder holds until the folder changes") {
  CacheDir c;
  {
    firefly::PhotoCache cache(c.dir);
    CHECK(!cache.find(kA, "webp"));
    auto stored = cache.store(kA, "webp", "a");
    REQUIRE(stored);
    CHECK(stored->inode == c.inode(stored->path));
    cache.finish();
  }
  c.age("ab");
  {  // The folder changed after the index was written: listed again.
    firefly::PhotoCache cache(c.dir);
    auto found = cache.find(kA, "webp");
    REQUIRE(found);
    CHECK(found->inode == c.inode(found->path));
    CHECK(cache.entry(kA, "webp").inode == found->inode);
    cache.finish();
  }
  // A file put in the folder without changing its time is not seen: the folder is not
  // listed, its entries come from the index.
  auto then = fs::last_write_time(c.dir / "ab");
  std::ofstream(c.dir / "ab" / (kB + ".webp")) << "b";
  fs::last_write_time(c.dir / "ab", then);
  {
    firefly::PhotoCache cache(c.dir);
    CHECK(cache.find(kA, "webp"));
    CHECK(!cache.find(kB, "webp"));
  }
  // Any change to the folder is seen: an entry deleted by hand, one replaced by another file.
  fs::remove(c.dir / "ab" / (kA + ".webp"));
  {
    firefly::PhotoCache cache(c.dir);
    CHECK(!cache.find(kA, "webp"));
    CHECK(cache.find(kB, "webp"));
    cache.finish();
  }
  c.age("ab");
  {
    firefly::PhotoCache cache(c.dir);
    REQUIRE(cache.find(kB, "webp"));
    cache.finish();
  }
  fs::path b = c.dir / "ab" / (kB + ".webp");
  fs::remove(b);
  std::ofstream(b) << "other";
  {
    firefly::PhotoCache cache(c.dir);
    auto found = cache.find(kB, "webp");
    REQUIRE(found);
    CHECK(found->inode == c.inode(b.string()));
  }
}

TEST_CASE("photo cache: a folder changed moments ago is listed again by the next build") {
  CacheDir c;
  {
    firefly::PhotoCache cache(c.dir);
    REQUIRE(cache.store(kA, "webp", "a"));
    cache.finish();
  }
  {  // Listed now, within a tick of its last change: not trusted.
    firefly::PhotoCache cache(c.dir);
    REQUIRE(cache.find(kA, "webp"));
    cache.finish();
  }
  auto then = fs::last_write_time(c.dir / "ab");
  std::ofstream(c.dir / "ab" / (kB + ".webp")) << "b";
  fs::last_write_time(c.dir / "ab", then);
  firefly::PhotoCache cache(c.dir);
  CHECK(cache.find(kB, "webp"));
}

TEST_CASE("photo cache: originals are known by size, time and inode") {
  CacheDir c;
  fs::path photo = c.dir / "photo.jpg";
  std::ofstream(photo) << "jpeg";
  firefly::PhotoSource source;
  source.hash = "h";
  source.bytes = 4;
  source.info.format = "jpeg";
  source.info.width = 40;
  source.info.gps = true;
  {
    firefly::PhotoCache cache(c.dir / "cache");
    CHECK(!cache.known(photo.string()));
    cache.remember(photo.string(), source);
    cache.finish();
  }
  {
    firefly::PhotoCache cache(c.dir / "cache");
    auto known = cache.known(photo.string());
    REQUIRE(known);
    CHECK(known->hash == "h");
    CHECK(known->info.width == 40);
    CHECK(known->info.gps);
  }
  std::ofstream(photo) << "jpeg, longer";
  firefly::PhotoCache cache(c.dir / "cache");
  CHECK(!cache.known(photo.string()));
}
