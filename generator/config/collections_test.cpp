#include "config/collections.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/yaml.h"

namespace firefly {

namespace {

/// The errors of a site.yaml with one language and `collections` (its YAML text).
std::vector<Diagnostic> errors_of(const std::string& collections) {
  Diagnostics diags;
  std::string yaml = "title: T\nlanguages: [{code: en}]\ncollections:\n" + collections;
  site_config_from(parse_yaml(yaml, "site.yaml", diags), diags);
  return diags.sorted();
}

}  // namespace

TEST_CASE("a collection's sort is a field, then asc or desc") {
  Diagnostics diags;
  auto c = site_config_from(
      parse_yaml("title: T\nlanguages: [{code: en}]\ncollections:\n  a: {sort: weight}\n"
                 "  b: {sort: title desc}\n  c: {sort: date}\n  d: {sort: ' date  asc '}\n",
                 "site.yaml", diags),
      diags);
  REQUIRE(c);
  CHECK((c->collection("a")->sort_by == "weight" && !c->collection("a")->sort_desc));
  CHECK((c->collection("b")->sort_by == "title" && c->collection("b")->sort_desc));
  CHECK((c->collection("c")->sort_by == "date" && c->collection("c")->sort_desc));
  CHECK((c->collection("d")->sort_by == "date" && !c->collection("d")->sort_desc));
}

TEST_CASE("a sort word Firefly does not know is an error at the sort, listing the words") {
  struct Case {
    const char* sort;
    const char* hint;
  };
  const char* order_hint =
      "desc puts the newest date, the highest weight or the last title first; asc the other "
      "way round";
  const char* example = "like `sort: date desc` (newest first) or `sort: weight`";
  for (const Case& t :
       {Case{"date newest", order_hint}, Case{"date des", "did you mean 'desc'?"},
        Case{"dates desc", "did you mean 'date'?"}, Case{"DATE", "did you mean 'date'?"},
        Case{"newest", example}, Case{"date desc first", example}}) {
    CAPTURE(t.sort);
    std::vector<Diagnostic> errors =
        errors_of("  stories:\n    sort: " + std::string(t.sort) + "\n");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message == "collection 'stories' is sorted by '" + std::string(t.sort) +
                                   "': write date, weight or title, then asc or desc");
    CHECK(errors[0].hint == t.hint);
    CHECK((errors[0].pos.line == 5 && errors[0].pos.col == 11));
  }
}

TEST_CASE("a ref field's `to` names a collection or a folder of content/") {
  namespace fs = std::filesystem;
  const fs::path root =
      fs::temp_directory_path() / ("firefly-ref-targets-test-" + std::to_string(::getpid()));
  fs::create_directories(root / "content" / "news");  // a section without settings
  fs::create_directories(root / "content" / "programs");
  std::ofstream(root / "site.yaml")
      << "title: T\nlanguages: [{code: en}]\ncollections:\n  programs: {sort: weight}\n"
         "  stories:\n    fields:\n"
         "      program: {type: ref, to: program, required: true}\n"
         "      news: {type: ref, to: news}\n"
         "      related: {type: list, of: {type: ref, to: storys}}\n"
         "      people: {type: list, of: {type: object, fields: {team: {type: ref, to: teams}}}}\n"
         "  events:\n    fields: {program: {type: ref, to: programs}}\n";
  Diagnostics diags;
  CHECK_FALSE(load_site_config(root, diags));
  std::vector<Diagnostic> errors = diags.sorted();
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].message ==
        "field 'program' of collection 'stories' refers to 'program', which is neither a "
        "collection nor a folder of content/");
  CHECK(errors[0].hint == "did you mean 'programs'?");
  CHECK((errors[0].pos.line == 7 && errors[0].pos.col == 32));  // at `to:`'s value
  CHECK(errors[1].message ==
        "field 'related[]' of collection 'stories' refers to 'storys', which is neither a "
        "collection nor a folder of content/");
  CHECK(errors[1].hint == "did you mean 'stories'?");
  CHECK(errors[2].hint ==
        "write the name of a collection under `collections:` or of a folder of content/");
  // Fixed, the same site reads; a folder of content/ is a target too (news).
  std::ofstream(root / "site.yaml")
      << "title: T\nlanguages: [{code: en}]\ncollections:\n  programs: {sort: weight}\n"
         "  stories:\n    fields:\n"
         "      program: {type: ref, to: programs, required: true}\n"
         "      news: {type: ref, to: news}\n";
  Diagnostics fixed;
  CHECK(load_site_config(root, fixed));
  CHECK_FALSE(fixed.has_errors());
  fs::remove_all(root);
}

TEST_CASE("a field shown on pages without a label is a warning at its name") {
  // Its name (volunteer_hours) titled it on every language's pages, and nothing said so.
  std::vector<Diagnostic> all = errors_of(
      "  stories:\n    fields:\n"
      "      volunteer_hours: integer\n"
      "      place: {type: string, label: {en: Place}}\n"
      "      date: {type: date}\n      program: {type: ref, to: stories}\n"
      "      people: {type: list, of: {type: object}}\n");
  REQUIRE(all.size() == 1);
  CHECK(all[0].severity == Severity::kWarning);
  CHECK(all[0].pos.line == 6);
  CHECK(all[0].pos.col == 7);
  CHECK(all[0].message ==
        "field 'volunteer_hours' of collection 'stories' has no label: the pages of every "
        "language show its name (volunteer_hours) as its title");
  CHECK(all[0].hint ==
        "add a label in each of the site's languages: volunteer_hours: {type: integer, label: "
        "{en: Volunteer hours}}");
}

TEST_CASE("a field's name is a front-matter key, and an enum has values") {
  // `"": string` or `"a b": string` was a field nobody could fill in; an enum without
  // values made every page's value an error.
  std::vector<Diagnostic> all = errors_of(
      "  stories:\n    fields:\n"
      "      \"\": {type: string, label: {en: A}}\n"
      "      \"a b\": {type: string, label: {en: B}}\n"
      "      kind: {type: enum, values: {}, label: {en: Kind}}\n"
      "      people: {type: list, label: {en: P}, of: {type: object, fields: {\"x y\": string}}}\n"
      "      event_date: {type: date, label: {en: Held}}\n"
      "      活動: {type: string, label: {en: Event}}\n");
  std::vector<std::string> got;
  for (const Diagnostic& d : all) {
    got.push_back(std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) + " " + d.message);
  }
  CHECK(got == std::vector<std::string>{"6:7 the field name '' cannot be a front-matter key",
                                        "7:7 the field name 'a b' cannot be a front-matter key",
                                        "8:34 field 'kind' is an enum without values",
                                        "9:72 the field name 'x y' cannot be a front-matter key"});
}

}  // namespace firefly
