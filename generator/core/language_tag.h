// BCP 47 language tags as written by hand in site.yaml: their syntax, and the codes
// Firefly knows (the languages, scripts and regions of ICU's data).
#pragma once

#include <string>
#include <string_view>

namespace firefly {

/// True for a tag in the simple hand-written BCP 47 form: a 2–3 letter language, then
/// subtags of 2–8 letters or digits joined by '-' ("en", "zh-Hant-TW", "nan-Latn", "es-419").
bool is_language_tag(std::string_view tag);

/// True when `code` is a language code Firefly knows, in BCP 47's letter case: an ISO 639
/// language in lower case ("en", "vi", "nan"), then optionally a script ("Hant"), a region
/// ("TW", "419") and variants ("zh-TW", "zh-Hant-TW", "es-419", "sr-Latn-RS").
bool is_known_language_code(std::string_view code);

/// The known code `code` was probably meant to be, or "" when there is none: itself in
/// BCP 47's letter case and with '-' ("EN" -> "en", "zh_tw" -> "zh-TW"), a code ICU
/// replaced ("iw" -> "he"), the code of a language's name in English or in itself
/// ("english" -> "en", "Tiếng Việt" -> "vi"), or of a country's main language ("vn" ->
/// "vi", "jp" -> "ja", "at" -> "de-AT").
std::string suggest_language_code(std::string_view code);

/// The language whose words Firefly's own texts (the default theme's strings, the new
/// site of `firefly init`, the preview's and the editor's pages) give a site language
/// `code`: "fil" (Filipino) for "tl" (Tagalog, which Filipino is based on, and the code
/// ICU replaces with "fil"), so a site that writes its pages for Filipino workers under
/// either code finds the same words; `code` itself for any other.
std::string words_language(std::string_view code);

}  // namespace firefly
