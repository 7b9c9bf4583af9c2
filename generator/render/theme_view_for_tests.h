// For unit tests: a DataView with the default theme's own strings in one language.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "core/yaml.h"
#include "render/data_table.h"
#include "render/embedded_theme.h"

namespace firefly {

/// A view in `lang` (`html_lang` for ICU) with the default theme's strings of `lang`.
inline DataView theme_view(const std::string& lang, const std::string& html_lang) {
  DataView view;
  view.lang = view.default_lang = lang;
  view.html_lang = html_lang;
  for (const EmbeddedFile& f : embedded_theme()) {
    if (f.path == "i18n/" + lang + ".yaml") {
      Diagnostics d;
      view.t = parse_yaml(f.bytes, std::string(f.path), d);
    }
  }
  REQUIRE(view.t.is_map());
  return view;
}

}  // namespace firefly
