#include "core/yaml_tags.h"

#include <doctest/doctest.h>

#include "core/yaml.h"

namespace firefly {

TEST_CASE("parse_yaml reads !!str as text where a number or date would be read") {
  Diagnostics diags;
  Value v =
      parse_yaml("year: !!str 2024\ndate: !!str 2024-01-01\nok: !!str true\n", "x.md", diags, 1);
  REQUIRE_FALSE(diags.has_errors());
  CHECK(v.get("year").is_string());
  CHECK(v.get("year").as_string() == "2024");
  CHECK(v.get("date").as_string() == "2024-01-01");
  CHECK(v.get("ok").as_string() == "true");
}

TEST_CASE("parse_yaml reads !!int, !!float and !!bool as their kind, quoted or not") {
  Diagnostics diags;
  Value v = parse_yaml("n: !!int \"5\"\nf: !!float 2\nb: !!bool \"true\"\nz: !!null ''\n", "x.yaml",
                       diags);
  REQUIRE_FALSE(diags.has_errors());
  CHECK(v.get("n").as_int() == 5);
  CHECK(v.get("f").as_double() == 2.0);
  CHECK(v.get("b").as_bool());
  CHECK(v.get("z").is_null());
  Diagnostics bad;
  CHECK(parse_yaml("n: !!int five\n", "x.yaml", bad).is_null());
  REQUIRE(bad.error_count() == 1);
  CHECK(bad.sorted()[0].message == "the tag !!int marks a whole number, but 'five' is not one");
}

TEST_CASE("parse_yaml refuses !!binary and unknown tags with their position") {
  Diagnostics diags;
  CHECK(parse_yaml("title: Hi\nlogo: !!binary R0lGODlh\n", "x.md", diags, 1).is_null());
  REQUIRE(diags.error_count() == 1);
  Diagnostic d = diags.sorted()[0];
  CHECK(d.pos.line == 3);
  CHECK(d.message == "Firefly does not read binary data (!!binary) from YAML");
  Diagnostics unknown;
  CHECK(parse_yaml("a: 1\nb: !foo bar\n", "site.yaml", unknown).is_null());
  REQUIRE(unknown.error_count() == 1);
  CHECK(unknown.sorted()[0].pos.line == 2);
  CHECK(unknown.sorted()[0].message ==
        "the tag !foo is not one Firefly reads: the value would be dropped or misread");
  Diagnostics on_map;
  CHECK(parse_yaml("a: !!set {x, y}\n", "site.yaml", on_map).is_null());
  REQUIRE(on_map.error_count() == 1);
  CHECK(on_map.sorted()[0].message ==
        "the tag !!set is not one Firefly reads on a map: the values would be misread");
}

TEST_CASE("parse_yaml reports every refused tag of a file, each where it is written") {
  Diagnostics diags;
  CHECK(parse_yaml("a: !!int five\nb: !foo x\nc:\n  - !!binary R0lGODlh\nd: !!set {x}\n"
                   "e: !!int 5\n",
                   "x.md", diags, 1)
            .is_null());
  // Before: only the first (line 2) was reported, and a fix for it showed the next.
  REQUIRE(diags.error_count() == 4);
  std::vector<Diagnostic> all = diags.sorted();
  CHECK(all[0].pos.line == 2);
  CHECK(all[0].pos.col == 4);
  CHECK(all[0].message == "the tag !!int marks a whole number, but 'five' is not one");
  CHECK(all[1].pos.line == 3);
  CHECK(all[1].message ==
        "the tag !foo is not one Firefly reads: the value would be dropped or misread");
  CHECK(all[2].pos.line == 5);
  CHECK(all[2].pos.col == 5);
  CHECK(all[2].message == "Firefly does not read binary data (!!binary) from YAML");
  CHECK(all[3].pos.line == 6);
  CHECK(all[3].message ==
        "the tag !!set is not one Firefly reads on a map: the values would be misread");
}

TEST_CASE("parse_yaml reports a file's refused tags up to the cap of errors") {
  std::string yaml;
  for (int i = 0; i < 60; ++i) yaml += "k" + std::to_string(i) + ": !year 2024\n";
  Diagnostics diags;
  CHECK(parse_yaml(yaml, "site.yaml", diags).is_null());
  CHECK(diags.error_count() == 60);
  CHECK(diags.sorted().size() == Diagnostics::kCap);
}

TEST_CASE("parse_yaml reports a syntax error after a refused tag, and stops there") {
  Diagnostics diags;
  CHECK(parse_yaml("a: !foo x\nb: [1\nc: !bar y\n", "site.yaml", diags).is_null());
  REQUIRE(diags.error_count() == 2);
  CHECK(diags.sorted()[0].pos.line == 1);
  CHECK(diags.sorted()[1].pos.line >= 2);
}

TEST_CASE("parse_yaml accepts !!map, !!seq and the non-specific tag !") {
  Diagnostics diags;
  Value v = parse_yaml("m: !!map {a: 1}\ns: !!seq [1]\nt: ! 12\n", "x.yaml", diags);
  REQUIRE_FALSE(diags.has_errors());
  CHECK(v.get("m").get("a").as_int() == 1);
  CHECK(v.get("s").as_list().size() == 1);
  CHECK(v.get("t").as_string() == "12");
}

TEST_CASE("tag_as_written shortens YAML's own prefix to !!") {
  CHECK(tag_as_written("tag:yaml.org,2002:binary") == "!!binary");
  CHECK(tag_as_written("!foo") == "!foo");
}

}  // namespace firefly
