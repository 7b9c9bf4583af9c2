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
  /// The language code of the text get() returns (`lang` itself when it is in `lang`). A
  /// plain string is written once by staff in the site's default language, `fallback_lang`:
  /// it is that language's when it reads as it (written_once_in), else in no language ("":
  /// "GDP", "ILO 2023", a Chinese name whose script marks it).
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

/// Whether `text`, written once for every language, is taken as written in the language
/// `code` (the site's default language, which staff write in): true when it has a letter
/// of the script `code` is written in (ICU's likely script) that is lower case or has no
/// case, so "Báo cáo việc làm" and "Tainan City" are Vietnamese on a site in `vi`, while an
/// acronym or a number alone ("GDP", "ILO 2023") is in no language. Always false for a
/// language written in Han or Thai: a run of those scripts is marked by its script wherever
/// it is shown (render/language_runs.h), which says the same.
bool written_once_in(std::string_view text, std::string_view code);

/// Whether `text` has a letter of the script the language `code` is written in that is
/// lower case or has no case (written_once_in without its exception for Han and Thai): for
/// a place that gives a text written once its language with no marks of its scripts, such
/// as the open-data catalogue.
bool reads_as(std::string_view text, std::string_view code);

/// Reads a Localized from a string or a map of strings; nullopt-like empty result and
/// `*error` set when `v` is neither (e.g. a list), or when a comma inside an unquoted text
/// of a `{…}` map cut it short (`{vi: Cục Lao động, Đài Nam}` makes "Đài Nam" a key
/// without a text): then `*hint` (when given) is the entry to write instead.
Localized to_localized(const Value& v, std::string* error = nullptr, std::string* hint = nullptr);

}  // namespace firefly
