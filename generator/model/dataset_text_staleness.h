// Stale dataset texts: a dataset's metadata keeps every language's text side by side
// ({zh-TW: ..., en: ...}); when the original's value changed in git after a translation's
// did, the translation may no longer say the same thing.
#pragma once

#include <vector>

#include "core/error.h"
#include "load/dataset.h"
#include "model/site.h"

namespace firefly {

/// For every text of a dataset's metadata written in the default language and in others
/// (on one line or on several), warns at each translation whose value last changed in an
/// older commit than the original's, naming both positions, commits and dates, and points
/// the dataset's page in that language (`stale_original`) at its page in the default one.
void mark_stale_dataset_texts(Site& site, const std::vector<Dataset>& datasets, Diagnostics& diags);

}  // namespace firefly
