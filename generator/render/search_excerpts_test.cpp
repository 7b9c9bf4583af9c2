#include "render/search_excerpts.h"

#include <doctest/doctest.h>

namespace firefly {

TEST_CASE("a result's text: the title on the first line, then the blocks a line each") {
  CHECK(excerpt_text("團體協約", {{"Heading words", true}, {"勞資會議", false}}) ==
        "團體協約\nHeading words\n勞資會議");
  CHECK(excerpt_text("Two\nlines\r", {}) == "Two lines ");
  CHECK(excerpt_text("", {{"text", false}}) == "\ntext");
}

TEST_CASE("excerpt chunks fill files in order and are never split") {
  auto places = place_excerpt_chunks({40, 50, 20, 120, 10}, 100);
  REQUIRE(places.size() == 5);
  CHECK(places[0].file == 0);
  CHECK(places[0].offset == 0);
  CHECK(places[1].file == 0);
  CHECK(places[1].offset == 40);
  CHECK(places[2].file == 1);  // 90 + 20 > 100
  CHECK(places[2].offset == 0);
  CHECK(places[3].file == 2);  // larger than a file: a file of its own
  CHECK(places[3].offset == 0);
  CHECK(places[4].file == 3);
  CHECK(places[4].offset == 0);
  CHECK(place_excerpt_chunks({}, 100).empty());
}

}  // namespace firefly
