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

}  // namespace firefly
