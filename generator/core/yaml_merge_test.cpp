#include "core/yaml_merge.h"

#include <doctest/doctest.h>

#include "core/yaml.h"

namespace firefly {

namespace {

std::string keys_of(const Value& map) {
  std::string out;
  for (const auto& [k, v] : map.as_map()) out += (out.empty() ? "" : " ") + k + "=" + v.to_text();
  return out;
}

}  // namespace

TEST_CASE("parse_yaml applies a merge key: the base's keys, explicit keys winning") {
  Diagnostics diags;
  Value v = parse_yaml(
      "base: &base\n  unit: hours\n  source: Bureau\nfield:\n  label: Hours\n  <<: *base\n"
      "  unit: days\n",
      "data/a.yaml", diags);
  REQUIRE_FALSE(diags.has_errors());
  // Before: field had only label and unit; source was silently missing.
  CHECK(keys_of(v.get("field")) == "label=Hours source=Bureau unit=days");
  CHECK(v.get("field").get("source").pos.line == 3);  // where it was written
}

TEST_CASE("parse_yaml merges a list of maps in order: an earlier map wins") {
  Diagnostics diags;
  Value v = parse_yaml("a: &a {x: 1, y: 1}\nb: &b {y: 2, z: 2}\nc:\n  <<: [*a, *b]\n  w: 0\n",
                       "site.yaml", diags);
  REQUIRE_FALSE(diags.has_errors());
  CHECK(keys_of(v.get("c")) == "x=1 y=1 z=2 w=0");
  Diagnostics inline_map;
  Value d = parse_yaml("c:\n  <<: {x: 1}\n  y: 2\n", "site.yaml", inline_map);
  CHECK(keys_of(d.get("c")) == "x=1 y=2");
}

TEST_CASE("parse_yaml refuses a merge key whose value is not a map, where it is written") {
  Diagnostics diags;
  CHECK(parse_yaml("a: &a text\nb:\n  <<: *a\n", "x.yaml", diags).is_null());
  REQUIRE(diags.error_count() == 1);
  Diagnostic d = diags.sorted()[0];
  CHECK(d.pos.line == 3);
  CHECK(d.pos.col == 7);
  CHECK(d.message == "the merge key '<<' takes a map or a list of maps, not text");
  Diagnostics twice;
  parse_yaml("a: &a {x: 1}\nb:\n  <<: *a\n  <<: *a\n", "x.yaml", twice);
  REQUIRE(twice.error_count() == 1);
  CHECK(twice.sorted()[0].message ==
        "the merge key '<<' appears twice in the same map (first on line 3)");
}

TEST_CASE("parse_yaml reports every merge error of a file, each where it is written") {
  Diagnostics diags;
  CHECK(parse_yaml("a: &a text\nl: &l [1]\nb:\n  <<: *a\nc:\n  <<: *l\n  x: 1\n"
                   "d: {<<: {y: 1}, <<: {z: 1}, <<: {w: 1}}\n",
                   "x.yaml", diags)
            .is_null());
  // Before: only the first (line 4) was reported.
  REQUIRE(diags.error_count() == 4);
  std::vector<Diagnostic> all = diags.sorted();
  CHECK(all[0].pos.line == 4);
  CHECK(all[0].pos.col == 7);
  CHECK(all[0].message == "the merge key '<<' takes a map or a list of maps, not text");
  CHECK(all[1].pos.line == 6);
  CHECK(all[1].message ==
        "the merge key '<<' takes a map or a list of maps, but this list has a whole number");
  CHECK(all[2].pos.line == 8);
  CHECK(all[2].pos.col == 17);
  CHECK(all[2].message == "the merge key '<<' appears twice in the same map (first on line 8)");
  CHECK(all[3].pos.col == 29);
}

TEST_CASE("parse_yaml reports a refused tag once, not again at each merge of it") {
  Diagnostics diags;
  CHECK(
      parse_yaml("a: &a !!binary R0lGODlh\nb:\n  <<: *a\nc: !foo x\n", "x.yaml", diags).is_null());
  REQUIRE(diags.error_count() == 2);
  CHECK(diags.sorted()[0].message == "Firefly does not read binary data (!!binary) from YAML");
  CHECK(diags.sorted()[1].pos.line == 4);
}

TEST_CASE("parse_yaml reads a quoted '<<' as an ordinary key") {
  Diagnostics diags;
  Value v = parse_yaml("a: &a {x: 1}\nb:\n  \"<<\": *a\n", "x.yaml", diags);
  REQUIRE_FALSE(diags.has_errors());
  CHECK(v.get("b").get("<<").get("x").as_int() == 1);
}

TEST_CASE("drop_extension_keys leaves out x- keys at the top, after their anchors are read") {
  Diagnostics diags;
  Value v = parse_yaml(
      "x-defaults: &d {unit: hours, source: Bureau}\ntitle: T\nfield:\n  <<: *d\n  label: H\n"
      "  x-inner: kept\nx-more: [1, 2]\n",
      "data/a.yaml", diags);
  REQUIRE_FALSE(diags.has_errors());
  drop_extension_keys(v);
  CHECK(keys_of(v.get("field")) == "unit=hours source=Bureau label=H x-inner=kept");
  CHECK(v.as_map().size() == 2);
  CHECK(v.find("x-defaults") == nullptr);
  CHECK(v.find("x-more") == nullptr);
  CHECK(v.get("title").pos.line == 2);
  CHECK(v.pos.line == 1);
  // Only the prefix x- (Docker Compose's): a key that merely looks like one stays.
  CHECK(is_extension_key("x-defaults"));
  CHECK_FALSE(is_extension_key("x"));
  CHECK_FALSE(is_extension_key("xdefaults"));
  CHECK_FALSE(is_extension_key("X-defaults"));
  Value text("x-defaults");
  drop_extension_keys(text);
  CHECK(text.as_string() == "x-defaults");
}

TEST_CASE("apply_merges inserts the merged keys where the merge key was") {
  Map map{{"a", Value("1")}, {"c", Value("3")}};
  Map source{{"b", Value("2")}, {"c", Value("x")}};
  apply_merges(map, 1, {Value(source)});
  CHECK(keys_of(Value(map)) == "a=1 b=2 c=3");
}

}  // namespace firefly
