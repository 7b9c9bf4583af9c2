// What a kept build's update left to make once its first files are shown (`serve`): the
// pages no open tab shows, and the feeds and sitemap.xml. A new story moves about 1,000
// list pages at 10,000 stories; the tab that reloads shows one of them.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/output.h"

namespace firefly {

struct BuildState;

/// The site paths of the files `state` has still to make (BuildState::pending), sorted:
/// the preview holds requests for them until they are made.
std::vector<std::string> pending_paths(const BuildState& state);

/// What make_pending_files made.
struct PendingMade {
  OutputSet files;            ///< those whose bytes differ from the build before's
  size_t pages_rendered = 0;  ///< pages rendered (the update's own not counted)
};

/// Makes what the update that made `state` left (BuildState::pending), the pages beside
/// the site files, and records them in `state`, which then lets the build before go.
/// The pages' problems go to `diags`, as a full build reports them: with an error, `state`
/// holds no complete build (a page that failed made no file). Nothing when nothing is
/// pending. Throws std::logic_error when the site files are not at the paths the update
/// checked.
PendingMade make_pending_files(BuildState& state, Diagnostics& diags);

}  // namespace firefly
