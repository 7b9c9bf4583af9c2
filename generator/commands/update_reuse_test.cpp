// What an update takes over from the build before (the records of pages it does not
// render again) and what it must not.
#include <doctest/doctest.h>

#include <chrono>
#include <set>
#include <string>
#include <thread>

#include "commands/build.h"
#include "commands/build_state.h"
#include "commands/update_fixture_for_tests.h"
#include "load/git_fixture_for_tests.h"

namespace firefly {

namespace {

/// True when `update` rendered the page at `path` again rather than taking its record
/// over from `before` (a record taken over is the very same set of reads).
bool rendered(const BuildState& before, const BuildState& update, const std::string& path) {
  const OutputRecord* a = before.output(path);
  const OutputRecord* b = update.output(path);
  REQUIRE(a);
  REQUIRE(b);
  REQUIRE(a->reads);
  return a->reads != b->reads;
}

}  // namespace

TEST_CASE("a new title renders every page that shows it, and no other") {
  SiteCopy site;
  std::string rel = "content/stories/story-3.en.md";
  auto [kept, update, problems] = build_edit_update(
      site, [&] { site.write(rel, set_line(site.read(rel), "title:", "title: A renamed story")); });
  REQUIRE(update.exit_code == 0);
  Full full = full_build(site);
  std::set<std::string> updated;
  for (const OutputFile& f : update.output) updated.insert(f.path);
  size_t showing = 0, pages = 0;
  for (const auto& [path, bytes] : full.files) {
    if (!kept.state->output(path) || !kept.state->output(path)->reads) continue;  // not a page
    ++pages;
    INFO(path);
    bool shows = bytes.find("A renamed story") != std::string::npos;
    if (shows) {  // the story itself and the lists with it: none taken over
      ++showing;
      CHECK(rendered(*kept.state, *update.state, path));
      CHECK(updated.count(path));
    }
  }
  CHECK(showing >= 3);  // its page, its section's list, a tag's list...
  CHECK(update.pages_rendered < pages / 2);
  CHECK_FALSE(rendered(*kept.state, *update.state, "en/programs/health/index.html"));
}

TEST_CASE("front matter that no page shows still renders its own page again") {
  SiteCopy site;
  // A field the theme does not show: templates may read any field through page.params.
  std::string rel = "content/stories/story-3.en.md";
  auto [kept, update, problems] = build_edit_update(site, [&] {
    site.write(rel, set_line(site.read(rel), "tags:", "tags: [volunteers, repair]\nmood: calm"));
  });
  REQUIRE(update.exit_code == 0);
  CHECK(rendered(*kept.state, *update.state, "en/stories/story-3/index.html"));
  CHECK_FALSE(rendered(*kept.state, *update.state, "en/stories/story-1/index.html"));
  // Edited again, from the state of the update before.
  site.write(rel, set_line(site.read(rel), "mood:", "mood: stormy"));
  Diagnostics again;
  BuildResult next = run_update(*update.state, again);
  REQUIRE(next.exit_code == 0);
  CHECK(rendered(*update.state, *next.state, "en/stories/story-3/index.html"));
  CHECK_FALSE(rendered(*update.state, *next.state, "stories/story-1/index.html"));
}

TEST_CASE(
    "a new story moves the pages after it; a file at a page's address is the error of "
    "a full build") {
  SiteCopy site;
  // A story whose name sorts first: the pages after it are at other indices now, and
  // their records are found by their paths.
  auto [kept, added, problems] = build_edit_update(site, [&] {
    site.write("content/stories/story-0.en.md",
               "---\ntitle: Story 0\ndate: 2020-01-01\nprogram: learning\n---\nZero.\n");
  });
  REQUIRE(added.exit_code == 0);
  CHECK(added.removed.empty());
  CHECK(added.state->output("en/stories/story-0/index.html"));
  Files shown, full_files = full_build(site).files;
  apply(shown, kept);
  apply(shown, added);
  for (Files* files : {&shown, &full_files}) {  // the update leaves the index for later
    std::erase_if(*files, [](const auto& file) { return in_search_index(file.first); });
  }
  CHECK(shown == full_files);
  // A static file where a page is published: the update reports what a full build does.
  fs::create_directories(site.dir() / "static/en/stories/story-1");
  site.write("static/en/stories/story-1/index.html", "<p>mine</p>\n");
  Diagnostics clash;
  BuildResult update = run_update(*added.state, clash);
  Full full = full_build(site);
  CHECK(full.result.exit_code == 1);
  CHECK(update.exit_code == full.result.exit_code);
  CHECK(report(clash) == full.report);
  CHECK(report(clash).find("two files would be published at /en/stories/story-1/index.html") !=
        std::string::npos);
  // Removed again, the update from the last good build shows the story as it was.
  site.remove("static/en/stories/story-1/index.html");
  Diagnostics fixed;
  BuildResult back = run_update(*added.state, fixed);
  REQUIRE(back.exit_code == 0);
  CHECK(back.output.empty());
  CHECK(back.removed.empty());
}

TEST_CASE("an edit of a story's text takes the site graph over; one of its title does not") {
  SiteCopy site;
  std::string rel = "content/stories/story-3.en.md";
  Edited text =
      build_edit_update(site, [&] { site.write(rel, site.read(rel) + "\nA last paragraph.\n"); });
  REQUIRE(text.update.exit_code == 0);
  CHECK_FALSE(text.kept.state->site_reused);
  CHECK(text.update.state->site_reused);
  const Page* story = text.update.state->site->find("stories/story-3", "en");
  REQUIRE(story);
  CHECK(story->source->body.str().find("A last paragraph.") != std::string::npos);
  CHECK(rendered(*text.kept.state, *text.update.state, "en/stories/story-3/index.html"));
  CHECK_FALSE(rendered(*text.kept.state, *text.update.state, "en/stories/story-1/index.html"));
  site.write(rel, set_line(site.read(rel), "title:", "title: Renamed"));
  Diagnostics diags;
  BuildResult titled = run_update(*text.update.state, diags);
  REQUIRE(titled.exit_code == 0);
  CHECK_FALSE(titled.state->site_reused);
  story = titled.state->site->find("stories/story-3", "en");
  REQUIRE(story);
  CHECK(story->title == "Renamed");
}

TEST_CASE("feeds are made again when a summary they show changes, not for an edit below it") {
  SiteCopy site;
  std::string rel = "content/stories/story-3.en.md";
  // A first paragraph longer than a summary (120 characters): more text after it is not
  // in the feeds.
  site.write(rel, site.read(rel) + std::string(15, ' ') + "And this sentence is there to make " +
                      "the first paragraph of the story longer than what its summary shows.\n");
  site.take_touched();
  Edited text =
      build_edit_update(site, [&] { site.write(rel, site.read(rel) + "\nA last paragraph.\n"); });
  REQUIRE(text.update.exit_code == 0);
  REQUIRE(text.update.state->site_reused);
  auto feeds = [](const BuildResult& r) {
    std::set<std::string> out;
    for (const OutputFile& f : r.output) {
      if (f.path.find("feed.xml") != std::string::npos) out.insert(f.path);
    }
    return out;
  };
  CHECK(text.kept.state->output("en/stories/feed.xml"));
  CHECK(feeds(text.update).empty());
  CHECK(text.update.state->site_files.prints == text.kept.state->site_files.prints);
  // A new first paragraph: the story's summary in the feeds of its language.
  std::string now = site.read(rel);
  size_t body = now.find("---\n", 4) + 4;
  site.write(rel, now.substr(0, body) + "A new opening.\n\n" + now.substr(body));
  Diagnostics diags;
  BuildResult opened = run_update(*text.update.state, diags);
  REQUIRE(opened.exit_code == 0);
  CHECK(feeds(opened) == std::set<std::string>{"en/feed.xml", "en/stories/feed.xml"});
  Full full = full_build(site);
  for (const OutputFile& f : opened.output) {
    INFO(f.path);
    if (f.path.find("feed.xml") != std::string::npos) CHECK(f.bytes == full.files.at(f.path));
  }
  CHECK(full.files.at("en/stories/feed.xml").find("A new opening.") != std::string::npos);
}

TEST_CASE("the theme and datasets are taken over until a file of theirs or a commit changes") {
  SiteCopy site;
  REQUIRE(testing::run_in(site.dir(), "git init -q") == 0);
  testing::commit_at(site.dir(), "2024-03-01T10:00:00+00:00", "first");
  site.write("data/counts.csv", site.read("data/counts.csv") + "2041,1234,\n");  // not committed
  std::this_thread::sleep_for(std::chrono::milliseconds(60));  // stamps to be trusted
  Diagnostics first;
  BuildResult kept = run_build(options_for(site.dir()), first);
  REQUIRE(kept.state);
  Diagnostics diags;
  BuildResult same = run_update(*kept.state, diags);
  REQUIRE(same.state);
  CHECK(same.state->theme_reused);
  CHECK(same.state->datasets_reused);
  CHECK(same.state->theme == kept.state->theme);
  CHECK(same.state->datasets == kept.state->datasets);  // shared, not copied
  // Their fingerprints are those of the build before, the files not read again.
  CHECK(same.state->files.theme == kept.state->files.theme);
  CHECK(same.state->files.dataset == kept.state->files.dataset);
  CHECK(same.data_files_reused);
  // A commit changes the datasets' history (what they show as modified), not their files.
  testing::commit_at(site.dir(), "2025-06-02T10:00:00+00:00", "rows of 2041");
  Diagnostics again;
  BuildResult committed = run_update(*same.state, again);
  REQUIRE(committed.exit_code == 0);
  CHECK(committed.state->theme_reused);
  CHECK_FALSE(committed.state->datasets_reused);
  CHECK(committed.state->files.datasets != same.state->files.datasets);
  CHECK_FALSE(committed.data_files_reused);
  Files shown;
  apply(shown, kept);
  apply(shown, same);
  apply(shown, committed);
  Full full = full_build(site);
  CHECK(report(again) == full.report);
  Files before;
  apply(before, kept);
  CHECK(before.at("data/counts.metadata.json") != full.files.at("data/counts.metadata.json"));
  CHECK(full.files.at("data/counts.metadata.json").find("2025-06-02") != std::string::npos);
  for (const auto& [path, bytes] : full.files) {
    if (in_search_index(path)) continue;
    INFO(path);
    CHECK(shown[path] == bytes);
  }
}

TEST_CASE("a link to a story that comes, goes and comes back resolves as in a full build") {
  // The bodies of a patched graph with a page come or gone resolve again only the links
  // looked up where the graphs differ (model/site_patch_match.h changed_addresses).
  SiteCopy site;
  const std::string linking = "content/stories/story-1.en.md";
  const std::string linked = "content/stories/linked.en.md";
  const std::string story =
      "---\ntitle: Linked\ndate: 2024-03-02\nprogram: health\n---\nLinked to.\n";
  Diagnostics first;
  BuildResult built = run_build(options_for(site.dir()), first);
  REQUIRE(built.state);
  std::shared_ptr<BuildState> state = built.state;
  Files shown;
  apply(shown, built);
  int patched = 0;
  // Updates `state` after an edit; true when it equals a full build of the same files.
  auto update = [&](bool ok) {
    Diagnostics diags;
    BuildResult next = run_update(*state, diags);
    Full full = full_build(site);
    CHECK(report(diags) == full.report);
    REQUIRE((next.exit_code == 0) == ok);
    REQUIRE(full.result.exit_code == next.exit_code);
    if (!ok) return;
    patched += next.state->site_patched ? 1 : 0;
    CHECK(next.bodies_rendered <= 3);  // the edited or new story, with its fallbacks
    apply(shown, next);
    state = next.state;
    for (const auto& [path, bytes] : full.files) {
      if (in_search_index(path)) continue;
      INFO(path);
      CHECK(shown[path] == bytes);
    }
  };
  site.write(linked, story);
  update(true);
  site.write(linking, site.read(linking) + "\nSee [the linked one](../linked/).\n");
  update(true);
  site.remove(linked);  // the link breaks: the same error as a full build's
  update(false);
  site.write(linked, story);
  update(true);
  // Only in Chinese: the English story links to the English fallback page.
  site.remove(linked);
  site.write("content/stories/linked.zh-TW.md", story);
  update(true);
  site.write(linked, story);  // and back in English
  update(true);
  CHECK(patched >= 2);  // the last two, a page come and gone at the link's address
  CHECK(shown["en/stories/story-1/index.html"].find("href=\"/en/stories/linked/\"") !=
        std::string::npos);
}

TEST_CASE("a link to a page only another language has breaks when that page goes") {
  // With missing_translation: omit and the Chinese story 1 a draft, the Chinese story 3's link to
  // ../story-1/ goes to the English page: looked up at /en/stories/story-1/ too.
  SiteCopy site;
  site.write("site.yaml",
             set_line(site.read("site.yaml"), "missing_translation:", "missing_translation: omit"));
  const std::string zh = "content/stories/story-1.zh-TW.md";
  site.write(zh, "---\ndraft: true\n" + site.read(zh).substr(4));
  const std::string en = "content/stories/story-1.en.md";  // published first
  site.write(en, "---\ndraft: false\n" + site.read(en).substr(4));
  Diagnostics first;
  BuildResult built = run_build(options_for(site.dir()), first);
  REQUIRE(built.exit_code == 0);
  site.remove("content/stories/story-1.en.md");
  Diagnostics diags;
  const std::vector<std::string> changed{"content/stories/story-1.en.md"};  // as serve sees it
  BuildResult next = run_update(*built.state, diags, &changed);
  Full full = full_build(site);
  CHECK(full.report.find("content/stories/story-3.zh-TW.md:7:10: error: the link ../story-1/ "
                         "(/stories/story-1/) points to nothing this site publishes") !=
        std::string::npos);
  CHECK(report(diags) == full.report);
  CHECK(next.exit_code == full.result.exit_code);
}

TEST_CASE("a string edit renders again the pages that show that string, the graph taken over") {
  SiteCopy site;
  const std::string rel = "themes/mini/i18n/en.yaml";
  Edited e = build_edit_update(
      site, [&] { site.write(rel, set_line(site.read(rel), "not_found:", "not_found: Gone")); });
  REQUIRE(e.update.exit_code == 0);
  CHECK(e.update.state->site_reused);
  const BuildState& before = *e.kept.state;
  const BuildState& after = *e.update.state;
  CHECK(rendered(before, after, "en/404.html"));     // {{t.not_found}}
  CHECK_FALSE(rendered(before, after, "404.html"));  // another language's strings
  CHECK_FALSE(rendered(before, after, "en/stories/story-1/index.html"));
  CHECK_FALSE(rendered(before, after, "en/tags/index.html"));
  // The English data pages are made with every English string.
  CHECK(rendered(before, after, "en/data/counts/index.html"));
  CHECK(e.update.pages_rendered < 20);
  // A string no template looks up yet, then one that a template looked up and missed.
  Diagnostics diags;
  site.write(rel, site.read(rel) + "unused: Not shown\n");
  BuildResult added = run_update(after, diags);
  REQUIRE(added.exit_code == 0);
  CHECK_FALSE(rendered(after, *added.state, "en/404.html"));
  CHECK_FALSE(rendered(after, *added.state, "en/stories/story-1/index.html"));
  const std::string vi = "themes/mini/i18n/vi.yaml";
  site.write(vi, site.read(vi) + "not_found: Không tìm thấy\n");
  BuildResult found = run_update(*added.state, diags);
  REQUIRE(found.exit_code == 0);
  CHECK(rendered(*added.state, *found.state, "vi/404.html"));
  CHECK_FALSE(rendered(*added.state, *found.state, "vi/tags/index.html"));
}

TEST_CASE("an edit of a field of the original renders its translations again") {
  SiteCopy site;
  // The English story keeps the original's place as it is written there: in the
  // original's language (render/page_fields.h), as long as the original has it.
  const std::string zh = "content/stories/story-1.zh-TW.md";
  const std::string en = "content/stories/story-1.en.md";
  const std::string page = "en/stories/story-1/index.html";
  site.write(zh, set_line(site.read(zh), "place:", "place: Xinying"));
  site.write(en, set_line(site.read(en), "place:", "place: Xinying"));
  auto [kept, update, problems] = build_edit_update(
      site, [&] { site.write(zh, set_line(site.read(zh), "place:", "place: 新營區")); });
  REQUIRE(update.exit_code == 0);
  CHECK(rendered(*kept.state, *update.state, page));
  CHECK_FALSE(rendered(*kept.state, *update.state, "en/stories/story-2/index.html"));
  Full full = full_build(site);
  const std::string& want = full.files.at(page);
  CHECK(want.find("Xinying") != std::string::npos);
  CHECK(want.find("lang=\"zh-Hant-TW\">Xinying") == std::string::npos);
  bool found = false;
  for (const OutputFile& f : update.output) {
    if (f.path != page) continue;
    found = true;
    CHECK(f.bytes == want);
  }
  CHECK(found);
}

}  // namespace firefly
