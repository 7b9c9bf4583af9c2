// Which page translates which: every page in another language than the default, with
// the default language's page of the same key.
#pragma once

#include <utility>
#include <vector>

#include "model/site.h"

namespace firefly {

/// A translated page and its original (both written pages, not fallbacks).
struct TranslationPair {
  const Page* translation = nullptr;
  const Page* original = nullptr;
};

/// Every translation of the site with its original: one pair per translation's source file
/// (the checks may take that file's Markdown once they have read it).
std::vector<TranslationPair> translation_pairs(const Site& site);

}  // namespace firefly
