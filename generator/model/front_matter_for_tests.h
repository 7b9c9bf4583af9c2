// A site whose stories have a field of every type, and the messages of reading a story's
// front matter there, for the tests of read_front_matter and its checks (tests only).
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/yaml.h"
#include "model/front_matter_schema.h"

namespace firefly::testing {

/// A site in English whose stories have a field of each type (and `date` and `program`
/// required), with the taxonomies `audiences` (the stories') and `tags`.
inline SiteConfig schema_site() {
  Diagnostics diags;
  Value root = parse_yaml(
      "title: T\n"
      "languages: [{code: en}]\n"
      "taxonomies: {audiences: {title: Who}, tags: {title: Tags}}\n"
      "collections:\n"
      "  stories:\n"
      "    taxonomies: [audiences]\n"
      "    fields:\n"
      "      date: {type: date, required: true}\n"
      "      program: {type: ref, to: programs, required: true}\n"
      "      summary_zh: text\n"
      "      age: integer\n"
      "      score: number\n"
      "      featured: boolean\n"
      "      level: {type: enum, values: {national: {zh-TW: 全國, en: National}, municipal: "
      "{zh-TW: 市級, en: Municipal}}}\n"
      "      cover: image\n"
      "      people: {type: list, of: {type: object, fields: {name: string, age: integer, "
      "photo: image}}}\n"
      "      motto: localized\n"
      "      held_on: date\n",
      "site.yaml", diags);
  auto config = site_config_from(root, diags);
  REQUIRE(config);
  return *config;
}

/// The messages of reading `front` as a story's front matter, "line:col message | hint".
inline std::vector<std::string> errors_of(const std::string& front, FrontMatter* out = nullptr) {
  SiteConfig config = schema_site();
  Diagnostics diags;
  SourcePage page;
  REQUIRE(load_source_page("content/stories/a.md", "---\n" + front + "---\nBody\n", config, page,
                           diags));
  FrontMatter fm;
  read_front_matter(page, config, fm, diags);
  if (out) *out = fm;
  std::vector<std::string> messages;
  for (const Diagnostic& d : diags.sorted()) {
    messages.push_back(std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) + " " +
                       d.message + (d.hint.empty() ? "" : " | " + d.hint));
  }
  return messages;
}

/// Front matter a story needs: its title, date and program.
inline const std::string kValid = "title: A\ndate: 2023-06-30\nprogram: learning\n";

}  // namespace firefly::testing
