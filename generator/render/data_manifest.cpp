#include "render/data_manifest.h"

#include <algorithm>

#include "core/sha256.h"
#include "render/data_catalog.h"
#include "render/data_package.h"
#include "render/zip_writer.h"

namespace firefly {

namespace {

const std::vector<DataFormat> kDatasetFormats = {
    {"csv", ".csv", "text/csv", "CSV", "CSV", "data_download_csv", "CSV (UTF-8)"},
    {"excel_csv", ".excel.csv", "text/csv", "CSV", "CSV", "data_download_excel",
     "CSV for Excel (UTF-8 with BOM)"},
    {"json", ".json", "application/json", "JSON", "JSON", "data_download_json", "JSON"},
};

const std::vector<DataFormat> kCatalogueFormats = {
    {"zip", "all.zip", "application/zip", "ZIP", "ZIP", "data_download_zip", "Every dataset (ZIP)"},
    {"datapackage", "datapackage.json", "application/json", "JSON", "JSON",
     "data_download_datapackage", "Data package (Frictionless)"},
    {"catalog", "catalog.jsonld", "application/ld+json", "JSON-LD", "JSON_LD", "data_download_dcat",
     "Catalogue (DCAT-AP, JSON-LD)"},
    {"sums", "SHA256SUMS", "text/plain", "TXT", "TXT", "data_download_sums", "SHA-256 checksums"},
};

DataFile make_file(std::string path, std::string bytes, const DataFormat& format) {
  DataFile f{std::move(path), std::move(bytes), "", &format};
  f.sha256 = sha256_hex(f.bytes);
  return f;
}

/// The bytes of one dataset format.
std::string write_format(const DataFormat& format, const Dataset& ds) {
  std::string_view kind = format.kind;
  if (kind == "csv") return canonical_csv(ds);
  if (kind == "excel_csv") return excel_csv(ds);
  return dataset_json(ds);
}

}  // namespace

const std::vector<DataFile>& DataManifest::dataset_files(const std::string& name) const {
  static const std::vector<DataFile> kNone;
  auto it = by_dataset.find(name);
  return it == by_dataset.end() ? kNone : it->second;
}

const DataFile* DataManifest::find(const std::vector<DataFile>& files, std::string_view kind) {
  for (const DataFile& f : files) {
    if (f.format && kind == f.format->kind) return &f;
  }
  return nullptr;
}

const std::vector<DataFormat>& dataset_formats() { return kDatasetFormats; }

const DataFormat& data_format(std::string_view kind) {
  for (const auto* list : {&kDatasetFormats, &kCatalogueFormats}) {
    for (const DataFormat& f : *list) {
      if (kind == f.kind) return f;
    }
  }
  return kDatasetFormats.front();
}

DataManifest make_data_manifest(const std::vector<Dataset>& datasets, const DataSite& site) {
  DataManifest m;
  if (datasets.empty()) return m;
  std::vector<ZipEntry> zip;
  for (const Dataset& ds : datasets) {
    std::vector<DataFile>& files = m.by_dataset[ds.name];
    for (const DataFormat& format : kDatasetFormats) {
      files.push_back(
          make_file("data/" + ds.name + format.suffix, write_format(format, ds), format));
    }
    for (const DataFile& f : files) zip.emplace_back(f.name(), f.bytes);
  }
  DataFile package = make_file("data/datapackage.json", datapackage_json(datasets, m, site),
                               data_format("datapackage"));
  DataFile catalog =
      make_file("data/catalog.jsonld", catalog_jsonld(datasets, m, site), data_format("catalog"));
  zip.emplace_back(package.name(), package.bytes);
  zip.emplace_back(catalog.name(), catalog.bytes);
  m.catalogue.push_back(make_file("data/all.zip", make_zip(std::move(zip)), data_format("zip")));
  m.catalogue.push_back(std::move(package));
  m.catalogue.push_back(std::move(catalog));

  std::vector<const DataFile*> all;
  for (const auto& [name, files] : m.by_dataset) {
    for (const DataFile& f : files) all.push_back(&f);
  }
  for (const DataFile& f : m.catalogue) all.push_back(&f);
  std::sort(all.begin(), all.end(),
            [](const DataFile* a, const DataFile* b) { return a->path < b->path; });
  std::string sums;
  for (const DataFile* f : all) sums += f->sha256 + "  " + f->name() + "\n";
  m.catalogue.push_back(make_file("data/SHA256SUMS", std::move(sums), data_format("sums")));
  return m;
}

void emit_data_files(const DataManifest& manifest, OutputSet& out) {
  for (const auto& [name, files] : manifest.by_dataset) {
    for (const DataFile& f : files) out.push_back(OutputFile{f.path, f.bytes, ""});
  }
  for (const DataFile& f : manifest.catalogue) out.push_back(OutputFile{f.path, f.bytes, ""});
}

}  // namespace firefly
