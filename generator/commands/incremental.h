// `serve`'s fast path: after an edit to the text of a page, re-render only what shows
// that text, from the state of the last build.
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

/// Re-renders what the edits in `changed` (site-relative paths) affect, updating `state`.
/// Handles edits to the body of existing Markdown files: their pages, the lists that show
/// their summaries, the feeds and the search index. Returns nullopt, with `state` unchanged,
/// for anything else (front matter, new or deleted files, data, theme, configuration), which
/// needs a full build. Errors in the new text (broken links, say) go to `diags`; the pages
/// are still rendered and `state` matches the files.
std::optional<Update> rebuild_changed(BuildState& state, const std::vector<std::string>& changed,
                                      Diagnostics& diags);

}  // namespace firefly
