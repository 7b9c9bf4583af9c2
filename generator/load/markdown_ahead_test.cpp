#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "load/markdown.h"

namespace firefly {

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string items_text(const std::vector<MarkdownItem>& items) {
  std::string out;
  for (const MarkdownItem& i : items) {
    out += std::to_string(static_cast<int>(i.kind)) + " " + std::to_string(i.line) + " " + i.value +
           "\n";
  }
  return out;
}

/// Two ways of resolving links: as written, and rewritten with characters an href escapes.
std::string rewrite(const std::string& url, Pos pos, bool is_image) {
  return (is_image ? "/img/" : "/to/") + url + "?a=1&b='" + std::to_string(pos.line) + " é<";
}

/// What `body` renders to: fresh, and through `doc`, with both resolvers; the missing alt
/// texts each reports.
void check_renders_alike(const std::string& body, bool unsafe, MarkdownDocument& doc) {
  for (bool rewritten : {false, true}) {
    std::vector<Pos> fresh_alts, doc_alts;
    std::vector<std::string> fresh_links, doc_links;
    auto resolver = [&](std::vector<std::string>& seen) -> LinkResolver {
      return [&seen, rewritten](const std::string& url, Pos pos, bool is_image) {
        seen.push_back(url + "@" + std::to_string(pos.line) + ":" + std::to_string(pos.col));
        return rewritten ? rewrite(url, pos, is_image) : url;
      };
    };
    MarkdownOptions o;
    o.unsafe_html = unsafe;
    o.first_line = 3;
    o.resolve_link = resolver(fresh_links);
    o.on_missing_alt = [&](Pos p) { fresh_alts.push_back(p); };
    MarkdownResult fresh = render_markdown(body, o);
    MarkdownResult ahead = doc.render(resolver(doc_links), [&](Pos p) { doc_alts.push_back(p); });
    CHECK(ahead.html == fresh.html);
    CHECK(ahead.html.capacity() == fresh.html.capacity());          // reserved exactly
    CHECK(ahead.text == (doc.rendered_ahead() ? "" : fresh.text));  // ahead, only its digest
    CHECK(ahead.summary == fresh.summary);
    CHECK(ahead.reading.words == fresh.reading.words);
    CHECK(ahead.reading.cjk_chars == fresh.reading.cjk_chars);
    CHECK(ahead.embeds.size() == fresh.embeds.size());
    CHECK(doc_links == fresh_links);
    CHECK(doc_alts.size() == fresh_alts.size());
  }
}

/// Scans `body` both ways and renders it both ways; returns whether it shared the parse.
bool check_alike(const std::string& body) {
  bool unsafe = body.size() % 2 == 0;
  MarkdownScan scan = scan_markdown_for_render(body, unsafe, 3);
  INFO(body);
  CHECK(items_text(scan.items) == items_text(scan_markdown(body, 3)));
  CHECK((scan.document != nullptr) == scan_shares_render_parse(body));
  if (!scan.document) return false;
  check_renders_alike(body, unsafe, *scan.document);
  return scan.document->rendered_ahead();
}

}  // namespace

TEST_CASE("an href is escaped as cmark-gfm escapes it, every byte") {
  for (int b = 1; b < 256; ++b) {
    std::string url = "a";
    url += static_cast<char>(b);
    url += "b";
    MarkdownOptions o;
    o.resolve_link = [&](const std::string&, Pos, bool) { return url; };
    std::string expected = render_markdown("[x](y)\n", o).html;
    std::string escaped;
    append_href_escaped(escaped, url);
    CHECK(expected == "<p><a href=\"" + escaped + "\">x</a></p>\n");
  }
}

TEST_CASE("the scan and the render share a parse only without ~ and task-list boxes") {
  CHECK(scan_shares_render_parse("Some [link](/a/) and ![img](/b.png)\n\n- item [1]\n"));
  CHECK_FALSE(scan_shares_render_parse("104~107年\n"));
  CHECK_FALSE(scan_shares_render_parse("- [ ] to do\n"));
  CHECK_FALSE(scan_shares_render_parse("- [x] done\n"));
  CHECK_FALSE(scan_shares_render_parse("- [\tX ] done\n"));
  CHECK_FALSE(scan_shares_render_parse("[]"));
  // The scan would see "104~107年" as one run; the render's parse splits it at "~".
  MarkdownScan scan = scan_markdown_for_render("104~107年\n", false);
  CHECK(scan.document == nullptr);
  REQUIRE(scan.items.size() == 1);
  CHECK(scan.items[0].value == "104~107年");
}

TEST_CASE("a document whose text holds the URL marker is rendered from its tree") {
  std::string body = "Text firefly-url-0_ here, and [a link](/a/).\n";
  MarkdownScan scan = scan_markdown_for_render(body, false, 3);
  REQUIRE(scan.document != nullptr);
  CHECK_FALSE(scan.document->rendered_ahead());
  check_renders_alike(body, false, *scan.document);
  MarkdownDocument plain("[a](/a/) and [b](/b/)\n", false);
  CHECK(plain.render_ahead());
  CHECK(plain.rendered_ahead());
}

TEST_CASE("every content file of the project scans and renders alike through one parse") {
  size_t files = 0, shared = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(FIREFLY_SOURCE_DIR)) {
    std::string path = entry.path().generic_string();
    if (!entry.is_regular_file() || entry.path().extension() != ".md" ||
        path.find("/build") != std::string::npos || path.find("/.git/") != std::string::npos ||
        path.find("node_modules") != std::string::npos) {
      continue;
    }
    ++files;
    if (check_alike(read_file(entry.path()))) ++shared;
  }
  MESSAGE(files << " files, " << shared << " parsed once");
  CHECK(files > 100);
  CHECK(shared > files / 2);
}

TEST_CASE("random Markdown scans and renders alike through one parse") {
  const std::vector<std::string> pieces = {"# Title ",
                                           "## 3,256 people\n",
                                           "\n",
                                           "\n\n",
                                           "- ",
                                           "1. ",
                                           "[a link](/stories/x/)",
                                           "[rel](../y/#top)",
                                           "![alt](/img/a.png)",
                                           "![](/b.png)",
                                           "<https://example.org/a?b=c&d>",
                                           "www.example.com",
                                           "a@b.org",
                                           "`code 12`",
                                           "*em*",
                                           "**strong**",
                                           "_u_",
                                           "~",
                                           "~~gone~~",
                                           "104~107年",
                                           "[ ] ",
                                           "[x] ",
                                           "[",
                                           "]",
                                           "<span lang=\"en\">",
                                           "</span>",
                                           "<b>bold</b>",
                                           "<div>\nblock\n</div>\n",
                                           "&amp; ",
                                           "&#x66;irefly-url-0_",
                                           "firefly-url-1_",
                                           "\\*",
                                           "|a|b|\n|-|-|\n|1|2|\n",
                                           "```chart\ndataset: x\n```\n",
                                           "```\ncode block\n```\n",
                                           "    indented\n",
                                           "> quote ",
                                           "[^1]",
                                           "\n\n[^1]: a note\n",
                                           "[ref][r]",
                                           "\n\n[r]: /ref/ \"T\"\n",
                                           "javascript:x",
                                           "[bad](javascript:alert(1))",
                                           "![x](data:image/png;base64,AA)",
                                           "108年 ",
                                           "8成 ",
                                           "word ",
                                           "字 ",
                                           " ",
                                           "3.5% ",
                                           "'quote' ",
                                           "\"dq\" ",
                                           "<",
                                           ">"};
  std::mt19937 rng(20);
  size_t shared = 0;
  for (int doc = 0; doc < 600; ++doc) {
    std::string body;
    int n = std::uniform_int_distribution<int>(1, 40)(rng);
    for (int i = 0; i < n; ++i) {
      const std::string& piece =
          pieces[std::uniform_int_distribution<size_t>(0, pieces.size() - 1)(rng)];
      // Half the documents without what keeps the parses apart.
      bool apart = piece.find('~') != std::string::npos || piece.find('[') == 0;
      if (doc % 2 == 0 && apart && piece.find('(') == std::string::npos) continue;
      body += piece;
    }
    if (check_alike(body)) ++shared;
  }
  MESSAGE(shared << " of 600 parsed once");
  CHECK(shared > 100);
}

}  // namespace firefly
