// `serve`'s updates when a file is saved again while one runs (an editor's second save,
// `git pull` after a save): the next update renders what that save changed.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "commands/build.h"
#include "commands/build_state.h"
#include "commands/update_fixture_for_tests.h"

namespace firefly {

namespace {

/// The files of `shown` that differ from `full`'s (the search index apart: updates leave
/// it for later), and those either has alone.
std::string differences(const Files& shown, const Files& full) {
  std::string out;
  for (const auto& [path, bytes] : full) {
    if (in_search_index(path)) continue;
    auto it = shown.find(path);
    if (it == shown.end()) {
      out += path + ": not shown\n";
    } else if (it->second != bytes) {
      out += path + ": differs\n";
    }
  }
  for (const auto& [path, bytes] : shown) {
    if (!in_search_index(path) && !full.count(path)) out += path + ": shown, not built\n";
  }
  return out;
}

}  // namespace

TEST_CASE("a file saved again while an update loads the site is rendered by the next update") {
  // Each file once saved (the update starts), then again once the update has read the
  // site's files (load) and before it works out their fingerprints: the update renders the
  // first save; the next must see the second as a change.
  struct Case {
    const char* file;
    const char* from;
    const char* to;  ///< with a digit the second save replaces
  };
  const Case cases[] = {
      {"themes/mini/layouts/page.mustache", "{{/main}}", "<p>saved 1</p>{{/main}}"},
      {"site.yaml", "測試入口網", "測試入口網 1"},
      {"data/counts.csv", "2022,1350,", "2022,1351,"},
      {"themes/mini/i18n/en.yaml", "not_found: Page not found", "not_found: Nowhere 1"},
  };
  for (const Case& c : cases) {
    INFO(std::string(c.file));
    SiteCopy site;
    const std::string original = site.read(c.file);
    auto saved = [&](char digit) {
      std::string to = c.to;
      to[to.find('1')] = digit;
      std::string text = original;
      size_t at = text.find(c.from);
      REQUIRE(at != std::string::npos);
      return text.replace(at, std::string_view(c.from).size(), to);
    };
    Diagnostics first;
    BuildResult kept = run_build(options_for(site.dir()), first);
    REQUIRE(kept.state);
    Files shown;
    apply(shown, kept);
    site.write(c.file, saved('1'));
    kept.state->options.after_step = [&](std::string_view step) {
      if (step == "load") site.write(c.file, saved('2'));
    };
    Diagnostics during_diags;
    BuildResult during = run_update(*kept.state, during_diags);
    REQUIRE(during.exit_code == 0);
    apply(shown, during);
    during.state->options.after_step = nullptr;
    Diagnostics after_diags;
    BuildResult after = run_update(*during.state, after_diags);
    REQUIRE(after.exit_code == 0);
    apply(shown, after);
    Full full = full_build(site);
    REQUIRE(full.result.exit_code == 0);
    CHECK(site.read(c.file) == saved('2'));
    CHECK(differences(shown, full.files) == "");
  }
}

TEST_CASE("a strings file deleted leaves no page showing the strings it had") {
  // A template that shows a string records it; with its file gone the string is not
  // there, and each page that showed it is rendered again, as a build shows it: empty.
  // (The Chinese pages, without strings of their own, showed the English ones.)
  SiteCopy site;
  site.remove("themes/mini/i18n/zh-TW.yaml");
  Edited edited = build_edit_update(site, [&] { site.remove("themes/mini/i18n/en.yaml"); });
  REQUIRE(edited.update.exit_code == 0);
  Files shown;
  apply(shown, edited.kept);
  apply(shown, edited.update);
  Full full = full_build(site);
  REQUIRE(full.result.exit_code == 0);
  CHECK(full.files["404.html"].find("Page not found") == std::string::npos);
  CHECK(shown["404.html"] == full.files["404.html"]);
  CHECK(differences(shown, full.files) == "");
}

}  // namespace firefly
