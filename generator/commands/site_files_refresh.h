// The feeds and sitemap.xml of a kept build, which `serve` makes after an update's pages
// are shown: they list every page (sitemap.xml is 10.5 MB at 10,000 stories), and no open
// page loads them.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/output.h"

namespace firefly {

struct BuildState;
struct PendingFiles;
class StepTimer;

/// Takes the files made (their site paths not yet applied) and the paths taken over
/// unchanged from the build before, once for the feeds and once for sitemap.xml with
/// robots.txt.
using SiteFilesPublish =
    std::function<void(OutputSet& made, const std::vector<std::string>& taken)>;

/// Makes the feeds and sitemap.xml of `state` into state.site_files: as an update of
/// `before`, whose pages `pages_before` matches with `state`'s (BuildRun's match; empty:
/// the same index), or whole when `before` is null; hands them to `publish` and times
/// each step on `timer`.
void make_site_files(BuildState& state, const BuildState* before,
                     const std::vector<size_t>& pages_before, const SiteFilesPublish& publish,
                     StepTimer& timer);

/// Makes the feeds and sitemap.xml an update left (`pending`, once taken out of
/// BuildState::pending) from the build before, and records them in `state`; returns the
/// files whose bytes differ from that build's. Throws std::logic_error when they are not
/// at the paths the update checked.
OutputSet make_pending_site_files(BuildState& state, const PendingFiles& pending);

}  // namespace firefly
