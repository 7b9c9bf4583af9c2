// A dataset's history from git: the commits that changed its rows, what each did to them,
// its dates, and the past versions of its file that are published.
#pragma once

#include <vector>

#include "load/git_history.h"

namespace firefly {

struct Dataset;

/// How many of a dataset's changes its page lists.
inline constexpr size_t kHistoryShown = 50;

/// Sets each dataset's `history` (the commits that changed its CSV, newest first, at most
/// kHistoryShown, with their row changes; the newest `versions_kept` with their file),
/// `updated` and `issued` (unless declared) from `git`, and the commit that last changed each
/// of its `texts` (walking the metadata file's history in the same pass). Nothing when there is no
/// repository or it is a shallow clone (its older commits are missing, so its dates would be
/// wrong).
void add_history(std::vector<Dataset>& datasets, const GitHistory& git, size_t versions_kept);

}  // namespace firefly
