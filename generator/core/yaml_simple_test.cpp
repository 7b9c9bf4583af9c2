#include "core/yaml_simple.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/yaml.h"

namespace firefly {

namespace {

/// Whether `a` and `b` hold the same data written at the same places.
bool same_everywhere(const Value& a, const Value& b) {
  if (a.pos.line != b.pos.line || a.pos.col != b.pos.col || a.key_pos.line != b.key_pos.line ||
      a.key_pos.col != b.key_pos.col || !same_content(a, b)) {
    return false;
  }
  if (a.is_list()) {
    for (size_t i = 0; i < a.as_list().size(); ++i) {
      if (!same_everywhere(a.as_list()[i], b.as_list()[i])) return false;
    }
  }
  if (a.is_map()) {
    for (size_t i = 0; i < a.as_map().size(); ++i) {
      if (!same_everywhere(a.as_map()[i].second, b.as_map()[i].second)) return false;
    }
  }
  return true;
}

std::string messages(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.sorted()) {
    out += std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) + " " + d.message + "\n";
  }
  return out;
}

/// Checks that parse_yaml (which reads `text` itself) and yaml-cpp agree on it, values,
/// positions and errors alike.
void check_same(const std::string& text) {
  CAPTURE(text);
  Diagnostics fast_diags, general_diags;
  Value fast = parse_yaml(text, "a.md", fast_diags, 1);
  Value general = parse_yaml_general(text, "a.md", general_diags, 1);
  CHECK(same_everywhere(fast, general));
  CHECK(messages(fast_diags) == messages(general_diags));
}

}  // namespace

TEST_CASE("the plain shapes are read as yaml-cpp reads them") {
  const char* shapes[] = {
      "title: Story 1\ndate: 2026-03-02\nimages:\n  - {src: /images/p1.jpg, alt: Photo 1}\n",
      "title: Hello, world [draft]\ncount: 3\nratio: 1.5\nok: true\nnothing: ~\nn: null\n",
      "a: \"x y\"  \nb: 'q'\nc:\n- a\n- b c \nd: [x, y]\nf: {}\ng: []\n",
      "# a comment\n\ntitle:    spaced   out   \n\n\nurl: https://example.org/a?b=c\n",
      "tags: [one, two three, 'four', \"five\"]\nweight: -3\nzip: 007\nbig: 1e3\n",
      "people:\n    - {name: 六十八, role: 志工}\n    - {name: \"Ann\", role: 'x'}\n\n    - "
      "x\nlast: y",
      "images:\n- {src: /a.jpg}\n# between\nnext: 2\n",
      "a: b\na: c\n",                                  // a duplicate key: the same error
      "true: 1\n2020: x\n",                            // keys that are not text
      "1.50: a\nnull: b\n007: c\nFalse: d\n1e3: e\n",  // keys read as numbers and words first
      "images:\n  - {src: a, alt: x}\n  - {src: b, src: c}\n",  // a duplicate key in an item
      "title: 'it''s'\n",                                       // refused: an escaped quote
  };
  for (const char* s : shapes) check_same(s);
  CHECK(simple_yaml_events(shapes[0]));
  CHECK(simple_yaml_events(shapes[5]));
  CHECK(simple_yaml_events(shapes[7]));
  CHECK(simple_yaml_events(shapes[9]));  // read without yaml-cpp, as the ones above
  CHECK(simple_yaml_events(shapes[10]));
}

TEST_CASE("shapes the plain reader is not sure of are left to yaml-cpp") {
  const char* others[] = {
      "a: b # comment\n",
      "a: \"x\\ny\"\n",
      "a: b\n  continued\n",
      "a: &x 1\nb: *x\n",
      "a: !tag x\n",
      "a: {b: {c: d}}\n",
      "a: [1, [2]]\n",
      "a:\n",
      "a: b: c\n",
      "- a\n- b\n",
      "a:\n  b: c\n",
      "a: [x,]\n",
      "a: |\n  text\n",
      "a: >\n  text\n",
      "---\na: b\n",
      "a: {b: c:d}\n",
      "a:b\n",
      "key : v\n",
      "a: x\r\n",
      "",
      "a: \xEF\xBB\xBFx\n",
      "a: -x\n",
      "a: 'x'y\n",
      "a:\n- b\n  - c\n",
  };
  for (const char* s : others) {
    CAPTURE(s);
    CHECK_FALSE(simple_yaml_events(s));
    check_same(s);
  }
}

TEST_CASE("front matter made of random plain pieces reads as yaml-cpp reads it") {
  const std::vector<std::string> keys = {"title", "date", "a_b", "x-y", "v1.2", "true", "9"};
  const std::vector<std::string> scalars = {
      "Story 1", "2026-03-02", "007",   "1.5",    "-2",        "+3",       "true", "False",
      "~",       "null",       "0x1F",  ".5",     "1e3",       "a:b",      "a: b", "a #b",
      "a#b",     "x,y",        "[a]",   "{a}",    "'q'",       "\"d\"",    "''",   "\"\"",
      "六十八",  "a  b",       "a ",    "%x",     "@x",        "`x",       "?x",   "!x",
      "&x",      "*x",         "|x",    ">x",     "https://x", "a}b",      "a]",   "-",
      "a'b",     "a\"b",       "'a\"'", "\"a'\"", "'a''b'",    "\"a\\b\"", ":x",   "x:",
      "a - b",   "ä",          "é: x",  "1:2",    "2001:db8",  "yes",      "No",   "on"};
  std::mt19937 rng(16);
  auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
  auto flow = [&](bool map) {
    std::string s = map ? "{" : "[";
    int n = static_cast<int>(rng() % 4);
    for (int i = 0; i < n; ++i) {
      if (i) s += rng() % 2 ? ", " : " ,  ";
      if (map) s += pick(keys) + ": ";
      s += pick(scalars);
    }
    return s + (map ? "}" : "]");
  };
  auto value = [&] {
    switch (rng() % 5) {
      case 0:
        return flow(true);
      case 1:
        return flow(false);
      default:
        return pick(scalars);
    }
  };
  size_t read = 0;
  for (int doc = 0; doc < 3000; ++doc) {
    std::string text;
    int entries = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < entries; ++e) {
      if (rng() % 8 == 0) text += rng() % 2 ? "\n" : "# note\n";
      text += pick(keys) + ":";
      if (rng() % 4 == 0) {
        text += "\n";
        std::string indent(rng() % 3 * 2, ' ');
        int items = 1 + static_cast<int>(rng() % 3);
        for (int i = 0; i < items; ++i) text += indent + "- " + value() + "\n";
      } else {
        text += std::string(1 + rng() % 2, ' ') + value() + (rng() % 6 ? "" : "  ") + "\n";
      }
    }
    if (simple_yaml_events(text)) ++read;
    check_same(text);
  }
  CHECK(read > 300);  // the plain reader took a good share of them
}

TEST_CASE("every front matter of the project reads as yaml-cpp reads it") {
  size_t files = 0, read = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(FIREFLY_SOURCE_DIR)) {
    const std::string path = entry.path().string();
    if (entry.path().extension() != ".md" || path.find("/build") != std::string::npos ||
        path.find("node_modules") != std::string::npos) {
      continue;
    }
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    const std::string text = bytes.str();
    size_t end = text.find("\n---\n", 3);
    if (text.rfind("---\n", 0) != 0 || end == std::string::npos) continue;
    ++files;
    std::string front = text.substr(4, end - 3);
    CAPTURE(path);
    if (simple_yaml_events(front)) ++read;
    check_same(front);
  }
  CHECK(files > 100);
  CHECK(read > files / 2);  // most pages take the plain reader
}

TEST_CASE("a start event counts its direct members") {
  auto events = simple_yaml_events(
      "title: T\nimages:\n  - {src: /a.jpg, alt: A}\n  - {src: /b.jpg}\ntags: [x, y, z]\n");
  REQUIRE(events);
  std::vector<int> starts;  // members of each start event, in order
  for (const YamlEvent& e : *events) {
    if (e.kind == YamlEvent::Kind::kMapStart || e.kind == YamlEvent::Kind::kListStart) {
      starts.push_back(e.members);
    } else {
      CHECK(e.members == 0);
    }
  }
  CHECK(starts == std::vector<int>{3, 2, 2, 1, 3});
  CHECK(simple_yaml_events("a: {}\n")->at(2).members == 0);
}

}  // namespace firefly
