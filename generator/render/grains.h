// The fingerprint of every grain of one build (see render/reads.h): what each read
// yields. An output whose reads all keep their fingerprints renders to the same bytes.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "model/site.h"
#include "render/body.h"
#include "render/reads.h"
#include "render/theme.h"

namespace firefly {

/// Fingerprints of the inputs that are files rather than parts of the site graph.
struct FileFingerprints {
  std::uint64_t config = 0;    ///< site.yaml and the options that override it
  std::uint64_t theme = 0;     ///< templates and assets
  std::uint64_t datasets = 0;  ///< data/ and what shapes the data pages
  /// Each dataset's own: its files, and those of data/ that belong to no dataset.
  std::map<std::string, std::uint64_t> dataset;
};

/// Grain -> fingerprint; a grain that is not there (a page lookup that finds nothing)
/// has fingerprint 0.
class Grains {
 public:
  std::uint64_t get(std::uint64_t grain) const {
    auto it = fps_.find(grain);
    return it == fps_.end() ? 0 : it->second;
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
  std::unordered_set<std::uint64_t> changed_grains(const Grains& now) const {
    std::unordered_set<std::uint64_t> out;
    for (const auto& [g, fp] : fps_) {
      if (now.get(g) != fp) out.insert(g);
    }
    for (const auto& [g, fp] : now.fps_) {
      if (!fps_.count(g)) out.insert(g);
    }
    return out;
  }

 private:
  friend Grains fingerprint_grains(const Site&, const Theme&, const std::vector<Body>&,
                                   const FileFingerprints&, int);
  std::unordered_map<std::uint64_t, std::uint64_t> fps_;
};

/// The fingerprints of every grain of a built site.
Grains fingerprint_grains(const Site& site, const Theme& theme, const std::vector<Body>& bodies,
                          const FileFingerprints& files, int jobs);

}  // namespace firefly
