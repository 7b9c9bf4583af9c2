#include "load/markdown.h"

#include <doctest/doctest.h>

namespace firefly {

namespace {
MarkdownResult md(std::string_view text, bool unsafe = false) {
  MarkdownOptions o;
  o.unsafe_html = unsafe;
  return render_markdown(text, o);
}
}  // namespace

TEST_CASE("markdown renders GFM tables, strikethrough, task lists and footnotes") {
  auto r =
      md("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~\n\n- [x] done\n\nNote[^1]\n\n[^1]: Foot.\n");
  CHECK(r.html.find("<table>") != std::string::npos);
  // Wrapped, so a wide table scrolls in its own keyboard-reachable box.
  CHECK(r.html.find("<div class=\"table-wrap\" tabindex=\"0\">\n<table>") != std::string::npos);
  CHECK(r.html.find("</table>\n</div>") != std::string::npos);
  CHECK(r.html.find("<del>old</del>") != std::string::npos);
  CHECK(r.html.find("checkbox") != std::string::npos);
  CHECK(r.html.find("footnote") != std::string::npos);
}

TEST_CASE("markdown escapes raw HTML unless allowed") {
  auto r = md("Hi <script>alert(1)</script>\n\n<div onclick=x>y</div>\n");
  CHECK(r.html.find("<script>") == std::string::npos);
  CHECK(r.html.find("&lt;script&gt;") != std::string::npos);
  CHECK(r.html.find("<div") == std::string::npos);
  auto u = md("<b>x</b>\n", true);
  CHECK(u.html.find("<b>x</b>") != std::string::npos);
}

TEST_CASE("markdown shows a NUL byte as U+FFFD, in the HTML and in the scan") {
  using namespace std::string_literals;
  const std::string text = "a\0b \0\n\n- c\0\n"s;
  CHECK(md(text).html == "<p>a\uFFFDb \uFFFD</p>\n<ul>\n<li>c\uFFFD</li>\n</ul>\n");
  std::vector<std::string> runs;
  for (const MarkdownItem& item : scan_markdown(text)) {
    if (item.kind == MarkdownItem::Kind::kText) runs.push_back(item.value);
  }
  CHECK(runs == std::vector<std::string>{"a\uFFFDb \uFFFD", "c\uFFFD"});
}

TEST_CASE("markdown drops javascript: URLs even with odd case and spaces") {
  auto r = md("[a](javascript:alert(1)) [b]( JaVaScRiPt:alert(1)) ![c](javascript:x)\n", true);
  CHECK(r.html.find("javascript") == std::string::npos);
  CHECK(r.html.find("JaVaScRiPt") == std::string::npos);
}

TEST_CASE("markdown gives headings unique ids, CJK included") {
  auto r = md("## 成果\n\n## Results\n\n## Results\n");
  CHECK(r.html.find("<h2 id=\"成果\">") != std::string::npos);
  CHECK(r.html.find("<h2 id=\"results\">") != std::string::npos);
  CHECK(r.html.find("<h2 id=\"results-2\">") != std::string::npos);
}

TEST_CASE("markdown: a heading that skips levels is shown one level below the one before") {
  // The page's title is its h1: a first ### is an h2; ##### after ## is an h3; a heading
  // that goes back up (## after ####) keeps its level.
  auto r = md("### First\n\n##### Deep\n\n## Back\n\n#### Skip\n\n### Next\n\n# Top\n");
  CHECK(r.html ==
        "<h2 id=\"first\">First</h2>\n<h3 id=\"deep\">Deep</h3>\n<h2 id=\"back\">Back</h2>\n"
        "<h3 id=\"skip\">Skip</h3>\n<h3 id=\"next\">Next</h3>\n<h1 id=\"top\">Top</h1>\n");
  CHECK(md("## a\n\n### b\n\n#### c\n").html ==
        "<h2 id=\"a\">a</h2>\n<h3 id=\"b\">b</h3>\n<h4 id=\"c\">c</h4>\n");
}

TEST_CASE("markdown: each task list item's check box is named by its item") {
  auto r = md("## Task 1\n\n- [ ] call the union\n- [x] book the hall\n- plain\n");
  CHECK(r.html ==
        "<h2 id=\"task-1\">Task 1</h2>\n<ul>\n"
        "<li id=\"task-2\"><input aria-labelledby=\"task-2\" type=\"checkbox\" disabled=\"\" /> "
        "call the union</li>\n"
        "<li id=\"task-3\"><input aria-labelledby=\"task-3\" type=\"checkbox\" checked=\"\" "
        "disabled=\"\" /> book the hall</li>\n<li>plain</li>\n</ul>\n");
}

TEST_CASE("markdown's HTML takes no more memory than its bytes, headings' ids included") {
  // A build keeps every page's body: a string grown past its reserve holds up to twice.
  std::string text = "Intro\n\n";
  for (int i = 0; i < 40; ++i)
    text += "## 修繕紀錄與成果 \"" + std::to_string(i) + "\" & <b>\n\nText.\n\n";
  auto r = md(text);
  CHECK(r.html.find("<h2 id=\"修繕紀錄與成果-") != std::string::npos);
  CHECK(r.html.capacity() - r.html.size() < 32);
}

TEST_CASE("markdown: the summary is the paragraphs' text, a heading's words not run into it") {
  CHECK(md("## 背景\n\n去年志工修繕了房屋。\n\n### 成果\n\n長者滿意。\n").summary ==
        "去年志工修繕了房屋。\n長者滿意。");
  CHECK(md("## Only headings\n\n### Here\n").summary == "Only headings\nHere");
}

TEST_CASE("markdown: a comment is left out, other raw HTML shown as text and listed") {
  auto r =
      md("<!-- note: check the figure with Mr Chen -->\n\nOne<br>two <!-- aside --> "
         "<b>three</b>.\n");
  CHECK(r.html == "<p>One&lt;br&gt;two  &lt;b&gt;three&lt;/b&gt;.</p>\n");
  REQUIRE(r.shown_html.size() == 2);
  CHECK(r.shown_html[0].tag == "br");
  CHECK(r.shown_html[0].pos.line == 3);
  CHECK(r.shown_html[0].pos.col == 4);
  CHECK(r.shown_html[1].tag == "b");
}

TEST_CASE("markdown: an empty heading is left out and listed, the ids of the others kept") {
  auto r = md("## One\n\n## \n\nText.\n\n###\n\n## One\n");
  CHECK(r.html == "<h2 id=\"one\">One</h2>\n<p>Text.</p>\n<h2 id=\"one-2\">One</h2>\n");
  REQUIRE(r.empty_headings.size() == 2);
  // A heading of an image without alt text is no empty heading: it is kept (and its image
  // reported), not freed under the link list that still points at the image.
  auto image = md("## ![](/a.svg)\n");
  CHECK(image.empty_headings.empty());
  CHECK(image.html.find("<h2") != std::string::npos);
  CHECK(r.empty_headings[0].line == 3);
  CHECK(r.empty_headings[1].line == 7);
}

TEST_CASE("markdown: an embed's block without its closing fence is marked unclosed") {
  auto r = md("```table\ndataset: a\n````\n\n~~~chart\ndataset: a\n```\n\nText.\n");
  REQUIRE(r.embeds.size() == 2);
  CHECK_FALSE(r.embeds[0].unclosed);                                // a longer fence closes it
  CHECK(r.embeds[1].unclosed);                                      // ``` does not close ~~~
  CHECK_FALSE(md("```chart\ndataset: a\n```").embeds[0].unclosed);  // closed on the last line
}

TEST_CASE("markdown replaces chart and table fences with placeholders") {
  MarkdownOptions o;
  o.first_line = 5;
  auto r = render_markdown("Intro\n\n```chart\ndataset: a\n```\n", o);
  REQUIRE(r.embeds.size() == 1);
  CHECK(r.embeds[0].kind == "chart");
  CHECK(r.embeds[0].yaml == "dataset: a\n");
  CHECK(r.embeds[0].line == 7);
  CHECK(r.html.find(embed_placeholder(0)) != std::string::npos);
}

TEST_CASE("markdown resolves links with their line") {
  MarkdownOptions o;
  o.first_line = 10;
  int seen_line = 0;
  o.resolve_link = [&](const std::string& url, Pos pos, bool) {
    seen_line = pos.line;
    return "/en" + url;
  };
  auto r = render_markdown("text\n\n[x](/stories/)\n", o);
  CHECK(seen_line == 12);
  CHECK(r.html.find("href=\"/en/stories/\"") != std::string::npos);
}

TEST_CASE("markdown gives a link's column in characters, as the caret counts them") {
  // cmark-gfm counts bytes: the '[' after 請看 is its byte 7, but character 3.
  std::vector<Pos> seen;
  MarkdownOptions o;
  o.first_line = 5;
  o.resolve_link = [&](const std::string& url, Pos pos, bool) {
    seen.push_back(pos);
    return url;
  };
  o.on_missing_alt = [&](Pos pos) { seen.push_back(pos); };
  render_markdown(
      "請看[平台](/programs/nope/)。\n\n"
      "- 第一項\n  第二行有[連結](/a/)與 ![](/b.png)\n\n"
      "> Ngày [hội](/c/)\n\n"
      "English [link](/d/)\n",
      o);
  REQUIRE(seen.size() == 6);
  CHECK(seen[0].line == 5);
  CHECK(seen[0].col == 3);
  CHECK(seen[1].line == 8);  // a list item's second line: its indent counts
  CHECK(seen[1].col == 7);
  CHECK(seen[2].line == 8);  // the image without alt text, then its URL
  CHECK(seen[2].col == 18);
  CHECK(seen[3].col == 18);
  CHECK(seen[4].line == 10);
  CHECK(seen[4].col == 8);
  CHECK(seen[5].line == 12);
  CHECK(seen[5].col == 9);
  // A footnote's definition is moved to the end: its link comes after a later line's.
  seen.clear();
  o.first_line = 1;
  render_markdown("a[^1]\n\n[^1]: 註[x](/f/)\n\n請看[y](/g/)\n", o);
  REQUIRE(seen.size() == 2);
  CHECK(seen[0].line == 5);
  CHECK(seen[0].col == 3);
  CHECK(seen[1].line == 3);
  CHECK(seen[1].col == 8);
}

TEST_CASE("markdown: a link on a lazy line of a list item, quote or footnote is at its '['") {
  // The line goes on at the margin, without the container's prefix: cmark-gfm counts it
  // as if the prefix were there ("- ", "> ", "[^1]: "), two to six columns too far.
  std::vector<Pos> seen;
  MarkdownOptions o;
  o.resolve_link = [&](const std::string& url, Pos pos, bool) {
    seen.push_back(pos);
    return url;
  };
  render_markdown(
      "- item\nlanjut [y](/a/)\n\n"
      "> kutip\nlanjut ![foto](/b.png)\n\n"
      "Teks[^1].\n\n[^1]: Catatan.\nดูข้อมูล [ลิงก์](/c/)\n\n"
      "- item\n  indented [z](/d/)\n",
      o);
  REQUIRE(seen.size() == 4);
  CHECK(seen[0].line == 2);
  CHECK(seen[0].col == 8);
  CHECK(seen[1].line == 5);
  CHECK(seen[1].col == 8);
  CHECK(seen[2].line == 13);  // an indented line was right already, and stays so
  CHECK(seen[2].col == 12);
  CHECK(seen[3].line == 10);  // the footnote's, moved to the end
  CHECK(seen[3].col == 10);
}

TEST_CASE("links' columns: a line of 100,000 links and 50,000 footnotes in reverse are read once") {
  // Each link's column was counted from its line's start, and each footnote's line looked
  // for from the body's first: minutes for either page (cmark-gfm itself reads each in 0.03 s).
  std::vector<Pos> seen;
  MarkdownOptions o;
  o.resolve_link = [&](const std::string& url, Pos pos, bool) {
    seen.push_back(pos);
    return url;
  };
  std::string line;
  for (int i = 0; i < 100000; ++i) line += "中[a](/b/) ";
  render_markdown(line + "\n", o);
  REQUIRE(seen.size() == 100000);
  CHECK(seen[0].col == 2);
  CHECK(seen.back().line == 1);
  CHECK(seen.back().col == 10 * 99999 + 2);  // 中[a](/b/) and a space: 10 characters
  seen.clear();
  std::string notes;
  for (int i = 1; i <= 50000; ++i) notes += "[^" + std::to_string(i) + "] ";
  notes += "\n";
  for (int i = 50000; i >= 1; --i) notes += "\n[^" + std::to_string(i) + "]: 註[x](/f/)\n";
  render_markdown(notes, o);
  REQUIRE(seen.size() == 50000);
  CHECK(seen[0].line == 1 + 2 * 50000);  // footnote 1, defined last
  CHECK(seen[0].col == 8);
  CHECK(seen.back().line == 3);
  CHECK(seen.back().col == 12);
}

TEST_CASE("markdown survives 10,000 nested blockquotes and lists") {
  std::string deep(10000, '>');
  deep += " x\n";
  auto r = md(deep);
  CHECK(r.html.find("x") != std::string::npos);
  std::string lists;
  for (int i = 0; i < 2000; ++i) lists += std::string(static_cast<size_t>(i) * 2, ' ') + "- a\n";
  auto l = md(lists);
  CHECK(l.html.find("<ul>") != std::string::npos);
}

TEST_CASE("markdown: a document parsed once renders for each reader's links") {
  const size_t before = markdown_documents_parsed();
  MarkdownDocument doc("# Title\n\nSee [the plan](/plan/) and ![a chart](/c.png).\n", false);
  auto to = [](const std::string& prefix) {
    return [prefix](const std::string& url, Pos, bool) { return prefix + url; };
  };
  MarkdownResult en = doc.render(to("/en"), nullptr);
  MarkdownResult vi = doc.render(to("/vi"), nullptr);
  CHECK(markdown_documents_parsed() == before + 1);
  CHECK(en.html.find("href=\"/en/plan/\"") != std::string::npos);
  CHECK(vi.html.find("href=\"/vi/plan/\"") != std::string::npos);
  CHECK(vi.html.find("/en/") == std::string::npos);
  CHECK(vi.html.find("src=\"/vi/c.png\"") != std::string::npos);
  MarkdownOptions o;
  o.resolve_link = to("/vi");
  CHECK(render_markdown("# Title\n\nSee [the plan](/plan/) and ![a chart](/c.png).\n", o).html ==
        vi.html);
}

}  // namespace firefly
