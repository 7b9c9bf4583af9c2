#include "commands/new_page.h"

#include <doctest/doctest.h>

#include "core/yaml.h"
#include "model/front_matter_schema.h"

namespace firefly {

namespace {

SiteConfig awards_site() {
  Diagnostics diags;
  Value root = parse_yaml(
      "title: T\n"
      "languages: [{code: id}]\n"
      "taxonomies: {label: {title: Label}}\n"
      "collections:\n"
      "  awards:\n"
      "    fields:\n"
      "      date: {type: date, required: true}\n"
      "      level: {type: enum, values: [nasional, internasional], required: true}\n"
      "      medals: integer\n"
      "      kind: {type: enum, values: [emas, perak]}\n"
      "      ended: date\n"
      "      photo: image\n"
      "      story: {type: ref, to: stories}\n"
      "      team: {type: object, fields: {name: {type: string, required: true}}}\n"
      "      people: {type: list}\n"
      "  stories: {}\n",
      "site.yaml", diags);
  auto config = site_config_from(root, diags);
  REQUIRE(config);
  return *config;
}

/// The findings of `check` in `text` read as content/awards/a.md.
std::vector<std::string> findings(const SiteConfig& config, const std::string& text) {
  Diagnostics diags;
  SourcePage page;
  REQUIRE(load_source_page("content/awards/a.md", text, config, page, diags));
  FrontMatter fm;
  read_front_matter(page, config, fm, diags);
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.sorted()) {
    out.push_back(std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) + " " + d.message);
  }
  return out;
}

}  // namespace

TEST_CASE("new: no field is given a value nobody wrote; check names each one still to fill") {
  SiteConfig config = awards_site();
  std::string text = scaffold_page(config, *config.collection("awards"), "id");
  // The date is an example of its form (documented); nothing else is: no 0 medals, no first
  // word of an enum, no example picture, no empty page name.
  CHECK(text.find("\ndate: 20") != std::string::npos);
  CHECK(text.find("\nlevel:\n") != std::string::npos);
  CHECK(text.find("\nmedals:\n") != std::string::npos);
  CHECK(text.find("\nkind:\n") != std::string::npos);
  CHECK(text.find("\nended:\n") != std::string::npos);
  CHECK(text.find("\nphoto:\n") != std::string::npos);
  CHECK(text.find("\nstory:\n") != std::string::npos);
  CHECK(text.find("# optional: a map {name: string}\nteam:\n") != std::string::npos);
  CHECK(text.find("\npeople: []\n") != std::string::npos);
  // The collection lists no taxonomies, so it uses the site's every one.
  CHECK(text.find("# optional: Label (a list of terms)\nlabel: []\n") != std::string::npos);
  // Left as written, the file has two things to fill: its title and the required level.
  CHECK(findings(config, text) ==
        std::vector<std::string>{"3:1 this page has no title",
                                 "7:1 'level' is empty, and this page needs it"});
}

TEST_CASE("new: a field left \"\" (an older file, the editor) is no value") {
  SiteConfig config = awards_site();
  CHECK(findings(config,
                 "---\ntitle: A\ndate: 2024-01-02\nlevel: \"\"\nkind: \"\"\nphoto: \"\"\n"
                 "story: \"\"\n---\n") ==
        std::vector<std::string>{"4:1 'level' is empty, and this page needs it"});
}

}  // namespace firefly
