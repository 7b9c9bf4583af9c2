// `serve`'s updates (run_update) against full builds of the same files.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <stdexcept>
#include <utility>

#include "commands/build.h"
#include "commands/build_state.h"
#include "commands/pending_files.h"
#include "commands/search_refresh.h"
#include "commands/update_editor_for_tests.h"
#include "commands/update_fixture_for_tests.h"
#include "core/fs.h"

namespace firefly {

namespace fs = std::filesystem;

TEST_CASE("after each of 240 random edits, the update equals a full build of the same files") {
  SiteCopy site;
  Diagnostics first;
  BuildResult kept = run_build(options_for(site.dir()), first);
  REQUIRE(kept.state);
  std::shared_ptr<BuildState> state = kept.state;
  Files shown;
  apply(shown, kept);
  RandomEditor editor(site);
  int failures = 0;
  size_t rendered = 0, pages = 0, pages_left = 0, graphs_taken = 0, graphs_patched = 0,
         themes_taken = 0, datasets_taken = 0, stamps_shared = 0, sitemaps_patched = 0,
         grains_patched = 0, dataset_graphs_kept = 0, sitemaps_left = 0;
  std::vector<std::string> changed;  // since `state` was built, as serve's watcher sees them
  site.take_touched();
  for (int step = 0; step < 240; ++step) {
    std::string what = editor.step();
    INFO("step " << step << ": " << what);
    std::vector<std::string> touched = site.take_touched();
    changed.insert(changed.end(), touched.begin(), touched.end());
    Diagnostics diags;
    // Every other update leaves the feeds and sitemap.xml for after (as serve does).
    bool defer = step % 2 == 0;
    state->options.defer_site_files = defer;
    // Two updates in four render first the pages open (here the Chinese home page and the
    // English stories, or none) and leave the others for after; one in four leaves only
    // the site map pages (below serve's limit of pages).
    bool defer_pages = step % 4 < 2;
    state->options.defer_pages_above = defer_pages ? 0 : step % 4 == 2 ? 1000 : SIZE_MAX;
    state->options.first_pages.clear();
    if (step % 3 != 2) state->options.first_pages = {"en/stories/index.html", "index.html"};
    // Every fifth update does not know what changed (as after the watcher lost events).
    BuildResult update = run_update(*state, diags, step % 5 == 4 ? nullptr : &changed);
    bool site_files_left = false;
    if (update.exit_code == 0 && update.state->pending) {
      const PendingFiles& pending = *update.state->pending;
      site_files_left = pending.site_files;
      CHECK((defer_pages || step % 4 == 2 || pending.pages.empty()));
      pages_left += pending.pages.size();
      for (const PendingPage& p : pending.pages) {
        const Page& page = *update.state->site->pages[p.index];
        const std::string& path = page.out_path;
        if (!defer_pages) CHECK(page.kind == PageKind::kSitemap);
        sitemaps_left += page.kind == PageKind::kSitemap ? 1 : 0;
        CHECK(std::count(state->options.first_pages.begin(), state->options.first_pages.end(),
                         path) == 0);
      }
      // No update may start from it before they are made; then they are shown.
      Diagnostics early;
      CHECK_THROWS_AS(run_update(*update.state, early), std::logic_error);
      std::vector<std::string> later = pending_paths(*update.state);
      for (const OutputFile& f : update.output) {
        CHECK_FALSE(std::binary_search(later.begin(), later.end(), f.path));
      }
      PendingMade made = make_pending_files(*update.state, diags);
      CHECK_FALSE(update.state->pending);
      if (diags.has_errors()) update.exit_code = 1;
      rendered += made.pages_rendered;
      for (OutputFile& f : made.files) update.output.push_back(std::move(f));
    }
    Full full = full_build(site);
    REQUIRE(update.exit_code == full.result.exit_code);
    REQUIRE(report(diags) == full.report);
    if (update.exit_code != 0) {
      MESSAGE("step " << step << " (" << what
                      << ") fails: " << full.report.substr(full.report.find("error:"), 200));
      ++failures;  // serve shows the errors and keeps the last good build
      continue;
    }
    REQUIRE(update.state);
    changed.clear();
    CHECK(site_files_left == defer);
    rendered += update.pages_rendered;
    graphs_taken += update.state->site_reused ? 1 : 0;
    graphs_patched += update.state->site_patched ? 1 : 0;
    // A dataset's title or description: the graph is taken over, its dataset pages retitled.
    if (what.rfind("dataset ", 0) == 0 &&
        (update.state->site_reused || update.state->site_patched)) {
      ++dataset_graphs_kept;
    }
    themes_taken += update.state->theme_reused ? 1 : 0;
    datasets_taken += update.state->datasets_reused ? 1 : 0;
    // An update that only edited pages looked at those alone (load/content.h).
    stamps_shared += update.state->content_stamps.base == state->content_stamps.base ? 1 : 0;
    // sitemap.xml made anew with the entries of unchanged pages copied (render/sitemap_xml.h).
    const SitemapXml& sitemap = update.state->site_files.sitemap_xml;
    bool sitemap_made = std::any_of(update.output.begin(), update.output.end(),
                                    [](const OutputFile& f) { return f.path == "sitemap.xml"; });
    sitemaps_patched += sitemap_made && sitemap.rendered < sitemap.entries.size() ? 1 : 0;
    pages += full.result.pages;
    // A grains table patched for the pages that came or went: the table a build makes.
    if (update.state->grains.patched()) {
      ++grains_patched;
      Diagnostics again;
      BuildResult built = run_build(options_for(site.dir()), again);
      REQUIRE(built.state);
      CHECK(update.state->grains.changed_grains(built.state->grains).empty());
    }
    apply(shown, update);
    state = update.state;
    // serve refreshes the search index after the pages; every third step a later edit
    // comes first (a refresh stopped before it ends changes nothing), and the index
    // stays behind until the next one.
    bool refresh = step % 3 != 1;
    std::atomic<bool> stop{true};
    CHECK_FALSE(refresh_search_index(*state, &stop));
    CHECK_FALSE(state->search_current);
    if (refresh) {
      std::optional<SearchChanges> search = refresh_search_index(*state);
      REQUIRE(search);
      CHECK(state->search_current);
      apply(shown, search->files, search->removed);
    }
    for (const auto& [path, bytes] : full.files) {
      if (!refresh && in_search_index(path)) continue;
      INFO(path);
      auto it = shown.find(path);
      REQUIRE(it != shown.end());
      CHECK(it->second == bytes);
    }
    for (const auto& [path, bytes] : shown) {
      INFO(path);
      CHECK((full.files.count(path) || (!refresh && in_search_index(path))));
    }
  }
  CHECK(failures > 10);  // the breaks and their fixes were exercised
  MESSAGE("pages rendered by updates: " << rendered << " of " << pages);
  CHECK(rendered * 3 < pages);  // updates rendered a small part of the site
  // Edits of a story's text (or none) took the site graph of the build before over.
  MESSAGE("site graphs taken over: " << graphs_taken);
  CHECK(graphs_taken >= 20);
  // Edits of front matter, new and deleted stories patched it.
  MESSAGE("site graphs patched: " << graphs_patched);
  CHECK(graphs_patched >= 40);
  // The theme and the datasets were loaded again only after their files changed.
  MESSAGE("themes taken over: " << themes_taken << ", datasets: " << datasets_taken);
  CHECK(themes_taken >= 100);
  CHECK(datasets_taken >= 100);
  MESSAGE("sitemap.xml patched: " << sitemaps_patched);
  CHECK(sitemaps_patched >= 30);
  // Pages no open tab showed were rendered after the others were shown.
  MESSAGE("pages left for after: " << pages_left << ", of them site maps: " << sitemaps_left);
  CHECK(pages_left >= 100);
  CHECK(sitemaps_left >= 20);
  MESSAGE("dataset titles and descriptions with the graph taken over: " << dataset_graphs_kept);
  CHECK(dataset_graphs_kept >= 8);
  MESSAGE("grains tables patched: " << grains_patched);
  CHECK(grains_patched >= 10);
  MESSAGE("tables of content stamps shared: " << stamps_shared);
  CHECK(stamps_shared >= 50);
}

TEST_CASE("an edit to a story's text renders its body and its page, not the others") {
  SiteCopy site;
  Full before = full_build(site);
  std::string rel = "content/stories/story-3.en.md";  // short: its summary is all its text
  auto [kept, update, problems] =
      build_edit_update(site, [&] { site.write(rel, site.read(rel) + "\nA last paragraph.\n"); });
  REQUIRE(update.exit_code == 0);
  CHECK(update.bodies_rendered == 1);
  // The story, the lists that show its summary (the section, two tags, its program, the
  // home page) and those that count every page of its language (site map, tags): no more.
  CHECK(update.pages_rendered <= 10);
  Full after = full_build(site);
  std::set<std::string> changed, updated;
  for (const auto& [path, bytes] : after.files) {
    if (before.files[path] != bytes) changed.insert(path);
  }
  for (const OutputFile& f : update.output) updated.insert(f.path);
  std::optional<SearchChanges> search = refresh_search_index(*update.state);
  REQUIRE(search);
  CHECK(search->removed.empty());
  CHECK_FALSE(search->files.empty());  // the story's words
  for (const OutputFile& f : search->files) {
    CHECK(in_search_index(f.path));
    updated.insert(f.path);
  }
  CHECK(updated == changed);
  CHECK(changed.count("en/stories/story-3/index.html"));
  CHECK(update.removed.empty());
}

TEST_CASE("an update with nothing changed renders nothing and changes no file") {
  SiteCopy site;
  BuildResult update = build_edit_update(site, [] {}).update;
  REQUIRE(update.exit_code == 0);
  CHECK(update.bodies_rendered == 0);
  CHECK(update.pages_rendered == 0);
  CHECK(update.output.empty());
  CHECK(update.removed.empty());
  CHECK(update.data_files_reused);
}

TEST_CASE("the open-data files are made again only when what they are made from changed") {
  SiteCopy site;
  std::string rel = "content/stories/story-3.en.md";
  Edited edited =
      build_edit_update(site, [&] { site.write(rel, site.read(rel) + "\nA last paragraph.\n"); });
  CHECK_FALSE(edited.kept.data_files_reused);
  BuildResult text = std::move(edited.update);
  REQUIRE(text.exit_code == 0);
  CHECK(text.data_files_reused);
  for (const OutputFile& f : text.output) CHECK(f.path.rfind("data/", 0) != 0);
  // A dataset's metadata, a file of the theme, site.yaml: each makes them again.
  const std::pair<std::string, std::string> edits[] = {
      {"data/counts.yaml", "\n# edited\n"},
      {"themes/mini/partials/items.mustache", "{{! edited }}"},
      {"site.yaml", "\n# edited\n"}};
  for (const auto& [file, added] : edits) {
    INFO(file);
    REQUIRE(fs::exists(site.dir() / file));
    site.write(file, site.read(file) + added);
    Diagnostics again;
    BuildResult update = run_update(*text.state, again);
    REQUIRE(update.exit_code == 0);
    CHECK_FALSE(update.data_files_reused);
    text = std::move(update);
  }
}

TEST_CASE("a page's chart files name the licence site.yaml gives after an edit of it") {
  // A body's embeds are taken over only while site.yaml is the same too: the SVG of a
  // chart block names the publisher and the licence of a dataset that names none.
  SiteCopy site;
  const std::string svg = "data/counts/charts/bar-year-people.zh-TW.svg";
  Edited edited = build_edit_update(
      site, [&] { site.write("site.yaml", site.read("site.yaml") + "data_license: CC0-1.0\n"); });
  REQUIRE(edited.update.exit_code == 0);
  Files shown;
  apply(shown, edited.kept);
  apply(shown, edited.update);
  Full full = full_build(site);
  REQUIRE(full.files.count(svg) == 1);
  CHECK(full.files[svg].find("<dc:rights>CC0-1.0</dc:rights>") != std::string::npos);
  CHECK(shown[svg] == full.files[svg]);
}

TEST_CASE("the catalogue page shows its files as made after a page's chart block changed") {
  // SHA256SUMS lists the files of the pages' chart blocks: a title given to one names its
  // files anew, and the catalogue page, here showing each of its files' size and checksum,
  // is rendered again though no dataset changed.
  SiteCopy site;
  fs::create_directories(site.dir() / "layouts");
  site.write("layouts/data.mustache",
             "{{<baseof}}{{$main}}{{#data_downloads}}{{name}} {{size}} {{sha256}}\n"
             "{{/data_downloads}}{{/main}}{{/baseof}}");
  const std::string story = "content/stories/story-1.zh-TW.md";
  const std::string before = full_build(site).files["data/index.html"];
  Edited edited = build_edit_update(site, [&] {
    std::string text = site.read(story);
    size_t at = text.find("kind: bar\n");
    REQUIRE(at != std::string::npos);
    site.write(story, text.insert(at, "title: {zh-TW: 參與人數圖}\n"));
  });
  REQUIRE(edited.update.exit_code == 0);
  Files shown;
  apply(shown, edited.kept);
  apply(shown, edited.update);
  Full full = full_build(site);
  CHECK(full.files["data/index.html"] != before);
  CHECK(shown["data/SHA256SUMS"] == full.files["data/SHA256SUMS"]);
  CHECK(shown["data/index.html"] == full.files["data/index.html"]);
}

TEST_CASE("a second full build in the same process renders an edited partial anew") {
  // The pages' renderer keeps the partials it found for the length of one build.
  SiteCopy site;
  auto marked = [](const Files& files) {
    return std::count_if(files.begin(), files.end(), [](const auto& f) {
      return f.second.find("edited-partial") != std::string::npos;
    });
  };
  Full before = full_build(site);
  REQUIRE(before.result.exit_code == 0);
  CHECK(marked(before.files) == 0);
  const std::string rel = "themes/mini/partials/items.mustache";
  site.write(rel, "<i>edited-partial</i>" + site.read(rel));
  Full after = full_build(site);
  REQUIRE(after.result.exit_code == 0);
  CHECK(marked(after.files) > 0);
}

TEST_CASE("a deleted story's page is removed, and a new one added") {
  SiteCopy site;
  BuildResult update =
      build_edit_update(site, [&] { site.remove("content/stories/story-3.en.md"); }).update;
  REQUIRE(update.exit_code == 0);
  CHECK(std::find(update.removed.begin(), update.removed.end(),
                  "en/stories/story-3/index.html") == update.removed.end());  // a fallback now
  site.write("content/stories/story-9.en.md",
             "---\ntitle: Story 9\ndate: 2024-01-01\nprogram: learning\n---\nNine.\n");
  Diagnostics again;
  BuildResult added = run_update(*update.state, again);
  REQUIRE(added.exit_code == 0);
  bool has_new = false;
  for (const OutputFile& f : added.output) has_new |= f.path == "en/stories/story-9/index.html";
  CHECK(has_new);
}

TEST_CASE("an update reports a file published twice, with pages moved or not") {
  auto twice = [](bool new_story) {
    SiteCopy site;
    Edited e = build_edit_update(site, [&] {
      fs::create_directories(site.dir() / "static/stories/story-1");
      site.write("static/stories/story-1/index.html", "<p>mine</p>\n");
      if (new_story) {
        site.write("content/stories/story-9.en.md",
                   "---\ntitle: Story 9\ndate: 2024-01-01\nprogram: learning\n---\nNine.\n");
      }
    });
    CHECK(e.update.exit_code == 1);
    return e.report;
  };
  for (bool new_story : {false, true}) {
    CAPTURE(new_story);
    std::string report = twice(new_story);
    CHECK(report.find("two files would be published at /stories/story-1/index.html") !=
          std::string::npos);
  }
}

TEST_CASE("the site maps render again when what they show changes, not for a new date") {
  SiteCopy site;
  Diagnostics first;
  BuildResult kept = run_build(options_for(site.dir()), first);
  REQUIRE(kept.state);
  const OutputRecord* map = kept.state->output("en/sitemap/index.html");
  REQUIRE(map);
  REQUIRE(map->reads);
  auto reads = [&](std::uint64_t g) {
    return std::find(map->reads->begin(), map->reads->end(), g) != map->reads->end();
  };
  CHECK(reads(grain::sitemap("en")));
  CHECK_FALSE(reads(grain::all("en")));
  const Grains& before = kept.state->grains;
  std::string rel = "content/stories/story-3.en.md";
  std::string text = site.read(rel);
  // A new date moves the story in the lists, not in the site map (sorted by title).
  site.write(rel, set_line(text, "date:", "date: 2021-07-01"));
  Diagnostics diags;
  BuildResult dated = run_update(*kept.state, diags);
  REQUIRE(dated.exit_code == 0);
  CHECK(dated.state->grains.get(grain::all("en")) != before.get(grain::all("en")));
  CHECK(dated.state->grains.get(grain::sitemap("en")) == before.get(grain::sitemap("en")));
  CHECK(dated.state->grains.get(grain::sitemap("vi")) == before.get(grain::sitemap("vi")));
  // A new title is in the English map, and in the Vietnamese one if it falls back to it.
  site.write(rel, set_line(text, "title:", "title: Another title"));
  BuildResult titled = run_update(*dated.state, diags);
  REQUIRE(titled.exit_code == 0);
  CHECK(titled.state->grains.get(grain::sitemap("en")) != before.get(grain::sitemap("en")));
}

TEST_CASE("a dataset's rows render its own pages again, not those of the other datasets") {
  SiteCopy site;
  Edited e = build_edit_update(
      site, [&] { site.write("data/counts.csv", site.read("data/counts.csv") + "2041,1234,\n"); });
  REQUIRE(e.update.exit_code == 0);
  // A page taken over unrendered keeps the very record of what it read.
  auto rendered = [&](const std::string& path) {
    const OutputRecord* before = e.kept.state->output(path);
    const OutputRecord* after = e.update.state->output(path);
    REQUIRE(before);
    REQUIRE(after);
    return before->reads != after->reads;
  };
  CHECK(rendered("en/data/counts/index.html"));
  CHECK(rendered("data/counts/index.html"));
  CHECK(rendered("en/data/index.html"));  // the catalogue lists every dataset
  CHECK_FALSE(rendered("en/data/visits/index.html"));
  CHECK_FALSE(rendered("data/visits/index.html"));
  CHECK_FALSE(rendered("en/data/plan/index.html"));
  CHECK_FALSE(rendered("en/data/plan/scorecard/index.html"));
  // The other datasets' open-data files are taken as they were, not made again.
  CHECK_FALSE(e.update.data_files_reused);
  CHECK(e.update.dataset_files_taken.count("visits"));
  CHECK_FALSE(e.update.dataset_files_taken.count("counts"));
}

}  // namespace firefly
