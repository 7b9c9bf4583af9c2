#include "load/front_matter.h"

#include <doctest/doctest.h>

namespace firefly {

TEST_CASE("split_front_matter finds the YAML and the body line") {
  Diagnostics diags;
  auto s = split_front_matter("---\ntitle: A\n---\nHello\n", "a.md", diags);
  CHECK(s.closed);
  CHECK(s.yaml == "title: A\n");
  CHECK(s.yaml_line == 1);
  CHECK(s.body == "Hello\n");
  CHECK(s.body_line == 4);
  CHECK(diags.sorted().empty());
}

TEST_CASE("split_front_matter: empty lines above the front matter are an error, not a body") {
  Diagnostics diags;
  auto s = split_front_matter("\n  \n---\ntitle: A\n---\nHello\n", "a.md", diags);
  CHECK(s.yaml == "title: A\n");
  CHECK(s.yaml_line == 3);
  CHECK(s.body_line == 6);
  auto found = diags.sorted();
  REQUIRE(found.size() == 1);
  CHECK(found[0].pos.line == 3);
  CHECK(found[0].message ==
        "this '---' has 2 empty lines above it: front matter must start on the very first line "
        "of the file");
  // A rule in a page without front matter stays text.
  Diagnostics none;
  auto body = split_front_matter("\n---\nText\n\n---\n", "a.md", none);
  CHECK(body.body == "\n---\nText\n\n---\n");
  CHECK(none.sorted().empty());
}

TEST_CASE("split_front_matter without front matter is all body") {
  Diagnostics diags;
  auto s = split_front_matter("# Hi\n", "a.md", diags);
  CHECK(s.yaml.empty());
  CHECK(s.body == "# Hi\n");
  CHECK(s.body_line == 1);
}

TEST_CASE(
    "an unclosed block is reported, and the body starts at the first line that cannot be "
    "front matter") {
  Diagnostics diags;
  auto s = split_front_matter("---\ntitle: A\ntags:\n  - a\n- b\n# c\n\n\nSee [x](/y/).\n", "a.md",
                              diags);
  CHECK_FALSE(s.closed);
  CHECK(s.yaml == "title: A\ntags:\n  - a\n- b\n# c\n");
  CHECK(s.body == "See [x](/y/).\n");
  CHECK(s.body_line == 9);
  REQUIRE(diags.sorted().size() == 1);
  CHECK(diags.sorted()[0].message ==
        "the front matter that starts here with '---' is never closed");
  CHECK(diags.sorted()[0].hint ==
        "add a line with only '---' after the last front-matter field; until then the lines "
        "from line 9 on are read as the page's text");

  // A line at the margin that is not `key: value` ends it too, without a blank line.
  Diagnostics d2;
  auto t = split_front_matter("---\ntitle: A\nNote:this is text\n", "a.md", d2);
  CHECK(t.yaml == "title: A\n");
  CHECK(t.body == "Note:this is text\n");
  CHECK(t.body_line == 3);

  // All of it may be front matter: then there is no body.
  Diagnostics d3;
  auto u = split_front_matter("---\ntitle: A\ndate: 2021-01-01", "a.md", d3);
  CHECK(u.yaml == "title: A\ndate: 2021-01-01");
  CHECK(u.body.empty());
  REQUIRE(d3.sorted().size() == 1);
  CHECK(d3.sorted()[0].hint == "add a line with only '---' after the last front-matter field");
}

TEST_CASE("readable_entries keeps the entries that are YAML on their own") {
  // Line 1 is not YAML (a second colon); lines 2-5 read alone, with their own lines.
  Value v = readable_entries(
      "title: Roses: a\ndate: 2021-05-04\ntags:\n- a\n- b\ndate: 2022-01-01\n", "a.md", 1);
  REQUIRE(v.is_map());
  CHECK_FALSE(v.find("title"));
  REQUIRE(v.find("date"));
  CHECK(v.get("date").to_text() == "2021-05-04");  // a key is taken once
  CHECK(v.get("date").pos.line == 3);              // after the `---` line
  CHECK(v.get("tags").as_list().size() == 2);
  CHECK(readable_entries("", "a.md", 1).as_map().empty());
  // Aliases are not expanded entry by entry (each parse would have its own limit).
  Value aliases = readable_entries("a: &a [x, x]\nb: [*a, *a]\nc: [\n", "a.md", 1);
  CHECK(aliases.find("a"));
  CHECK_FALSE(aliases.find("b"));
}

TEST_CASE("find_unclosed_quote: a quoted value that runs on into the next key") {
  auto found = find_unclosed_quote("title: \"Roses from 南投\ndate: 2021-03-08\nx: \"a\"\n", 1);
  REQUIRE(found);
  CHECK(found->pos.line == 2);  // the offset of the first YAML line, plus one
  CHECK(found->pos.col == 8);
  CHECK(found->key == "title");
  CHECK(found->next_key == "date");
  // Columns count characters: the quote after 摘要 (two characters, six bytes).
  found = find_unclosed_quote("摘要: 'text\nimages:\n  - src: a.svg\n", 0);
  REQUIRE(found);
  CHECK(found->pos.col == 5);
  CHECK(found->next_key == "images");
  // Quoted values closed on their line, or spanning lines that are not keys, are YAML
  // as meant; escaped quotes and '' do not close.
  CHECK_FALSE(find_unclosed_quote("title: \"A \\\" B\"\nsummary: 'it''s'\n", 0));
  CHECK_FALSE(find_unclosed_quote("summary: \"a long text\n  folded on\n  lines\"\ndate: x\n", 0));
  CHECK_FALSE(find_unclosed_quote("people:\n  - name: \"a\n    b\"\n", 0));
  CHECK(find_unclosed_quote("title: \"A \\\"\ndate: 2021-03-08\n", 0));
  CHECK(find_unclosed_quote("title: 'it''s\ndate: 2021-03-08\n", 0));
  CHECK_FALSE(find_unclosed_quote("", 0));
}

TEST_CASE("find_comment_values: a value YAML reads as a comment, not a comment meant") {
  auto found = find_comment_values(
      "title: #1 volunteer team\nsummary: # to write later\ntags: [a]  #x\n"
      "description:   #志工\n# title: #2\n",
      1);
  REQUIRE(found.size() == 2);
  CHECK(found[0].key == "title");
  CHECK(found[0].text == "#1 volunteer team");
  CHECK(found[0].pos.line == 2);
  CHECK(found[0].pos.col == 8);
  CHECK(found[1].key == "description");
  CHECK(found[1].text == "#志工");
  CHECK(found[1].pos.line == 5);
  CHECK(found[1].pos.col == 16);
}

TEST_CASE("split_front_matter: a fence of two or four hyphens is an error, read as the fence") {
  Diagnostics diags;
  auto s = split_front_matter("--\ntitle: A\n----\nHello\n", "a.md", diags);
  CHECK(s.yaml == "title: A\n");
  CHECK(s.body == "Hello\n");
  CHECK(s.body_line == 4);
  auto found = diags.sorted();
  REQUIRE(found.size() == 2);
  CHECK(found[0].message ==
        "this line has 2 hyphens; front matter starts and ends with a line of exactly three");
  CHECK(found[0].pos.line == 1);
  CHECK(found[1].message ==
        "this line has 4 hyphens; front matter starts and ends with a line of exactly three");
  CHECK(found[1].pos.line == 3);
  // A thematic break at the top of a page without front matter is the page's text.
  Diagnostics none;
  auto t = split_front_matter("----\nSome text.\n", "a.md", none);
  CHECK(t.body == "----\nSome text.\n");
  CHECK(none.sorted().empty());
}

}  // namespace firefly
