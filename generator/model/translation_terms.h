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

/// `term_problems` of pages whose bodies the caller scanned (`scan_markdown`); the
/// original's scan is read only with a glossary.
std::vector<Drift> terms_scanned(const SourcePage& original,
                                 const std::vector<MarkdownItem>& original_items,
                                 const SourcePage& translation,
                                 const std::vector<MarkdownItem>& translation_items,
                                 const Glossary* glossary);

}  // namespace firefly
