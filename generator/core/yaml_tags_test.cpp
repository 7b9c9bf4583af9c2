#include "core/yaml_tags.h"

#include <doctest/doctest.h>

#include "core/yaml.h"

namespace firefly {

TEST_CASE("parse_yaml reads !!str as text where a number or date would be read") {
  Diagnostics diags;
  Value v = parse_yaml("year: !!str 2024\ndate: !!str 2024-01-01\nok: !!str true\n", "x.md", diags,
                       1);
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
