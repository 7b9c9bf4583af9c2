// The syntax of BCP 47 language tags as written by hand in site.yaml.
#pragma once

#include <string_view>

namespace firefly {

/// True for a tag in the simple hand-written BCP 47 form: a 2–3 letter language, then
/// subtags of 2–8 letters or digits joined by '-' ("en", "zh-Hant-TW", "nan-Latn", "es-419").
bool is_language_tag(std::string_view tag);

}  // namespace firefly
