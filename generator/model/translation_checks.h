// The checks of every translation against its original, each body scanned once: drift
// (translation_drift) and terms (translation_terms).
#pragma once

#include <vector>

#include "core/error.h"
#include "load/glossary.h"
#include "model/site.h"
#include "model/translation_drift.h"

namespace firefly {

/// What the translation checks found, by the fingerprint of the files they read, so that
/// the next check takes the findings of unchanged pairs (`serve`).
struct TranslationReport {
  TranslationFindings drift;  ///< by findings_key(original, translation)
  TranslationFindings terms;  ///< by findings_key(original, translation, glossary)
};

/// `compare_translation` and `term_problems` (with the glossary of the translation's
/// language) for every translated page of the site against the default language's page,
/// as warnings, pairs checked on up to `jobs` threads. With `keep`, records what it found
/// there, and takes from `previous` the findings of pairs whose files did not change.
/// With `take_bodies` (a build that keeps no state, the only owner of its pages): a body
/// the checks parse as the render would is left on its page rendered ahead
/// (SourcePage::body_ahead, see scan_markdown_for_render), its Markdown freed.
void check_translations(const Site& site, const std::vector<Glossary>& glossaries,
                        Diagnostics& diags, int jobs = 1,
                        const TranslationReport* previous = nullptr,
                        TranslationReport* keep = nullptr, bool take_bodies = false);

}  // namespace firefly
