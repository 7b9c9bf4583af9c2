// The collection's own fields a page shows as "label: value" (its schema in site.yaml says
// which fields there are, their type and their label): what the page's context offers the
// theme (page.fields) and what the search index reads of them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/site.h"

namespace firefly {

/// One shown text of a field: a value, or one item of a list.
struct FieldText {
  std::string text;
  std::string lang;  ///< the HTML tag of its language when not the reader's, else ""
};

/// A field of a page as a reader of one language sees it.
struct ShownField {
  std::string name;
  std::string label;       ///< the field's `label:` in the reader's language, else its name
  std::string label_lang;  ///< the label's HTML tag when not the reader's language
  bool is_list = false;
  std::vector<FieldText> values;  ///< one for a single value; none for a boolean
  std::string iso;                ///< a date's YYYY-MM-DD
  std::optional<bool> flag;       ///< a boolean's value
};

/// The fields `page` shows to a reader of `lang`, in the order site.yaml declares them:
/// those of its collection's schema with a value, except the page's own keys (title,
/// dates, summary...), `images`, `people`, taxonomies, refs, images and objects, which are
/// shown otherwise or not at all. Numbers and dates are written as `lang` writes them, an
/// enum value with its words (`values: {code: {lang: words}}`) when it has them. A text
/// is in the language of the file it is written in, unless it is a translation's copy of
/// the text `original` (the page in the default language, or null) has for the field, or
/// is wholly in another script (render/language_runs.h: text_language).
std::vector<ShownField> shown_fields(const Site& site, const Page& page, const Language& lang,
                                     const Page* original);

}  // namespace firefly
