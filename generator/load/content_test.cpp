#include "load/content.h"

#include <doctest/doctest.h>

#include "load/content_folder_for_tests.h"

namespace firefly {

using testing::ContentFolder;
using testing::two_languages;

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

}  // namespace firefly
