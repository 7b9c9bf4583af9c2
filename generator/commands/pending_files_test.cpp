// An update that renders the pages open in a browser first and the others after
// (commands/pending_files.h), against full builds of the same files.
#include "commands/pending_files.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "commands/build.h"
#include "commands/build_state.h"
#include "commands/search_refresh.h"
#include "commands/update_fixture_for_tests.h"

namespace firefly {

namespace {

/// The fixture built as serve builds it, leaving every page but `open` for after.
BuildResult build_with_open_page(const SiteCopy& site, const std::string& open) {
  BuildOptions o = options_for(site.dir());
  o.defer_site_files = true;
  o.defer_pages_above = 0;
  o.first_pages = {open};
  Diagnostics first;
  BuildResult kept = run_build(o, first);
  REQUIRE(kept.exit_code == 0);
  REQUIRE(kept.state);
  return kept;
}

bool has_path(const OutputSet& files, const std::string& path) {
  return std::any_of(files.begin(), files.end(),
                     [&](const OutputFile& f) { return f.path == path; });
}

const std::string kNewStory = "en/stories/story-9/index.html";

}  // namespace

TEST_CASE("a new story: the open list page is made first, the other pages after it") {
  SiteCopy site;
  BuildResult kept = build_with_open_page(site, "en/stories/index.html");
  Files shown;
  apply(shown, kept);
  site.write("content/stories/story-9.en.md",
             "---\ntitle: Story Nine\ndate: 2024-01-01\nprogram: learning\n---\nNine.\n");
  Diagnostics diags;
  BuildResult update = run_update(*kept.state, diags);
  REQUIRE(update.exit_code == 0);
  REQUIRE(update.state->pending);
  CHECK(update.pages_rendered == 1);  // the list: the story's page, the home page come after
  auto list = std::find_if(update.output.begin(), update.output.end(),
                           [](const OutputFile& f) { return f.path == "en/stories/index.html"; });
  REQUIRE(list != update.output.end());
  CHECK(list->bytes.find("Story Nine") != std::string::npos);
  CHECK_FALSE(has_path(update.output, kNewStory));
  std::vector<std::string> later = pending_paths(*update.state);
  CHECK(std::binary_search(later.begin(), later.end(), kNewStory));
  CHECK(std::binary_search(later.begin(), later.end(), "sitemap.xml"));
  CHECK_FALSE(std::binary_search(later.begin(), later.end(), "en/stories/index.html"));
  size_t pages_left = update.state->pending->pages.size();
  CHECK(later.size() == pages_left + update.state->pending->site_file_paths.size());
  PendingMade made = make_pending_files(*update.state, diags);
  CHECK_FALSE(diags.has_errors());
  CHECK_FALSE(update.state->pending);
  CHECK(made.pages_rendered == pages_left);
  CHECK(has_path(made.files, kNewStory));
  const OutputRecord* record = update.state->output(kNewStory);
  REQUIRE(record);
  CHECK_FALSE(record->reads->empty());  // what it read, recorded as it was made
  for (OutputFile& f : made.files) update.output.push_back(std::move(f));
  apply(shown, update);
  std::optional<SearchChanges> search = refresh_search_index(*update.state);
  REQUIRE(search);
  apply(shown, search->files, search->removed);
  Full full = full_build(site);
  CHECK(report(diags) == full.report);
  CHECK(shown == full.files);
}

TEST_CASE("a page left for after reports its errors as a full build does") {
  SiteCopy site;
  // A partial that includes itself without end, on the pages that ask for it: inside a
  // section that is always there, which only rendering finds (outside any section the
  // theme's check refuses it before).
  site.write("themes/mini/partials/loop.mustache", "{{#page}}{{>loop}}{{/page}}");
  std::string layout = "themes/mini/layouts/page.mustache";
  site.write(layout, "{{#page.params.loop}}{{>loop}}{{/page.params.loop}}" + site.read(layout));
  BuildResult kept = build_with_open_page(site, "en/stories/index.html");
  site.write("content/stories/story-9.en.md",
             "---\ntitle: Story Nine\ndate: 2024-01-01\nprogram: learning\nloop: true\n"
             "---\nNine.\n");
  Diagnostics diags;
  BuildResult update = run_update(*kept.state, diags);
  REQUIRE(update.exit_code == 0);  // the story's page is not made yet
  CHECK_FALSE(diags.has_errors());
  make_pending_files(*update.state, diags);
  CHECK(diags.has_errors());
  Full full = full_build(site);
  CHECK(full.result.exit_code == 1);
  CHECK(report(diags) == full.report);
  CHECK(full.report.find("layouts/page.mustache") != std::string::npos);
}

}  // namespace firefly
