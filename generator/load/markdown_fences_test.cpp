#include "load/markdown_fences.h"

#include <doctest/doctest.h>

#include "load/markdown.h"

namespace firefly {

TEST_CASE("fences: a word close to an embed's is taken for it, real code never") {
  CHECK(embed_kind_meant("tabel") == "table");  // two letters swapped
  CHECK(embed_kind_meant("chrat") == "chart");
  CHECK(embed_kind_meant("Chart") == "chart");  // letter case
  CHECK(embed_kind_meant("TABLE") == "table");
  CHECK(embed_kind_meant("Tabel") == "table");   // both
  CHECK(embed_kind_meant("charts") == "chart");  // a letter added
  CHECK(embed_kind_meant("tabe") == "table");    // one missing
  CHECK(embed_kind_meant("chart:") == "chart");
  CHECK(embed_kind_meant("scorcard") == "scorecard");
  CHECK(embed_kind_meant("indcator") == "indicator");
  CHECK(embed_kind_meant("indiactors") == "indicator");  // two slips in a long word
  CHECK(embed_kind_meant("chart title") == "chart");     // more after the word
  CHECK(embed_kind_meant("  tabel  ") == "table");
  // An embed's own word, and code.
  for (const char* info :
       {"chart", "table", "scorecard", "indicator", "",       "python", "yaml",    "json",
        "dart",  "sh",    "c",         "toml",      "tcl",    "latex",  "text",    "markdown",
        "csv",   "diff",  "haml",      "cabal",     "chapel", "bat",    "tablegen"}) {
    CAPTURE(info);
    CHECK(embed_kind_meant(info) == "");
  }
}

TEST_CASE("fences: the warning names the fence as written and suggests the word") {
  auto typo = misspelt_fence("tabel", "```", Pos{12, 1});
  REQUIRE(typo);
  CHECK(typo->pos.line == 12);
  CHECK(misspelt_fence_message(*typo) ==
        "'```tabel' is not a block Firefly knows: it is published as code, as written");
  CHECK(misspelt_fence_hint(*typo) == "did you mean 'table'?");
  auto upper = misspelt_fence(" Chart ", "~~~", Pos{1, 1});
  REQUIRE(upper);
  CHECK(misspelt_fence_message(*upper).find("'~~~Chart'") == 0);
  CHECK(misspelt_fence_hint(*upper) == "did you mean 'chart'?");
  auto more = misspelt_fence("chart title", "````", Pos{1, 1});
  REQUIRE(more);
  CHECK(more->fence == "````chart title");
  CHECK(misspelt_fence_hint(*more) == "write '```chart' alone on the line, with nothing after it");
  CHECK_FALSE(misspelt_fence("python", "```", Pos{1, 1}));
  CHECK_FALSE(misspelt_fence("table", "```", Pos{1, 1}));
}

TEST_CASE("markdown: a misspelt embed fence is published as code and found at its fence") {
  MarkdownOptions o;
  o.first_line = 5;  // the body starts on line 5 of its file
  std::string body =
      "Intro\n\n```tabel\ndataset: awards\n```\n\n- item\n\n  ```Chart\n  dataset: a\n  ```\n\n"
      "> 甲 ~~~chrat\n\n```python\nprint(1)\n```\n\n```table\ndataset: awards\n```\n";
  MarkdownResult r = render_markdown(body, o);
  CHECK(r.html.find("<pre lang=\"tabel\"><code>dataset: awards") != std::string::npos);
  CHECK(r.embeds.size() == 1);
  REQUIRE(r.misspelt_fences.size() == 2);
  CHECK(r.misspelt_fences[0].fence == "```tabel");
  CHECK(r.misspelt_fences[0].meant == "table");
  CHECK(r.misspelt_fences[0].pos.line == 7);
  CHECK(r.misspelt_fences[0].pos.col == 1);
  CHECK(r.misspelt_fences[1].fence == "```Chart");  // in a list item, from its backticks
  CHECK(r.misspelt_fences[1].pos.line == 13);
  CHECK(r.misspelt_fences[1].pos.col == 3);
  // Kept when the document is rendered ahead, and on every render.
  MarkdownDocument doc(body, false, 5);
  REQUIRE(doc.render_ahead());
  CHECK(doc.render(nullptr, nullptr).misspelt_fences.size() == 2);
  CHECK(doc.render(nullptr, nullptr).misspelt_fences.size() == 2);
}

}  // namespace firefly
