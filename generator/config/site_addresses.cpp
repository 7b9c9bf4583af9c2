#include "config/site_addresses.h"

#include <string>

#include "config/site_yaml_values.h"
#include "core/text.h"

namespace firefly::config_detail {

namespace {

/// What is published at /<name>/ besides a taxonomy's or collection's pages ("the data
/// catalogue"), or "".
std::string taken_by(const std::string& name, const SiteConfig& c, bool collections) {
  if (name == "data") return "the data catalogue";
  if (name == "search") return "the search page";
  if (name == "sitemap") return "the site map";
  // The editor's page and its config.yml: the build stopped at "two files would be published
  // at /admin/index.html (a generated file and a generated file)", naming no line.
  if (c.cms && lower_case(name) == "admin") return "the editor (cms: in site.yaml)";
  for (const Language& l : c.languages) {
    // The default language's home page is /; the others' are /<code>/, in any letter case
    // as far as a file system that ignores it goes.
    if (&l != &c.default_language() && lower_case(l.code) == lower_case(name)) {
      return "the home page of " + l.name + " (" + l.code + ")";
    }
  }
  if (collections && c.collection(name)) return "the list of collection " + in_quotes(name);
  return "";
}

}  // namespace

void report_taken_addresses(const Value& root, const SiteConfig& c, Diagnostics& diags) {
  for (const char* kind : {"collection", "taxonomy"}) {
    const bool taxonomy = kind == std::string("taxonomy");
    for (const auto& [name, v] : root.get(taxonomy ? "taxonomies" : "collections").as_map()) {
      if (taxonomy ? !c.taxonomy(name) : !c.collection(name)) continue;  // reported already
      std::string taken = taken_by(name, c, taxonomy);
      if (taken.empty()) continue;
      diags.error(kSiteYaml, v.key_pos.line ? v.key_pos : v.pos,
                  std::string("the ") + kind + " name " + in_quotes(name) + " is taken: " + taken +
                      " is published at /" + name + "/",
                  taxonomy
                      ? "give the taxonomy another name, here and in its pages' front matter"
                      : "give the collection another name, and its folder in content/ the same");
    }
  }
}

}  // namespace firefly::config_detail
