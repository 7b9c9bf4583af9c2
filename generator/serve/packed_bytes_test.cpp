#include "serve/packed_bytes.h"

#include <doctest/doctest.h>

namespace firefly {

TEST_CASE("packed bytes come back as they were, and only what shrinks is packed") {
  std::string page;
  for (int i = 0; i < 200; ++i)
    page += "<li><a href=\"/zh-TW/stories/s" + std::to_string(i) + "/\">志工</a></li>\n";
  std::string packed = pack_bytes(page);
  REQUIRE_FALSE(packed.empty());
  CHECK(packed.size() < page.size() / 4);
  CHECK(unpack_bytes(packed, page.size()) == page);
  // Random-looking bytes (a photo) do not shrink: kept as they are.
  std::string noise;
  unsigned x = 12345;
  for (int i = 0; i < 4096; ++i) {
    x = x * 1103515245u + 12345u;
    noise += static_cast<char>(x >> 24);
  }
  CHECK(pack_bytes(noise).empty());
  CHECK(pack_bytes("").empty());
  CHECK_THROWS(unpack_bytes(packed.substr(0, packed.size() / 2), page.size()));
}

TEST_CASE("pages deflated against the first page of their kind shrink more and come back") {
  auto page = [](int n) {
    std::string html = "<!doctype html><html lang=\"zh-TW\"><head><title>故事 " +
                       std::to_string(n) + "</title></head><body><nav>";
    for (int i = 0; i < 60; ++i) html += "<a href=\"/menu/" + std::to_string(i) + "/\">選單</a>";
    html += "</nav><main><p>志工 " + std::to_string(n * 7919) + "</p></main><footer>";
    for (int i = 0; i < 40; ++i) html += "<p>勞工局 footer line " + std::to_string(i) + "</p>";
    return html + "</footer></body></html>";
  };
  PackDictionaries dictionaries;
  std::string first = page(1), second = page(2);
  auto d1 = dictionaries.choose("stories/a/index.html", first);
  auto d2 = dictionaries.choose("stories/b/index.html", second);
  REQUIRE(d1);
  CHECK(d1 == d2);  // one kind: the first page's text
  CHECK(*d1 == first);
  CHECK(dictionaries.choose("en/stories/a/index.html", second) != d1);  // another folder
  CHECK(dictionaries.choose("stories/a/data.json", second) != d1);      // another extension
  CHECK_FALSE(dictionaries.choose("stories/c/index.html", "<p>short</p>"));
  std::string plain = pack_bytes(second);
  std::string against = pack_bytes(second, *d1);
  REQUIRE_FALSE(against.empty());
  CHECK(against.size() < plain.size() / 3);
  CHECK(unpack_bytes(against, second.size(), *d1) == second);
  CHECK_THROWS(unpack_bytes(against, second.size()));           // without it
  CHECK_THROWS(unpack_bytes(against, second.size(), page(3)));  // another text
  // A dictionary keeps only the last 32 KiB, all that deflate looks back at.
  std::string big(100000, 'x');
  auto d3 = dictionaries.choose("big/a/index.html", big);
  CHECK(d3->size() == 32768);
}

}  // namespace firefly
