#include "render/theme_string_fields.h"

#include <doctest/doctest.h>

#include "core/yaml.h"

namespace firefly {

TEST_CASE("string_fields: the {name} parts of a string") {
  CHECK(string_fields("{period}: {met} of {total}") ==
        std::set<std::string>{"{met}", "{period}", "{total}"});
  CHECK(string_fields("{names}等 {all} 項") == std::set<std::string>{"{all}", "{names}"});
  CHECK(string_fields("{ } {} {A} {x-y} {{n}} {") == std::set<std::string>{"{n}"});
}

TEST_CASE("a site's string with a field its theme's strings of the key lack is an error") {
  // "{mett}" was published as written: "2019: {mett} of 12".
  Diagnostics d;
  StringFields fields;
  add_string_fields(parse_yaml("indicator_counts: \"{period}: {met} of {total}\"\n"
                               "chart_summary_more: \"{names} and {more} more\"\n",
                               "i18n/en.yaml", d),
                    fields);
  add_string_fields(
      parse_yaml("chart_summary_more: \"{names}等 {all} 項\"\n", "i18n/zh-TW.yaml", d), fields);
  const Value site = parse_yaml(
      "indicator_counts: \"{period}: {mett} of {total} {{period}}\"\n"
      "chart_summary_more: \"{names} 和另外 {all} 項\"\n"
      "skip_to_content: \"{x}\"\n"
      "my_own_string: \"{anything}\"\n",
      "i18n/zh-TW.yaml", d);
  add_string_fields(parse_yaml("skip_to_content: Skip\n", "i18n/en.yaml", d), fields);
  for (const auto& [key, value] : site.as_map()) {
    check_site_string_fields(key, value, fields, "i18n/zh-TW.yaml", d);
  }
  auto found = d.sorted();
  REQUIRE(found.size() == 2);
  CHECK(found[0].message ==
        "the string 'indicator_counts' has {mett}, which the theme does not fill in: the pages "
        "would show it as written");
  CHECK(found[0].hint == "did you mean {met}?");
  CHECK((found[0].pos.line == 1 && found[0].pos.col == 19));
  CHECK(found[1].message ==
        "the string 'skip_to_content' has {x}, which the theme does not fill in: the pages would "
        "show it as written");
  CHECK(found[1].hint == "the theme fills in nothing in this string");
}

}  // namespace firefly
