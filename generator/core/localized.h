// Localizable text: a plain string, or a map from language code to string.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/value.h"

namespace firefly {

/// A text written once for all languages, or once per language code.
struct Localized {
  std::vector<std::pair<std::string, std::string>> by_lang;  ///< empty for a plain string
  std::string plain;
  Pos pos;

  /// The text in `lang`, else in `fallback_lang`, else the first one written.
  std::string get(std::string_view lang, std::string_view fallback_lang) const;
  /// The language code of the text get() returns: "" for a plain string.
  std::string_view lang_of(std::string_view lang, std::string_view fallback_lang) const;
  /// True when it has a text written for `lang` itself (or is a plain string).
  bool has(std::string_view lang) const;
  bool empty() const { return by_lang.empty() && plain.empty(); }
};

/// Reads a Localized from a string or a map of strings; nullopt-like empty result and
/// `*error` set when `v` is neither (e.g. a list), or when a comma inside an unquoted text
/// of a `{…}` map cut it short (`{vi: Cục Lao động, Đài Nam}` makes "Đài Nam" a key
/// without a text): then `*hint` (when given) is the entry to write instead.
Localized to_localized(const Value& v, std::string* error = nullptr, std::string* hint = nullptr);

}  // namespace firefly
