#include "serve/paths.h"

#include <doctest/doctest.h>

namespace firefly {

TEST_CASE("request paths normalise to output-relative paths") {
  CHECK(normalise_request_path("/") == std::string(""));
  CHECK(normalise_request_path("/en/stories/") == std::string("en/stories/"));
  CHECK(normalise_request_path("/en/stories") == std::string("en/stories"));
  CHECK(normalise_request_path("/data/awards.csv?download=1#x") == std::string("data/awards.csv"));
  CHECK(normalise_request_path("//en//stories/") == std::string("en/stories/"));
  // Percent-encoded UTF-8 (a CJK slug) is decoded.
  CHECK(normalise_request_path("/tags/%E5%8B%9E%E5%B7%A5/") == std::string("tags/勞工/"));
  CHECK(normalise_request_path("/a%20b.txt") == std::string("a b.txt"));
  // Dots inside names are fine.
  CHECK(normalise_request_path("/assets/site.1a2b.css") == std::string("assets/site.1a2b.css"));
  CHECK(normalise_request_path("/..well-known") == std::string("..well-known"));
}

TEST_CASE("request paths that could leave the output are refused") {
  CHECK_FALSE(normalise_request_path("/../site.yaml"));
  CHECK_FALSE(normalise_request_path("/en/../../site.yaml"));
  CHECK_FALSE(normalise_request_path("/.."));
  CHECK_FALSE(normalise_request_path("/./index.html"));
  CHECK_FALSE(normalise_request_path("/%2e%2e/site.yaml"));
  CHECK_FALSE(normalise_request_path("/%2E%2E/site.yaml"));
  CHECK_FALSE(normalise_request_path("/.%2e/site.yaml"));
  CHECK_FALSE(normalise_request_path("/en%2f..%2fsite.yaml"));
  CHECK_FALSE(normalise_request_path("/%2Fetc/passwd"));
  CHECK_FALSE(normalise_request_path("/..%5csite.yaml"));
  CHECK_FALSE(normalise_request_path("/..\\site.yaml"));
  CHECK_FALSE(normalise_request_path("/index.html%00.png"));
  CHECK_FALSE(normalise_request_path("/a%0ab"));
  CHECK_FALSE(normalise_request_path("/bad%zzescape"));
  CHECK_FALSE(normalise_request_path("/trailing%2"));
  CHECK_FALSE(normalise_request_path("/trailing%"));
  CHECK_FALSE(normalise_request_path(""));
  CHECK_FALSE(normalise_request_path("site.yaml"));
  CHECK_FALSE(normalise_request_path("http://example.org/../x"));
}

TEST_CASE("content types follow the extension, text in UTF-8") {
  CHECK(content_type_for("index.html") == "text/html; charset=utf-8");
  CHECK(content_type_for("en/404.html") == "text/html; charset=utf-8");
  CHECK(content_type_for("assets/site.1a2b.css") == "text/css; charset=utf-8");
  CHECK(content_type_for("assets/search.js") == "text/javascript; charset=utf-8");
  CHECK(content_type_for("images/roses.svg") == "image/svg+xml; charset=utf-8");
  CHECK(content_type_for("data/awards.json") == "application/json; charset=utf-8");
  CHECK(content_type_for("data/catalog.jsonld") == "application/ld+json; charset=utf-8");
  CHECK(content_type_for("feed.xml") == "application/xml; charset=utf-8");
  CHECK(content_type_for("data/awards.csv") == "text/csv; charset=utf-8");
  CHECK(content_type_for("data/awards.excel.csv") == "text/csv; charset=utf-8");
  CHECK(content_type_for("data/all.zip") == "application/zip");
  CHECK(content_type_for("images/a.png") == "image/png");
  CHECK(content_type_for("images/a.JPG") == "image/jpeg");
  CHECK(content_type_for("images/a.jpeg") == "image/jpeg");
  CHECK(content_type_for("robots.txt") == "text/plain; charset=utf-8");
  CHECK(content_type_for("data/SHA256SUMS") == "text/plain; charset=utf-8");
  CHECK(content_type_for("files/report.docx") == "application/octet-stream");
  CHECK(content_type_for("v1.2/archive") == "text/plain; charset=utf-8");
  CHECK(is_html_type("text/html; charset=utf-8"));
  CHECK_FALSE(is_html_type("text/css; charset=utf-8"));
}

TEST_CASE("the preview answers only Host headers that name it") {
  CHECK(is_allowed_host("127.0.0.1:1313", "127.0.0.1", 1313));
  CHECK(is_allowed_host("localhost:1313", "127.0.0.1", 1313));
  CHECK(is_allowed_host("LOCALHOST:1313", "127.0.0.1", 1313));
  CHECK(is_allowed_host("[::1]:1313", "127.0.0.1", 1313));
  CHECK_FALSE(is_allowed_host("localhost:1314", "127.0.0.1", 1313));
  CHECK_FALSE(is_allowed_host("localhost", "127.0.0.1", 1313));
  CHECK_FALSE(is_allowed_host("evil.example:1313", "127.0.0.1", 1313));
  CHECK_FALSE(is_allowed_host("127.0.0.1.evil.example:1313", "127.0.0.1", 1313));
  CHECK_FALSE(is_allowed_host("", "127.0.0.1", 1313));
  CHECK_FALSE(is_allowed_host("192.168.1.5:1313", "127.0.0.1", 1313));
  // Bound to one address: that address too.
  CHECK(is_allowed_host("192.168.1.5:8080", "192.168.1.5", 8080));
  CHECK(is_allowed_host("[fe80::1]:8080", "fe80::1", 8080));
  // Bound to every address: any IP address, never a name.
  CHECK(is_allowed_host("192.168.1.5:1313", "0.0.0.0", 1313));
  CHECK(is_allowed_host("[fe80::1]:1313", "::", 1313));
  CHECK_FALSE(is_allowed_host("portal.example:1313", "0.0.0.0", 1313));
  CHECK_FALSE(is_allowed_host("1.2.3:1313", "0.0.0.0", 1313));
  CHECK(is_allowed_host("localhost:80", "127.0.0.1", 80));
  CHECK(is_allowed_host("localhost", "127.0.0.1", 80));
}

TEST_CASE("a byte range is cut to the reply, or is none of it") {
  auto range = [](long long first, long long last, long long size) {
    auto r = range_within({first, last}, size);
    return r ? std::to_string(r->first) + "-" + std::to_string(r->last) : std::string("416");
  };
  CHECK(range(2, 11, 1000) == "2-11");
  CHECK(range(0, 99999, 1000) == "0-999");  // past the end: to the last byte
  CHECK(range(999, -1, 1000) == "999-999");
  CHECK(range(-1, 500, 1000) == "500-999");  // the last 500 bytes
  CHECK(range(-1, 5000, 1000) == "0-999");
  // No byte of the reply in it: httplib 0.11 said 206 with a Content-Length it never sent.
  CHECK(range(5000, 6000, 1000) == "416");
  CHECK(range(1000, -1, 1000) == "416");
  CHECK(range(-1, 0, 1000) == "416");
  CHECK(range(5, 2, 1000) == "416");
  CHECK(range(0, -1, 0) == "416");
}

}  // namespace firefly
