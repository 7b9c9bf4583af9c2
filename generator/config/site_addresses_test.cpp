#include "config/site_addresses.h"

#include <doctest/doctest.h>

#include <string>

#include "core/yaml.h"

namespace firefly {

namespace {

/// The errors of a site.yaml with `sections` (its taxonomies: and collections: lines) and
/// the languages zh-TW (the default, at /) and en.
std::vector<Diagnostic> errors_of(const std::string& sections) {
  Diagnostics diags;
  const std::string yaml =
      "title: T\nlanguages: [{code: zh-TW}, {code: en, name: English}]\n" + sections;
  site_config_from(parse_yaml(yaml, "site.yaml", diags), diags);
  return diags.sorted();
}

}  // namespace

TEST_CASE("a taxonomy named like an address the site's own pages take is an error at its name") {
  // `data` had the build stop at "this page would be published at /data/, which a
  // generated page also uses", with no line of site.yaml.
  auto found = errors_of("taxonomies:\n  tags: {}\n  data: {title: Data}\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0].path == "site.yaml");
  CHECK(found[0].pos.line == 5);
  CHECK(found[0].pos.col == 3);
  CHECK(found[0].message ==
        "the taxonomy name 'data' is taken: the data catalogue is published at /data/");
  CHECK(found[0].hint == "give the taxonomy another name, here and in its pages' front matter");
  CHECK(errors_of("taxonomies: {search: {}}\n")[0].message ==
        "the taxonomy name 'search' is taken: the search page is published at /search/");
  CHECK(errors_of("taxonomies: {sitemap: {}}\n")[0].message ==
        "the taxonomy name 'sitemap' is taken: the site map is published at /sitemap/");
  CHECK(errors_of("taxonomies: {en: {}}\n")[0].message ==
        "the taxonomy name 'en' is taken: the home page of English (en) is published at /en/");
  auto both = errors_of("taxonomies: {stories: {}}\ncollections: {stories: {}}\n");
  REQUIRE(both.size() == 1);
  CHECK(both[0].message ==
        "the taxonomy name 'stories' is taken: the list of collection 'stories' is published at "
        "/stories/");
  // The editor is at /admin/ when site.yaml has cms:; without it the name is free.
  CHECK(errors_of("cms: {backend: github, repo: a/b}\ntaxonomies: {admin: {}}\n")[0].message ==
        "the taxonomy name 'admin' is taken: the editor (cms: in site.yaml) is published at "
        "/admin/");
  CHECK(errors_of("cms: {backend: github, repo: a/b}\ncollections: {admin: {}}\n")[0].message ==
        "the collection name 'admin' is taken: the editor (cms: in site.yaml) is published at "
        "/admin/");
  CHECK(errors_of("taxonomies: {admin: {}}\n").empty());
  // The default language is at /, not /zh-TW/; a name that only starts like one is fine.
  CHECK(errors_of("taxonomies: {zh-tw: {}, tags: {}, data-sets: {}}\n").empty());
}

TEST_CASE("a collection named like an address the site's own pages take is an error at its name") {
  auto found = errors_of("collections:\n  stories: {}\n  en: {}\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0].pos.line == 5);
  CHECK(found[0].message ==
        "the collection name 'en' is taken: the home page of English (en) is published at /en/");
  CHECK(found[0].hint == "give the collection another name, and its folder in content/ the same");
  CHECK(errors_of("collections: {data: {}}\n").size() == 1);
  CHECK(errors_of("collections: {stories: {}, programs: {}}\n").empty());
}

}  // namespace firefly
