// The per-dataset metadata file (<name>.metadata.json) and the README of all.zip.
#pragma once

#include <string>
#include <vector>

#include "load/dataset.h"
#include "render/data_files.h"
#include "render/data_manifest.h"
#include "render/data_table.h"

namespace firefly {

/// A dataset's date as YYYY-MM-DD (without a time), or "" when it is not known.
std::string dataset_day(const Date& d);

/// <name>.metadata.json: title, description, publisher, source, licence, citation (in each
/// language of `views`), version, dates, frequency, keywords, row count, the columns with
/// titles and units, every other published file of the dataset with size and SHA-256, and
/// its change history (date, commit, rows added, removed, changed; the file of each
/// published past version among `versions`).
std::string dataset_metadata_json(const Dataset& ds, const std::vector<DataFile>& files,
                                  const DataSite& site, const std::vector<DataView>& views,
                                  const std::vector<DataFile>& versions = {});

/// README.txt of all.zip: what the archive holds and how to check and cite it, once per
/// language of `views` (the site's default language, then English).
std::string data_readme(const std::vector<Dataset>& datasets, const DataManifest& manifest,
                        const DataSite& site, const std::vector<DataView>& views);

}  // namespace firefly
