#include "load/markdown_html.h"

#include <doctest/doctest.h>

namespace firefly {

TEST_CASE("finish_markdown_html: ids on headings, escaped, in document order") {
  CHECK(finish_markdown_html("<h2>A</h2>\n<p><hr>x</p>\n<h3>B</h3>\n", {"a&b", "b"}) ==
        "<h2 id=\"a&amp;b\">A</h2>\n<p><hr>x</p>\n<h3 id=\"b\">B</h3>\n");
  CHECK(finish_markdown_html("<h2>A</h2>", {}) == "<h2>A</h2>");  // no more ids than headings
}

TEST_CASE("finish_markdown_html: task boxes named by their items, ids apart from headings'") {
  std::string html =
      "<h2>Task 2</h2>\n<ul>\n<li><input type=\"checkbox\" disabled=\"\" /> a</li>\n"
      "<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> b</li>\n"
      "<li>c <input type=\"checkbox\"></li>\n</ul>\n";
  CHECK(finish_markdown_html(html, {"task-2"}) ==
        "<h2 id=\"task-2\">Task 2</h2>\n<ul>\n"
        "<li id=\"task-1\"><input aria-labelledby=\"task-1\" type=\"checkbox\" disabled=\"\" /> "
        "a</li>\n"
        "<li id=\"task-3\"><input aria-labelledby=\"task-3\" type=\"checkbox\" checked=\"\" "
        "disabled=\"\" /> b</li>\n"
        "<li>c <input type=\"checkbox\"></li>\n</ul>\n");
}

}  // namespace firefly
