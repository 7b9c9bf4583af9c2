// Front matter -> FrontMatter: the common fields, the collection's own fields
// checked against its schema in site.yaml, taxonomy terms and references.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "config/site_config.h"
#include "core/date.h"
#include "core/error.h"
#include "load/content.h"
#include "model/image.h"

namespace firefly {

/// At most this many terms of one taxonomy on one page: each term is a page of its own in
/// every language, so a page with thousands would make thousands of pages.
inline constexpr size_t kMaxTermsPerTaxonomy = 100;

/// The validated front matter of one content file.
struct FrontMatter {
  std::string title, summary, description, translation_key, url, layout;
  std::optional<Date> date, updated;
  std::optional<Date> publish_at;  ///< as the site's zone reads it (TimeZone::local)
  bool draft = false;
  int weight = 0;
  std::vector<std::pair<std::string, Pos>> aliases;
  std::vector<std::pair<std::string, std::vector<std::string>>>
      terms;  ///< taxonomy -> values (at most kMaxTermsPerTaxonomy)
  std::vector<std::pair<std::string, std::string>> refs;  ///< field -> "collection/slug"
  std::vector<Image> images;  ///< every image-typed value, in the order written
};

/// Validates `src.front`; false when it has errors (reported in `diags`). `out` then holds
/// what could be read: a value with an error is left at its default.
bool read_front_matter(const SourcePage& src, const SiteConfig& config, FrontMatter& out,
                       Diagnostics& diags);

}  // namespace firefly
