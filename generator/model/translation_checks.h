// The checks of every translation against its original, each body scanned once: drift
// (translation_drift) and terms (translation_terms).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "core/error.h"
#include "load/glossary.h"
#include "model/site.h"
#include "model/translation_drift.h"
#include "model/translation_pairs.h"

namespace firefly {

/// What the checks found about one pair, known by its two sources: the very objects, which
/// a build takes over from the one before when their files did not change (`serve`), with
/// the fingerprints of their files, and of the glossary the terms were checked with.
struct PairFindings {
  using List = std::shared_ptr<const std::vector<Drift>>;  ///< shared from build to build
  const SourcePage* original = nullptr;
  const SourcePage* translation = nullptr;
  std::uint64_t original_print = 0, translation_print = 0, glossary_print = 0;
  List drift, terms;
};

/// What the translation checks found, so that the next check takes the findings of the
/// pairs whose sources are the same objects (`serve`). The sources of the pages the report
/// was made for must outlive its use as `previous` (a build's state keeps them).
struct TranslationReport {
  std::vector<PairFindings> pairs;  ///< in the order of translation_pairs()
};

/// `compare_translation` and `term_problems` (with the glossary of the translation's
/// language) for every pair of `pairs` (translation_pairs() of `site`) as warnings, drift
/// first, pairs checked on up to `jobs` threads. With `keep`, records what it found there,
/// and takes from `previous` the findings of pairs whose two sources are the objects they
/// were (and whose glossary is the same, for terms): a pointer compared, nothing hashed.
/// With `take_bodies` (a build that keeps no state, the only owner of its pages): a body
/// the checks parse as the render would is left on its page rendered ahead
/// (SourcePage::body_ahead, see scan_markdown_for_render), its Markdown freed.
void check_translations(const Site& site, const std::vector<TranslationPair>& pairs,
                        const std::vector<Glossary>& glossaries, Diagnostics& diags, int jobs = 1,
                        const TranslationReport* previous = nullptr,
                        TranslationReport* keep = nullptr, bool take_bodies = false);

/// check_translations() of translation_pairs(site).
void check_translations(const Site& site, const std::vector<Glossary>& glossaries,
                        Diagnostics& diags, int jobs = 1,
                        const TranslationReport* previous = nullptr,
                        TranslationReport* keep = nullptr, bool take_bodies = false);

}  // namespace firefly
