#include "core/yaml_scalar_pos.h"

#include <doctest/doctest.h>

#include <string>

#include "core/yaml.h"

namespace firefly {

namespace {

/// "line:col" where `part` of the `key` string of front matter `yaml` (from line 2) is
/// written, or "none".
std::string where(const std::string& yaml, const std::string& key, const std::string& part) {
  Diagnostics diags;
  const Value front = parse_yaml(yaml, "content/a.md", diags, 1);
  REQUIRE_FALSE(diags.has_errors());
  const Value& v = front.get(key);
  REQUIRE(v.is_string());
  const size_t offset = v.as_string().find(part);
  REQUIRE(offset != std::string::npos);
  const std::optional<Pos> pos = yaml_scalar_char_pos(yaml, 1, v.pos, v.as_string(), offset);
  return pos ? std::to_string(pos->line) + ":" + std::to_string(pos->col) : "none";
}

}  // namespace

TEST_CASE("a plain or quoted scalar on one line: the column of the character itself") {
  CHECK(where("date: 2021-01-02\ntitle: In 2019, 1,043 people\n", "title", "1,043") == "3:17");
  CHECK(where("title: \"In 2019, 1,043 people\"\n", "title", "1,043") == "2:18");
  CHECK(where("title: '它''s 2019 年 1,043 人'\n", "title", "1,043") == "2:21");
  // Escapes are written longer than they read; columns count characters.
  CHECK(where("title: \"\\\"移工\\\" \\u0041 1,043\"\n", "title", "1,043") == "2:23");
  CHECK(where("title: \"a\\tb 1,043 # no comment\"\n", "title", "1,043") == "2:14");
  CHECK(where("title: 1,043 人 # a comment\n", "title", "人") == "2:14");
}

TEST_CASE("a scalar folded over lines, and blocks") {
  CHECK(where("summary: In 2021 the bureau\n  trained 1,043\n  people\n", "summary", "1,043") ==
        "3:11");
  CHECK(where("summary: \"In 2021\n\n    trained \\\n    1,043\"\n", "summary", "1,043") == "5:5");
  CHECK(where("summary: |\n  In 2021\n\n  trained 1,043\ntitle: x\n", "summary", "1,043") ==
        "5:11");
  CHECK(where("summary: >-\n    In 2021\n    trained\n\n      1,043 more\n", "summary", "1,043") ==
        "6:7");
  CHECK(where("summary: >2\n   In 2021 1,043\n", "summary", "1,043") == "3:12");
}

TEST_CASE("a scalar read some other way has no position") {
  // The value given is not what the scalar there reads as.
  Diagnostics diags;
  const Value front = parse_yaml("title: In 2019\n", "content/a.md", diags, 1);
  const Value& v = front.get("title");
  CHECK_FALSE(yaml_scalar_char_pos("title: In 2019\n", 1, v.pos, "In 2020", 3));
  CHECK_FALSE(yaml_scalar_char_pos("title: In 2019\n", 1, v.pos, v.as_string(), 99));
  CHECK_FALSE(yaml_scalar_char_pos("title: In 2019\n", 1, Pos{9, 1}, v.as_string(), 3));
  CHECK(yaml_scalar_char_pos("title: In 2019\n", 1, v.pos, v.as_string(), 3)->col == 11);
}

}  // namespace firefly
