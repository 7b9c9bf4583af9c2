#include "load/links_as_text.h"

#include <doctest/doctest.h>

namespace firefly {

TEST_CASE("links and images whose address has a space are found where they start") {
  auto found = find_spaced_links(
      "Intro.\n"
      "![合照](/images/my photo.jpg) and [報名表](files/form 2024.pdf).\n"
      "A [note](see below) and [a link](/about/ \"About us\") and [b](</a b.jpg>).\n"
      "Rule [1](see 2.1) and [2](p. 3), but [form](form v2.pdf).\n"
      "`[code](/a b.jpg)` and [ok](/x.jpg)\n"
      "```\n"
      "![in a block](/a b.jpg)\n"
      "```\n"
      "[報名](https://example.org/sign up)",
      5);
  REQUIRE(found.size() == 4);
  CHECK(found[0].pos.line == 6);
  CHECK(found[0].pos.col == 1);
  CHECK(found[0].image);
  CHECK(found[0].address == "/images/my photo.jpg");
  CHECK(found[1].pos.col == 33);  // characters, not bytes: 合照 is two
  CHECK_FALSE(found[1].image);
  CHECK(found[1].address == "files/form 2024.pdf");
  CHECK(found[2].pos.line == 8);  // not (see 2.1) nor (p. 3): words and numbers
  CHECK(found[2].address == "form v2.pdf");
  CHECK(found[3].pos.line == 13);
  CHECK(found[3].address == "https://example.org/sign up");
}

TEST_CASE("links and images whose address no ) ends on its line") {
  auto found = find_spaced_links(
      "![照片](/images/roof.jpg\n"
      "See [the form](https://example.org/form and more words.\n"
      "A [note](see below\n"
      "`[code](/a.jpg` and [ok](/b.jpg)\n"
      "[報名](/about/  \n"
      "![a](/a.jpg\n"
      ")\n"
      "[b](/b/\n"
      "  \"B\")\n",
      5);
  REQUIRE(found.size() == 2);  // not /a.jpg nor /b/: their ) or title is on the next line
  CHECK(found[0].unclosed);
  CHECK(found[0].image);
  CHECK(found[0].pos.line == 5);
  CHECK(found[0].address == "/images/roof.jpg");
  CHECK(found[1].unclosed);  // the trailing spaces are not the address's
  CHECK(found[1].pos.line == 9);
  CHECK(found[1].address == "/about/");
  Diagnostics diags;
  report_links_as_text("![照片](/images/roof.jpg\n", 3, "content/a.md", diags);
  REQUIRE(diags.warning_count() == 1);
  CHECK(diags.sorted().front().message ==
        "this image's address has no closing ), so the page shows it as text, not as the image");
  CHECK(diags.sorted().front().hint == "add ) after /images/roof.jpg");
}

TEST_CASE("a line of many brackets is read once, and a page lists at most the most") {
  std::string line;
  for (int i = 0; i < 100000; ++i) line += "[a](/b)";
  CHECK(find_spaced_links(line, 1).empty());
  std::string many;
  for (int i = 0; i < 50; ++i) many += "[a](/b c.jpg)\n";
  CHECK(find_spaced_links(many, 1).size() == kMostSpacedLinks);
}

TEST_CASE("the name to give a file: its spaces as hyphens") {
  CHECK(address_without_spaces("/images/my  photo 1.jpg") == "/images/my-photo-1.jpg");
  CHECK(address_with_escaped_spaces("https://example.org/sign up") ==
        "https://example.org/sign%20up");
}

}  // namespace firefly
