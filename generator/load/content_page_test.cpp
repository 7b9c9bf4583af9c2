#include <doctest/doctest.h>

#include "load/content.h"
#include "load/content_folder_for_tests.h"

namespace firefly {

using testing::two_languages;

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

TEST_CASE("a page's front matter leaves out its x- keys, places for shared blocks") {
  SiteConfig config = two_languages();
  SourcePage page;
  Diagnostics diags;
  CHECK(load_source_page("content/stories/a.md",
                         "---\nx-place: &place {city: Tainan}\ntitle: A\ndate: 2021-05-04\n"
                         "where: {<<: *place, district: East}\n---\nText\n",
                         config, page, diags));
  CHECK(diags.sorted().empty());
  CHECK(page.front.find("x-place") == nullptr);
  CHECK(page.front.as_map().size() == 3);
  CHECK(page.front.get("where").get("city").as_string() == "Tainan");
  // Also when the front matter is read entry by entry after an error.
  Diagnostics broken;
  load_source_page("content/stories/b.md", "---\nx-note: shared\ntitle: B: c\n---\nText\n", config,
                   page, broken);
  CHECK(page.front_incomplete);
  CHECK(page.front.find("x-note") == nullptr);
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

}  // namespace firefly
