#include "core/error.h"

#include <doctest/doctest.h>

#include "core/text.h"

namespace firefly {

TEST_CASE("format_diagnostic shows the line and a caret under the column") {
  Diagnostic d{
      Severity::kError, "content/a.md", {2, 8}, "unknown field 'titel'", "did you mean 'title'?"};
  std::string out = format_diagnostic(d, "---\ntitel: 你好\n---\n");
  CHECK(out ==
        "content/a.md:2:8: error: unknown field 'titel'\n"
        "    titel: 你好\n"
        "           ^\n"
        "    = help: did you mean 'title'?\n");
}

TEST_CASE("format_diagnostic counts wide characters twice for the caret") {
  Diagnostic d{Severity::kWarning, "a.md", {1, 3}, "here", ""};
  CHECK(format_diagnostic(d, "中文x") == "a.md:1:3: warning: here\n    中文x\n        ^\n");
}

TEST_CASE("format_diagnostic puts the caret under the character of a Markdown link's column") {
  // Column 3 is the '[' after two Han characters, which take two columns each.
  Diagnostic d{Severity::kError, "a.zh-TW.md", {2, 3}, "the link /p/ points to nothing", ""};
  CHECK(format_diagnostic(d, "---\n請看[平台](/p/)。\n") ==
        "a.zh-TW.md:2:3: error: the link /p/ points to nothing\n"
        "    請看[平台](/p/)。\n"
        "        ^\n");
  // Full-width punctuation is wide too; a Thai vowel mark and a zero-width space take none.
  d.pos = {1, 5};
  CHECK(format_diagnostic(d, "（註）：[x](/p/)").find("\n            ^\n") != std::string::npos);
  d.pos = {1, 4};
  CHECK(format_diagnostic(d, "ที่[x](/p/)").find("\n     ^\n") != std::string::npos);
  d.pos = {1, 3};
  CHECK(format_diagnostic(d, "a\u200B[x](/p/)").find("\n     ^\n") != std::string::npos);
}

TEST_CASE("format_diagnostic copies tabs into the caret line, so both reach the same tab stop") {
  Diagnostic d{Severity::kError, "a.md", {1, 5}, "bad", ""};
  CHECK(format_diagnostic(d, "a\t中\tb") == "a.md:1:5: error: bad\n    a\t中\tb\n     \t  \t^\n");
}

TEST_CASE("format_diagnostic shows bidirectional controls instead of obeying them") {
  Diagnostic d{Severity::kError, "a.md", {1, 5}, "the alias '/a\u202Eb/' is not allowed", ""};
  CHECK(format_diagnostic(d, "x: \u2066/a\u202Eb/") ==
        "a.md:1:5: error: the alias '/a<U+202E>b/' is not allowed\n"
        "    x: <U+2066>/a<U+202E>b/\n"
        "               ^\n");
}

TEST_CASE("format_diagnostic shows control characters of names and lines as code points") {
  // A file named with a line break and a workflow command, and a line with an escape
  // sequence: printed raw, CI would read a command and the terminal turn red.
  Diagnostic d{Severity::kError,
               "content/a\n::error file=x::b.md",
               {1, 4},
               "the file name 'a\n::error file=x::b' is \x1b[31mbad",
               "rename \x7f it"};
  CHECK(format_diagnostic(d, "ab\x1b[31mc") ==
        "content/a<U+000A>::error file=x::b.md:1:4: error: the file name "
        "'a<U+000A>::error file=x::b' is <U+001B>[31mbad\n"
        "    ab<U+001B>[31mc\n"
        "              ^\n"
        "    = help: rename <U+007F> it\n");
}

TEST_CASE("visible_text shows characters that show as nothing or a space as code points") {
  CHECK(visible_text("\xEF\xBB\xBF"
                     "1") == "<U+FEFF>1");
  CHECK(visible_text("1\xC2\xA0"
                     "234\xE2\x80\xAF"
                     "5") == "1<U+00A0>234<U+202F>5");
  CHECK(visible_text("b\xE2\x81\xA0"
                     "c") == "b<U+2060>c");
  // C1 controls: U+009B is an 8-bit terminal's CSI, which restyled the terminal as ESC [.
  CHECK(visible_text("a\xC2\x9B"
                     "31m\xC2\x93q\xC2\x80") == "a<U+009B>31m<U+0093>q<U+0080>");
  // Other characters of those blocks are kept: en dash, zero-width joiner, ©, and the
  // zero-width space (Thai text writes it between words).
  CHECK(visible_text("\xE0\xB8\x81\xE2\x80\x8B\xE0\xB8\x82") ==
        "\xE0\xB8\x81\xE2\x80\x8B\xE0\xB8\x82");
  CHECK(visible_text("1\xE2\x80\x93"
                     "2 \xE2\x80\x8D \xC2\xA9") ==
        "1\xE2\x80\x93"
        "2 \xE2\x80\x8D \xC2\xA9");
}

TEST_CASE("visible_text shows a byte that is not UTF-8 as its value, and keeps characters") {
  // A file named in Latin-1 (caf\xe9.md): the terminal and --format json get UTF-8.
  CHECK(visible_text("content/caf\xe9.md") == "content/caf<0xE9>.md");
  CHECK(visible_text("caf\xc3\xa9 \xe8\xab\x8b \xf0\x9f\x99\x82") ==
        "caf\xc3\xa9 \xe8\xab\x8b \xf0\x9f\x99\x82");
  CHECK(visible_text("a\xc0\xaf"
                     "b\xe8\xab") == "a<0xC0><0xAF>b<0xE8><0xAB>");  // overlong, cut
  CHECK(visible_text("\xed\xa0\x80") == "<0xED><0xA0><0x80>");       // a surrogate
}

TEST_CASE("format_diagnostic puts the caret under a CSV field, not a character") {
  Diagnostic d{Severity::kError, "data/a.csv", {2, 3}, "bad", ""};
  CHECK(format_diagnostic(d, "year,name,count\n2021,\"中, 文\",abc\n") ==
        "data/a.csv:2:3: error: bad\n    2021,\"中, 文\",abc\n                  ^\n");
}

TEST_CASE("did_you_mean finds close words only") {
  std::vector<std::string> words = {"learning", "health", "employment"};
  CHECK(did_you_mean("leaning", words) == "learning");
  CHECK(did_you_mean("xyz", words).empty());
}

TEST_CASE("did_you_mean prefers the same word in other letter case") {
  // 'ROC' is three edits from 'roc' and from 'rtl': only its letter case is wrong.
  CHECK(did_you_mean("ROC", {"rtl", "roc"}) == "roc");
  // Typed with full-width letters (an input method in full-width mode).
  CHECK(did_you_mean("ｄｒａｆｔ", {"date", "draft", "title"}) == "draft");
  CHECK(did_you_mean("Ｔｉｔｌｅ", {"date", "draft", "title"}) == "title");
  CHECK(did_you_mean("EN", {"vi", "en", "th"}) == "en");
  CHECK(did_you_mean("Leaning", {"learning"}) == "learning");  // a typo still counts
}

TEST_CASE("Diagnostics caps stored items but counts all") {
  Diagnostics diags;
  for (int i = 0; i < 70; ++i) diags.error("a", {i + 1, 1}, "bad");
  CHECK(diags.error_count() == 70);
  CHECK(diags.sorted().size() == Diagnostics::kCap);
}

TEST_CASE("a diagnostic made on demand is made only when it is kept, and always counted") {
  Diagnostics diags;
  diags.error("a.md", {1, 1}, "first");
  int made = 0;
  for (int i = 0; i < 70; ++i) {
    diags.add_made(Severity::kWarning, [&] {
      ++made;
      return Diagnostic{Severity::kWarning, "b.md", {i + 1, 1}, "warning " + std::to_string(i), ""};
    });
  }
  CHECK(made == static_cast<int>(Diagnostics::kCap));
  CHECK(diags.warning_count() == 70);
  CHECK(diags.error_count() == 1);
  std::vector<Diagnostic> kept = diags.sorted();
  REQUIRE(kept.size() == Diagnostics::kCap + 1);
  CHECK(kept.back().message == "warning " + std::to_string(Diagnostics::kCap - 1));
}

TEST_CASE("diagnostics made n at a time are kept and counted as made one by one") {
  Diagnostics one_by_one, by_n;
  int made = 0;
  auto make = [&](size_t i) {
    ++made;
    return Diagnostic{Severity::kWarning,
                      "b.md",
                      {static_cast<int>(i) + 1, 1},
                      "warning " + std::to_string(i),
                      ""};
  };
  for (size_t i = 0; i < 30; ++i) one_by_one.add_made(Severity::kWarning, [&] { return make(i); });
  for (size_t i = 0; i < 40; ++i) {
    one_by_one.add_made(Severity::kWarning, [&] { return make(30 + i); });
  }
  CHECK(made == static_cast<int>(Diagnostics::kCap));
  made = 0;
  by_n.add_made_n(Severity::kWarning, 30, make);
  by_n.add_made_n(Severity::kWarning, 40, [&](size_t i) { return make(30 + i); });
  by_n.add_made_n(Severity::kWarning, 0, make);
  CHECK(made == static_cast<int>(Diagnostics::kCap));
  CHECK(by_n.warning_count() == 70);
  CHECK(by_n.error_count() == 0);
  std::vector<Diagnostic> a = one_by_one.sorted(), b = by_n.sorted();
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) CHECK(a[i].message == b[i].message);
  CHECK(b.back().message == "warning " + std::to_string(Diagnostics::kCap - 1));
}

TEST_CASE("did_you_mean_or_list names the candidates when none is close") {
  CHECK(did_you_mean_or_list("yaer", {"year", "count"}, "the columns") == "did you mean 'year'?");
  CHECK(did_you_mean_or_list("year", {"tahun", "rumah", "catatan"}, "the columns") ==
        "the columns are tahun, rumah, catatan");
  std::vector<std::string> many;
  for (int i = 1; i <= 15; ++i) many.push_back("c" + std::to_string(i) + "_long_name");
  CHECK(did_you_mean_or_list("year", many, "the columns") ==
        "the columns are c1_long_name, c2_long_name, c3_long_name, c4_long_name, c5_long_name, "
        "c6_long_name, c7_long_name, c8_long_name, c9_long_name, c10_long_name, c11_long_name, "
        "c12_long_name and 3 more");
  CHECK(did_you_mean_or_list("year", {}, "the columns") == "");
}

TEST_CASE("did_you_mean_hint offers Firefly's word for a key other tools name otherwise") {
  CHECK(did_you_mean_hint("type", {"x", "y", "kind", "title"}) == "did you mean 'kind'?");
  CHECK(did_you_mean_hint("caption", {"dataset", "title"}) == "did you mean 'title'?");
  CHECK(did_you_mean_hint("type", {"x", "y", "title"}) == "");  // no `kind` to offer
}

}  // namespace firefly

TEST_CASE("one error's text is capped: long messages and long source lines") {
  std::string line(5000, 'a');
  line[3000] = 'X';
  firefly::Diagnostic d{
      firefly::Severity::kError, "content/a.md", {1, 3001}, std::string(100000, 'm'), "fix it"};
  std::string text = firefly::format_diagnostic(d, line + "\n");
  CHECK(text.size() < 1000);
  // The caret still points at the X.
  auto lines = firefly::split(text, '\n');
  REQUIRE(lines.size() >= 3);
  size_t x = lines[1].find('X');
  REQUIRE(x != std::string::npos);
  // "…" is three bytes but one column wide.
  CHECK(lines[2].find('^') == x - 2);
}
