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

  /// The text in `lang`, else in `fallback_lang`, else the first one written. A text is in
  /// `lang` when written under its code or the closest other code of the same language
  /// ("vi" for "vi-VN", "en" for "en-GB"; core/language_tag.h: closest_language).
  std::string get(std::string_view lang, std::string_view fallback_lang) const;
  /// The language code of the text get() returns (`lang` itself when it is in `lang`): ""
  /// for a plain string.
  std::string_view lang_of(std::string_view lang, std::string_view fallback_lang) const;
  /// True when it has a text written for `lang` (as get() finds it) or is a plain string.
  bool has(std::string_view lang) const;
  /// The code of the text written for `lang` (its own, or the closest of its language), or
  /// "" when none is (a plain string has none).
  std::string_view code_for(std::string_view lang) const;
  bool empty() const { return by_lang.empty() && plain.empty(); }

 private:
  /// The entry written for `lang`, under its own code or the closest of the same language.
  const std::pair<std::string, std::string>* text_for(std::string_view lang) const;
};

/// Reads a Localized from a string or a map of strings; nullopt-like empty result and
/// `*error` set when `v` is neither (e.g. a list), or when a comma inside an unquoted text
/// of a `{…}` map cut it short (`{vi: Cục Lao động, Đài Nam}` makes "Đài Nam" a key
/// without a text): then `*hint` (when given) is the entry to write instead.
Localized to_localized(const Value& v, std::string* error = nullptr, std::string* hint = nullptr);

}  // namespace firefly
