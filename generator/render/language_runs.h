// The language of parts in a page's text: Chinese names, places and titles written inside
// an English, Vietnamese, Indonesian or Thai story, Thai inside another language, and
// Vietnamese inside Chinese, each given its language (WCAG 3.1.2), so that a screen reader
// reads 臺南市勞工局 in Chinese and not as "unknown character". Staff write them in the
// text as they are; only where the script says the language for certain is it marked.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "config/site_config.h"
#include "core/value.h"

namespace firefly {

/// The language tags given to runs of each script: the site's own language for it when
/// it has one ("zh-Hant-TW"), else the bare code.
struct ScriptLanguages {
  std::string han = "zh";  ///< Han runs (with kana among them: "ja")
  std::string thai = "th";
  std::string vietnamese = "vi";

  /// Takes `html_lang` (a site language's tag) for its script when none has been taken.
  void add(std::string_view html_lang);
};

/// The tags of a site with `languages`: its own language for each script it has.
ScriptLanguages script_languages(const std::vector<Language>& languages);

/// `html` (a body as Markdown renders it, in the language `lang`, an HTML language tag)
/// with each run of text in another script wrapped in `<span lang="…">`: Han (and kana)
/// when `lang` is not Chinese or Japanese, Thai when it is not Thai, and Latin words with
/// Vietnamese letters (ơ ư đ ă ạ ế …) when it is Chinese. Text inside an element that has
/// a lang is marked against that language; text in script, style, textarea, title and
/// option is left as it is, as are tags, attributes and comments, except that an img whose
/// whole alt text is in another script gets that script's lang. Returns `html` unchanged
/// when nothing is marked.
std::string mark_language_runs(std::string html, std::string_view lang,
                               const ScriptLanguages& tags);

/// `text` (plain text in the language `lang`, such as a page's summary) as HTML with its runs
/// of other scripts marked as mark_language_runs marks them; "" when there are none.
std::string marked_text_html(std::string_view text, std::string_view lang,
                             const ScriptLanguages& tags);

/// The tag of the one other script that all of `text` (plain text in the language `lang`)
/// is written in, as mark_language_runs would mark it (a Chinese name on an English page:
/// "zh-Hant-TW"); "" when it is in the page's own scripts or mixes scripts. For a value
/// shown in an element of its own, which carries the lang.
std::string text_language(std::string_view text, std::string_view lang,
                          const ScriptLanguages& tags);

/// Adds `<name>_html` to `m` (for title, `title_html`): marked_text_html of `text`, "" when
/// it marks no run (a theme shows `{{{title_html}}}` where there is one, else `{{title}}`).
/// Always added: a section of a template looks a name it lacks up in the sections around it,
/// and a site map page's entry would show its section's title.
void add_marked_html(Map& m, std::string_view name, std::string_view text, std::string_view lang,
                     const ScriptLanguages& tags);

}  // namespace firefly
