#include "load/vague_links.h"

#include <doctest/doctest.h>

namespace firefly {

TEST_CASE("is_vague_link_text: phrases that say nothing of where a link leads, in six languages") {
  for (std::string_view v :
       {"click here", "Click Here", " here ", "Read more »", "read\nmore", "更多", "點此", "這裡：",
        "tại đây", "Xem thêm →", "di sini", "Selengkapnya...", "ที่นี่", "อ่านเพิ่มเติม", "I-click dito",
        "Basahin pa »"}) {
    CHECK_MESSAGE(is_vague_link_text(v), v);
  }
  for (std::string_view v :
       {"the 2019 results", "更多志工故事", "here and there", "Đây là kết quả", "clicker", "資料集",
        "https://example.org/", "Mga detalye ng pagsasanay"}) {
    CHECK_MESSAGE(!is_vague_link_text(v), v);
  }
  CHECK(vague_link_message({"Click here", {3, 5}}) ==
        "the link's words 'Click here' do not say where it leads");
}

}  // namespace firefly
