#include "load/markdown_limits.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

namespace firefly {

namespace {

std::string repeat(std::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

TEST_CASE("ordinary Markdown has no hazards") {
  std::string body = "# Title\n\n![a photo](a.jpg) and www.example.org\n\n| a | b |\n|---|---|\n";
  CHECK(find_markdown_hazards(body).empty());
  // Many images, each in its own paragraph, and many short addresses are fine.
  CHECK(find_markdown_hazards(repeat("![x](y.png)\n\n", 5000)).empty());
  CHECK(find_markdown_hazards(repeat("www.a.org ", 5000)).empty());
}

TEST_CASE("too many image openers in one paragraph, even across lines") {
  std::string body = "intro\n" + repeat("![[]()\n", 1001);
  auto found = find_markdown_hazards(body, 4);
  REQUIRE(found.size() == 1);
  CHECK(found[0].pos.line == 4 + 1 + 1000);
  CHECK(found[0].pos.col == 1);
  CHECK(found[0].message ==
        "this paragraph opens more than 1000 images (`![`); Markdown would take minutes to read "
        "it");
  // A blank line starts the count again; escaped openers do not count.
  CHECK(find_markdown_hazards(repeat("![[]()", 1000) + "\n\n" + repeat("![[]()", 1000)).empty());
  CHECK(find_markdown_hazards(repeat("\\![[]()", 3000)).empty());
}

TEST_CASE("too many raw HTML instructions or declarations in one paragraph") {
  // Each `<?`, `<![CDATA[` or `<!X ` that is not closed is read to the end of its paragraph:
  // "a" + "<?" x 80,000 took cmark-gfm 0.29 over 5 s, and a 2 MB page minutes.
  const std::string message =
      "this paragraph opens more than 1000 raw HTML instructions or declarations (`<?`, `<!`); "
      "Markdown would take minutes to read it";
  auto html_hazards = [&](const std::string& body) {  // (`<![` opens an image too)
    auto found = find_markdown_hazards(body, 3);
    return std::count_if(found.begin(), found.end(),
                         [&](const MarkdownHazard& h) { return h.message == message; });
  };
  for (std::string opener : {"<?", "<![CDATA[", "<!A "}) {
    CAPTURE(opener);
    auto found = find_markdown_hazards("intro\n\na" + repeat(opener, 1001), 3);
    REQUIRE(!found.empty());
    CHECK(found[0].message == message);
    CHECK(found[0].pos.line == 5);
    CHECK(found[0].pos.col == 2 + static_cast<int>(opener.size()) * 1000);
    // Across the lines of one paragraph too; a blank line starts the count again.
    CHECK(html_hazards(repeat(opener + "\n", 1001)) == 1);
    CHECK(html_hazards(repeat(opener, 1000) + "\n \n" + repeat(opener, 1000)) == 0);
    CHECK(html_hazards(repeat("\\" + opener, 3000)) == 0);
  }
  // Comments end at their next `--`, and tags at the next `>`: not counted.
  CHECK(find_markdown_hazards(repeat("<!-- a -->", 3000)).empty());
  CHECK(find_markdown_hazards(repeat("<b>x</b>", 3000)).empty());
  CHECK(find_markdown_hazards("a <?php echo 1; ?> and <!DOCTYPE html>").empty());
}

TEST_CASE("too many table columns on one line") {
  std::string row = "|" + repeat("é|", 300) + "\n";
  auto found = find_markdown_hazards("text\n" + row);
  REQUIRE(found.size() == 1);
  CHECK(found[0].pos.line == 2);
  CHECK(found[0].pos.col == 1 + 2 * 201);  // the 202nd `|`, in characters
  CHECK(find_markdown_hazards(repeat("a\\|", 3000)).empty());
  CHECK(find_markdown_hazards(repeat("|" + repeat("a|", 200) + "\n", 20)).empty());
}

TEST_CASE("too many table cells in one page, counted by the tables' columns") {
  // 100,000 cells: a header of 4 columns and 24,999 rows (the rows' own `|` do not count:
  // cmark-gfm makes each row as many cells as the delimiter row has).
  std::string table = "| a | b | c | d |\n|---|---|:-:|---|\n" + repeat("|1|2|3|4|5|6|\n", 24999);
  CHECK(find_markdown_hazards(table).empty());
  auto found = find_markdown_hazards("intro\n\n" + table + "> |1|\n", 10);
  REQUIRE(found.size() == 1);
  CHECK(found[0].pos.line == 10 + 2 + 2 + 24999);
  CHECK(found[0].pos.col == 3);  // the row, after its quote's `>`
  CHECK(found[0].message ==
        "this page has more than 100000 table cells; Markdown takes about 1 KB of memory for "
        "each while it reads them");
  // Across the tables of a page; blank lines, text outside tables and fenced code do not
  // count.
  std::string half = "a|b\n-|-\n" + repeat("x|y\n", 24999) + "\n";  // 50,000 cells
  CHECK(find_markdown_hazards(half + "text\n" + repeat("\n", 1000) + half).empty());
  CHECK(find_markdown_hazards(half + "```\n" + half + "```\n").size() == 0);
  CHECK(find_markdown_hazards(half + half + "a|b\n-|-\n").size() == 1);
}

TEST_CASE("too many Markdown marks in one page, wherever they are") {
  // 250,000 marks: footnote references `[^a]` (one mark each, the `[`), 50 a line.
  std::string line = repeat("[^a] ", 50) + "\n";                    // 51 marks with its line break
  std::string at_limit = repeat(line, 4901) + repeat("[^a] ", 49);  // 250,000
  CHECK(find_markdown_hazards(at_limit).empty());
  // The 250,001st is the `*` of `*b*`, on the last line (the body starts at line 10).
  auto found = find_markdown_hazards(at_limit + "x *b*", 10);
  REQUIRE(found.size() == 1);
  CHECK(found[0].pos.line == 10 + 4901);
  CHECK(found[0].pos.col == 49 * 5 + 3);
  CHECK(found[0].message ==
        "this page has more than 250000 Markdown marks (line breaks, list and emphasis marks, "
        "links, code, entities); Markdown takes up to 1 KB of memory for each while it reads "
        "them");
  CHECK(found[0].help == "split it into several pages");
  // Each kind of mark counts, and plain text does not (2 MB of prose has none).
  for (std::string_view mark : {"\n", "*", "_", "~", "-", "+", "[", "!", "`", "<", "&", "\\"}) {
    std::string many = repeat(std::string(mark) + "a", 250001);
    CHECK_MESSAGE(find_markdown_hazards(many).size() == 1, mark);
  }
  CHECK(find_markdown_hazards(repeat("Plain words, with commas. And full stops: ", 50000)).empty());
  // A fenced code block's lines count none: its text is one node (a pasted log, JSON).
  std::string json = repeat("[{\"a\": -1, \"b\": [\"<&>\"]},\n", 50000);  // 300,000 marks, 6 a line
  CHECK(find_markdown_hazards(json).size() == 1);
  CHECK(find_markdown_hazards("intro\n\n```json\n" + json + "```\n\ntext\n").empty());
  CHECK(find_markdown_hazards("~~~\n" + json).empty());  // unclosed: code to the end
  // After the fence, marks count again.
  CHECK(find_markdown_hazards("```\n" + json + "```\n" + json).size() == 1);
}

TEST_CASE("too many www. in one word") {
  auto found = find_markdown_hazards(repeat("www.x_", 15000));
  REQUIRE(found.size() == 1);
  CHECK(found[0].pos.line == 1);
  CHECK(found[0].pos.col == 1 + 6 * 100);
  CHECK(found[0].help == "put a space between web addresses");
  CHECK(find_markdown_hazards(repeat("www.x_ ", 15000)).empty());
  CHECK(find_markdown_hazards(repeat("www.x_\t", 15000)).empty());
  CHECK(find_markdown_hazards(repeat("www.x_\n", 15000)).empty());
  CHECK(find_markdown_hazards(repeat("www.x_ www.y_", 15000)).empty());
  // 101 in the last word, after words of 100: the count starts again at each space.
  auto last = find_markdown_hazards(repeat(repeat("www.x", 100) + " ", 3) + repeat("www.x", 101));
  REQUIRE(last.size() == 1);
  CHECK(last[0].pos.col == 3 * 501 + 100 * 5 + 1);
}

TEST_CASE("too many links among emphasis marks in one paragraph") {
  // cmark-gfm 0.29 takes time in proportion to the paragraph's inline links times its
  // emphasis marks: 200 KB of `*a [e](f) ` (20,000 of each) took it 35 s.
  auto links_hazards = [](const std::string& body) {
    auto found = find_markdown_hazards(body);
    return std::count_if(found.begin(), found.end(), [](const MarkdownHazard& h) {
      return h.message.find("links (`](`) among") != std::string::npos;
    });
  };
  std::string body = "intro\n\n" + repeat("*a [e](f) ", 3163);
  auto found = find_markdown_hazards(body, 5);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message ==
        "this paragraph has 3162 links (`](`) among 3163 emphasis marks (`*`, `_`, `~`); Markdown "
        "would take minutes to read it");
  CHECK(found[0].help == "split it into shorter paragraphs with blank lines");
  CHECK(found[0].pos.line == 7);
  CHECK(found[0].pos.col == 10 * 3162 + 1);  // the mark that passes the limit
  // Across the lines of one paragraph, and of one quote; with `_` and `~` too.
  CHECK(links_hazards(repeat("_a [e](f)\n", 3200)) == 1);
  CHECK(links_hazards(repeat("> ~~a~~ [e](f)\n", 3200)) == 1);
  CHECK(links_hazards("- x\n" + repeat("**a** [e](f)\n", 3200)) == 1);  // lazy lines
  // A run of marks is one mark; escaped marks and other brackets do not count.
  CHECK(links_hazards(repeat("***a [e](f) ", 3000)) == 0);
  CHECK(links_hazards(repeat("\\*a [e](f) ", 5000)) == 0);
  CHECK(links_hazards(repeat("*a [e][] [e] ", 5000)) == 0);
  // Each paragraph, list item, heading, table row and code line counts on its own.
  CHECK(links_hazards(repeat("*a* [e](f)\n\n", 5000)) == 0);
  CHECK(links_hazards(repeat("> *a* [e](f)\n>\n", 5000)) == 0);
  CHECK(links_hazards(repeat("- *a* [e](f)\n", 5000)) == 0);
  CHECK(links_hazards(repeat("  12. *a* [e](f)\n", 5000)) == 0);
  CHECK(links_hazards(repeat("## *a* [e](f)\n", 5000)) == 0);
  CHECK(links_hazards("| a | b |\n| :-- | --- |\n" + repeat("| *a* | [e](f) |\n", 5000)) == 0);
  CHECK(links_hazards("```\n" + repeat("x = a*b; f[i](j);\n", 5000) + "```\n") == 0);
  // A table ends at a blank line; a fence at its closing line.
  CHECK(links_hazards("|a|\n|-|\n|b|\n\n" + repeat("*a [e](f)\n", 3200)) == 1);
  CHECK(links_hazards("```\nx\n```\n" + repeat("*a [e](f)\n", 3200)) == 1);
}

TEST_CASE("each kind is reported once, the first") {
  std::string body = repeat("www.", 300) + "\n" + repeat("|", 2000) + "\n" + repeat("![", 3000) +
                     repeat("<?", 3000);
  auto found = find_markdown_hazards(body);
  CHECK(found.size() == 4);
}

TEST_CASE("hazards are found at every offset after text the scan passes over") {
  // The scan passes over sixteen bytes at a time: a hazard, an escape or a blank line
  // may start at any byte of such a block, or just after it.
  for (int k = 0; k < 40; ++k) {
    CAPTURE(k);
    std::string lead = repeat("中", k / 3) + repeat("a ", k % 3);
    auto images = find_markdown_hazards(lead + repeat("![", 1001));
    REQUIRE(images.size() == 1);
    CHECK(images[0].pos.col == (k / 3) + 2 * (k % 3) + 2 * 1000 + 1);
    CHECK(find_markdown_hazards(lead + repeat("\\![", 1001)).empty());
    CHECK(find_markdown_hazards(lead + repeat("![", 1000) + "\n" + repeat(" ", k) + "\n" +
                                repeat("![", 1000))
              .empty());
    auto pipes = find_markdown_hazards(lead + "\n" + lead + repeat("|", 202));
    REQUIRE(pipes.size() == 1);
    CHECK(pipes[0].pos.line == 2);
    CHECK(pipes[0].pos.col == (k / 3) + 2 * (k % 3) + 202);
    auto html = find_markdown_hazards(lead + repeat("<?", 1001));
    REQUIRE(html.size() == 1);
    CHECK(html[0].pos.col == (k / 3) + 2 * (k % 3) + 2 * 1000 + 1);
    CHECK(find_markdown_hazards(lead + repeat("\\<?", 1001)).empty());
    auto www = find_markdown_hazards(lead + repeat("WwW.x", 101));
    REQUIRE(www.size() == 1);
    CHECK(www[0].pos.col == (k / 3) + 2 * (k % 3) + 5 * 100 + 1);
    auto links = find_markdown_hazards(lead + repeat("_[](x)", 3163));
    REQUIRE(links.size() == 1);
    CHECK(links[0].pos.col == (k / 3) + 2 * (k % 3) + 6 * 3162 + 1);
    CHECK(find_markdown_hazards(lead + repeat("\\_[](x)", 3163)).empty());
  }
}

TEST_CASE("a body's control characters: the first of each line, where it is written") {
  // No feed can hold them (XML); tabs are text.
  std::string body = "Hello\tworld.\n請看 \x01 and \x1b[31m\n\nok\nend \xEF\xBF\xBF";
  std::vector<MarkdownHazard> found = find_control_characters(body, 5);
  REQUIRE(found.size() == 2);
  CHECK(found[0].pos.line == 6);
  CHECK(found[0].pos.col == 4);  // counted in characters
  CHECK(found[0].message == "this line has an invisible control character (U+0001)");
  CHECK(found[1].pos.line == 9);
  CHECK(found[1].pos.col == 5);
  CHECK(found[1].message == "this line has an invisible control character (U+FFFF)");
  CHECK(find_control_characters("plain\ttext\n").empty());
  // One on each of 100,000 lines is found in one pass.
  std::string many;
  for (int i = 0; i < 100000; ++i) many += "a\x01\n";
  CHECK(find_control_characters(many).size() == 100000);
}

}  // namespace firefly
