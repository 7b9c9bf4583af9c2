#include <doctest/doctest.h>

#include "load/content.h"
#include "load/content_folder_for_tests.h"
#include "load/git_fixture_for_tests.h"

namespace firefly {

using testing::ContentFolder;
using testing::Loads;

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

}  // namespace firefly
