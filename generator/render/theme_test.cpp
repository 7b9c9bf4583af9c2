#include "render/theme.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string_view>

#include "core/yaml.h"
#include "render/chart_draw.h"
#include "render/embedded_theme.h"

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

TEST_CASE("a site's i18n file overrides the theme's strings one by one, and names a misspelt one") {
  namespace fs = std::filesystem;
  const fs::path site =
      fs::temp_directory_path() / ("firefly-theme-strings-" + std::to_string(::getpid()));
  fs::create_directories(site / "i18n");
  std::ofstream(site / "i18n" / "id.yaml")
      << "footnote_back: \"Kembali\"\nsearch_faild: \"Gagal\"\nmy_banner: \"Halo\"\n";
  SiteConfig config;
  config.languages.push_back({"id", "id", "Bahasa Indonesia", "", "ltr"});
  config.theme = "default";
  Diagnostics diags;
  auto theme = load_theme(site, config, diags);
  REQUIRE(theme);
  const Value& id = theme->strings("id");
  CHECK(id.get("footnote_back").to_text() == "Kembali");  // overridden
  // The theme's other strings stay: the file replaced them all, leaving the home page's
  // search field and landmarks with empty labels.
  CHECK(id.get("search_failed").to_text() ==
        "Indeks pencarian tidak dapat dimuat. Coba lagi, atau telusuri peta situs.");
  CHECK(id.get("my_banner").to_text() == "Halo");  // one of the site's own templates'
  CHECK(id.find("search_faild") == nullptr);
  REQUIRE(diags.sorted().size() == 1);
  CHECK(diags.sorted()[0].path == "i18n/id.yaml");
  CHECK(diags.sorted()[0].pos.line == 2);
  CHECK(diags.sorted()[0].message ==
        "the theme has no string 'search_faild', so this one is not used");
  CHECK(diags.sorted()[0].hint == "did you mean 'search_failed'?");
  fs::remove_all(site);
}

TEST_CASE(
    "the default theme clips the x labels it hides, keeps the shown inside the axis and wraps "
    "long ones in narrow charts") {
  // Every n-th label under a chart is shown; the others kept the width of their text, so a
  // long Vietnamese date not shown ("tháng 10 năm 2024") scrolled a 320 px phone sideways,
  // and at the largest text the one shown ran past the chart.
  std::string_view css;
  for (const EmbeddedFile& f : embedded_theme()) {
    if (f.path == "assets/style.css") css = f.bytes;
  }
  REQUIRE_FALSE(css.empty());
  auto rule = [&](std::string_view selector, size_t from = 0) {
    size_t at = css.find(std::string(selector) + " {", from);
    REQUIRE(at != std::string_view::npos);
    return css.substr(at, css.find('}', at) - at);
  };
  CHECK(rule(".chart-x li").find("overflow: hidden;") != std::string_view::npos);
  CHECK(rule(".chart-x li.x-0").find("overflow: visible;") != std::string_view::npos);
  // Each class of box width the generator writes (x-14: from 14em) shows its labels.
  for (int box : kXLabelBoxes) {
    if (box == 0) continue;
    CAPTURE(box);
    const std::string label = ".chart-x li.x-" + std::to_string(box);
    const size_t at =
        css.find("@container (min-width: " + std::to_string(box) + "em) {\n  " + label + " {");
    REQUIRE(at != std::string_view::npos);
    CHECK(rule(label, at).find("visibility: visible;") != std::string_view::npos);
  }
  // A label wider than its stretch of the axis rests against the nearer end: its auto
  // margins give way, and its item holds it at the start or, in the second half, the end.
  CHECK(rule(".chart-x li > span").find("margin-inline: auto;") != std::string_view::npos);
  CHECK(rule(".chart-x li.x-e").find("justify-content: flex-end;") != std::string_view::npos);
  const size_t narrow = css.find("@container (max-width: 29.99em) {");
  REQUIRE(narrow != std::string_view::npos);
  CHECK(rule(".chart-x-long li", narrow).find("white-space: normal;") != std::string_view::npos);
  CHECK(rule(".chart-x-long li > span", narrow).find("var(--x-w)") != std::string_view::npos);
}

TEST_CASE("the default theme keeps a licence's name whole, wrapping only a long one") {
  // "OGDL-Taiwan-1.0" broke at its hyphens in the footer at 320 px with the largest text.
  std::string_view css, footer, dataset;
  for (const EmbeddedFile& f : embedded_theme()) {
    if (f.path == "assets/style.css") css = f.bytes;
    if (f.path == "partials/footer.mustache") footer = f.bytes;
    if (f.path == "layouts/dataset.mustache") dataset = f.bytes;
  }
  const size_t at = css.find(".license-name {");
  REQUIRE(at != std::string_view::npos);
  const std::string_view rule = css.substr(at, css.find('}', at) - at);
  // A box of its own: it moves to the next line whole, and wraps inside only when wider.
  CHECK(rule.find("display: inline-block;") != std::string_view::npos);
  CHECK(rule.find("max-width: 100%;") != std::string_view::npos);
  CHECK(footer.find("<a class=\"license-name\" href=\"{{site.data_license.url}}\">") !=
        std::string_view::npos);
  CHECK(footer.find("<span class=\"license-name\">{{site.data_license.name}}</span>") !=
        std::string_view::npos);
  CHECK(dataset.find("<a class=\"license-name\" href=\"{{url}}\">{{name}}</a>") !=
        std::string_view::npos);
  CHECK(dataset.find("<span class=\"license-name\">{{name}}</span>") != std::string_view::npos);
}

TEST_CASE("the default theme breaks Korean between words, and sets ja and ko in their fonts") {
  // Korean broken inside a word ("환영합니/다") at 320 px reads badly; Han in a Chinese font
  // takes Chinese shapes on a Japanese page.
  std::string_view css;
  for (const EmbeddedFile& f : embedded_theme()) {
    if (f.path == "assets/style.css") css = f.bytes;
  }
  auto rule = [&](std::string_view selector) {
    size_t at = css.find(std::string(selector) + " {");
    REQUIRE(at != std::string_view::npos);
    return css.substr(at, css.find('}', at) - at);
  };
  CHECK(rule(":lang(ko)").find("word-break: keep-all;") != std::string_view::npos);
  CHECK(rule("[lang]:not(:lang(ko))").find("word-break: normal;") != std::string_view::npos);
  CHECK(rule(":lang(ko)").find("\"Noto Sans KR\"") != std::string_view::npos);
  CHECK(rule(":lang(ja)").find("\"Noto Sans JP\"") != std::string_view::npos);
  CHECK(rule("body").find("overflow-wrap: break-word;") != std::string_view::npos);
}

TEST_CASE("a language the theme has no strings in shows the default language's, each once") {
  // Simplified Chinese: the theme's Traditional Chinese words never stand in for it.
  namespace fs = std::filesystem;
  const fs::path site =
      fs::temp_directory_path() / ("firefly-theme-fallback-" + std::to_string(::getpid()));
  fs::create_directories(site);
  SiteConfig config;
  config.languages.push_back({"en", "en", "English", "", "ltr"});
  config.languages.push_back({"zh-CN", "zh-CN", "简体中文", "", "ltr"});
  config.theme = "default";
  Diagnostics diags;
  auto theme = load_theme(site, config, diags);
  REQUIRE(theme);
  const std::vector<std::string>& missing = theme->missing_strings().at("zh-CN");
  // English is the default language and the last fallback: every string once, not twice.
  CHECK(missing.size() == theme->strings("en").as_map().size());
  CHECK(std::set<std::string>(missing.begin(), missing.end()).size() == missing.size());
  CHECK(theme->strings("zh-CN").as_map().size() == theme->strings("en").as_map().size());
  CHECK(theme->strings("zh-CN").get("skip_to_content").to_text() == "Skip to main content");
  REQUIRE(diags.sorted().size() == 1);
  CHECK(diags.sorted()[0].message ==
        "the theme has no strings in zh-CN (简体中文): its pages show the theme's words (menus, "
        "buttons, labels, notices) in English");
  fs::remove_all(site);
}

TEST_CASE("every language of the default theme has every string, with the placeholders given") {
  std::map<std::string, Value> langs;
  for (const EmbeddedFile& f : embedded_theme()) {
    if (!f.path.starts_with("i18n/") || !f.path.ends_with(".yaml")) continue;
    Diagnostics diags;
    const std::string code(f.path.substr(5, f.path.size() - 10));
    langs[code] = parse_yaml(f.bytes, std::string(f.path), diags);
    CHECK_MESSAGE(!diags.has_errors(), f.path);
  }
  CHECK(langs.size() == 8);
  for (const char* code : {"zh-TW", "en", "vi", "id", "th", "fil", "ja", "ko"}) {
    CHECK_MESSAGE(langs.count(code), code);
  }
  const Value& en = langs["en"];
  auto placeholders = [](const std::string& text) {
    static const std::regex kPlaceholder(R"(\{[a-z_]+\})");
    std::set<std::string> out;
    for (std::sregex_iterator it(text.begin(), text.end(), kPlaceholder), end; it != end; ++it) {
      out.insert(it->str());
    }
    return out;
  };
  for (const auto& [code, strings] : langs) {
    CAPTURE(code);
    CHECK(strings.as_map().size() == en.as_map().size());
    for (const auto& [key, value] : en.as_map()) {
      CAPTURE(key);
      const Value* own = strings.find(key);
      REQUIRE(own);
      CHECK_FALSE(own->to_text().empty());
      // Each placeholder is one the English string has: the code gives those. Chinese
      // counts every category ("{names}等 {all} 項"), which the code gives too.
      std::set<std::string> given = placeholders(value.to_text());
      if (key == "chart_summary_more") given.insert("{all}");
      for (const std::string& p : placeholders(own->to_text())) CHECK(given.count(p));
      if (code == "fil" || code == "ja" || code == "ko") {
        CHECK(placeholders(own->to_text()) == placeholders(value.to_text()));
      }
    }
  }
}

TEST_CASE("a site in fil or tl shows the theme's Filipino strings, with no warning") {
  namespace fs = std::filesystem;
  const fs::path site =
      fs::temp_directory_path() / ("firefly-theme-filipino-" + std::to_string(::getpid()));
  fs::create_directories(site / "i18n");
  // The site's own tl file changes one string and keeps the theme's other Filipino ones.
  std::ofstream(site / "i18n" / "tl.yaml") << "footnote_back: \"Balik sa itaas\"\n";
  SiteConfig config;
  config.languages.push_back({"en", "en", "English", "", "ltr"});
  config.languages.push_back({"fil", "fil", "Filipino", "", "ltr"});
  config.languages.push_back({"tl", "tl", "Tagalog", "", "ltr"});
  config.theme = "default";
  Diagnostics diags;
  auto theme = load_theme(site, config, diags);
  REQUIRE(theme);
  CHECK(diags.sorted().empty());
  for (const char* code : {"fil", "tl"}) {
    CAPTURE(code);
    const auto missing = theme->missing_strings().find(code);
    CHECK((missing == theme->missing_strings().end() || missing->second.empty()));
    CHECK(theme->strings(code).get("skip_to_content").to_text() ==
          "Lumaktaw sa pangunahing nilalaman");
  }
  CHECK(theme->strings("fil").get("footnote_back").to_text() == "Bumalik sa nilalaman");
  CHECK(theme->strings("tl").get("footnote_back").to_text() == "Balik sa itaas");
  fs::remove_all(site);
}

TEST_CASE("a code with a region or a script shows the theme's words of its language") {
  namespace fs = std::filesystem;
  const fs::path site =
      fs::temp_directory_path() / ("firefly-theme-regions-" + std::to_string(::getpid()));
  fs::create_directories(site / "i18n");
  // The site's file named after the language serves its code with a region.
  std::ofstream(site / "i18n" / "vi.yaml") << "footnote_back: \"Về đầu bài\"\n";
  SiteConfig config;
  for (const char* code : {"en-GB", "vi-VN", "fil-PH", "id-ID", "th-TH", "zh-Hant-TW", "zh-HK"}) {
    config.languages.push_back({code, code, code, "", "ltr"});
  }
  config.theme = "default";
  Diagnostics diags;
  auto theme = load_theme(site, config, diags);
  REQUIRE(theme);
  CHECK(diags.sorted().empty());  // no "the theme has no strings" warning
  for (const auto& [code, missing] : theme->missing_strings()) {
    CAPTURE(code);
    CHECK(missing.empty());
  }
  CHECK(theme->strings("en-GB").get("skip_to_content").to_text() == "Skip to main content");
  CHECK(theme->strings("vi-VN").get("skip_to_content").to_text() == "Chuyển đến nội dung chính");
  CHECK(theme->strings("vi-VN").get("footnote_back").to_text() == "Về đầu bài");
  CHECK(theme->strings("fil-PH").get("skip_to_content").to_text() ==
        "Lumaktaw sa pangunahing nilalaman");
  CHECK(theme->strings("id-ID").get("search").to_text() == "Cari");
  CHECK(theme->strings("th-TH").get("search").to_text() == "ค้นหา");
  CHECK(theme->strings("zh-Hant-TW").get("search").to_text() == "搜尋");
  CHECK(theme->strings("zh-HK").get("search").to_text() == "搜尋");  // Traditional too
  fs::remove_all(site);
}
}  // namespace firefly
