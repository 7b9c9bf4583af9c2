#include "core/yaml.h"

#include <doctest/doctest.h>

namespace firefly {

TEST_CASE("parse_yaml keeps order, types and positions") {
  Diagnostics diags;
  Value v = parse_yaml("title: Hello\ncount: 3\nratio: 1.5\nok: true\nzip: \"007\"\nlist: [a, b]\n",
                       "x.yaml", diags, 1);
  REQUIRE_FALSE(diags.has_errors());
  REQUIRE(v.is_map());
  CHECK(v.as_map()[0].first == "title");
  CHECK(v.get("title").as_string() == "Hello");
  CHECK(v.get("title").pos.line == 2);
  CHECK(v.get("title").pos.col == 8);
  CHECK(v.get("title").key_pos.col == 1);
  CHECK(v.get("count").as_int() == 3);
  CHECK(v.get("ratio").as_double() == 1.5);
  CHECK(v.get("ok").as_bool());
  CHECK(v.get("zip").as_string() == "007");
  CHECK(v.get("list").as_list().size() == 2);
}

TEST_CASE("parse_yaml counts columns in characters, not bytes") {
  Diagnostics diags;
  Value v = parse_yaml("person: {name: 六十八, age: 7}\n", "x.yaml", diags);
  CHECK(v.get("person").get("age").pos.col == 26);  // 32 if bytes were counted
}

TEST_CASE("parse_yaml refuses more than kMaxYamlBytes, before reading it") {
  // 16 MB of a list took 1.1 GB to read.
  std::string big = "a: 1\n# " + std::string(kMaxYamlBytes - 7, 'x') + "\n";  // one over
  Diagnostics diags;
  CHECK(parse_yaml(big, "data/a.yaml", diags).is_null());
  REQUIRE(diags.error_count() == 1);
  Diagnostic d = diags.sorted()[0];
  CHECK(d.pos.line == 1);
  CHECK(d.message == "this YAML has 8192 KB; Firefly reads at most 8192 KB of YAML in one file");
  Diagnostics fine;
  CHECK(parse_yaml("a: 1\n", "data/a.yaml", fine).is_map());
}

TEST_CASE("parse_yaml reports duplicate keys with both lines") {
  Diagnostics diags;
  parse_yaml("a: 1\nb: 2\na: 3\n", "x.yaml", diags);
  auto all = diags.sorted();
  REQUIRE(all.size() == 1);
  CHECK(all[0].pos.line == 3);
  CHECK(all[0].message == "the key 'a' appears twice in the same map (first on line 1)");
}

TEST_CASE("parse_yaml refuses tabs in indentation") {
  Diagnostics diags;
  parse_yaml("a:\n\tb: 1\n", "x.yaml", diags);
  auto all = diags.sorted();
  REQUIRE(all.size() == 1);
  CHECK(all[0].pos.line == 2);
  CHECK(all[0].pos.col == 1);
}

TEST_CASE("parse_yaml refuses an alias bomb quickly") {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'l'; ++c) {
    bomb += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", *" : "*") + prev;
    bomb += "]\n";
    prev = c;
  }
  Diagnostics diags;
  Value v = parse_yaml(bomb, "bomb.yaml", diags);
  CHECK(v.is_null());
  REQUIRE(diags.has_errors());
  CHECK(diags.sorted()[0].message.find("alias bomb") != std::string::npos);
}

TEST_CASE("parse_yaml accepts many plain values: only aliases count towards the bomb guard") {
  std::string big = "rows:\n";
  for (int i = 0; i < 70000; ++i) big += "  - {n: " + std::to_string(i) + "}\n";
  Diagnostics diags;
  Value v = parse_yaml(big, "big.yaml", diags);
  CHECK_FALSE(diags.has_errors());
  CHECK(v.get("rows").as_list().size() == 70000);
}

TEST_CASE("parse_yaml counts columns along a long line (one-line list of 60,000 items)") {
  std::string line = "items: [";
  for (int i = 0; i < 60000; ++i) line += "ab, ";
  line += "\u00e9\u00e9, last]\n";  // two 2-byte characters before the last item
  Diagnostics diags;
  Value v = parse_yaml(line, "long.yaml", diags);
  REQUIRE_FALSE(diags.has_errors());
  const List& items = v.get("items").as_list();
  REQUIRE(items.size() == 60002);
  CHECK(items.back().pos.col == 8 + 60000 * 4 + 4 + 1);
  CHECK(items[1].pos.col == 8 + 4 + 1);
}

TEST_CASE("parse_yaml reports syntax errors and invalid UTF-8 with positions") {
  Diagnostics diags;
  parse_yaml("a: [1, 2\n", "x.yaml", diags);
  CHECK(diags.has_errors());
  Diagnostics d2;
  parse_yaml("a: ok\nb: \xff\n", "y.yaml", d2);
  REQUIRE(d2.has_errors());
  CHECK(d2.sorted()[0].pos.line == 2);
  CHECK(d2.sorted()[0].pos.col == 4);
}

TEST_CASE("parse_yaml says to quote a value with a colon and a space in it") {
  Diagnostics d;
  parse_yaml("date: 2024-01-02\ntitle: Volunteers: the \"repair\" team\n", "a.md", d, 1);
  REQUIRE(d.sorted().size() == 1);
  const Diagnostic e = d.sorted()[0];
  CHECK(e.pos.line == 3);
  CHECK(e.message == "this is not valid YAML: illegal map value");
  CHECK(e.hint ==
        "a colon followed by a space inside a value starts another key; put the value in quotes: "
        "title: \"Volunteers: the \\\"repair\\\" team\"");
  Diagnostics list;  // in a list of maps too
  parse_yaml("people:\n  - name: Chen: leader\n", "b.yaml", list);
  REQUIRE(list.sorted().size() == 1);
  CHECK(list.sorted()[0].hint.find("quotes: name: \"Chen: leader\"") != std::string::npos);
}

TEST_CASE("parse_yaml says to straighten curly quotes around a value with a colon in it") {
  // A word processor's quotes are text to YAML: the colon inside still starts a key, and
  // quoting the value as it is would publish the curly quotes in the title.
  Diagnostics d;
  parse_yaml("title: \u201CHuy ch\u01B0\u01A1ng v\u00E0ng TTQS: ch\u00EDn n\u0103m\u201D\n", "a.md",
             d, 1);
  REQUIRE(d.sorted().size() == 1);
  CHECK(d.sorted()[0].hint ==
        "the quotes around the value are curly (\u201C\u201D), which YAML reads as part of the "
        "text, so its colon starts another key; write straight quotes: title: \"Huy "
        "ch\u01B0\u01A1ng v\u00E0ng TTQS: ch\u00EDn n\u0103m\"");
  Diagnostics single;
  parse_yaml("title: \u2018Volunteers: the team\u2019\n", "b.md", single, 1);
  REQUIRE(single.sorted().size() == 1);
  CHECK(single.sorted()[0].hint.ends_with("title: \"Volunteers: the team\""));
}

TEST_CASE("parse_yaml says to quote a value that starts with % @ or `") {
  Diagnostics d;
  parse_yaml("columns:\n  - {name: share, unit: %, type: number}\n", "a.yaml", d);
  REQUIRE(d.sorted().size() == 1);
  CHECK(d.sorted()[0].hint ==
        "YAML does not let a value start with %: put it in quotes, unit: \"%\", or write unit: "
        "percent");
  Diagnostics at;
  parse_yaml("title: @volunteers team\n", "b.md", at, 1);
  REQUIRE(at.sorted().size() == 1);
  CHECK(at.sorted()[0].pos.line == 2);
  CHECK(at.sorted()[0].hint ==
        "YAML does not let a value start with @: put it in quotes, title: \"@volunteers team\"");
}

TEST_CASE("yaml_quoted writes a value YAML reads back as written") {
  for (std::string_view v :
       {"#1 volunteer team", "Volunteers: the \"repair\" team", "C:\\data\\x", "%", "志工：修繕"}) {
    Diagnostics d;
    Value back = parse_yaml("title: " + yaml_quoted(v) + "\n", "a.yaml", d);
    REQUIRE_FALSE(d.has_errors());
    CHECK(back.get("title").to_text() == v);
  }
}

TEST_CASE("parse_yaml accepts a BOM and CRLF") {
  Diagnostics diags;
  Value v = parse_yaml("\xEF\xBB\xBFtitle: Hi\r\nn: 2\r\n", "x.yaml", diags);
  CHECK_FALSE(diags.has_errors());
  CHECK(v.get("title").as_string() == "Hi");
  CHECK(v.get("n").as_int() == 2);
}

}  // namespace firefly

namespace firefly {

namespace {

/// `x: &p <value>` and a one-line list of `aliases` aliases of it.
std::string aliased(const std::string& value, int aliases) {
  std::string text = "x: &p " + value + "\nl: [";
  for (int i = 0; i < aliases; ++i) text += i ? ", *p" : "*p";
  return text + "]\n";
}

}  // namespace

TEST_CASE("parse_yaml counts the bytes aliases repeat: 1,000,000 in a small file") {
  Diagnostics under;
  Value v = parse_yaml(aliased(std::string(1000, 'a'), 1000), "x.yaml", under);
  CHECK_FALSE(under.has_errors());
  CHECK(v.get("l").as_list().size() == 1000);
  Diagnostics over;
  CHECK(parse_yaml(aliased(std::string(1000, 'a'), 1001), "x.yaml", over).is_null());
  auto all = over.sorted();
  REQUIRE(all.size() == 1);
  CHECK(all[0].pos.line == 2);
  CHECK(all[0].pos.col == 4 + 1000 * 4 + 1);  // the 1001st alias
  CHECK(all[0].message ==
        "the alias *p repeats too much text: an alias (*name) stands for a copy of the value "
        "marked &name, and with this one the copies in this file add up to more than 1000000 "
        "bytes");
}

TEST_CASE("parse_yaml allows aliases 10 times a large file's size in bytes") {
  std::string value(200000, 'a');
  std::string ten = aliased(value, 10), eleven = aliased(value, 11);
  REQUIRE(10 * value.size() <= 10 * ten.size());
  REQUIRE(11 * value.size() > 10 * eleven.size());
  Diagnostics under;
  parse_yaml(ten, "x.yaml", under);
  CHECK_FALSE(under.has_errors());
  Diagnostics over;
  parse_yaml(eleven, "x.yaml", over);
  REQUIRE(over.has_errors());
  CHECK(over.sorted()[0].message.find("more than " + std::to_string(10 * eleven.size()) +
                                      " bytes") != std::string::npos);
}

TEST_CASE("parse_yaml counts an alias of aliases in full, keys and nested maps included") {
  auto text = [](int uses) {
    std::string t = "a: &a {k: " + std::string(9999, 'v') + "}\nb: &b [";
    for (int i = 0; i < 10; ++i) t += i ? ", *a" : "*a";  // 10 x 10,000 bytes
    t += "]\nc: [";
    for (int i = 0; i < uses; ++i) t += i ? ", *b" : "*b";  // each 100,000 bytes
    return t + "]\n";
  };
  Diagnostics under;
  parse_yaml(text(9), "x.yaml", under);  // 100,000 + 9 x 100,000
  CHECK_FALSE(under.has_errors());
  Diagnostics over;
  parse_yaml(text(10), "x.yaml", over);
  REQUIRE(over.has_errors());
  CHECK(over.sorted()[0].pos.line == 3);
}

TEST_CASE("parse_yaml refuses invisible control characters in values, where they are written") {
  auto first = [](const std::string& text) {
    Diagnostics diags;
    Value v = parse_yaml(text, "x.yaml", diags, 1);
    CHECK(v.is_null());
    REQUIRE(diags.has_errors());
    return diags.sorted()[0];
  };
  Diagnostic d = first("title: \"Bad\\0title\\e[31m\\x01\"\n");
  CHECK(d.message ==
        "the value of 'title' has an invisible control character (U+0000) at column 12");
  CHECK(d.pos.line == 2);
  CHECK(d.pos.col == 12);
  CHECK(d.hint.find("remove it") != std::string::npos);
  d = first("a: ok\nb: x\x01y\n");  // written as it is, in a plain value
  CHECK(d.message == "the value of 'b' has an invisible control character (U+0001) at column 5");
  CHECK(d.pos.line == 3);
  d = first("rows:\n  - {name: 'a\x1b[31m'}\n");
  CHECK(d.message ==
        "the value of 'name' has an invisible control character (U+001B) at column 14");
  d = first("tags: [a, \"b\\u007F\"]\n");
  CHECK(d.message == "a value in 'tags' has an invisible control character (U+007F) at column 13");
  d = first("t: a\xEF\xBF\xBE\n");
  CHECK(d.message == "the value of 't' has an invisible control character (U+FFFE) at column 5");
  // A NUL byte typed raw, in a plain value, a quoted one or a comment: at it, with its line
  // (yaml-cpp said 'bad character found while scanning hex number' a line further on).
  for (const std::string& text :
       {std::string("a: ok\nb: x\0y\n", 13), std::string("a: ok\nb: 'x\0y'\n", 15),
        std::string("a: ok\nb: x # \0\n", 15)}) {
    d = first(text);
    CHECK(d.message == "this line has an invisible control character (U+0000)");
    CHECK(d.pos.line == 3);
    CHECK(d.pos.col == static_cast<int>(text.find('\0') - 5));
  }
  d = first("\"k\\x01\": v\n");
  CHECK(d.message == "a key has an invisible control character (U+0001) at column 3");
  Diagnostics fine;
  Value v = parse_yaml("t: \"a\\tb\\nc\\rd\"\nu: \"\\u00e9\"\n", "x.yaml", fine);
  CHECK_FALSE(fine.has_errors());
  CHECK(v.get("t").as_string() == "a\tb\nc\rd");
}

TEST_CASE("parse_yaml names the depth passed where YAML nests too deep") {
  for (int depth : {150, 600}) {
    std::string text = "a: " + std::string(depth, '[') + std::string(depth, ']') + "\n";
    Diagnostics diags;
    CHECK(parse_yaml(text, "x.yaml", diags).is_null());
    auto all = diags.sorted();
    REQUIRE(all.size() == 1);
    CHECK(all[0].message ==
          "this YAML is nested more than 100 levels deep (lists and maps inside each other)");
    CHECK(all[0].pos.col == 3 + 100);  // the 100th list, inside the map
  }
  Diagnostics fine;
  parse_yaml("a: " + std::string(99, '[') + std::string(99, ']') + "\n", "x.yaml", fine);
  CHECK_FALSE(fine.has_errors());
}

TEST_CASE("parse_yaml refuses a second document, which would be left out") {
  // `---` in the middle of site.yaml: its collections and menus below it were dropped.
  struct Case {
    const char* text;
    int line;  // of the error; 0 for none
  };
  for (Case c : {Case{"a: 1\n---\nb: 2\n", 2}, Case{"a: 1\n...\n# more\n\nb: 2\n", 2},
                 Case{"a: 1\n---\n- b\n", 2}, Case{"a: 1\n--- c\n", 2},
                 Case{"a: [1,\n  2]\n---\n---\n\nb: 2\n", 4}, Case{"---\na: 1\n", 0},
                 Case{"a: 1\n---\n", 0}, Case{"a: 1\n...\n", 0}, Case{"a: 1\n---\n---\n", 0}}) {
    CAPTURE(c.text);
    Diagnostics diags;
    Value v = parse_yaml(c.text, "site.yaml", diags, 10);
    if (c.line == 0) {
      CHECK_FALSE(diags.has_errors());
      CHECK(v.get("a").as_int() == 1);
      continue;
    }
    CHECK(v.is_null());
    REQUIRE(diags.error_count() == 1);
    Diagnostic d = diags.sorted()[0];
    CHECK(d.pos.line == c.line + 10);
    CHECK(d.pos.col == 1);
    CHECK(d.message ==
          "a second YAML document starts here; Firefly reads one document a file, so "
          "everything from here on would be left out");
  }
  // After text it cannot read, yaml-cpp starts a document again and again without reading
  // on: the search for a second one stops (this ran forever).
  Diagnostics diags;
  parse_yaml(", b]\n", "content/a.md", diags);
}

TEST_CASE("parse_yaml ends a line at a CR alone, as YAML does") {
  // A file saved with an old Mac program's line ends was one line to yaml-cpp: a comment
  // when it began with one, and a dataset's metadata was left out without a word.
  Diagnostics diags;
  Value v =
      parse_yaml("# rows of 2024\rtitle: Hours\rcount: 3\r\nlist: [a,\r b]\r", "x.yaml", diags);
  REQUIRE_FALSE(diags.has_errors());
  CHECK(v.get("title").as_string() == "Hours");
  CHECK(v.get("title").pos.line == 2);
  CHECK(v.get("count").as_int() == 3);
  CHECK(v.get("list").as_list().size() == 2);
  CHECK(v.get("list").pos.line == 4);
}

}  // namespace firefly
