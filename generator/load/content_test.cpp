#include "load/content.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <thread>

#include "load/git_fixture_for_tests.h"

namespace firefly {

namespace fs = std::filesystem;

namespace {

SiteConfig two_languages() {
  SiteConfig config;
  config.languages.push_back(Language{"zh-TW", "zh-Hant-TW", "中文", "", "ltr"});
  config.languages.push_back(Language{"en", "en", "English", "", "ltr"});
  return config;
}

/// A site folder with content/ in a fresh temporary folder.
struct ContentFolder {
  fs::path dir = fs::temp_directory_path() / ("firefly_content_test_" + std::to_string(::getpid()));
  ContentFolder() {
    fs::remove_all(dir);
    fs::create_directories(dir / "content/stories");
  }
  ~ContentFolder() { fs::remove_all(dir); }
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
  SiteConfig config = two_languages();
  SourcePages pages;
  ContentStamps stamps;
  std::unique_ptr<Diagnostics> diags;
  /// With `changed`: the files a watcher saw change since the last load.
  void next(const std::vector<std::string>* changed = nullptr) {
    diags = std::make_unique<Diagnostics>();
    ContentStamps now;
    LoadedContent previous{pages, stamps, changed};
    pages = load_content(site.dir, config, 2, *diags, &now, &previous);
    stamps = std::move(now);
  }
  const SourcePage* page(const std::string& path) const {
    for (const auto& p : pages) {
      if (p->path == path) return p.get();
    }
    return nullptr;
  }
};

}  // namespace

TEST_CASE("a load takes the files whose stamps did not change from the load before") {
  ContentFolder site;
  site.write("content/stories/a.en.md", "---\ntitle: A\n---\nAlpha.\n");
  site.write("content/stories/b.md", "---\ntitle: B\n---\nBeta.\n");
  site.age();
  Loads loads{site};
  loads.next();
  REQUIRE(loads.pages.size() == 2);
  CHECK_FALSE(loads.stamps.find("content/stories/a.en.md")->stamp.racy);
  std::uint64_t a = loads.page("content/stories/a.en.md")->fingerprint;
  CHECK(a != 0);

  // The same files: all taken from before, the same pages.
  loads.next();
  REQUIRE(loads.pages.size() == 2);
  CHECK(loads.page("content/stories/a.en.md")->fingerprint == a);
  CHECK(loads.page("content/stories/b.md")->lang == "zh-TW");

  // An edit of the same size, a new file, a deleted one.
  site.write("content/stories/a.en.md", "---\ntitle: Z\n---\nAlpha.\n");
  site.write("content/stories/c.en.md", "---\ntitle: C\n---\nGamma.\n");
  fs::remove(site.dir / "content/stories/b.md");
  loads.next();
  REQUIRE(loads.pages.size() == 2);
  CHECK(loads.page("content/stories/a.en.md")->front.get("title").to_text() == "Z");
  CHECK(loads.page("content/stories/a.en.md")->fingerprint != a);
  CHECK(loads.page("content/stories/c.en.md"));
  CHECK_FALSE(loads.page("content/stories/b.md"));
  // Just written: not trusted, read again next time.
  CHECK(loads.stamps.find("content/stories/a.en.md")->stamp.racy);
}

TEST_CASE("a load shares the pages of unchanged files with the load before") {
  ContentFolder site;
  site.write("content/stories/a.en.md", "---\ntitle: A\n---\nAlpha.\n");
  site.write("content/stories/b.md", "---\ntitle: B\n---\nBeta.\n");
  site.age();
  Loads loads{site};
  loads.next();
  SourcePages before = loads.pages;
  site.write("content/stories/b.md", "---\ntitle: B2\n---\nBeta.\n");
  std::vector<std::string> changed{"content/stories/b.md"};
  loads.next(&changed);
  REQUIRE(loads.pages.size() == 2);
  // The unchanged file's page is the same object; the edited one is new, and the page
  // of the load before is as it was.
  CHECK(loads.page("content/stories/a.en.md") == before[0].get());
  CHECK(loads.page("content/stories/b.md") != before[1].get());
  CHECK(loads.page("content/stories/b.md")->front.get("title").to_text() == "B2");
  CHECK(before[1]->front.get("title").to_text() == "B");
}

TEST_CASE("git dates change a shared page by replacing it with a copy") {
  ContentFolder site;  // not in git: pages have no git dates
  site.write("content/stories/a.en.md", "---\ntitle: A\n---\nAlpha.\n");
  site.age();
  Loads loads{site};
  loads.next();
  REQUIRE(loads.pages.size() == 1);
  SourcePages pages = loads.pages;
  Diagnostics diags;
  add_git_dates(site.dir, TimeZone(), pages, diags);
  CHECK(pages[0] == loads.pages[0]);  // nothing to change: still shared
  // A page that had dates (its site was in git) loses them in a copy; the shared one keeps
  // them for the build that has it.
  auto dated = std::make_shared<SourcePage>(*pages[0]);
  dated->git_updated = Date{2026, 1, 2};
  dated->git_commit = "abc";
  pages[0] = dated;
  add_git_dates(site.dir, TimeZone(), pages, diags);
  CHECK(pages[0] != dated);
  CHECK_FALSE(pages[0]->git_updated);
  CHECK(pages[0]->git_commit.empty());
  CHECK(dated->git_commit == "abc");
  CHECK(pages[0]->front.get("title").to_text() == "A");
}

TEST_CASE("a file deleted and written again with other bytes in the same moment is read again") {
  ContentFolder site;
  site.write("content/stories/a.en.md", "---\ntitle: A\n---\nAlpha.\n");
  site.age();
  Loads loads{site};
  loads.next();
  auto when = fs::last_write_time(site.dir / "content/stories/a.en.md");
  fs::remove(site.dir / "content/stories/a.en.md");
  site.write("content/stories/a.en.md", "---\ntitle: B\n---\nAlpha.\n");
  fs::last_write_time(site.dir / "content/stories/a.en.md", when);  // as if restored
  loads.next();
  CHECK(loads.page("content/stories/a.en.md")->front.get("title").to_text() == "B");
}

TEST_CASE("a load with other languages reads every file again") {
  ContentFolder site;
  site.write("content/stories/a.en.md", "---\ntitle: A\n---\nAlpha.\n");
  site.age();
  Loads loads{site};
  loads.next();
  std::uint64_t a = loads.page("content/stories/a.en.md")->fingerprint;
  loads.config.languages.pop_back();  // "en" is no longer a language of the site
  loads.next();
  CHECK(loads.pages.empty());
  CHECK(loads.diags->has_errors());
  loads.config = two_languages();
  loads.next();
  REQUIRE(loads.pages.size() == 1);
  CHECK(loads.page("content/stories/a.en.md")->fingerprint == a);
}

}  // namespace firefly

namespace firefly {

TEST_CASE("a translation with neither title nor text is a placeholder, without a warning") {
  SiteConfig config = two_languages();
  SourcePage page;
  Diagnostics diags;
  // What the CMS writes for a language nobody translated: the copied date and reference.
  CHECK(load_source_page("content/stories/a.en.md",
                         "---\ndate: 2026-11-20\nprogram: employment\n---\n", config, page, diags));
  CHECK(page.placeholder);
  CHECK(diags.sorted().empty());
  // Text without a title is a page to check (its error says what is missing); so is the
  // original language's file.
  Diagnostics d2;
  CHECK(load_source_page("content/stories/a.en.md", "---\ndate: 2026-11-20\n---\nText\n", config,
                         page, d2));
  CHECK_FALSE(page.placeholder);
  SourcePage original;
  CHECK(load_source_page("content/stories/a.zh-TW.md", "---\ndate: 2026-11-20\n---\n", config,
                         original, d2));
  CHECK_FALSE(original.placeholder);
  CHECK(d2.sorted().empty());
}

}  // namespace firefly

namespace firefly {

TEST_CASE("a page whose front matter is not YAML keeps the entries that are, and its body") {
  SiteConfig config = two_languages();
  SourcePage page;
  Diagnostics diags;
  CHECK(load_source_page("content/stories/a.md",
                         "---\ntitle: Roses: a thank-you\ndate: 2021-05-04\n---\nSee [x](/y/).\n",
                         config, page, diags));
  CHECK(diags.error_count() == 1);
  CHECK(page.front_incomplete);
  CHECK_FALSE(page.body_unread);
  CHECK_FALSE(page.front.find("title"));
  CHECK(page.front.get("date").to_text() == "2021-05-04");
  CHECK(std::string_view(page.body) == "See [x](/y/).\n");
  CHECK(page.body_line == 5);

  // Never closed: the body is what follows the front matter's lines.
  SourcePage open;
  Diagnostics d2;
  CHECK(load_source_page("content/stories/b.md", "---\ntitle: B\n\nText.\n", config, open, d2));
  CHECK(d2.error_count() == 1);
  CHECK(open.front_incomplete);
  CHECK(open.front.get("title").to_text() == "B");
  CHECK(std::string_view(open.body) == "Text.\n");
  CHECK(open.body_line == 4);
}

TEST_CASE("a page that cannot be read keeps its place without fields or text") {
  SiteConfig config = two_languages();
  SourcePage page;
  Diagnostics diags;
  CHECK(load_source_page("content/stories/a.en.md", "---\ntitle: A\n---\nBad \xff byte\n", config,
                         page, diags));
  CHECK(diags.error_count() == 1);
  CHECK(page.front_incomplete);
  CHECK(page.body_unread);
  CHECK(page.lang == "en");
  CHECK(page.slug == "a");
  CHECK_FALSE(page.placeholder);
  // A file name that cannot be an address has no place at all.
  SourcePage bad;
  Diagnostics d2;
  CHECK_FALSE(load_source_page("content/stories/a?.md", "Text\n", config, bad, d2));
}

TEST_CASE("a file over the size limit keeps its place unread; one at the limit is read whole") {
  ContentFolder site;
  SiteConfig config = two_languages();
  const std::string at_limit = "---\ntitle: A\n---\nText.";
  config.max_markdown_bytes = at_limit.size();
  site.write("content/stories/a.en.md", at_limit);
  site.write("content/stories/b.en.md", at_limit + "\n");
  Diagnostics diags;
  SourcePages pages = load_content(site.dir, config, 1, diags);
  REQUIRE(pages.size() == 2);
  const SourcePage& a = *pages[0];
  const SourcePage& b = *pages[1];
  CHECK(a.path == "content/stories/a.en.md");
  CHECK(std::string_view(a.body) == "Text.");
  CHECK_FALSE(a.body_unread);
  CHECK(b.slug == "b");
  CHECK(b.body_unread);
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.sorted()[0].message.find("at most 0 KB") != std::string::npos);
}

TEST_CASE("with the list of changed files, the pages are in the order of a listed load") {
  ContentFolder site;
  site.write("content/stories/b.md", "---\ntitle: B\n---\nBeta.\n");
  site.write("content/stories/d.md", "---\ntitle: D\n---\nDelta.\n");
  Loads loads{site};
  loads.next();
  // Added before, between and after the files read; one named twice (an editor's save
  // as delete and write), one written and deleted again.
  site.write("content/stories/a.md", "---\ntitle: A\n---\nAlpha.\n");
  site.write("content/stories/c.md", "---\ntitle: C\n---\nGamma.\n");
  site.write("content/stories/e.md", "---\ntitle: E\n---\nEpsilon.\n");
  std::vector<std::string> changed{"content/stories/e.md", "content/stories/c.md",
                                   "content/stories/x.md", "content/stories/c.md",
                                   "content/stories/a.md"};
  loads.next(&changed);
  std::vector<std::string> order;
  for (const auto& p : loads.pages) order.push_back(p->path);
  Loads listed{site};
  listed.next();
  std::vector<std::string> listed_order;
  for (const auto& p : listed.pages) listed_order.push_back(p->path);
  CHECK(order == listed_order);
  CHECK(order.size() == 5);
  CHECK(loads.page("content/stories/c.md")->front.get("title").to_text() == "C");
  // The files taken over unread keep their pages.
  CHECK(loads.page("content/stories/b.md")->front.get("title").to_text() == "B");
}

TEST_CASE("with the list of changed files, only those are looked at, unless a folder changed") {
  ContentFolder site;
  site.write("content/stories/a.en.md", "---\ntitle: A\n---\nAlpha.\n");
  site.write("content/stories/b.md", "---\ntitle: B\n---\nBeta.\n");
  Loads loads{site};
  loads.next();
  REQUIRE(loads.pages.size() == 2);
  CHECK(loads.stamps.whole);

  // A file not named is taken as it was read, even though it changed (and its stamp was
  // racy); the files named are read, added or dropped.
  site.write("content/stories/a.en.md", "---\ntitle: Not looked at\n---\nAlpha.\n");
  site.write("content/stories/c.en.md", "---\ntitle: C\n---\nGamma.\n");
  fs::remove(site.dir / "content/stories/b.md");
  std::vector<std::string> changed{"content/stories/c.en.md", "content/stories/b.md",
                                   "static/x.png"};
  loads.next(&changed);
  REQUIRE(loads.pages.size() == 2);
  CHECK(loads.page("content/stories/a.en.md")->front.get("title").to_text() == "A");
  CHECK(loads.page("content/stories/c.en.md")->front.get("title").to_text() == "C");
  CHECK_FALSE(loads.page("content/stories/b.md"));

  // A new folder: its files are not named one by one, so the folder is listed again.
  fs::create_directories(site.dir / "content/news");
  site.write("content/news/d.en.md", "---\ntitle: D\n---\nDelta.\n");
  changed = {"content/news"};
  loads.next(&changed);
  REQUIRE(loads.pages.size() == 3);
  CHECK(loads.page("content/news/d.en.md"));
  CHECK(loads.page("content/stories/a.en.md")->front.get("title").to_text() == "Not looked at");

  // A folder removed: listed again too.
  fs::remove_all(site.dir / "content/news");
  changed = {"content/news"};
  loads.next(&changed);
  CHECK(loads.pages.size() == 2);

  // After a load that found a symbolic link, the folder is always listed.
  fs::create_symlink("c.en.md", site.dir / "content/stories/l.en.md");
  loads.next();
  CHECK_FALSE(loads.stamps.whole);
  fs::remove(site.dir / "content/stories/l.en.md");
  changed = {};
  loads.next(&changed);
  CHECK(loads.pages.size() == 2);
}

TEST_CASE("an update that only edits pages shares the table of stamps and keeps warnings") {
  ContentFolder site;
  for (char name = 'a'; name < 'a' + 24; ++name) {
    // Appended, not joined with +: GCC 12 at -O1 warns (-Warray-bounds) on a string
    // temporary plus a char plus a literal, a known false positive.
    std::string text = "---\ntitle: ";
    text.append(1, name).append("\n---\nText.\n");
    site.write(std::string("content/stories/") + name + ".en.md", text);
  }
  site.age();
  Loads loads{site};
  loads.next();
  REQUIRE(loads.pages.size() == 24);
  const auto* table = loads.stamps.base.get();
  SourcePages before = loads.pages;

  // One page written again through a rename (as editors save): read again, the others
  // not looked at; the table of stamps is the one before, the new stamp beside it.
  site.write("content/stories/c.en.md.tmp", "---\ntitle: C2\n---\nText.\n");
  fs::rename(site.dir / "content/stories/c.en.md.tmp", site.dir / "content/stories/c.en.md");
  site.write("content/stories/d.en.md", "---\ntitle: Not looked at\n---\nText.\n");
  std::vector<std::string> changed{"content/stories/c.en.md.tmp", "content/stories/c.en.md",
                                   "content/stories/c.en.md", "static/x.png"};
  loads.next(&changed);
  REQUIRE(loads.pages.size() == 24);
  CHECK(loads.stamps.base.get() == table);
  CHECK(loads.stamps.changed.size() == 1);
  CHECK(loads.stamps.whole);
  CHECK(loads.page("content/stories/c.en.md")->front.get("title").to_text() == "C2");
  CHECK(loads.page("content/stories/d.en.md")->front.get("title").to_text() == "d");
  for (size_t i = 0; i < before.size(); ++i) {
    if (before[i]->path == "content/stories/c.en.md") {
      CHECK(loads.pages[i] != before[i]);
      CHECK(loads.pages[i]->path == before[i]->path);
    } else {
      CHECK(loads.pages[i] == before[i]);
    }
  }

  // A file with an error: reported, and again by each update that takes it over; not
  // once fixed. Its stamp was just written: the next update looks at it again.
  site.write("content/stories/e.en.md", "---\ntitle: E\n---\nBad \xff byte.\n");
  changed = {"content/stories/e.en.md"};
  loads.next(&changed);
  CHECK(loads.diags->error_count() == 1);
  CHECK(loads.stamps.reported.count("content/stories/e.en.md"));
  changed = {"content/stories/a.en.md"};
  loads.next(&changed);
  CHECK(loads.diags->error_count() == 1);
  CHECK(loads.stamps.base.get() == table);
  site.write("content/stories/e.en.md", "---\ntitle: E\n---\nGood.\n");
  changed = {"content/stories/e.en.md"};
  loads.next(&changed);
  CHECK(loads.diags->error_count() == 0);
  CHECK(loads.stamps.reported.empty());
  CHECK(std::string_view(loads.page("content/stories/e.en.md")->body) == "Good.\n");
  CHECK(loads.stamps.base.get() == table);
  CHECK(loads.stamps.changed.size() == 2);  // c and e: a's stamp is as it was

  // Past an eighth of the pages with new stamps, a new table is made with them.
  site.write("content/stories/f.en.md", "---\ntitle: F2\n---\nText.\n");
  site.write("content/stories/g.en.md", "---\ntitle: G2\n---\nText.\n");
  changed = {"content/stories/f.en.md", "content/stories/g.en.md"};
  loads.next(&changed);
  CHECK(loads.stamps.base.get() != table);
  CHECK(loads.stamps.changed.empty());
  CHECK(loads.stamps.find("content/stories/c.en.md")->stamp.racy);
  CHECK(loads.stamps.size() == 24);
  CHECK(loads.page("content/stories/g.en.md")->front.get("title").to_text() == "G2");

  // A folder of pages removed, and named alone: its pages are dropped.
  fs::create_directories(site.dir / "content/news");
  site.write("content/news/n.en.md", "---\ntitle: N\n---\nText.\n");
  changed = {"content/news"};
  loads.next(&changed);
  CHECK(loads.pages.size() == 25);
  fs::remove_all(site.dir / "content/news");
  changed = {"content/news"};
  loads.next(&changed);
  CHECK(loads.pages.size() == 24);
  fs::create_directories(site.dir / "content/news");
  site.write("content/news/n.en.md", "---\ntitle: N\n---\nText.\n");
  changed = {"content/news/n.en.md", "content/news"};
  loads.next(&changed);
  fs::rename(site.dir / "content/news", site.dir / "content/old");
  changed = {"content/news"};  // the watcher missed the new name
  loads.next(&changed);
  CHECK(loads.page("content/old/n.en.md"));
  CHECK_FALSE(loads.page("content/news/n.en.md"));
  fs::remove_all(site.dir / "content/old");
  changed = {"content/old"};
  loads.next(&changed);
  CHECK(loads.pages.size() == 24);

  // A page named that was not read before (new, or gone): the folder's files are found as
  // a listed load finds them.
  site.write("content/stories/zz.en.md", "---\ntitle: K\n---\nText.\n");
  fs::remove(site.dir / "content/stories/a.en.md");
  changed = {"content/stories/zz.en.md", "content/stories/a.en.md"};
  loads.next(&changed);
  CHECK(loads.pages.size() == 24);
  CHECK(loads.page("content/stories/zz.en.md")->front.get("title").to_text() == "K");
  CHECK_FALSE(loads.page("content/stories/a.en.md"));
  CHECK(loads.stamps.size() == 24);
}

TEST_CASE("at the same commit, git dates are taken from the pages dated before") {
  ContentFolder site;
  REQUIRE(testing::run_in(site.dir, "git init -q") == 0);
  site.write("content/stories/a.en.md", "---\ntitle: A\n---\nAlpha.\n");
  site.write("content/stories/b.en.md", "---\ntitle: B\n---\nBeta.\n");
  testing::commit_at(site.dir, "2026-01-02T10:00:00Z", "first");
  site.write("content/stories/b.en.md", "---\ntitle: B\n---\nBeta, revised.\n");
  testing::commit_at(site.dir, "2026-02-03T10:00:00Z", "second");
  site.age();  // the stamps trusted: unchanged files are taken over
  Loads loads{site};
  loads.next();
  Diagnostics diags;
  add_git_dates(site.dir, TimeZone(), loads.pages, diags);
  REQUIRE(loads.page("content/stories/b.en.md")->git_revised);
  SourcePages dated = loads.pages;

  // Edited (not committed) and a new file: the edited page takes the dates of the page
  // before from the same file; the new one has none (git does not know it).
  site.write("content/stories/b.en.md", "---\ntitle: B2\n---\nBeta, again.\n");
  site.write("content/stories/c.en.md", "---\ntitle: C\n---\nGamma.\n");
  loads.next();
  add_git_dates(site.dir, TimeZone(), loads.pages, diags, &dated);
  SourcePages fresh = loads.pages;
  for (auto& p : fresh) p = std::make_shared<SourcePage>(*p);  // as loaded anew
  add_git_dates(site.dir, TimeZone(), fresh, diags);
  REQUIRE(fresh.size() == 3);
  for (size_t i = 0; i < fresh.size(); ++i) {
    INFO(fresh[i]->path);
    CHECK(loads.pages[i]->git_updated == fresh[i]->git_updated);
    CHECK(loads.pages[i]->git_revised == fresh[i]->git_revised);
    CHECK(loads.pages[i]->git_commit == fresh[i]->git_commit);
  }
  CHECK(loads.page("content/stories/a.en.md") == dated[0].get());  // shared, unchanged
  CHECK(loads.page("content/stories/b.en.md")->git_revised == dated[1]->git_revised);
  CHECK_FALSE(loads.page("content/stories/c.en.md")->git_updated);
}

TEST_CASE("a language in a file name that the site does not have names the one meant, if any") {
  SiteConfig config = two_languages();  // zh-TW and en
  config.languages.push_back(Language{"vi", "vi", "Tiếng Việt", "", "ltr"});
  auto hint_for = [&](const std::string& path) {
    SourcePage page;
    Diagnostics diags;
    CHECK_FALSE(load_source_page(path, "---\ntitle: T\n---\nText\n", config, page, diags));
    REQUIRE(diags.sorted().size() == 1);
    return diags.sorted()[0].hint;
  };
  // Viet Nam's country code means Vietnamese, never the English it is one letter from.
  CHECK(hint_for("content/about.vn.md") == "did you mean 'vi'?");
  // Thai is Thai: renamed .en.md it would be published as English.
  CHECK(hint_for("content/about.th.md") == "add it under `languages:` in site.yaml");
}

}  // namespace firefly
