#include "model/paths.h"

#include <doctest/doctest.h>

namespace firefly {

TEST_CASE("output paths of pretty URLs") {
  CHECK(output_path_for_url("/") == "index.html");
  CHECK(output_path_for_url("/en/stories/a/") == "en/stories/a/index.html");
  CHECK(output_path_for_url("/404.html") == "404.html");
  CHECK(output_path_for_url("/old") == "old/index.html");
}

TEST_CASE("unsafe paths are refused with a reason") {
  CHECK(unsafe_path_reason("/ok/path/") == "");
  CHECK(unsafe_path_reason("/../etc/passwd") == "it contains a '.' or '..' segment");
  CHECK(unsafe_path_reason("relative/") == "it must start with '/'");
  CHECK(unsafe_path_reason("/a\\b/") == "it contains a backslash");
  CHECK(unsafe_path_reason("/%2E%2E/x/") == "it contains a percent-encoded dot, slash or NUL");
  CHECK(unsafe_path_reason(std::string_view("/a\0b", 4)) == "it contains a control character");
}

TEST_CASE("relative links resolve against the page's directory") {
  CHECK(resolve_site_path("/stories/a/", "../b/") == "/stories/b/");
  CHECK(resolve_site_path("/stories/a/", "/data/") == "/data/");
  CHECK(resolve_site_path("/", "../../x/") == "/x/");
  CHECK(resolve_site_path("/stories/a/", "img.svg") == "/stories/a/img.svg");
}

}  // namespace firefly
