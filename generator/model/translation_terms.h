// Terms in translations: the glossary's renderings, and Chinese left untranslated.
#pragma once

#include <vector>

#include "core/error.h"
#include "load/content.h"
#include "load/glossary.h"
#include "model/site.h"
#include "model/translation_drift.h"

namespace firefly {

/// Where `translation` departs from `glossary` (null: none) for the terms its
/// `original` uses: a term whose accepted rendering never appears, or a rendering the
/// glossary says to avoid (a whole word). For a language not written in Han characters
/// (not zh, ja, ko), also every text run with Han characters outside a
/// `<span lang="…">`.
std::vector<Drift> term_problems(const SourcePage& original, const SourcePage& translation,
                                 const Glossary* glossary);

/// `term_problems` for every translated page of the site, as warnings. With `findings`,
/// keeps what it found there, and takes from `previous` the findings of pairs whose
/// files and glossary did not change.
void check_terms(const Site& site, const std::vector<Glossary>& glossaries, Diagnostics& diags,
                 const TranslationFindings* previous = nullptr,
                 TranslationFindings* findings = nullptr);

}  // namespace firefly
