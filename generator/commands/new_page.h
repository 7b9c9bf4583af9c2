// `firefly new COLLECTION SLUG`: a content file scaffolded from the collection's schema.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>

#include "config/site_config.h"

namespace firefly {

/// Options of `firefly new`.
struct NewPageOptions {
  std::string collection, slug, lang;
  std::filesystem::path site_dir = ".";
};

/// The text of a new file of `collection` in `lang`: required fields first, each with a
/// comment saying what it is.
std::string scaffold_page(const SiteConfig& config, const Collection& collection,
                          const std::string& lang);

/// Writes content/<collection>/<slug>[.<lang>].md; refuses to overwrite. Returns the exit code.
int run_new_page(const NewPageOptions& options, std::ostream& out, std::ostream& err);

}  // namespace firefly
