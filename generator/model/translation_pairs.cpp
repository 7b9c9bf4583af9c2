#include "model/translation_pairs.h"

#include <unordered_set>

namespace firefly {

std::vector<TranslationPair> translation_pairs(const Site& site) {
  const std::string& def = site.config->default_language().code;
  std::vector<TranslationPair> out;
  std::unordered_set<const SourcePage*> paired;
  for (const auto& page : site.pages) {
    const SourcePage* src = page->source;
    if (!src || page->fallback || src->lang == def || page->page_number != 1) continue;
    const Page* original = site.find(page->key, def);
    if (!original || !original->source || original->fallback) continue;
    // A file with parts that could not be read has nothing reliable to compare.
    auto whole = [](const SourcePage& s) { return !s.front_incomplete && !s.body_unread; };
    if (!whole(*src) || !whole(*original->source)) continue;
    if (paired.insert(src).second) out.push_back({page.get(), original});
  }
  return out;
}

}  // namespace firefly
