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

namespace {

/// `v` with every position, for comparing two readings.
std::string dump(const Value& v) {
  std::string out = "@" + std::to_string(v.pos.line) + ":" + std::to_string(v.pos.col) + "/" +
                    std::to_string(v.key_pos.line) + ":" + std::to_string(v.key_pos.col) + " " +
                    std::string(v.kind_name()) + " ";
  if (v.is_list()) {
    for (const Value& item : v.as_list()) out += "[" + dump(item) + "]";
  } else if (v.is_map()) {
    for (const auto& [key, item] : v.as_map()) out += "{" + key + "=" + dump(item) + "}";
  } else {
    out += v.to_text();
  }
  return out;
}

}  // namespace

TEST_CASE("parse_yaml reads simple key: value lines as yaml-cpp does") {
  // Front matter of `key: value` lines is read without yaml-cpp; a comment line at the
  // end sends the same document through yaml-cpp.
  const std::string simple =
      "title: \"臺南, 2019\"\nsubtitle: 'it is'\ndate: 2015-04-14\ntags: [tag-30, 7, "
      "1.5,true]\nweight:   -3\nsummary: Home visits, repairs and 3 \"small\" jobs.\n"
      "zip: 007\nnone: ~\n1: one\ntrue: yes\n";
  Diagnostics a, b;
  Value fast = parse_yaml(simple, "x.md", a, 1);
  Value full = parse_yaml(simple + "# the end\n", "x.md", b, 1);
  CHECK_FALSE(a.has_errors());
  CHECK_FALSE(b.has_errors());
  CHECK(fast.as_map().size() == 10);
  CHECK(dump(fast) == dump(full));
  CHECK(fast.get("tags").as_list()[1].as_int() == 7);
  CHECK(fast.get("tags").as_list()[3].pos.col == 23);  // "true"
}

TEST_CASE("parse_yaml counts columns in characters, not bytes") {
  Diagnostics diags;
  Value v = parse_yaml("person: {name: 六十八, age: 7}\n", "x.yaml", diags);
  CHECK(v.get("person").get("age").pos.col == 26);  // 32 if bytes were counted
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

TEST_CASE("parse_yaml accepts a BOM and CRLF") {
  Diagnostics diags;
  Value v = parse_yaml("\xEF\xBB\xBFtitle: Hi\r\nn: 2\r\n", "x.yaml", diags);
  CHECK_FALSE(diags.has_errors());
  CHECK(v.get("title").as_string() == "Hi");
  CHECK(v.get("n").as_int() == 2);
}

}  // namespace firefly
