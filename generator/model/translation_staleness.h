// Stale translations: an original changed in git after its translation did.
#pragma once

#include "core/date.h"
#include "core/error.h"
#include "model/site.h"
#include "model/translation_pairs.h"

namespace firefly {

/// "2024-03-05" of a date that may carry a time.
std::string day_of(const Date& d);

/// Whether the original's change at `changed` is later than what a translation follows:
/// a declared date covers its whole day, a commit (or a last change) counts to the second.
bool changed_after(const Date& changed, const Date& followed, bool followed_is_day);

/// Warns that a `translated_from:` value names neither a date nor a known commit.
void warn_unknown_translated_from(Diagnostics& diags, const std::string& path, Pos pos,
                                  const std::string& text);

/// For every translated page whose original (the default language's page) changed in git
/// after the translation last did, or after the date or commit its `translated_from:`
/// names, sets `stale_original` and warns, naming both files and both dates.
void mark_stale_translations(Site& site, Diagnostics& diags);
/// mark_stale_translations() with the site's translation_pairs() found already.
void mark_stale_translations(Site& site, const std::vector<TranslationPair>& pairs,
                             Diagnostics& diags);

}  // namespace firefly
