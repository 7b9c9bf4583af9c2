#include "emit/photo_cache.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>
#include <vector>

#include "emit/photo_cache_test_dir.h"

namespace fs = std::filesystem;
using photo_cache_test::CacheDir;
using photo_cache_test::kA;
using photo_cache_test::kB;

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

TEST_CASE("photo cache: a folder's line with a cell too many in its list is listed again") {
  CacheDir c;
  {
    firefly::PhotoCache cache(c.dir);
    REQUIRE(cache.store(kA, "webp", "a"));
    cache.finish();
  }
  c.age("ab");
  {
    firefly::PhotoCache cache(c.dir);
    REQUIRE(cache.find(kA, "webp"));  // listed again: the index's line now trusted
    cache.finish();
  }
  // The list (read to the end of the line, not split at tabs) names an entry with a tab
  // and gives the real one another inode: the folder is listed again, not believed.
  std::ifstream in(c.dir / "index.tsv");
  std::string text, line;
  while (std::getline(in, line)) {
    if (line.rfind("folder\tab\t", 0) == 0) {
      line = line.substr(0, line.rfind('\t') + 1) + "zz\t:1," + kA + ".webp:999";
    }
    text += line + "\n";
  }
  in.close();
  REQUIRE(text.find("zz\t:1") != std::string::npos);
  std::ofstream(c.dir / "index.tsv") << text;
  {
    firefly::PhotoCache cache(c.dir);
    auto found = cache.find(kA, "webp");
    REQUIRE(found);
    CHECK(found->inode == c.inode(found->path));
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

TEST_CASE("photo cache: a copy of the cache with its times kept is listed again") {
  CacheDir c;
  fs::path original = c.dir / "original", copy = c.dir / "copy";
  {
    firefly::PhotoCache cache(original);
    REQUIRE(cache.store(kA, "webp", "a"));
    cache.finish();
  }
  c.age("original/ab");
  {  // Listed and trusted: the index records the entry's inode.
    firefly::PhotoCache cache(original);
    REQUIRE(cache.find(kA, "webp"));
    cache.finish();
  }
  // As `cp -a` or a CI cache restored from an archive: the same names and times, other
  // inodes.
  fs::copy(original, copy, fs::copy_options::recursive);
  fs::last_write_time(copy / "ab", fs::last_write_time(original / "ab"));
  firefly::PhotoCache cache(copy);
  auto found = cache.find(kA, "webp");
  REQUIRE(found);
  CHECK(found->path == (copy / "ab" / (kA + ".webp")).string());
  CHECK(found->inode == c.inode(found->path));
  CHECK(found->inode != c.inode((original / "ab" / (kA + ".webp")).string()));
}

namespace {

firefly::PhotoSource source_of(const std::string& hash) {
  firefly::PhotoSource source;
  source.hash = hash;
  source.bytes = 4;
  source.info.format = "jpeg";
  source.info.width = 40;
  source.info.gps = true;
  return source;
}

/// Waits past a cache's quiet period of 50 ms (times are ticks of a coarse clock).
void wait_quiet() { std::this_thread::sleep_for(std::chrono::milliseconds(120)); }

/// An original beside a cache, and the build step that reads it: known() finds nothing,
/// the file is read (as hashed to `hash`) and remember()ed, the index written.
struct Original : CacheDir {
  fs::path photo = dir / "photo.jpg";
  fs::path cache_dir = dir / "cache";
  /// `quiet_ms` is the cache's quiet period (2000 ms by default).
  void read(const std::string& hash, long long quiet_ms = 50) const {
    firefly::PhotoCache cache(cache_dir, quiet_ms);
    firefly::SourceStamp stamp;
    CHECK(!cache.known(photo.string(), &stamp));
    CHECK(stamp.size == static_cast<long long>(fs::file_size(photo)));
    cache.remember(photo.string(), stamp, source_of(hash));
    cache.finish();
  }
};

}  // namespace

TEST_CASE_FIXTURE(Original, "photo cache: originals are known by size, times and inode") {
  std::ofstream(photo) << "jpeg";
  wait_quiet();
  read("h");
  {
    firefly::PhotoCache cache(cache_dir, 50);
    auto known = cache.known(photo.string());
    REQUIRE(known);
    CHECK(known->hash == "h");
    CHECK(known->info.width == 40);
    CHECK(known->info.gps);
  }
  std::ofstream(photo) << "jpeg, longer";
  firefly::PhotoCache cache(cache_dir, 50);
  CHECK(!cache.known(photo.string()));
}

TEST_CASE_FIXTURE(Original, "photo cache: an original's line is read cell by cell, or not at all") {
  std::ofstream(photo) << "jpeg";
  wait_quiet();
  read("h");
  std::string text;
  {
    std::ifstream in(cache_dir / "index.tsv");
    text.assign(std::istreambuf_iterator<char>(in), {});
  }
  std::string line = photo.string() + "\t";
  size_t at = text.find(line);
  REQUIRE(at != std::string::npos);
  size_t eol = text.find('\n', at);
  line = text.substr(at, eol - at);
  auto known_with = [&](const std::string& replaced) {
    std::ofstream(cache_dir / "index.tsv") << text.substr(0, at) + replaced + text.substr(eol);
    firefly::PhotoCache cache(cache_dir, 50);
    return cache.known(photo.string());
  };
  auto cells = [&] {
    std::vector<std::string> out;
    size_t from = 0;
    for (size_t tab; (tab = line.find('\t', from)) != std::string::npos; from = tab + 1)
      out.push_back(line.substr(from, tab - from));
    out.push_back(line.substr(from));
    return out;
  }();
  REQUIRE(cells.size() == 13);
  auto joined = [](const std::vector<std::string>& c) {
    std::string out;
    for (const std::string& cell : c) out += (out.empty() ? "" : "\t") + cell;
    return out;
  };
  {  // Every cell read: the height, alpha and metadata as written by hand.
    std::vector<std::string> c = cells;
    c[9] = "30";
    c[10] = "1";
    c[12] = "1";
    auto known = known_with(joined(c));
    REQUIRE(known);
    CHECK(known->hash == "h");
    CHECK(known->bytes == 4);
    CHECK(known->info.format == "jpeg");
    CHECK(known->info.width == 40);
    CHECK(known->info.height == 30);
    CHECK(known->info.alpha);
    CHECK(known->info.gps);
    CHECK(known->info.metadata);
  }
  CHECK(known_with(line));
  CHECK(!known_with(line + "\t0"));         // a cell too many
  for (size_t i : {1, 2, 3, 4, 6, 8, 9}) {  // a number that is not one, or ends early
    std::vector<std::string> c = cells;
    c[i] += "x";
    CHECK(!known_with(joined(c)));
    c[i] = "";
    CHECK(!known_with(joined(c)));
  }
  std::vector<std::string> c = cells;
  c.pop_back();  // a cell too few (an older Firefly's line)
  CHECK(!known_with(joined(c)));
}

TEST_CASE_FIXTURE(Original,
                  "photo cache: an original changed within a tick of its reading is read again") {
  std::ofstream(photo) << "AAAA";
  // Read at once after it was written: a change now could keep its times.
  read("hash of AAAA", 2000);
  {  // Not remembered, though nothing changed since.
    firefly::PhotoCache cache(cache_dir);
    CHECK(!cache.known(photo.string()));
  }
  // So a change that keeps the size, the modification time and the file is seen.
  auto then = fs::last_write_time(photo);
  std::ofstream(photo, std::ios::in | std::ios::out) << "BBBB";
  fs::last_write_time(photo, then);
  {
    firefly::PhotoCache cache(cache_dir);
    CHECK(!cache.known(photo.string()));
  }
  // Read once it has been left alone for the quiet period: remembered.
  wait_quiet();
  read("hash of BBBB");
  {
    firefly::PhotoCache cache(cache_dir, 50);
    auto known = cache.known(photo.string());
    REQUIRE(known);
    CHECK(known->hash == "hash of BBBB");
  }
  // Changed while it was being read (after known() looked at it): not remembered, and what
  // was remembered of it is forgotten.
  {
    firefly::PhotoCache cache(cache_dir, 50);
    firefly::SourceStamp stamp;
    std::ofstream(photo, std::ios::in | std::ios::out) << "CC";
    CHECK(!cache.known(photo.string(), &stamp));
    std::ofstream(photo) << "DDDDDD";
    cache.remember(photo.string(), stamp, source_of("hash of CCBB"));
    cache.finish();
  }
  wait_quiet();
  firefly::PhotoCache cache(cache_dir, 50);
  CHECK(!cache.known(photo.string()));
}

TEST_CASE_FIXTURE(Original,
                  "photo cache: an original's times set back by hand are still a change") {
  std::ofstream(photo) << "AAAA";
  wait_quiet();
  read("hash of AAAA");
  // As `cp -p` or `touch -r` would: other bytes, the old size and modification time. The
  // change time cannot be set back.
  auto then = fs::last_write_time(photo);
  wait_quiet();
  std::ofstream(photo, std::ios::in | std::ios::out) << "BBBB";
  fs::last_write_time(photo, then);
  firefly::PhotoCache cache(cache_dir, 50);
  CHECK(!cache.known(photo.string()));
}

TEST_CASE_FIXTURE(Original, "photo cache: the index drops the lines of originals no build used") {
  fs::path other = dir / "other.jpg";
  std::ofstream(photo) << "jpeg";
  std::ofstream(other) << "another jpeg";
  wait_quiet();
  auto index_lines = [&] {
    std::ifstream in(cache_dir / "index.tsv");
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("keys\t", 0) != 0 && line.rfind("folder\t", 0) != 0) lines.push_back(line);
    }
    return lines;
  };
  {  // Both read and remembered: two lines, in order of path.
    firefly::PhotoCache cache(cache_dir, 50);
    for (const fs::path& p : {photo, other}) {
      firefly::SourceStamp stamp;
      CHECK(!cache.known(p.string(), &stamp));
      cache.remember(p.string(), stamp, source_of("hash of " + p.filename().string()));
    }
    cache.finish();
  }
  REQUIRE(index_lines().size() == 2);
  CHECK(index_lines()[0].rfind(other.string() + "\t", 0) == 0);
  CHECK(index_lines()[1].rfind(photo.string() + "\t", 0) == 0);
  auto written = fs::last_write_time(cache_dir / "index.tsv");
  {  // A rebuild that uses both writes nothing.
    firefly::PhotoCache cache(cache_dir, 50);
    auto a = cache.known(photo.string());
    auto b = cache.known(other.string());
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->hash == "hash of photo.jpg");
    CHECK(b->hash == "hash of other.jpg");
    cache.finish();
  }
  CHECK(fs::last_write_time(cache_dir / "index.tsv") == written);
  {  // other.jpg renamed: the build that no longer uses it drops its line.
    firefly::PhotoCache cache(cache_dir, 50);
    CHECK(cache.known(photo.string()));
    cache.finish();
  }
  REQUIRE(index_lines().size() == 1);
  CHECK(index_lines()[0].rfind(photo.string() + "\t", 0) == 0);
  {
    firefly::PhotoCache cache(cache_dir, 50);
    CHECK(!cache.known(other.string()));  // read again when it is used again
    auto a = cache.known(photo.string());
    REQUIRE(a);
    CHECK(a->hash == "hash of photo.jpg");
    CHECK(a->info.gps);
  }
  // A damaged line, and lines out of order (an index edited by hand), are read as well as
  // they can be: the damaged one is forgotten and dropped.
  std::string kept = index_lines()[0];
  {
    std::ofstream out(cache_dir / "index.tsv");
    out << kept << "\n" << other.string() << "\t12\tdamaged\n";
  }
  {
    firefly::PhotoCache cache(cache_dir, 50);
    CHECK(!cache.known(other.string()));
    CHECK(cache.known(photo.string()));
    cache.finish();
  }
  REQUIRE(index_lines().size() == 1);
  CHECK(index_lines()[0] == kept);
}

TEST_CASE("photo cache: keys are remembered by prefix while builds use them") {
  CacheDir c;
  const std::string a = "480x0|webp|75=k1,800x0|jpg|80=k2", b = "480x0|webp|75=k3";
  {
    firefly::PhotoCache cache(c.dir);
    CHECK(cache.keys("recipe|A|").empty());
    cache.remember_keys("recipe|A|", a);
    cache.remember_keys("recipe|B|", b);
    cache.remember_keys("recipe|C|", "480x0|webp|75=k4\t");  // cannot be written in the index
    cache.finish();
  }
  {
    firefly::PhotoCache cache(c.dir);
    CHECK(cache.keys("recipe|A|") == a);
    CHECK(cache.keys("recipe|C|").empty());
    cache.remember_keys("recipe|D|", b);
    cache.finish();  // B was not used by this build: dropped
  }
  firefly::PhotoCache cache(c.dir);
  CHECK(cache.keys("recipe|A|") == a);
  CHECK(cache.keys("recipe|B|").empty());
  CHECK(cache.keys("recipe|D|") == b);
}
