#include <doctest/doctest.h>

#include "load/content.h"
#include "load/content_folder_for_tests.h"

namespace firefly {

using testing::two_languages;

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
