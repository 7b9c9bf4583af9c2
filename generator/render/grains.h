// The fingerprint of every grain of one build (see render/reads.h): what each read
// yields. An output whose reads all keep their fingerprints renders to the same bytes.
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "model/site.h"
#include "model/site_patch_match.h"
#include "render/body.h"
#include "render/reads.h"
#include "render/theme.h"

namespace firefly {

/// Fingerprints of the inputs that are files rather than parts of the site graph.
struct FileFingerprints {
  std::uint64_t config = 0;     ///< site.yaml and the options that override it
  std::uint64_t theme = 0;      ///< templates, assets and strings (i18n/)
  std::uint64_t templates = 0;  ///< the same without the strings, which have grains of their own
  std::uint64_t datasets = 0;   ///< data/ and what shapes the data pages
  /// Each dataset's own: its files, and those of data/ that belong to no dataset.
  std::map<std::string, std::uint64_t> dataset;
  /// The catalogue's files as made (after the charts of the pages' blocks).
  std::uint64_t catalogue = 0;
};

class Grains;

/// A build's grains with what they were worked out from, for the next build to take over
/// those of the pages that did not change.
struct GrainsBefore {
  const Site& site;
  const std::vector<Body>& bodies;  ///< indexed like site.pages
  const FileFingerprints& files;
  const Grains& grains;
  /// True when `site` is a patch of this site (model/site_reuse.h patch_site) rather than
  /// a copy: only a page that is the very page here keeps its fingerprints.
  bool shared_only = false;
  /// For each page of `site`, the index of its page here (model/site_patch_match.h
  /// shared_pages; kNoPageBefore: none); null: the page at its own index.
  const std::vector<size_t>* index = nullptr;
};

/// Grain -> fingerprint; a grain that is not there (a page lookup that finds nothing)
/// has fingerprint 0. Kept as one array sorted by grain: an update makes it anew for
/// every page (three grains each), which costs a sort instead of a node per grain, and
/// two of them compare in one pass.
class Grains {
 public:
  std::uint64_t get(std::uint64_t grain) const {
    auto it = std::lower_bound(fps_.begin(), fps_.end(), grain,
                               [](const Entry& e, std::uint64_t g) { return e.first < g; });
    return it == fps_.end() || it->first != grain ? 0 : it->second;
  }
  /// True when any grain of `reads` has another fingerprint in `now`.
  bool changed(const ReadSet& reads, const Grains& now) const {
    for (std::uint64_t g : reads) {
      if (get(g) != now.get(g)) return true;
    }
    return false;
  }
  /// The grains whose fingerprint is another in `now` (or that only one of the two has).
  /// After an edit the set is small: looking an output's reads up in it is cheaper than
  /// comparing each read's fingerprints in both builds.
  std::unordered_set<std::uint64_t> changed_grains(const Grains& now) const;
  /// True when the table is the one of the build before with the grains of the pages that
  /// came, went or were made anew in a patched graph put in or taken out (the others as
  /// they were), rather than every page's grains worked out again.
  bool patched() const { return patched_; }

 private:
  using Entry = std::pair<std::uint64_t, std::uint64_t>;  ///< grain, fingerprint
  friend Grains fingerprint_grains(const Site&, const Theme&, const std::vector<Body>&,
                                   const FileFingerprints&, int, const GrainsBefore*);
  /// Sets the fingerprint of a grain the table has; false when it has none.
  bool reset(std::uint64_t grain, std::uint64_t print);
  std::vector<Entry> fps_;  ///< sorted by grain, one entry each
  bool patched_ = false;    ///< see patched()
  /// How many grains of the whole site (strings, datasets, ...) the table has: one taken
  /// over from the build before holds the same ones only when they are as many (a string
  /// taken out of a strings file must not keep its fingerprint).
  size_t site_wide_ = 0;
  /// The fingerprints of each page as an item and of its self, indexed like site.pages;
  /// the ids of those two grains; and what its language's site map shows of it (0: not
  /// shown). A page taken over takes them all.
  std::vector<std::uint64_t> items_, selves_, item_ids_, self_ids_, shown_;
};

/// The fingerprints of every grain of a built site. With `before`, whose site `site` is a
/// copy of (model/site_reuse.h: the same pages in the same order, with the same values but
/// their sources and stale originals) or a patch of, a page with the same source, stale
/// original and body as its page there (at its index, or at `before.index`) keeps its
/// fingerprints (with `shared_only`, a page that is that page, with the same body), and
/// when both have as many pages the table of `before` is taken with the fingerprints that
/// changed set anew (when it has every grain of `site`).
Grains fingerprint_grains(const Site& site, const Theme& theme, const std::vector<Body>& bodies,
                          const FileFingerprints& files, int jobs,
                          const GrainsBefore* before = nullptr);

}  // namespace firefly
