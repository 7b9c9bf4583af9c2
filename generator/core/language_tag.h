// BCP 47 language tags as written by hand in site.yaml: their syntax, and the codes
// Firefly knows (the languages, scripts and regions of ICU's data).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace firefly {

/// The attribute that says which language a text is in: `lang` in HTML, `xml:lang` in XML
/// (an SVG image, an Atom feed).
enum class LangSyntax { kHtml, kXml };

/// ` lang="tag"` (` xml:lang="tag"` in kXml), the tag escaped, for a text in another
/// language than what holds it; "" for an empty `tag` (the text is in that language).
std::string lang_attribute(std::string_view tag, LangSyntax syntax = LangSyntax::kHtml);

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

/// The code among `available` whose words (theme strings, the new site of `firefly init`,
/// the preview's and the editor's pages) a site language `code` shows, or "" when none
/// fits. BCP 47 lookup: `code` itself, then a code of the same region ("zh-TW" for
/// "zh-Hant-TW", "vi-VN" for "vi-VN-x"), then the language without a region ("vi" for
/// "vi-VN", "zh-Hant" for "zh-HK"), then the language in its main region ("zh-TW" for
/// "zh-HK", "pt-BR" for "pt-PT"), then in any other. A code only ever finds one in the same
/// script, the script a code without one is written in by ICU's likely subtags ("zh-TW",
/// "zh-HK" and "zh-MO" are Traditional Chinese, "zh", "zh-CN" and "zh-SG" Simplified, "sr"
/// Cyrillic): dropping a script never changes the script read, so Traditional and
/// Simplified Chinese never stand in for each other. "tl" (Tagalog, the code ICU replaces
/// with "fil") finds Filipino's words, and "fil" Tagalog's.
std::string closest_language(std::string_view code, const std::vector<std::string>& available);

/// The region of `code`, or the one ICU's likely subtags give it ("TW" of "zh-Hant", "VN"
/// of "vi"); "" when ICU knows none.
std::string likely_region(std::string_view code);

/// The script of `code` as written, or the one ICU's likely subtags give it ("Latn" of "vi",
/// "Hant" of "zh-TW", "Thai" of "th"); "" when ICU knows none.
std::string likely_script(std::string_view code);

/// Whether the script the language `code` is written in (its likely_script) runs from right
/// to left: Arabic ("ar", "fa", "ur"), Hebrew ("he", "yi"), Thaana ("dv"); "az-Arab" too,
/// "az" not. False when ICU knows no script for `code`.
bool is_right_to_left(std::string_view code);

/// Whether `text` holds a letter of the script the language `code` is written in (its
/// likely_script): a term written "repair" in a Chinese story is not Chinese, 志工 is. True
/// when ICU knows no script for `code`.
bool has_script_of(std::string_view text, std::string_view code);

/// The language subtag of `code` ("vi" of "vi-VN", "zh" of "zh-Hant-TW"), with "tl" as
/// "fil": what number words and month names are read by.
std::string primary_language(std::string_view code);

}  // namespace firefly
