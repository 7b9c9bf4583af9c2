#include "load/front_matter.h"

#include <doctest/doctest.h>

namespace firefly {

TEST_CASE("split_front_matter finds the YAML and the body line") {
  Diagnostics diags;
  auto s = split_front_matter("---\ntitle: A\n---\nHello\n", "a.md", diags);
  REQUIRE(s);
  CHECK(s->yaml == "title: A\n");
  CHECK(s->yaml_line == 1);
  CHECK(s->body == "Hello\n");
  CHECK(s->body_line == 4);
}

TEST_CASE("split_front_matter without front matter is all body") {
  Diagnostics diags;
  auto s = split_front_matter("# Hi\n", "a.md", diags);
  REQUIRE(s);
  CHECK(s->yaml.empty());
  CHECK(s->body == "# Hi\n");
}

TEST_CASE("split_front_matter reports an unclosed block") {
  Diagnostics diags;
  CHECK_FALSE(split_front_matter("---\ntitle: A\nbody\n", "a.md", diags));
  REQUIRE(diags.sorted().size() == 1);
  CHECK(diags.sorted()[0].message ==
        "the front matter that starts here with '---' is never closed");
}

}  // namespace firefly
