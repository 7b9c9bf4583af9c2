// Drift in front matter: the fields that hold data (a date, a fine, tags) rather than words
// are the same in every translation of a page.
#pragma once

#include <vector>

#include "load/content.h"
#include "model/site.h"
#include "model/translation_drift.h"

namespace firefly {

/// Adds to `out` a drift for each front-matter field of `translation` whose data differs from
/// `original`'s (what is left without title, summary, description, url, aliases,
/// translated_from, translation_key, images' alt text and the words of the fields `schema`
/// types `string`, `text` or `localized`), one for the data fields it leaves out, and one
/// for each image of the original's `images` it does not show.
void compare_front(const SourcePage& original, const SourcePage& translation,
                   const std::vector<FieldSchema>* schema, std::vector<Drift>& out);

}  // namespace firefly
