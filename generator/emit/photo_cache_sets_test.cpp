#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "emit/photo_cache.h"
#include "emit/photo_cache_test_dir.h"

namespace fs = std::filesystem;
using photo_cache_test::CacheDir;
using photo_cache_test::kA;
using photo_cache_test::kB;

TEST_CASE("photo cache: a rebuild of the same photo set gets the entries recorded for it") {
  CacheDir c;
  std::string entries;
  auto path_of = [&](const std::string& name) { return (c.dir / "ab" / name).string(); };
  {
    firefly::PhotoCache cache(c.dir);
    auto a = cache.store(kA, "webp", "a");
    auto b = cache.store(kB, "jpg", "b");
    REQUIRE(a);
    REQUIRE(b);
    CHECK(!cache.recorded_set(7, 2));  // nothing recorded yet
    entries =
        kA + ".webp:" + std::to_string(a->inode) + "," + kB + ".jpg:" + std::to_string(b->inode);
    cache.record_set(7, entries);
    cache.finish();
  }
  c.age("ab");
  {  // The folder changed after it was listed (the stores): looked at file by file.
    firefly::PhotoCache cache(c.dir);
    CHECK(!cache.recorded_set(7, 2));
    CHECK(cache.find(kA, "webp"));
    CHECK(cache.find(kB, "jpg"));
    cache.record_set(7, entries);
    cache.finish();
  }
  {
    firefly::PhotoCache cache(c.dir);
    CHECK(!cache.recorded_set(8, 2));  // another set
    CHECK(!cache.recorded_set(7, 3));  // another number of files
    auto set = cache.recorded_set(7, 2);
    REQUIRE(set);
    REQUIRE(set->size() == 2);
    std::vector<firefly::CachedFile> files = set->files();
    REQUIRE(files.size() == 2);
    CHECK(files[0].path == path_of(kA + ".webp"));
    CHECK(files[0].inode == c.inode(files[0].path));
    CHECK(files[0].device != 0);
    CHECK(files[1].path == path_of(kB + ".jpg"));
    CHECK(files[1].inode == c.inode(files[1].path));
    CHECK(cache.hits() == 2);
    // The digest tells the entries apart: another build of the same set has the same.
    firefly::PhotoCache again(c.dir);
    auto same = again.recorded_set(7, 2);
    REQUIRE(same);
    CHECK(same->digest() == set->digest());
    CHECK(again.entries_digest(entries) == set->digest());  // as a build that looked sees them
    CHECK(again.entries_digest(entries + "0") != set->digest());
    cache.finish(0);  // looks for unused entries: the set's were used
  }
  CHECK(fs::exists(path_of(kA + ".webp")));
  CHECK(fs::exists(path_of(kB + ".jpg")));
  {  // Nothing of it was pruned: the folder is as the index says, the set still good.
    firefly::PhotoCache cache(c.dir);
    CHECK(cache.recorded_set(7, 2));
    cache.finish(0);
  }
  // An entry deleted by hand changes its folder: the set is looked at file by file again.
  fs::remove(path_of(kB + ".jpg"));
  {
    firefly::PhotoCache cache(c.dir);
    CHECK(!cache.recorded_set(7, 2));
    CHECK(cache.find(kA, "webp"));
    CHECK(!cache.find(kB, "jpg"));
  }
}

TEST_CASE("photo cache: a rebuild of the recorded set that writes the index keeps the keys") {
  // The keys' lines are read only when a key is asked for; a build that asked for none
  // (it published the recorded set) still writes them back when it writes the index.
  CacheDir c;
  const std::string keys = "480x0|webp|75=" + kA;
  std::string entries;
  {
    firefly::PhotoCache cache(c.dir);
    auto a = cache.store(kA, "webp", "a");
    REQUIRE(a);
    entries = kA + ".webp:" + std::to_string(a->inode);
    cache.remember_keys("recipe|A|", keys);
    cache.finish();
  }
  c.age("ab");
  {
    firefly::PhotoCache cache(c.dir);
    CHECK(cache.keys("recipe|A|") == keys);
    CHECK(cache.find(kA, "webp"));
    cache.record_set(7, entries);
    cache.finish();
  }
  {
    firefly::PhotoCache cache(c.dir);
    REQUIRE(cache.recorded_set(7, 1));
    cache.record_set(8, entries);  // the index changes
    cache.finish();
  }
  firefly::PhotoCache cache(c.dir);
  CHECK(cache.keys("recipe|A|") == keys);
  CHECK(cache.recorded_set(8, 1));
}

TEST_CASE("photo cache: a build without photos writes no cache") {
  CacheDir c;
  fs::path dir = c.dir / "photos";
  firefly::PhotoCache cache(dir);
  cache.record_set(7, "");  // the empty set
  cache.finish();
  CHECK(!fs::exists(dir));
}

TEST_CASE("photo cache: the recorded set's folders and summary are in the index") {
  // A rebuild of the recorded set reads no entry of it: the index says how many there
  // are, their digest and which folders hold them; each of those folders is looked at.
  CacheDir c;
  const std::string kC = "cd" + std::string(38, '3');
  auto index = c.dir / "index.tsv";
  std::string entries;
  {
    firefly::PhotoCache cache(c.dir);
    auto a = cache.store(kA, "webp", "a");
    auto b = cache.store(kC, "jpg", "c");
    REQUIRE(a);
    REQUIRE(b);
    entries =
        kA + ".webp:" + std::to_string(a->inode) + "," + kC + ".jpg:" + std::to_string(b->inode);
    cache.record_set(7, entries);
    cache.finish();
  }
  c.age("ab");
  c.age("cd");
  {  // The folders changed after they were listed (the stores): looked at file by file.
    firefly::PhotoCache cache(c.dir);
    CHECK(!cache.recorded_set(7, 2));
    CHECK(cache.find(kA, "webp"));
    CHECK(cache.find(kC, "jpg"));
    cache.record_set(7, entries);
    cache.finish();
  }
  std::uint64_t digest = 0;
  {
    firefly::PhotoCache cache(c.dir);
    auto set = cache.recorded_set(7, 2);
    REQUIRE(set);
    digest = set->digest();
    CHECK(cache.entries_digest(entries) == digest);  // as a build that looked sees them
    std::vector<firefly::CachedFile> files = set->files();
    REQUIRE(files.size() == 2);
    CHECK(files[1].path == (c.dir / "cd" / (kC + ".jpg")).string());
    CHECK(files[1].inode == c.inode(files[1].path));
    CHECK(files[1].device != 0);
  }
  // The second folder changes (an entry deleted by hand): the set is not taken as recorded.
  fs::remove(c.dir / "cd" / (kC + ".jpg"));
  {
    firefly::PhotoCache cache(c.dir);
    CHECK(!cache.recorded_set(7, 2));
  }
  // A damaged entry is not recorded; an index line without the summary (an older
  // Firefly's) is forgotten.
  {
    firefly::PhotoCache cache(c.dir);
    cache.record_set(9, kA + ".webp:12,zz");
    CHECK(!cache.recorded_set(9, 2));
    cache.finish();
  }
  std::string text;
  {
    std::ifstream in(index);
    text.assign(std::istreambuf_iterator<char>(in), {});
  }
  CHECK(text.find("set\t9") == std::string::npos);
  std::ofstream(index, std::ios::app) << "set\t7\t" << entries << "\n";
  firefly::PhotoCache cache(c.dir);
  CHECK(!cache.recorded_set(7, 2));
}
