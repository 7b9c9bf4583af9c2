// The Frictionless Data Package 2.0 descriptor (datapackage.json) of every dataset.
#pragma once

#include <string>
#include <vector>

#include "load/dataset.h"
#include "render/data_files.h"

namespace firefly {

struct DataManifest;

/// datapackage.json: one tabular resource per dataset, sized and hashed from `manifest`.
std::string datapackage_json(const std::vector<Dataset>& datasets, const DataManifest& manifest,
                             const DataSite& site);

}  // namespace firefly
