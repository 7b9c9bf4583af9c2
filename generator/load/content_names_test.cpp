#include <doctest/doctest.h>

#include <string>
#include <vector>

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

TEST_CASE(
    "a file or folder named as a Windows device is a warning: staff on Windows could not check it "
    "out") {
  SiteConfig config = two_languages();  // zh-TW and en
  auto warnings_for = [&](const std::string& path) {
    SourcePage page;
    Diagnostics diags;
    CHECK(load_source_page(path, "---\ntitle: T\n---\nText\n", config, page, diags));
    CHECK_FALSE(diags.has_errors());
    std::vector<std::string> found;
    for (const auto& d : diags.sorted()) found.push_back(d.message + " | " + d.hint);
    return found;
  };
  CHECK(warnings_for("content/stories/con.md") ==
        std::vector<std::string>{"'con' is a name Windows keeps for a device: this file cannot be "
                                 "checked out on a Windows computer, so staff there cannot work "
                                 "on the site | give it another name, e.g. 'con-page'"});
  CHECK(warnings_for("content/stories/LPT1.en.md").size() == 1);
  CHECK(warnings_for("content/aux/a.md") ==
        std::vector<std::string>{"the folder name 'aux' is one Windows keeps for a device: its "
                                 "files cannot be checked out on a Windows computer, so staff "
                                 "there cannot work on the site | give it another name, e.g. "
                                 "'aux-pages'"});
  CHECK(warnings_for("content/stories/console.md").empty());
  CHECK(warnings_for("content/stories/com10.md").empty());
}

}  // namespace firefly
