#include "commands/incremental.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "core/fs.h"

namespace firefly {

namespace fs = std::filesystem;

namespace {

/// A copy of the golden multilingual site in a fresh temporary folder.
class SiteCopy {
 public:
  SiteCopy() {
    dir_ = fs::temp_directory_path() / ("firefly_incremental_test_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::copy(fs::path(FIREFLY_SOURCE_DIR) / "tests/sites/multilingual/site", dir_,
             fs::copy_options::recursive);
  }
  ~SiteCopy() { fs::remove_all(dir_); }
  const fs::path& dir() const { return dir_; }
  /// Replaces `from` with `to` in the file `rel`.
  void edit(const std::string& rel, const std::string& from, const std::string& to) const {
    std::string text = *read_file(dir_ / rel);
    size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    std::ofstream(dir_ / rel, std::ios::binary) << text;
  }

 private:
  fs::path dir_;
};

BuildOptions options_for(const fs::path& dir) {
  BuildOptions o;
  o.site_dir = dir;
  o.write = false;
  o.keep_state = true;
  o.jobs = 2;
  return o;
}

/// A build of `site` that keeps its state, as `serve` makes it.
BuildResult build_kept(const SiteCopy& site) {
  Diagnostics diags;
  BuildResult result = run_build(options_for(site.dir()), diags);
  REQUIRE(result.state);
  return result;
}

std::map<std::string, std::string> by_path(OutputSet files) {
  std::map<std::string, std::string> out;
  for (OutputFile& f : files) out[f.path] = std::move(f.bytes);
  return out;
}

/// Checks that updating `before` for `changed` gives exactly what a full build gives:
/// every file it re-renders matches, and every file the edit changed is re-rendered.
void check_update_matches_full_build(const SiteCopy& site, BuildResult& before,
                                     const std::vector<std::string>& changed,
                                     const std::vector<std::string>& expected_pages) {
  Diagnostics diags;
  std::optional<Update> update = rebuild_changed(*before.state, changed, diags);
  REQUIRE(update);
  CHECK_FALSE(diags.has_errors());
  std::vector<std::string> pages;
  for (size_t i = 0; i < update->pages; ++i) pages.push_back(update->files[i].path);
  std::sort(pages.begin(), pages.end());
  CHECK(pages == expected_pages);
  Diagnostics full_diags;
  BuildResult full = run_build(options_for(site.dir()), full_diags);
  REQUIRE(full.exit_code == 0);
  auto old_files = by_path(std::move(before.output));
  auto new_files = by_path(std::move(full.output));
  auto updated = by_path(std::move(update->files));
  for (const auto& [path, bytes] : updated) {
    INFO(path);
    REQUIRE(new_files.count(path));
    CHECK(bytes == new_files[path]);
  }
  size_t changed_files = 0;
  for (const auto& [path, bytes] : new_files) {
    INFO(path);
    if (old_files[path] == bytes) continue;
    ++changed_files;
    CHECK(updated.count(path));
  }
  CHECK(changed_files > 0);
}

}  // namespace

TEST_CASE("an edit to the end of a story re-renders the story only") {
  SiteCopy site;
  site.edit("content/stories/story-3.en.md", "Story number 3.",
            "Story number 3. " + std::string(30, 'a') + std::string(200, ' ') +
                "is long enough to fill the summary: "
                "it goes on, and on, and on, until the summary has to stop well before the end.");
  BuildResult before = build_kept(site);
  site.edit("content/stories/story-3.en.md", "before the end.",
            "before the end.\n\nA later paragraph, far below the summary.");
  // With the scratch files of editors and `sed -i`, which builds do not read.
  check_update_matches_full_build(
      site, before, {"content/stories/sedX1Yz", "content/stories/story-3.en.md", "content/a.md"},
      {"en/stories/story-3/index.html"});
}

/// One edit to the golden site and the pages an update must re-render for it.
struct EditCase {
  const char* name;
  const char* file;
  const char* from;
  const char* to;
  std::vector<std::string> pages;
};

TEST_CASE("each edit re-renders exactly what shows it, as a full build would") {
  // A dataset shows on its own pages, the catalogue, the home pages and the stories whose
  // Markdown embeds it (the zh-TW ones, and their vi fallbacks).
  const std::vector<std::string> kDataPages = {"data/counts/index.html",
                                               "data/index.html",
                                               "en/data/counts/index.html",
                                               "en/data/index.html",
                                               "en/index.html",
                                               "index.html",
                                               "stories/story-1/index.html",
                                               "stories/story-2/index.html",
                                               "stories/story-3/index.html",
                                               "vi/data/counts/index.html",
                                               "vi/data/index.html",
                                               "vi/index.html",
                                               "vi/stories/story-1/index.html",
                                               "vi/stories/story-2/index.html",
                                               "vi/stories/story-3/index.html"};
  const EditCase cases[] = {
      {"a new summary: the lists, feeds and search index that show it",
       "content/stories/story-1.en.md",
       "Story number 1.",
       "The first story, retold.",
       {"en/index.html", "en/programs/learning/index.html", "en/stories/page/2/index.html",
        "en/stories/story-1/index.html", "en/tags/repair/page/2/index.html",
        "en/tags/volunteers/page/2/index.html"}},
      {"a new title: the lists, the site map and feeds too",
       "content/stories/story-1.en.md",
       "title: Story 1",
       "title: The first story",
       {"en/index.html", "en/programs/learning/index.html", "en/sitemap/index.html",
        "en/stories/page/2/index.html", "en/stories/story-1/index.html",
        "en/tags/repair/page/2/index.html", "en/tags/volunteers/page/2/index.html"}},
      {"a new title of a page ref fields point to: the pages that do",
       "content/programs/learning.en.md",
       "title: Lifelong learning",
       "title: Learning for life",
       {"en/programs/index.html", "en/programs/learning/index.html", "en/sitemap/index.html",
        "en/stories/story-1/index.html", "en/stories/story-2/index.html",
        "en/stories/story-3/index.html"}},
      {"a new update date: the page, its feeds and sitemap.xml",
       "content/stories/story-3.en.md",
       "date: 2023-03-13",
       "date: 2023-03-13\nupdated: 2024-05-01",
       {"en/index.html", "en/programs/learning/index.html", "en/sitemap/index.html",
        "en/stories/index.html", "en/stories/story-3/index.html", "en/tags/repair/index.html",
        "en/tags/volunteers/index.html"}},
      {"new figures in a dataset: its pages, the catalogue, home pages and the embeds",
       "data/counts.csv", "2022,1350,", "2022,1360,", kDataPages},
      {"a new description of a dataset", "data/counts.yaml", "Participants per year",
       "People who took part, per year", kDataPages},
      {"an untranslated page: its fallbacks too",
       "content/programs/health.md",
       "健康平台",
       "健康促進平台",
       {"en/programs/health/index.html", "en/programs/index.html", "programs/health/index.html",
        "programs/index.html", "vi/programs/health/index.html", "vi/programs/index.html"}},
  };
  for (const EditCase& c : cases) {
    SUBCASE(c.name) {
      SiteCopy site;
      BuildResult before = build_kept(site);
      site.edit(c.file, c.from, c.to);
      check_update_matches_full_build(site, before, {c.file}, c.pages);
    }
  }
}

TEST_CASE("changes that move pages or touch other sources need a full build") {
  SiteCopy site;
  BuildResult before = build_kept(site);
  BuildState& state = *before.state;
  auto declined = [&](const std::vector<std::string>& changed) {
    Diagnostics d;
    return !rebuild_changed(state, changed, d).has_value();
  };
  site.edit("content/stories/story-2.en.md", "date: 2023-02-12", "date: 2023-02-13");
  CHECK(declined({"content/stories/story-2.en.md"}));  // a new date: a new order
  site.edit("content/stories/story-2.en.md", "date: 2023-02-13", "date: 2023-02-12");
  site.edit("content/stories/story-2.en.md", "tags: [volunteers, repair]", "tags: [repair]");
  CHECK(declined({"content/stories/story-2.en.md"}));  // other term pages
  site.edit("content/stories/story-2.en.md", "tags: [repair]", "tags: [volunteers, repair]");
  site.edit("content/stories/story-2.en.md", "title: Story 2", "titel: Story 2");
  CHECK(declined({"content/stories/story-2.en.md"}));  // a warning: the full build shows it
  site.edit("content/stories/story-2.en.md", "titel: Story 2", "title: Story 2");
  site.edit("content/_index.en.md", "title: Home", "title: Start");
  CHECK(declined({"content/_index.en.md"}));  // the home page's title is in every breadcrumb
  site.edit("content/_index.en.md", "title: Start", "title: Home");

  std::ofstream(site.dir() / "content/stories/story-9.en.md") << "---\ntitle: New\n---\nNew.\n";
  CHECK(declined({"content/stories/story-9.en.md"}));  // a new page
  fs::remove(site.dir() / "content/stories/story-3.en.md");
  CHECK(declined({"content/stories/story-3.en.md"}));  // a deleted page
  CHECK(declined({"site.yaml"}));
  site.edit("data/counts.yaml", "en: Participants}", "en: Participants per year}");
  CHECK(declined({"data/counts.yaml"}));  // a dataset's title is a page title
  site.edit("data/counts.yaml", "en: Participants per year}", "en: Participants}");
  site.edit("data/counts.csv", "2022,1350,", "2022,many,");
  CHECK(declined({"data/counts.csv"}));  // an error: the full build reports it
  site.edit("data/counts.csv", "2022,many,", "2022,1350,");
  CHECK(declined({"themes/mini/layouts/page.mustache"}));
  CHECK(declined({}));
  CHECK(declined({"content/stories/gone.md"}));  // only a scratch file: nothing to update
  CHECK(declined({"static/logo.svg"}));          // a new static file: links to it become valid
  std::ofstream(site.dir() / "static/images/dot.svg")
      << "<svg xmlns=\"http://www.w3.org/2000/svg\"/>";
  {
    // New bytes in a static file the site has: served from the file, so only a reload.
    Diagnostics d;
    std::optional<Update> update = rebuild_changed(state, {"static/images/dot.svg"}, d);
    REQUIRE(update);
    CHECK(update->files.empty());
  }
  fs::remove(site.dir() / "static/images/dot.svg");
  CHECK(declined({"static/images/dot.svg"}));  // a removed one: links to it break
  // A body edit together with one that needs a full build: the full build.
  site.edit("content/stories/story-1.en.md", "Story number 1.", "Story one.");
  CHECK(declined({"content/stories/story-1.en.md", "site.yaml"}));
  // Declining leaves the state as it was: the old text is still there.
  for (const SourcePage& s : state.sources) {
    if (s.path == "content/stories/story-1.en.md") CHECK(s.body.find("Story number 1.") == 0);
  }
}

TEST_CASE("a broken link in an edit is reported, and fixing it updates in place") {
  SiteCopy site;
  BuildResult before = build_kept(site);
  const std::string rel = "content/stories/story-1.en.md";
  site.edit(rel, "(../story-2/)", "(../story-22/)");
  Diagnostics broken;
  std::optional<Update> update = rebuild_changed(*before.state, {rel}, broken);
  REQUIRE(update);
  REQUIRE(broken.error_count() == 1);
  CHECK(broken.sorted().front().path == rel);
  CHECK(broken.sorted().front().pos.line == 7);
  site.edit(rel, "(../story-22/)", "(../story-3/)");
  Diagnostics fixed;
  update = rebuild_changed(*before.state, {rel}, fixed);
  REQUIRE(update);
  CHECK_FALSE(fixed.has_errors());
}

}  // namespace firefly
