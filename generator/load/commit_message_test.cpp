#include "load/commit_message.h"

#include <doctest/doctest.h>

namespace firefly {

TEST_CASE("commit message: shown as written when a page can show it") {
  CHECK(showable_commit_message("更正111年人數 café\tok") == "更正111年人數 café\tok");
  CHECK(showable_commit_message("Ã©tÃ© ¿ï") == "Ã©tÃ© ¿ï");  // Latin-1 letters of their own
}

TEST_CASE("commit message: a noncharacter is one U+FFFD, however it was stored") {
  // As libgit2 stores it, and as `git commit` does: each byte a Latin-1 letter.
  CHECK(showable_commit_message("fix \xEF\xBF\xBE here") == "fix \xEF\xBF\xBD here");
  CHECK(showable_commit_message("fix \xC3\xAF\xC2\xBF\xC2\xBE here") == "fix \xEF\xBF\xBD here");
  CHECK(showable_commit_message("\xC3\xAF\xC2\xBF\xC2\xBF\xC3\xAF\xC2\xB7\xC2\x90") ==
        "\xEF\xBF\xBD\xEF\xBF\xBD");  // U+FFFF, U+FDD0
  // U+1FFFE (F0 9F BF BE) and a surrogate (ED A0 80), rewritten by git alike.
  CHECK(showable_commit_message("a\xC3\xB0\xC2\x9F\xC2\xBF\xC2\xBE"
                                "b\xC3\xAD\xC2\xA0\xC2\x80"
                                "c") ==
        "a\xEF\xBF\xBD"
        "b\xEF\xBF\xBD"
        "c");
  // Two of the three letters, or a character git takes (U+FFFD itself): left as written.
  CHECK(showable_commit_message("\xC3\xAF\xC2\xBF!") == "\xC3\xAF\xC2\xBF!");
  CHECK(showable_commit_message("\xC3\xAF\xC2\xBF\xC2\xBD") == "\xC3\xAF\xC2\xBF\xC2\xBD");
}

TEST_CASE("commit message: stray bytes are U+FFFD, control characters spaces") {
  CHECK(showable_commit_message("Big5 \xA7\xF3") == "Big5 \xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(showable_commit_message("a\x1b[31mb\x7f") == "a [31mb ");
}

}  // namespace firefly
