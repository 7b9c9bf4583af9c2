// Which pages a graph shares with the graph before it (model/site_reuse.h): after a new or
// a deleted story the two no longer line up by index, and what a build takes over from the
// build before for a page (its body, its fingerprints, its output) is found by the page.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "model/site.h"

namespace firefly {

/// No page before (see shared_pages).
inline constexpr size_t kNoPageBefore = static_cast<size_t>(-1);

/// For each page of `now`, the index in `before` of the very same page (one a patched or
/// taken-over graph shares with the graph before), or kNoPageBefore. Both lists in
/// build_site's order: one pass while they line up, a lookup by page from the first page
/// that does not.
std::vector<size_t> shared_pages(const std::vector<const Page*>& before,
                                 const std::vector<std::shared_ptr<Page>>& now);

/// The same for the pages of two graphs.
std::vector<size_t> shared_pages(const Site& before, const Site& now);

/// The site paths at which a link may resolve differently in `now` than in `before`: the
/// addresses whose page has another key or language (or is only in one of them), and
/// every address, before and now, of a page of a key whose pages (language -> address)
/// differ. A link looked up at any other path, and at that path with "/", resolves as it
/// did when the two have the same files, datasets, withheld paths and languages (a
/// patched graph: its inputs' print says so). Views into both graphs' strings.
std::unordered_set<std::string_view> changed_addresses(const Site& before, const Site& now);

}  // namespace firefly
