// A site folder with content/ and the loads of it one after another, for the tests of
// load_content and what it is made of (tests only).
#pragma once

#include <doctest/doctest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "load/content.h"

namespace firefly::testing {

/// A site in zh-TW (its default language) and en.
inline SiteConfig two_languages() {
  SiteConfig config;
  config.languages.push_back(Language{"zh-TW", "zh-Hant-TW", "中文", "", "ltr"});
  config.languages.push_back(Language{"en", "en", "English", "", "ltr"});
  return config;
}

/// A site folder with content/ in a fresh temporary folder.
struct ContentFolder {
  /// The site's folder, made empty with content/stories/ in it, and removed at the end.
  std::filesystem::path dir = std::filesystem::temp_directory_path() /
                              ("firefly_content_test_" + std::to_string(::getpid()));
  ContentFolder() {
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "content/stories");
  }
  ~ContentFolder() { std::filesystem::remove_all(dir); }
  /// Writes `text` to the site's file `rel` ("content/stories/a.md").
  void write(const std::string& rel, const std::string& text) const {
    std::ofstream(dir / rel, std::ios::binary) << text;
  }
  /// Waits until the files are old enough for their stamps to be trusted.
  void age() const { std::this_thread::sleep_for(std::chrono::milliseconds(60)); }
};

/// The loads of a site one after another, each from the one before.
struct Loads {
  explicit Loads(const ContentFolder& s) : site(s) {}
  const ContentFolder& site;
  SiteConfig config = two_languages();  ///< the next load's configuration
  SourcePages pages;                    ///< of the last load
  ContentStamps stamps;                 ///< of the last load
  std::unique_ptr<Diagnostics> diags;   ///< what the last load reported
  /// With `changed`: the files a watcher saw change since the last load.
  void next(const std::vector<std::string>* changed = nullptr) {
    diags = std::make_unique<Diagnostics>();
    ContentStamps now;
    LoadedContent previous{pages, stamps, changed};
    pages = load_content(site.dir, config, 2, *diags, &now, &previous);
    stamps = std::move(now);
  }
  /// The page of the file `path` ("content/stories/a.md"), or null.
  const SourcePage* page(const std::string& path) const {
    for (const auto& p : pages) {
      if (p->path == path) return p.get();
    }
    return nullptr;
  }
};

}  // namespace firefly::testing
