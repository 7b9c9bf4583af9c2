#include "load/heading_marks.h"

#include <doctest/doctest.h>

namespace firefly {

namespace {

std::string found(std::string_view body) {
  std::string s;
  for (const UnspacedHeading& h : find_unspaced_headings(body, 5)) {
    s += std::to_string(h.pos.line) + ":" + std::to_string(h.pos.col) + " " + h.written + " -> " +
         h.meant + "\n";
  }
  return s;
}

}  // namespace

TEST_CASE("find_unspaced_headings: ## and text at once, outside code") {
  CHECK(found("##成果\n\n  ###Results 2021\n") ==
        "5:1 ##成果 -> ## 成果\n7:3 ###Results 2021 -> ### Results 2021\n");
  CHECK(found("## 成果\n#志工\n####### seven\n##\n## \n") == "");  // headings, a hashtag, text
  CHECK(found("```\n##code\n```\n    ##indented code\n") == "");
  CHECK(found("text ##not at the start\n") == "");
  CHECK(found("") == "");
  CHECK(found("## 成果 ##\n##下一行\n") == "6:1 ##下一行 -> ## 下一行\n");  // the next line too
}

TEST_CASE("report_unspaced_headings: a warning that says how to write it") {
  Diagnostics diags;
  report_unspaced_headings("Intro.\n\n##服務成果\n", 6, "content/a.md", diags);
  REQUIRE(diags.warning_count() == 1);
  const Diagnostic d = diags.sorted().front();
  CHECK(d.pos.line == 8);
  CHECK(d.pos.col == 1);
  CHECK(d.message ==
        "this line has no space after its # marks, so the page shows it as text, not as a "
        "heading");
  CHECK(d.hint == "write it as ## 服務成果");
}

}  // namespace firefly
