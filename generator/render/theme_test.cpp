#include "render/theme.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>

namespace firefly {

TEST_CASE("an asset's fingerprint is the start of its SHA-256, as sha256sum prints it") {
  CHECK(fingerprint("") == "e3b0c44298");
  CHECK(fingerprint("body { color: #1a1a1a; }\n") != fingerprint("body { color: #000; }\n"));
  CHECK(fingerprint("abc") == "ba7816bf8f");
}

TEST_CASE("a theme that is not there is an error at `theme:`, naming the nearest found") {
  namespace fs = std::filesystem;
  const fs::path site =
      fs::temp_directory_path() / ("firefly-theme-test-" + std::to_string(::getpid()));
  fs::create_directories(site / "themes" / "civic");
  SiteConfig config;
  config.languages.push_back({"en", "en", "English", "", "ltr"});
  config.theme_pos = {7, 8};
  for (auto [theme, hint] : {std::pair{"civci", "did you mean 'civic'?"},
                             {"defualt", "did you mean 'default'?"},
                             {"nothere", "remove `theme:` to use the built-in default theme"}}) {
    CAPTURE(theme);
    config.theme = theme;
    Diagnostics diags;
    CHECK_FALSE(load_theme(site, config, diags));
    REQUIRE(diags.sorted().size() == 1);
    const Diagnostic d = diags.sorted()[0];
    CHECK(d.path == "site.yaml");
    CHECK((d.pos.line == 7 && d.pos.col == 8));
    CHECK(d.message == "the theme '" + std::string(theme) + "' is not in themes/");
    CHECK(d.hint == hint);
  }
  fs::remove_all(site);
}

}  // namespace firefly
