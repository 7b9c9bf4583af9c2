#include "render/site_paths.h"

#include <doctest/doctest.h>

namespace firefly {

namespace {

std::string rewrite(const SiteConfig& config, std::string path, std::string html) {
  OutputFile f{std::move(path), std::move(html), ""};
  SitePaths(config).apply(f);
  return f.bytes;
}

const char* kPage =
    "<meta http-equiv=\"refresh\" content=\"0; url=/en/new/\">"
    "<a href=\"/en/\">x</a><img src=\"/img/a.svg\" alt=\"\">"
    "<form action=\"/search/\"></form><div data-index=\"/search/en.json\" data-root=\"/\"></div>"
    "<a href=\"//cdn.example.org/a\">cdn</a><a href=\"https://example.org/\">abs</a>"
    "<a title=\"/not/a/path\" href=\"#top\">top</a><p>url=/text and =\"/quoted\"</p>";

}  // namespace

TEST_CASE("base_path is the path of the base URL without its last slash") {
  CHECK(base_path("https://org.github.io/portal/") == "/portal");
  CHECK(base_path("https://org.github.io/a/b/") == "/a/b");
  CHECK(base_path("https://labor.example.gov.tw/") == "");
  CHECK(base_path("https://labor.example.gov.tw") == "");
  CHECK(base_path("/") == "");
}

TEST_CASE("a base URL with a path puts every site path under it") {
  SiteConfig config;
  config.base_url = "https://org.github.io/portal/";
  CHECK(rewrite(config, "en/a/index.html", kPage) ==
        "<meta http-equiv=\"refresh\" content=\"0; url=/portal/en/new/\">"
        "<a href=\"/portal/en/\">x</a><img src=\"/portal/img/a.svg\" alt=\"\">"
        "<form action=\"/portal/search/\"></form>"
        "<div data-index=\"/portal/search/en.json\" data-root=\"/portal/\"></div>"
        "<a href=\"//cdn.example.org/a\">cdn</a><a href=\"https://example.org/\">abs</a>"
        "<a title=\"/not/a/path\" href=\"#top\">top</a><p>url=/text and =\"/quoted\"</p>");
  // Only generated HTML: feeds, JSON and copied files keep their bytes.
  CHECK(rewrite(config, "feed.xml", "<link href=\"/en/\"/>") == "<link href=\"/en/\"/>");
  config.base_url = "https://labor.example.gov.tw/";
  CHECK(rewrite(config, "index.html", kPage) == kPage);
}

TEST_CASE("relative_urls makes every site path relative to the page") {
  SiteConfig config;
  config.base_url = "https://org.github.io/portal/";  // relative wins: no prefix needed
  config.relative_urls = true;
  CHECK(rewrite(config, "en/a/index.html", kPage) ==
        "<meta http-equiv=\"refresh\" content=\"0; url=../../en/new/index.html\">"
        "<a href=\"../../en/index.html\">x</a><img src=\"../../img/a.svg\" alt=\"\">"
        "<form action=\"../../search/index.html\"></form>"
        "<div data-index=\"../../search/en.json\" data-root=\"../../\"></div>"
        "<a href=\"//cdn.example.org/a\">cdn</a><a href=\"https://example.org/\">abs</a>"
        "<a title=\"/not/a/path\" href=\"#top\">top</a><p>url=/text and =\"/quoted\"</p>");
  CHECK(rewrite(config, "index.html", "<div data-root=\"/\"></div><a href=\"/en/?q=1#x\">") ==
        "<div data-root=\"./\"></div><a href=\"en/index.html?q=1#x\">");
}

}  // namespace firefly

namespace firefly {

TEST_CASE("every candidate of a srcset is put under the base path, or made relative") {
  SiteConfig config;
  config.base_url = "https://org.github.io/portal/";
  const char* html = "<source srcset=\"/i/a-480.webp 480w, /i/a-800.webp 800w\" sizes=\"1vw\">";
  CHECK(rewrite(config, "en/a/index.html", html) ==
        "<source srcset=\"/portal/i/a-480.webp 480w, /portal/i/a-800.webp 800w\" sizes=\"1vw\">");
  config.relative_urls = true;
  CHECK(rewrite(config, "en/a/index.html", html) ==
        "<source srcset=\"../../i/a-480.webp 480w, ../../i/a-800.webp 800w\" sizes=\"1vw\">");
}

}  // namespace firefly
