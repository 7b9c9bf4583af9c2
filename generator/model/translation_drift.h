// Drift: where a translation no longer says what its original says, in the things
// that must not change in translation (numbers, link targets, embeds, images, code,
// structure, front-matter data).
#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "load/content.h"
#include "load/markdown.h"
#include "model/site.h"

namespace firefly {

/// One difference between a translation and its original, placed in the translation.
struct Drift {
  int line = 1;         ///< in the translation
  std::string message;  ///< names the original's file:line:column
  std::string hint;
  int col = 1;  ///< in the translation (of characters, from 1): a figure's own, else 1
};

/// Most headings may differ by this many, list items by this many, before a warning.
inline constexpr int kHeadingTolerance = 0;
inline constexpr int kListItemTolerance = 1;

/// Compares `translation` with `original`: the numbers stated in their text, title,
/// summary and description (normalized, see stated_numbers); link targets (without
/// #fragments) and URLs; embeds (kind and dataset); images; code; the number of
/// headings and of list items (within the tolerances); and front-matter fields that
/// hold data rather than words (everything but title, summary, description, url,
/// aliases, translated_from, translation_key, images' alt text and the words of the fields
/// `schema`, the collection's, types `string`, `text` or `localized`, in lists and objects
/// too: a person's name but not their age; the browser editor offers the same for
/// translating).
std::vector<Drift> compare_translation(const SourcePage& original, const SourcePage& translation,
                                       const std::vector<FieldSchema>* schema = nullptr);

/// `compare_translation` of pages whose bodies the caller scanned (`scan_markdown`).
std::vector<Drift> compare_scanned(const SourcePage& original,
                                   const std::vector<MarkdownItem>& original_items,
                                   const SourcePage& translation,
                                   const std::vector<MarkdownItem>& translation_items,
                                   const std::vector<FieldSchema>* schema = nullptr);

}  // namespace firefly
