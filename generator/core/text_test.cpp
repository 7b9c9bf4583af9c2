#include "core/text.h"

#include <doctest/doctest.h>

namespace firefly {

TEST_CASE("UTF-8 validation finds the first bad byte") {
  CHECK(is_valid_utf8("中文 ok"));
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));      // overlong
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));  // surrogate
  Pos p = first_invalid_utf8("ab\n中\xE4\xB8");
  CHECK(p.line == 2);
  CHECK(p.col == 2);
}

TEST_CASE("slugify keeps CJK and folds punctuation") {
  CHECK(slugify("Hello, World!") == "hello-world");
  CHECK(slugify("南投 玫瑰") == "南投-玫瑰");
  CHECK(slugify("  a  b ") == "a-b");
}

TEST_CASE("percent_decode decodes escapes and flags malformed ones") {
  bool bad = false;
  CHECK(percent_decode("/a%20b/%E4%B8%AD/", &bad) == "/a b/中/");
  CHECK_FALSE(bad);
  CHECK(percent_decode("/x%zz%4", &bad) == "/x%zz%4");
  CHECK(bad);
}

TEST_CASE("html_escape escapes the five characters") {
  CHECK(html_escape("<a href=\"x\">'&'</a>") ==
        "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}

TEST_CASE("normalize_newlines and nth_line") {
  CHECK(normalize_newlines("a\r\nb\rc\n") == "a\nb\nc\n");
  CHECK(nth_line("a\nbb\r\nc", 2) == "bb");
  CHECK(nth_line("a", 3).empty());
}

}  // namespace firefly
