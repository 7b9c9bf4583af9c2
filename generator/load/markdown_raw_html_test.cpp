#include "load/markdown_raw_html.h"

#include <doctest/doctest.h>

namespace firefly {

TEST_CASE("is_html_comment: one comment and nothing after it") {
  CHECK(is_html_comment("<!-- note: check with Mr Chen -->"));
  CHECK(is_html_comment("<!--\nTODO: 數字待確認\n-->\n"));
  CHECK_FALSE(is_html_comment("<!-- note --> and text"));
  CHECK_FALSE(is_html_comment("<!-- never closed"));
  CHECK_FALSE(is_html_comment("<br>"));
}

TEST_CASE("count_shown_html: one entry a tag, its closing tag counted with it") {
  std::vector<ShownHtml> shown;
  count_shown_html("<br>", {3, 9}, shown);
  count_shown_html("<B>", {3, 20}, shown);
  count_shown_html("</b>", {3, 27}, shown);
  count_shown_html("<br/>", {4, 1}, shown);
  count_shown_html("</span>", {5, 1}, shown);
  count_shown_html("<?php echo 1 ?>", {6, 1}, shown);
  REQUIRE(shown.size() == 4);
  CHECK(shown[0].tag == "br");
  CHECK(shown[0].count == 2);
  CHECK(shown[0].pos.line == 3);
  CHECK(shown[0].pos.col == 9);
  CHECK(shown[1].tag == "b");
  CHECK(shown[1].count == 1);
  CHECK(shown[2].tag == "/span");
  CHECK(shown[3].tag == "<?php");
  CHECK(shown_html_message(shown[0]) ==
        "this HTML is shown as text on the page: <br> (here and 1 more time on this page)");
  CHECK(shown_html_message(shown[1]) == "this HTML is shown as text on the page: <b>");
  CHECK(shown_html_message(shown[3]) == "this HTML is shown as text on the page: <?php");
  CHECK(shown_html_hint(shown[0]) ==
        "to break a line, end it with a backslash (\\); for a new paragraph, leave a blank line");
  CHECK(shown_html_hint(shown[1]) == "write bold text as **text**");
  CHECK(shown_html_hint(shown[2]) ==
        "the site's style sets how text looks; write the text without the tag");
}

}  // namespace firefly
