// The default theme's files, compiled into the binary (see scripts/embed_theme.cmake).
#pragma once

#include <string_view>
#include <vector>

namespace firefly {

/// One file of the embedded default theme.
struct EmbeddedFile {
  std::string_view path;  ///< relative to themes/default, e.g. "layouts/page.mustache"
  std::string_view bytes;
};

/// Every file of themes/default, sorted by path.
const std::vector<EmbeddedFile>& embedded_theme();

}  // namespace firefly
