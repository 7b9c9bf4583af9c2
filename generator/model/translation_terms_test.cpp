#include "model/translation_terms.h"

#include <doctest/doctest.h>

#include "core/yaml.h"

namespace firefly {

namespace {

SourcePage page(const std::string& path, const std::string& lang, const std::string& body) {
  SourcePage p;
  p.path = path;
  p.lang = lang;
  Diagnostics diags;
  p.front = parse_yaml("title: x", path, diags, 1);
  p.body = body;
  p.body_line = 4;
  return p;
}

std::string messages(const std::vector<Drift>& drifts) {
  std::string out;
  for (const Drift& d : drifts) out += std::to_string(d.line) + ": " + d.message + "\n";
  return out;
}

Glossary id_glossary() {
  Glossary g;
  g.lang = "id";
  g.path = "i18n/glossary.id.yaml";
  g.entries.push_back({"照顧服務員", {"pengasuh"}, {"perawat"}, 1});
  return g;
}

}  // namespace

TEST_CASE("a glossary term rendered as the glossary says passes") {
  SourcePage o = page("content/a.zh-TW.md", "zh-TW", "照顧服務員專班\n");
  SourcePage t = page("content/a.id.md", "id", "Kelas pengasuh dan perawatan lansia\n");
  Glossary g = id_glossary();
  CHECK(messages(term_problems(o, t, &g)) == "");
}

TEST_CASE("a glossary term rendered otherwise is named with the glossary's line") {
  SourcePage o = page("content/a.zh-TW.md", "zh-TW", "前言\n\n照顧服務員專班\n");
  SourcePage t = page("content/a.id.md", "id", "Pengantar\n\nKelas Perawat\n");
  Glossary g = id_glossary();
  CHECK(messages(term_problems(o, t, &g)) ==
        "4: the original says 照顧服務員 (content/a.zh-TW.md:6) but this translation never writes "
        "\"pengasuh\" (i18n/glossary.id.yaml:1)\n"
        "6: \"perawat\" is not how this site translates 照顧服務員: the glossary "
        "(i18n/glossary.id.yaml:1) says \"pengasuh\"\n");
}

TEST_CASE("Chinese outside a lang span is named; inside one it is not") {
  SourcePage o = page("content/a.zh-TW.md", "zh-TW", "做工行善團\n");
  SourcePage t = page("content/a.vi.md", "vi",
                      "Đội Làm việc thiện (做工行善團)\n\n"
                      "Đội Làm việc thiện (<span lang=\"zh-Hant-TW\">做工行善團</span>)\n");
  CHECK(messages(term_problems(o, t, nullptr)) ==
        "4: Chinese \"做工行善團\" is left in this translation\n");
  SourcePage zh = page("content/a.zh-TW.md", "zh-TW", "做工行善團\n");
  CHECK(messages(term_problems(o, zh, nullptr)) == "");
}

TEST_CASE("Chinese is named from the first Han character (U+3400), not before") {
  SourcePage o = page("content/a.zh-TW.md", "zh-TW", "做工\n");
  // U+3400 is the first character read as Han (its first byte is 0xE3); U+2FFF and the
  // CJK punctuation U+3001 before any Han are not (a text with none is passed over).
  SourcePage t = page("content/a.en.md", "en",
                      "Plain text, \u2FFF\u3001 none here\n\n"
                      "A team (\u3400\u3001\u3401) at the edge\n\n"
                      "Caf\u00E9 \u2014 na\u00EFve\n");
  CHECK(messages(term_problems(o, t, nullptr)) ==
        "6: Chinese \"\u3400\u3001\u3401\" is left in this translation\n");
}

}  // namespace firefly
