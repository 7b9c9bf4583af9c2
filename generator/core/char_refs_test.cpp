#include "core/char_refs.h"

#include <doctest/doctest.h>

namespace firefly {

TEST_CASE("character references read as the characters they stand for") {
  CHECK(decode_char_refs("tw&#101;nty, tw&#x65;nty, TW&#X45;NTY") == "twenty, twenty, TWENTY");
  CHECK(decode_char_refs("&#50;&#48;19 R&amp;D &lt;b&gt; &quot;a&apos; 1&nbsp;043") ==
        "2019 R&D <b> \"a' 1\u00A0043");
  CHECK(decode_char_refs("&#0; &#xD800; &#x110000;") == "\uFFFD \uFFFD \uFFFD");
  // Not references: left as written.
  CHECK(decode_char_refs("AT&T, &#; &#x; &#12345678; &#50 &eacute; &") ==
        "AT&T, &#; &#x; &#12345678; &#50 &eacute; &");
}

TEST_CASE("each byte decoded is placed at the reference it comes from") {
  std::vector<size_t> from;
  CHECK(decode_char_refs("a&#50;&#x4E2D;b", &from) == "a2\u4E2Db");
  CHECK(from == std::vector<size_t>{0, 1, 6, 6, 6, 14});
}

}  // namespace firefly
