#include "render/search_tokens.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/locale.h"
#include "core/text.h"
#include "render/search_excerpts.h"

namespace firefly {

namespace {

struct Token {
  std::string text;
  uint32_t pos;
  bool positional;
  bool operator==(const Token& o) const {
    return text == o.text && pos == o.pos && positional == o.positional;
  }
};

std::vector<Token> tokens(std::string_view text) {
  std::vector<Token> out;
  uint32_t pos = 0;
  search_tokens(text, &pos, [&](std::string_view t, uint32_t p, bool positional) {
    out.push_back({std::string(t), p, positional});
  });
  return out;
}

/// The tokens of `text` by one of the two paths, with the position after them.
template <bool kSimple>
std::pair<std::vector<Token>, uint32_t> path_tokens(std::string_view text) {
  std::vector<Token> out;
  uint32_t pos = 7;
  auto sink = [&](std::string_view t, uint32_t p, bool positional) {
    out.push_back({std::string(t), p, positional});
  };
  if constexpr (kSimple) {
    detail::simple_search_tokens(text, &pos, sink);
  } else {
    detail::piece_search_tokens(text, &pos, sink);
  }
  return {out, pos};
}

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  for (const SearchPiece& p : search_pieces(text)) out.push_back(p.text);
  return out;
}

}  // namespace

TEST_CASE("folding: case, width, Vietnamese tones and đ") {
  CHECK(fold_for_search("Lao Động") == "lao dong");
  CHECK(fold_for_search("TÌNH NGUYỆN") == "tinh nguyen");
  CHECK(fold_for_search("Đà Nẵng") == "da nang");
  CHECK(fold_for_search("ＡＢＣ１２３") == "abc123");  // full-width Latin and digits
  CHECK(fold_for_search("Café") == "cafe");
  CHECK(fold_for_search("ガイド") == "ガイド");  // kana voicing stays
  CHECK(fold_for_search("ｶﾞｲﾄﾞ") == "ガイド");   // half-width kana become full-width
  CHECK(fold_for_search("志工") == "志工");
  CHECK(fold_for_search("㎒") == "mhz");
}

TEST_CASE("CJK text: each character and each pair, without positions") {
  std::vector<Token> t = tokens("志工服務");
  std::vector<Token> want = {{"志", 0, false},   {"志工", 0, false}, {"工", 1, false},
                             {"工服", 1, false}, {"服", 2, false},   {"服務", 2, false},
                             {"務", 3, false}};
  CHECK(t == want);
  // Punctuation ends a run: no pair across "，".
  std::vector<Token> split = tokens("勞工，志工");
  for (const Token& k : split) CHECK(k.text != "工志");
  CHECK(split.size() == 6);
  CHECK(tokens("勞工，志工").back().pos == 3);
  // The same through the general path (a Latin letter with a diacritic takes it).
  std::vector<Token> mixed = tokens("é志工服");
  std::vector<std::string> texts;
  for (const Token& k : mixed) texts.push_back(k.text);
  CHECK(texts == std::vector<std::string>{"e", "志", "志工", "工", "工服", "服"});
  CHECK(mixed[4].pos == 2);
  CHECK_FALSE(mixed[4].positional);
}

TEST_CASE("Thai is split at dictionary word breaks") {
  std::vector<std::string> w = words("แรงงานต่างชาติ");
  REQUIRE(w.size() >= 2);
  std::string joined;
  for (const std::string& s : w) joined += s;
  CHECK(joined == "แรงงานต่างชาติ");
  CHECK(w.front() == "แรงงาน");
}

TEST_CASE("a Thai word is also found from its later syllables") {
  std::vector<Token> t = tokens("สหภาพแรงงาน");
  bool found = false;
  for (const Token& k : t) found = found || (k.text == "แรงงาน" && k.pos == t.back().pos);
  CHECK(found);
}

TEST_CASE("what a reader does not see is not searched: invisible joiners, marks on no letter") {
  // A soft hyphen, a zero-width joiner, non-joiner or word joiner, U+FEFF inside a word.
  CHECK(fold_for_search("Inter\u00ADpreters") == "interpreters");
  CHECK(words("inter\u00ADpreters appoint\u2060ments ketenaga\u200Ckerjaan a\uFEFFb") ==
        std::vector<std::string>{"interpreters", "appointments", "ketenagakerjaan", "ab"});
  // Inside a CJK run: the pair across it is made (by the general path, not the simple one).
  CHECK_FALSE(search_text_is_simple("翻\u200D譯"));
  std::vector<Token> cjk = tokens("翻\u200D譯");
  CHECK(std::find(cjk.begin(), cjk.end(), Token{"翻譯", 0, false}) != cjk.end());
  // Inside a Thai word: the word ICU finds without it.
  CHECK(words("ติดต่อ\u00ADเจ้าหน้าที่") == words("ติดต่อเจ้าหน้าที่"));
  CHECK(words("แรง\u200Dงาน") == words("แรงงาน"));
  // A zero-width space still separates words.
  CHECK(words("a\u200Bb") == std::vector<std::string>{"a", "b"});
  // The variation selector of an emoji (❤️ is U+2764 U+FE0F) or a keycap's mark is no word.
  CHECK(words("志工❤️") == std::vector<std::string>{"志", "工"});
  CHECK(words("volunteers ❤️ ✔️e-mail") ==
        std::vector<std::string>{"volunteers", "e", "mail"});
  CHECK(words("\u20E3 x").size() == 1);
  // A mark on a letter stays in its word (a Devanagari vowel sign, Thai).
  CHECK(words("कि x") == std::vector<std::string>{"कि", "x"});
  CHECK(words("ไม้").size() == 1);
}

TEST_CASE("Vietnamese and Indonesian words are folded") {
  CHECK(words("Người lao động, tình nguyện viên!") ==
        std::vector<std::string>{"nguoi", "lao", "dong", "tinh", "nguyen", "vien"});
  CHECK(words("Perawat lansia") == std::vector<std::string>{"perawat", "lansia"});
}

TEST_CASE("mixed scripts: words, CJK runs and Thai keep their order and positions") {
  std::vector<Token> t = tokens("2023年 Volunteer志工 แรงงาน");
  std::vector<std::string> texts;
  for (const Token& k : t) texts.push_back(k.text);
  REQUIRE(texts.size() >= 7);
  texts.resize(7);  // then the Thai word's later syllables
  CHECK(texts == std::vector<std::string>{"2023", "年", "volunteer", "志", "志工", "工", "แรงงาน"});
  CHECK(t[2].pos == 2);  // 2023=0, 年=1, volunteer=2
  CHECK(t[6].pos == 5);
  CHECK(t.back().pos == 5);
}

TEST_CASE("over-long words are left out but keep their place") {
  std::string long_word(kMaxTokenBytes + 1, 'x');
  std::vector<Token> t = tokens("a " + long_word + " b");
  REQUIRE(t.size() == 2);
  CHECK(t[1] == Token{"b", 2, true});
}

TEST_CASE("HTML text blocks: headings marked, entities decoded, scripts dropped") {
  std::vector<TextBlock> b = html_text_blocks(
      "<h2 id=\"x\">A &amp; B</h2>\n<p>One<br>two &#x4E00;</p><script>var x;</script>"
      "<svg><text>chart</text></svg><ul><li>item</li></ul>");
  REQUIRE(b.size() == 4);
  CHECK(b[0].text == "A & B");
  CHECK(b[0].heading);
  CHECK(b[1].text == "One");
  CHECK_FALSE(b[1].heading);
  CHECK(b[2].text == "two 一");
  CHECK(b[3].text == "item");
}

TEST_CASE("HTML text blocks: a line break between two CJK characters is no space") {
  CHECK(html_text_blocks("<p>本局辦理職業訓練\n說明會</p>")[0].text == "本局辦理職業訓練說明會");
  CHECK(html_text_blocks("<p>志工 \r\n  服務，\n「報名」</p>")[0].text == "志工服務，「報名」");
  CHECK(html_text_blocks("<p>志<strong>工</strong>\n服務</p>")[0].text == "志工服務");
  // Not beside a Latin word or a figure, nor in Korean (its words have spaces between them),
  // nor a tab or a space alone.
  CHECK(html_text_blocks("<p>LINE\n群組 志工\nApp 2023\n年</p>")[0].text ==
        "LINE 群組 志工 App 2023 年");
  CHECK(html_text_blocks("<p>한국\n사람</p>")[0].text == "한국 사람");
  CHECK(html_text_blocks("<p>志工\t服務 志工 服務</p>")[0].text == "志工 服務 志工 服務");
  // So the run is found across the break, by its pairs.
  std::vector<TextBlock> b = html_text_blocks("<p>職業訓練\n說明會</p>");
  bool pair = false;
  for (const Token& t : tokens(b[0].text)) pair = pair || t.text == "練說";
  CHECK(pair);
}

TEST_CASE("HTML text blocks: line breaks, tabs and returns become spaces, wherever they are") {
  // Long texts (read eight bytes at a time) with a break at every offset, beside other
  // bytes below 0x0E that stay, and CJK (where a line break between two of its characters,
  // with the spaces beside it, is taken out).
  const std::string base = "volunteers 修繕屋頂 repair\x0b the roof of the hall today";
  auto cjk_before = [](const std::string& s, size_t i) {
    while (i > 0 && s[i - 1] == ' ') --i;
    return i >= 3 && static_cast<unsigned char>(s[i - 3]) >= 0xE0;
  };
  auto cjk_after = [](const std::string& s, size_t i) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n')) ++i;
    return i < s.size() && static_cast<unsigned char>(s[i]) >= 0xE0;
  };
  for (size_t at = 0; at < base.size(); ++at) {
    for (char brk : {'\n', '\t', '\r'}) {
      std::string text = base;
      text.insert(at, 1, brk);
      text.insert(std::min(text.size(), at + 9), 1, '\n');
      std::string expected = text;
      for (char& c : expected) {
        if (c == '\t' || c == '\r') c = ' ';
      }
      for (size_t i = expected.find('\n'); i != std::string::npos; i = expected.find('\n', i)) {
        if (cjk_before(expected, i) && cjk_after(expected, i + 1)) {
          size_t from = i, to = i + 1;
          while (from > 0 && expected[from - 1] == ' ') --from;
          while (to < expected.size() && (expected[to] == ' ' || expected[to] == '\n')) ++to;
          expected.erase(from, to - from);
          i = from;
        } else {
          expected[i] = ' ';
        }
      }
      std::vector<TextBlock> b = html_text_blocks("<p>" + text + "x</p>");
      REQUIRE(b.size() == 1);
      CHECK(b[0].text == std::string(trim(expected + "x")));
    }
  }
}

TEST_CASE("HTML text blocks: which elements start a block, in any case") {
  const char* blocks[] = {"p",  "li", "td",  "th", "dt",      "dd",         "br",        "tr",
                          "ul", "ol", "hr",  "h1", "h6",      "pre",        "div",       "table",
                          "P",  "Li", "DIV", "H3", "caption", "blockquote", "figcaption"};
  for (const char* name : blocks) {
    CAPTURE(name);
    std::string n = name;
    CHECK(html_text_blocks("a<" + n + ">b</" + n + ">c").size() == 3);
  }
  const char* inline_ones[] = {"a",   "b",  "i",    "em",    "h7",       "h0",          "hx",
                               "td2", "pq", "span", "tbody", "captions", "blockquotes", "x"};
  for (const char* name : inline_ones) {
    CAPTURE(name);
    std::string n = name;
    CHECK(html_text_blocks("a<" + n + ">b</" + n + ">c").size() == 1);
  }
}

TEST_CASE("HTML text blocks: a role=img drawing is left out, what follows it is kept") {
  std::vector<TextBlock> b = html_text_blocks(
      "<p class=\"chart-desc\">Rose from 1 to 3.</p><div class=\"chart-view\" role=\"img\">"
      "<div class=\"chart-row\"><div>2021</div><div>1</div></div><br/></div>"
      "<table><tr><td>2021</td></tr></table>");
  REQUIRE(b.size() == 2);
  CHECK(b[0].text == "Rose from 1 to 3.");
  CHECK(b[1].text == "2021");
}

TEST_CASE("HTML text blocks: an image's alt text is a block of its own") {
  std::vector<TextBlock> b = html_text_blocks(
      "<p>Before<img src=\"a.jpg\" data-alt=\"no\" alt=\"Volunteers &amp; a ramp\"> after</p>"
      "<picture><source srcset=\"b.webp\"><img src=\"b.jpg\" alt=\"志工修繕\"></picture>"
      "<img src=\"c.png\" alt=\"\"><img src=\"d.png\">");
  REQUIRE(b.size() == 4);
  CHECK(b[0].text == "Before");
  CHECK(b[1].text == "Volunteers & a ramp");
  CHECK(b[2].text == "after");
  CHECK(b[3].text == "志工修繕");
}

TEST_CASE("HTML text blocks: four million '&' without a ';' are read once, as text or alt text") {
  // Raw HTML (markdown.unsafe_html) keeps a page's '&' as written; each looked for its ';'
  // up to the end of the page, and a page of them took minutes.
  const std::string amps(1 << 22, '&');
  std::vector<TextBlock> b = html_text_blocks("<div>" + amps + "</div>");
  REQUIRE(b.size() == 1);
  CHECK(b[0].text == amps);
  b = html_text_blocks("<img alt=\"" + amps + "\">");
  REQUIRE(b.size() == 1);
  CHECK(b[0].text == amps);
  // An entity's ';' is at most ten bytes after its '&', as before.
  b = html_text_blocks("<p>&#x0004E00; &#x00004E00; &amp</p>");
  REQUIRE(b.size() == 1);
  CHECK(b[0].text == "一 &#x00004E00; &amp");
}

TEST_CASE("HTML text blocks: an element marked data-search-ignore is left out") {
  std::vector<TextBlock> b = html_text_blocks(
      "<p class=\"chart-downloads\" data-search-ignore>Download: <a href=\"x\">data (CSV, "
      "31 bytes)</a></p><p>kept</p>");
  REQUIRE(b.size() == 1);
  CHECK(b[0].text == "kept");
}

TEST_CASE("HTML text blocks: appended after the blocks already there") {
  std::vector<TextBlock> b = {{"summary", false}};
  html_text_blocks("<h2>Title</h2><p>text</p>", b);
  REQUIRE(b.size() == 3);
  CHECK(b[0].text == "summary");
  CHECK(b[1].text == "Title");
  CHECK(b[1].heading);
  CHECK(b[2].text == "text");
  CHECK_FALSE(b[2].heading);
}

TEST_CASE("page text: the title, then each block after a line break, as excerpt_text joins them") {
  PageText page;
  page.start("Two\nlines\r");
  page.add("  summary \t");
  page.add(" \n ");  // only spaces: no block, no line break
  html_text_blocks(
      "<h2>Heading</h2><p>&#32;&nbsp;spaces&#9;decoded&#32;</p><p> &#32; </p>"
      "<img alt=\" a ramp \"><p>after</p>",
      page);
  page.add("fields", true);
  const std::string expected =
      "Two lines \nsummary\nHeading\nspaces\tdecoded\na ramp\nafter\nfields";
  CHECK(page.text() == expected);
  std::vector<TextBlock> blocks = page.text_blocks();
  REQUIRE(blocks.size() == 6);
  CHECK(blocks[1].text == "Heading");
  CHECK(blocks[1].heading);
  CHECK(blocks[2].text == "spaces\tdecoded");
  CHECK_FALSE(blocks[2].heading);
  CHECK(blocks[5].heading);
  CHECK(excerpt_text("Two\nlines\r", blocks) == expected);
  // Started again: the last page's text and blocks are gone, whatever room is kept.
  page.start("t");
  html_text_blocks("<p>  </p>", page);
  CHECK(page.text() == "t");
  CHECK(page.blocks().empty());
  html_text_blocks("", page);
  CHECK(page.text() == "t");
}

TEST_CASE("HTML text blocks: a tag or an entity at any offset of a long text") {
  // Texts are read sixteen bytes at a time: a tag, an entity or a lone '&' wherever it
  // falls in them ends the run of text there, and the text after it goes on.
  const std::string base = "volunteers repaired the roof 修繕屋頂 of the community hall";
  struct Piece {
    std::string html, text;
  };
  const Piece pieces[] = {
      {"<b>", ""},          {"</a>", ""},
      {"&amp;", "&"},       {"&#x1F600;", "😀"},
      {"&#xD800;", ""},     {"&bogus;", "&bogus;"},
      {"&", "&"},           {"&#10;", "\n"},
      {"&lt;p&gt;", "<p>"}, {"<a href=\"https://example.org/a/long/path/to/a/page\">", ""}};
  for (size_t at = 0; at <= base.size(); ++at) {
    for (const Piece& piece : pieces) {
      CAPTURE(at);
      CAPTURE(piece.html);
      std::string html = "<p>x" + base.substr(0, at) + piece.html + base.substr(at) + "</p>";
      std::vector<TextBlock> b = html_text_blocks(html);
      REQUIRE(b.size() == 1);
      CHECK(b[0].text ==
            std::string(trim("x" + base.substr(0, at) + piece.text + base.substr(at))));
    }
  }
}

TEST_CASE("HTML text blocks: spaces between tags make no block, nor start one") {
  std::vector<TextBlock> b = html_text_blocks(
      "<table>\n<tr>\n<td align=\"right\">\n \t 2019</td>\n<td>\r\n</td>\n</tr>\n</table>\n"
      "<p>  two  words \n</p>  \n  ");
  REQUIRE(b.size() == 2);
  CHECK(b[0].text == "2019");
  CHECK(b[1].text == "two  words");
}

TEST_CASE("HTML text blocks: a tag left open ends the text; names of any length and case") {
  std::vector<TextBlock> b = html_text_blocks("<p>kept</p><p>also kept <a href=\"x\" not read");
  REQUIRE(b.size() == 2);
  CHECK(b[1].text == "also kept");
  b = html_text_blocks(
      "<H2 ID=\"x\">Heading</H2><averyveryverylongname1 role=\"img\"><averyveryverylongname1>"
      "drawn</averyveryverylongname1>drawn</averyveryverylongname1><p>read</p>"
      "<averyveryverylongname12>inline</averyveryverylongname12> text");
  REQUIRE(b.size() == 3);
  CHECK(b[0].text == "Heading");
  CHECK(b[0].heading);
  CHECK(b[1].text == "read");
  CHECK(b[2].text == "inline text");
  CHECK_FALSE(b[2].heading);
}

TEST_CASE("simple text: the path without ICU gives the tokens folding gives") {
  std::vector<std::string> texts = {"勞工局的志工服務",
                                    "Collective Agreement 2019 與 團體協約",
                                    "A-B_c d,e",
                                    "",
                                    "志工。團隊（臺中）ABC123def",
                                    "x" + std::string(70, 'y') + " short 長字",
                                    "　全形空白　和「引號」",
                                    "UPPER lower MiXeD 99"};
  // Random mixes of ASCII, ideographs and separators.
  const std::string_view parts[] = {"a",  "Z",  "9",  " ",  "-",  "勞", "工",
                                    "局", "。", "，", "「", "\n", "Ab", "x"};
  uint32_t seed = 12345;
  for (int n = 0; n < 300; ++n) {
    std::string t;
    for (int k = 0; k < 12; ++k) {
      seed = seed * 1103515245 + 12345;
      t += parts[(seed >> 16) % std::size(parts)];
    }
    texts.push_back(t);
  }
  for (const std::string& t : texts) {
    CAPTURE(t);
    REQUIRE(search_text_is_simple(t));
    CHECK(path_tokens<true>(t) == path_tokens<false>(t));
  }
  CHECK_FALSE(search_text_is_simple("Lao động"));
  CHECK_FALSE(search_text_is_simple("ＡＢＣ"));
  CHECK_FALSE(search_text_is_simple("แรงงาน"));
  // Long ASCII runs (read eight bytes at a time) before and after the other characters.
  CHECK(search_text_is_simple("collective agreements 勞資會議，volunteers repair the roof"));
  CHECK_FALSE(search_text_is_simple("collective agreements: Lao động"));
  CHECK_FALSE(search_text_is_simple("collective agreements 勞資 ＡＢＣ and more words"));
  CHECK_FALSE(search_text_is_simple("twelve bytes\xE4\xB8"));  // cut short: not simple
  // Every character U+5000-9FFF (lead bytes E5-E9) is an ideograph; around them, by code point.
  for (unsigned lead = 0xE5; lead <= 0xE9; ++lead) {
    for (unsigned second = 0x80; second <= 0xBF; ++second) {
      std::string t = "x";
      t += {static_cast<char>(lead), static_cast<char>(second), '\xBF'};
      CAPTURE(t);
      CHECK(search_text_is_simple(t + "y"));
    }
  }
  CHECK(search_text_is_simple("\xE4\xB8\x80"));        // U+4E00, the first ideograph
  CHECK(search_text_is_simple("\xE3\x90\x80"));        // U+3400
  CHECK_FALSE(search_text_is_simple("\xE4\xB7\x80"));  // U+4DC0, a hexagram
  CHECK_FALSE(search_text_is_simple("\xEA\x80\x80"));  // U+A000, Yi
  CHECK_FALSE(search_text_is_simple("a\xE9\xBF"));     // cut short
  // A character after and before ASCII of every length up to two words of eight bytes:
  // found wherever the eight-byte steps end.
  for (size_t before = 0; before < 20; ++before) {
    for (size_t after = 0; after < 10; ++after) {
      std::string a(before, 'a'), b(after, 'b');
      CAPTURE(before);
      CAPTURE(after);
      CHECK(search_text_is_simple(a + "勞" + b));
      CHECK(search_text_is_simple(a + "，" + b));
      CHECK_FALSE(search_text_is_simple(a + "é" + b));
      CHECK_FALSE(search_text_is_simple(a + "Ａ" + b));
      CHECK_FALSE(search_text_is_simple(a + "\xF0\x9F\x98\x80" + b));  // four bytes
      if (after == 0) CHECK_FALSE(search_text_is_simple(a + "\xE5\x8B"));
    }
  }
}

}  // namespace firefly
