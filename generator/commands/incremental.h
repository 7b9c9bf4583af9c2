// `serve`'s fast path: after an edit to a page that leaves it where it is in the site
// (its text, title, summary, description or update date) or to a dataset, re-render only
// what shows it, from the state of the last build.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "commands/build_state.h"
#include "core/error.h"
#include "core/output.h"

namespace firefly {

/// What an incremental rebuild re-rendered.
struct Update {
  OutputSet files;   ///< every file it rendered again, whole
  size_t pages = 0;  ///< how many of them are pages
};

/// Works out, once after a full build, what updates need to know (who lists whom), so
/// the first edit is as quick as the others.
void prepare_updates(BuildState& state);

/// Re-renders what the edits in `changed` (site-relative paths) affect, updating `state`:
/// - a page's text or front matter that keeps it in place: the page and its fallbacks,
///   and the lists, refs, site maps, feeds and search indexes that show what changed;
/// - a dataset's CSV or metadata: its pages, the catalogue and home pages, the pages that
///   may embed it, and the data files;
/// - new bytes in a static file the site already has: nothing (it is served from the file).
/// Returns nullopt, with `state` unchanged, when the edits need a full build: new or
/// deleted pages, datasets or static files; front matter that moves a page (date, weight,
/// terms, refs, url, draft, aliases, images) or whose title shows on every page (home,
/// sections, menu targets); a dataset's new title; data with errors; the theme or the
/// configuration. Errors in the new text (broken links, say) go to `diags`; the pages are
/// still rendered and `state` matches the files.
std::optional<Update> rebuild_changed(BuildState& state, const std::vector<std::string>& changed,
                                      Diagnostics& diags);

}  // namespace firefly
