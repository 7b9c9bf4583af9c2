// How a command tells people (text), tools (json) and GitHub Actions (github) what it found.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>

#include "commands/build.h"
#include "core/error.h"

namespace firefly {

/// Prints every diagnostic in `format` ("text", "json" prints nothing here, "github").
void print_diagnostics(const Diagnostics& diags, const std::filesystem::path& site_dir,
                       const std::string& format, std::ostream& out);
/// "build failed: 3 errors, 1 warning" (or "check found …").
std::string failure_summary(const Diagnostics& diags, bool was_build);
/// "built 412 pages in 3 languages, 12 datasets -> public/ in 0.84 s".
std::string build_summary(const BuildResult& result, const BuildOptions& options);
/// "check passed: 412 pages in 3 languages, 12 datasets; 0 warnings".
std::string check_summary(const BuildResult& result, const Diagnostics& diags);
/// The check report as JSON: {errors:[…], warnings:[…], translations:[…]}.
std::string check_json(const BuildResult& result, const Diagnostics& diags,
                       const std::filesystem::path& site_dir);

}  // namespace firefly
