// i18n/glossary.<lang>.yaml: how a site's key terms are translated into each language.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "config/site_config.h"
#include "core/error.h"

namespace firefly {

/// One term of the original language and how one language renders it.
struct GlossaryEntry {
  std::string term;                ///< as the original writes it: "照顧服務員"
  std::vector<std::string> use;    ///< accepted renderings: "care worker"
  std::vector<std::string> avoid;  ///< renderings that are wrong: "nurse"
  int line = 0;
};

/// The glossary of one language.
struct Glossary {
  std::string lang;
  std::string path;  ///< site-relative: "i18n/glossary.id.yaml"
  std::vector<GlossaryEntry> entries;
};

/// The glossaries in `<site_dir>/i18n/` of the site's languages other than the default.
/// Each file maps a term to a rendering, a list of renderings, or
/// `{use: [..], avoid: [..]}`; problems go to `diags`.
std::vector<Glossary> load_glossaries(const std::filesystem::path& site_dir,
                                      const SiteConfig& config, Diagnostics& diags);

}  // namespace firefly
