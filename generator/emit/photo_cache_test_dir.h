// What the photo cache's tests share: a cache folder of their own, removed after.
#pragma once

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>

namespace photo_cache_test {

namespace fs = std::filesystem;

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

inline const std::string kA = "ab" + std::string(38, '1'), kB = "ab" + std::string(38, '2');

}  // namespace photo_cache_test
