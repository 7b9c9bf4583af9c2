#include "load/wide_typing.h"

#include <doctest/doctest.h>

namespace firefly {

TEST_CASE("full-width dashes make a front-matter fence typed in full-width mode") {
  CHECK(is_wide_fence("－－－"));
  CHECK(is_wide_fence("———"));
  CHECK(is_wide_fence("ーーーー "));
  CHECK(is_wide_fence("　─── "));
  CHECK_FALSE(is_wide_fence("---"));
  CHECK_FALSE(is_wide_fence("－－"));
  CHECK_FALSE(is_wide_fence("－－－ title"));
  CHECK_FALSE(is_wide_fence("。。。"));
}

TEST_CASE("a field's full-width colon and a line's full-width space are reported where they are") {
  Diagnostics diags;
  std::string yaml = "title：全形冒號\ndate: 2024-05-20\n　topic: employment\n";
  CHECK(report_wide_typing(yaml, "content/a.md", 1, diags));
  std::vector<Diagnostic> found = diags.sorted();
  REQUIRE(found.size() == 2);
  CHECK(found[0].pos.line == 2);
  CHECK(found[0].pos.col == 6);
  CHECK(found[0].message ==
        "the colon after 'title' is full-width (：); YAML needs a half-width colon and a space");
  CHECK(found[0].hint == "write it as `title: 全形冒號`");
  CHECK(found[1].pos.line == 4);
  CHECK(found[1].pos.col == 1);
  CHECK(found[1].message ==
        "this line starts with a full-width space (　), which YAML does not read as a space");
}

TEST_CASE("full-width colons in values, lists and Chinese text are left to YAML") {
  Diagnostics diags;
  CHECK_FALSE(report_wide_typing("title: 主題：勞工\nsummary: 時間：上午\n", "a.md", 0, diags));
  CHECK_FALSE(report_wide_typing("tags:\n  - 主題：勞工\n- 地點：臺南\n", "a.md", 0, diags));
  CHECK_FALSE(report_wide_typing("主題：勞工\n", "a.md", 0, diags));  // not a field name
  CHECK_FALSE(report_wide_typing("people:\n  - {name：王大明}\n", "a.md", 0, diags));
  CHECK_FALSE(diags.has_errors());
}

TEST_CASE("links written with full-width brackets or parentheses") {
  auto links = find_wide_links("intro\n請看[關於我們]（/about/）。\n\n［首頁］(/)\n", 7);
  REQUIRE(links.size() == 2);
  CHECK(links[0].pos.line == 8);
  CHECK(links[0].pos.col == 3);
  CHECK(links[0].written == "[關於我們]（/about/）");
  CHECK(links[0].meant == "[關於我們](/about/)");
  CHECK(links[1].pos.line == 10);
  CHECK(links[1].pos.col == 1);
  CHECK(links[1].meant == "[首頁](/)");
  // Two on a line, and mixed pairs.
  auto two = find_wide_links("[a]（/a/) and ［b］（/b/）", 1);
  REQUIRE(two.size() == 2);
  CHECK(two[0].meant == "[a](/a/)");
  CHECK(two[1].meant == "[b](/b/)");
}

TEST_CASE("links typed with the brackets Chinese input methods give for [ and ]") {
  auto links = find_wide_links(
      "請看「關於我們」(/about/)、【報名】（https://example.org/a）和〔表〕(data.md)", 1);
  REQUIRE(links.size() == 3);
  CHECK(links[0].meant == "[關於我們](/about/)");
  CHECK(links[1].meant == "[報名](https://example.org/a)");
  CHECK(links[2].meant == "[表](data.md)");
  // Quotation marks and brackets of their own before a note: not a link.
  CHECK(find_wide_links("「勞動部」(MOL)與【公告】(2024)", 1).empty());
}

TEST_CASE("real links, brackets in prose and code are not taken for full-width links") {
  CHECK(find_wide_links("[故事](/stories/)（很好）", 1).empty());
  CHECK(find_wide_links("參考資料[1]（2019年報）", 1).empty());  // a note, not an address
  CHECK(find_wide_links("[a]（b c）", 1).empty());               // an address has no space
  CHECK(find_wide_links("（見附件）and ]（", 1).empty());
  CHECK(find_wide_links("`[q]（r）`", 1).empty());
  CHECK(find_wide_links("```\n[x]（y）\n```\n", 1).empty());
  CHECK(find_wide_links("~~~md\n[x]（y）\n~~~\n[z]（/z/）", 1).size() == 1);
}

TEST_CASE("a page of a million brackets is read once, and at most 20 links are listed") {
  std::string closing;
  for (int i = 0; i < 300000; ++i) closing += "]（";
  CHECK(find_wide_links(closing, 1).empty());  // no opening bracket: none is a link
  std::string many;
  for (int i = 0; i < 100000; ++i) many += "[a]（/a/）`";
  CHECK(find_wide_links(many, 1).size() == kMostWideLinks);
  std::string ticks = "x" + std::string(499999, '`');
  CHECK(find_wide_links(ticks + "[a]（/a/）", 1).empty());        // after an odd count: in code
  CHECK(find_wide_links(ticks + "` [a]（/a/）", 1).size() == 1);  // after an even count: not
}

}  // namespace firefly
