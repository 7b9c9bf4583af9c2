// Early cutoff for Markdown: after an edit, a body whose page and source are the same and
// whose links still resolve as before is taken from the last build, not rendered again.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "render/body.h"

namespace firefly {

/// How one body of a build was made: what it read, and where it is in that build.
struct BodyOrigin {
  /// Shared with the builds after it that take the body over, so that taking it over
  /// costs a pointer, not a copy of its links.
  std::shared_ptr<const BodyReads> reads;
  /// The problems its links had in that build (null: none); reported again when it is
  /// taken over without resolving its links again.
  std::shared_ptr<const std::vector<Diagnostic>> link_problems;
  std::uint64_t data = 0;  ///< the data fingerprint it was rendered with (for embeds)
  size_t index = 0;        ///< into that build's bodies
};

/// The bodies of a build, indexed like its pages.
struct BodyCache {
  /// How each page's body was made (null `reads`: it has none).
  std::vector<BodyOrigin> origins;
  /// body_key() of each page (0: it has no body), and the page: a page shared with the
  /// next build (model/site_reuse.h) has the same key there, not worked out again.
  std::vector<std::uint64_t> keys;
  std::vector<const Page*> pages;
  /// (key, index) of every body, sorted, to find a page's body by its key.
  std::vector<std::pair<std::uint64_t, size_t>> by_key;
  /// link_targets_fingerprint() of that build's site: while it is the same, a body taken
  /// over keeps its links' results and problems without resolving them again.
  std::uint64_t link_targets = 0;
  bool unsafe_html = false;  ///< as that build's configuration has it (body_key reads it)

  /// The origin of the body whose key is `key`, or null.
  const BodyOrigin* find(std::uint64_t key) const;
};

/// Everything of `page` and its source a body is made from, besides links and data.
std::uint64_t body_key(const Site& site, const Page& page);

/// Renders the bodies of `site` (indexed like its pages), taking from `previous` (with
/// its bodies `previous_bodies`) each body with the same key whose links resolve as they
/// did (known without resolving them when link_targets_fingerprint() is unchanged) and, when it
/// embeds data, whose data fingerprint is `data` (a body that shows photos is rendered again: that
/// registers them in `photos`). Fills `cache` for the next build; `rendered` counts the bodies
/// rendered anew. `link_targets`, when the caller knows it, is link_targets_fingerprint(site)
/// (a graph taken over from the build before has that build's). `shared`, when the caller
/// has it, is shared_pages(previous->pages, site.pages) (model/site_patch_match.h).
/// `changed`, when given, is changed_addresses() of `previous`'s graph and `site` (a patch
/// of it): a body taken over whose links had no problems and were looked up at none of
/// those paths keeps its links' results without resolving them again (and the fingerprint
/// is not worked out: the cache gets one no other graph has).
std::vector<Body> render_bodies_reusing(
    const Site& site, const DataViews& views, std::uint64_t data, const BodyCache* previous,
    const std::vector<Body>* previous_bodies, BodyCache& cache, int jobs, Diagnostics& diags,
    PhotoSet* photos, size_t* rendered = nullptr,
    std::optional<std::uint64_t> link_targets = std::nullopt,
    const std::vector<size_t>* shared = nullptr,
    const std::unordered_set<std::string_view>* changed = nullptr);

}  // namespace firefly
