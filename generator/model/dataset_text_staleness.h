// Stale dataset texts: a dataset's metadata keeps every language's text side by side
// ({zh-TW: ..., en: ...}); when the original's lines changed in git after a translation's
// lines did, the translation may no longer say the same thing.
#pragma once

#include <filesystem>
#include <vector>

#include "config/site_config.h"
#include "core/error.h"
#include "load/dataset.h"

namespace firefly {

/// For every text of a dataset's metadata written in the default language and in others
/// on lines of their own (block style), warns at each translation whose lines were last
/// committed before the original's, naming both lines and both dates. Texts written on
/// one line ({zh-TW: ..., en: ...}) change together and are not compared.
void warn_stale_dataset_texts(const std::vector<Dataset>& datasets, const SiteConfig& config,
                              const std::filesystem::path& site_dir, Diagnostics& diags);

}  // namespace firefly
