// The DCAT-AP 3 catalogue of every dataset as JSON-LD (catalog.jsonld).
#pragma once

#include <string>
#include <vector>

#include "load/dataset.h"
#include "render/data_files.h"

namespace firefly {

struct DataManifest;

/// catalog.jsonld: a dcat:Catalog with one dcat:Dataset per dataset and one
/// dcat:Distribution per file of `manifest` (size and checksum included).
std::string catalog_jsonld(const std::vector<Dataset>& datasets, const DataManifest& manifest,
                           const DataSite& site);

/// The EU frequency vocabulary IRI of a dataset frequency ("yearly" -> .../ANNUAL), or "".
std::string frequency_iri(const std::string& frequency);

}  // namespace firefly
