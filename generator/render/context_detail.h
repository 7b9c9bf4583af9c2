// Helpers shared by the files that build a page's template context (render/context.cpp,
// render/page_links.cpp); not for other stages.
#pragma once

#include <string>

#include "core/value.h"
#include "model/site.h"

namespace firefly::detail {

/// Notes that the output being rendered shows `page` (as a list entry, link or title).
const Page* noted(const Page* page);
/// `site.find(key, lang)`, noting the lookup and the page found.
const Page* find_noted(const Site& site, const std::string& key, const std::string& lang);
/// The site's language `code`, or its default language.
const Language& language_of(const Site& site, const std::string& code);
/// Adds `title_lang` (its HTML tag) to `m` when `p`'s title is not in the reader's language.
void add_title_lang(Map& m, const Site& site, const Page& p);

}  // namespace firefly::detail
