// `firefly init DIR`: a new site in one language that builds and checks clean as created.
#pragma once

#include <filesystem>
#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "core/date.h"

namespace firefly {

/// Options of `firefly init`.
struct InitOptions {
  std::filesystem::path dir;
  std::string lang;          ///< "" asks on a terminal, else the first of init_languages()
  bool interactive = false;  ///< stdin is a terminal
};

/// The languages a new site can start in (zh-TW first), from skeleton/strings/.
std::vector<std::string> init_languages();

/// The files of a new site in `lang`, as (path relative to the site, bytes), sorted by path;
/// nullopt when no init_languages() is close to `lang` (closest_language: vi-VN starts
/// from vi, zh-Hant-TW from zh-TW; zh, Simplified, from none). `today` dates the example
/// story.
std::optional<std::vector<std::pair<std::string, std::string>>> init_files(const std::string& lang,
                                                                           const Date& today);

/// Writes a new site into options.dir, which must be missing or empty. Returns the exit code:
/// 0, 1 when a file cannot be written, 2 for a non-empty folder or an unknown language.
int run_init(const InitOptions& options, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace firefly
