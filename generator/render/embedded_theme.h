// Folders compiled into the binary (see scripts/embed_theme.cmake): the default theme, and
// the new site `firefly init` writes.
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
/// Every file of skeleton/ (the new site of `firefly init`), sorted by path.
const std::vector<EmbeddedFile>& embedded_skeleton();
/// Every file of docs/ci/ (the example CI workflows), sorted by path.
const std::vector<EmbeddedFile>& embedded_ci_examples();

}  // namespace firefly
