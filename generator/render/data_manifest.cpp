#include "render/data_manifest.h"

#include <algorithm>

#include "core/fs.h"
#include "core/hash.h"
#include "core/interrupt.h"
#include "core/parallel.h"
#include "core/sha256.h"
#include "core/text.h"
#include "render/data_catalog.h"
#include "render/data_metadata.h"
#include "render/data_package.h"
#include "render/data_sheet.h"
#include "render/ods_writer.h"
#include "render/xlsx_writer.h"
#include "render/zip_writer.h"

namespace firefly {

namespace {

const std::vector<DataFormat> kDatasetFormats = {
    {"csv", ".csv", "text/csv", "CSV", "CSV", "data_download_csv", "CSV (UTF-8)"},
    {"excel_csv", ".excel.csv", "text/csv", "CSV", "CSV", "data_download_excel",
     "CSV for Excel (UTF-8 with BOM)"},
    {"xlsx", ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX",
     "XLSX", "data_download_xlsx", "Excel workbook (XLSX)"},
    {"ods", ".ods", kOdsMediaType, "ODS", "ODS", "data_download_ods",
     "OpenDocument spreadsheet (ODS)"},
    {"json", ".json", "application/json", "JSON", "JSON", "data_download_json", "JSON"},
    {"metadata", ".metadata.json", "application/json", "JSON", "JSON", "data_download_metadata",
     "Metadata: source, licence, citation, columns (JSON)"},
};

/// A past version of a dataset's rows (listed on its page and in its metadata only).
const DataFormat kVersionFormat = {
    "version", ".csv", "text/csv", "CSV", "CSV", "data_download_version", "CSV (UTF-8)"};

const std::vector<DataFormat> kCatalogueFormats = {
    {"zip", "all.zip", "application/zip", "ZIP", "ZIP", "data_download_zip", "Every dataset (ZIP)"},
    {"datapackage", "datapackage.json", "application/json", "JSON", "JSON",
     "data_download_datapackage", "Data package (Frictionless)"},
    {"catalog", "catalog.jsonld", "application/ld+json", "JSON-LD", "JSON_LD", "data_download_dcat",
     "Catalogue (DCAT-AP, JSON-LD)"},
    {"sums", "SHA256SUMS", "text/plain", "TXT", "TXT", "data_download_sums", "SHA-256 checksums"},
};

/// The files of a chart (linked from the chart itself).
const std::vector<DataFormat> kChartFormats = {
    {"chart_csv", ".csv", "text/csv", "CSV", "CSV", "chart_download_csv", "data (CSV, {size})"},
    {"chart_svg", ".svg", "image/svg+xml", "SVG", "SVG", "chart_download_svg",
     "image (SVG, {size})"},
};

DataFile make_file(std::string path, std::string_view bytes, const DataFormat& format,
                   const DataSpool& spool) {
  DataFileWriter w(spool);
  w.write(bytes);
  return w.finish(std::move(path), format);
}

/// Writes one row format of `ds` as a stream.
DataFile write_format(const DataFormat& format, const Dataset& ds, const DataSpool& spool) {
  DataFileWriter w(spool);
  std::string_view kind = format.kind;
  auto sink = [&](std::string_view piece) { w.write(piece); };
  if (kind == "csv") {
    w.write(strip_bom(ds.csv_bytes));
  } else if (kind == "excel_csv") {
    write_excel_csv(ds, sink);
  } else {
    write_dataset_json(ds, sink);
  }
  return w.finish("data/" + ds.name + format.suffix, format);
}

/// Writes the spreadsheet `format` ("xlsx" or "ods") of `ds`: into the spool's folder, or
/// through a file in the system's temporary folder into memory. Nullopt when the rows do
/// not fit in a spreadsheet or the file cannot be written.
std::optional<DataFile> write_spreadsheet(const DataFormat& format, const Dataset& ds,
                                          const SheetText& text, const DataSpool& spool) {
  if (!fits_spreadsheet(ds)) return std::nullopt;
  std::error_code ec;
  DataSpool temp_spool = spool;
  if (spool.dir.empty()) temp_spool.dir = std::filesystem::temp_directory_path(ec);
  if (ec) return std::nullopt;
  std::filesystem::path temp = temp_spool.temp_path();
  // A file of its own in $TMPDIR (no spool) goes if the build is interrupted meanwhile.
  std::optional<InterruptCleanup> on_interrupt;
  if (spool.dir.empty()) on_interrupt.emplace(temp);
  bool ok = std::string_view(format.kind) == "xlsx"
                ? write_xlsx(ds, text, temp, temp_spool.dir)
                : write_ods(ds, text, temp, spool.dir.empty() ? "" : temp_spool.dir);
  if (!ok) return std::nullopt;
  std::string path = "data/" + ds.name + format.suffix;
  if (!spool.dir.empty()) return spool.adopt(temp, std::move(path), format);
  std::optional<std::string> bytes = read_file(temp);
  std::filesystem::remove(temp, ec);
  if (!bytes) return std::nullopt;
  return make_file(std::move(path), *bytes, format, spool);
}

/// The archive entry of a published file, dated `modified`; spreadsheets, which are zips
/// already, are stored rather than compressed again.
ZipEntry zip_entry(const DataFile& f, const Date& modified) {
  std::string_view kind = f.format ? f.format->kind : "";
  return ZipEntry{f.name(), f.bytes, f.spooled, modified, kind == "xlsx" || kind == "ods"};
}

/// SHA256SUMS over the files of every dataset, its charts and the catalogue, each named by
/// its path under data/ (sha256sum -c checks them from that folder).
DataFile checksums(const DataManifest& m, const DataSpool& spool) {
  std::vector<const DataFile*> all;
  for (const auto* group : {&m.by_dataset, &m.charts}) {
    for (const auto& [name, files] : *group) {
      for (const DataFile& f : files) all.push_back(&f);
    }
  }
  for (const DataFile& f : m.catalogue) {
    if (std::string_view(f.format->kind) != "sums") all.push_back(&f);
  }
  std::sort(all.begin(), all.end(),
            [](const DataFile* a, const DataFile* b) { return a->path < b->path; });
  std::string sums;
  for (const DataFile* f : all) sums += f->sha256 + "  " + f->path.substr(5) + "\n";
  return make_file("data/SHA256SUMS", sums, data_format("sums"), spool);
}

}  // namespace

DataFile make_data_file(std::string path, std::string_view bytes, const DataFormat& format) {
  return make_file(std::move(path), bytes, format, {});
}

void add_chart_files(DataManifest& manifest, std::vector<DataFile> files) {
  if (files.empty()) return;
  std::sort(files.begin(), files.end(), [](const DataFile& a, const DataFile& b) {
    return a.path != b.path ? a.path < b.path : a.sha256 < b.sha256;
  });
  for (size_t i = 0; i < files.size(); ++i) {
    if (i > 0 && files[i].path == files[i - 1].path) continue;
    const std::string& path = files[i].path;  // data/<dataset>/charts/<file>
    std::string dataset = path.substr(5, path.find('/', 5) - 5);
    std::vector<DataFile>& list = manifest.charts[dataset];
    auto at = std::lower_bound(list.begin(), list.end(), path,
                               [](const DataFile& f, const std::string& p) { return f.path < p; });
    if (at != list.end() && at->path == path) continue;
    list.insert(at, std::move(files[i]));
  }
  for (DataFile& f : manifest.catalogue) {
    if (std::string_view(f.format->kind) == "sums") f = checksums(manifest, {});
  }
}

namespace {

/// What git told of `d` (the commits that changed its rows and texts, its dates).
void add_history(Hasher& h, const Dataset& d) {
  auto add_commit = [&](const HistoryEntry& c) {
    h.add(c.commit).add(c.date.iso()).add(c.message).add(c.blob);
  };
  h.add(d.name).add(d.updated.iso()).add(d.issued.iso()).add(d.history.size());
  for (const DatasetChange& change : d.history) {
    add_commit(change.commit);
    h.add(change.first ? 1 : 0).add(change.published ? 1 : 0).add(change.csv);
  }
  h.add(d.texts.size());
  for (const MetadataText& text : d.texts) {
    h.add(text.changed ? 1 : 0).add(text.age);
    if (text.changed) add_commit(*text.changed);
  }
}

}  // namespace

std::uint64_t dataset_files_print(std::uint64_t own_files, const Dataset& d) {
  Hasher h;
  h.add(own_files);
  add_history(h, d);
  return h.get();
}

DataManifest without_charts(const DataManifest& manifest) {
  DataManifest m;
  m.by_dataset = manifest.by_dataset;
  m.versions = manifest.versions;
  m.catalogue = manifest.catalogue;
  for (DataFile& f : m.catalogue) {
    if (!manifest.charts.empty() && std::string_view(f.format->kind) == "sums") {
      f = checksums(m, {});
    }
  }
  return m;
}

const std::vector<DataFile>& DataManifest::dataset_files(const std::string& name) const {
  static const std::vector<DataFile> kNone;
  auto it = by_dataset.find(name);
  return it == by_dataset.end() ? kNone : it->second;
}

const std::vector<DataFile>& DataManifest::dataset_versions(const std::string& name) const {
  static const std::vector<DataFile> kNone;
  auto it = versions.find(name);
  return it == versions.end() ? kNone : it->second;
}

const DataFile* DataManifest::find(const std::vector<DataFile>& files, std::string_view kind) {
  for (const DataFile& f : files) {
    if (f.format && kind == f.format->kind) return &f;
  }
  return nullptr;
}

const std::vector<DataFormat>& dataset_formats() { return kDatasetFormats; }

std::string version_path(const Dataset& ds, const DatasetChange& change) {
  return "data/" + ds.name + "/versions/" + change.version_file();
}

std::vector<std::string> dataset_file_paths(const Dataset& ds) {
  std::vector<std::string> paths;
  for (const DataFormat& format : kDatasetFormats) {
    std::string_view kind = format.kind;
    if ((kind == "xlsx" || kind == "ods") && !fits_spreadsheet(ds)) continue;
    paths.push_back("/data/" + ds.name + format.suffix);
  }
  for (const DatasetChange& c : ds.history) {
    if (c.published) paths.push_back("/" + version_path(ds, c));
  }
  return paths;
}

std::vector<std::string> catalogue_file_paths() {
  std::vector<std::string> paths;
  for (const DataFormat& format : kCatalogueFormats) {
    paths.push_back(std::string("/data/") + format.suffix);
  }
  return paths;
}

const DataFormat& data_format(std::string_view kind) {
  for (const auto* list : {&kDatasetFormats, &kCatalogueFormats, &kChartFormats}) {
    for (const DataFormat& f : *list) {
      if (kind == f.kind) return f;
    }
  }
  return kDatasetFormats.front();
}

namespace {

/// True when `before` keeps the files of dataset `name` in memory, to be taken as they are.
bool can_take(const DataFilesBefore* before, const std::string& name) {
  if (!before || !before->datasets.count(name)) return false;
  const DataManifest& m = before->manifest;
  if (m.by_dataset.find(name) == m.by_dataset.end()) return false;
  for (const std::vector<DataFile>* list : {&m.dataset_files(name), &m.dataset_versions(name)}) {
    for (const DataFile& f : *list) {
      if (!f.spooled.empty()) return false;
    }
  }
  return true;
}

}  // namespace

namespace {

/// The files of one dataset: its formats and metadata, and its past versions.
struct DatasetFiles {
  std::vector<DataFile> files, versions;
};

/// Makes the files of dataset `ds` (all but the archive and catalogue, which list them).
DatasetFiles make_dataset_files(const Dataset& ds, const DataSite& site, const DataSpool& spool,
                                const std::vector<DataView>& readme_views) {
  DatasetFiles made;
  const SheetText text = sheet_text(ds, site, readme_views);
  for (const DataFormat& format : kDatasetFormats) {
    std::string_view kind = format.kind;
    if (kind == "metadata") continue;
    if (kind == "xlsx" || kind == "ods") {
      if (auto sheet = write_spreadsheet(format, ds, text, spool)) made.files.push_back(*sheet);
      continue;
    }
    made.files.push_back(write_format(format, ds, spool));
  }
  for (const DatasetChange& c : ds.history) {
    if (!c.published) continue;
    made.versions.push_back(
        make_file(version_path(ds, c), strip_bom(c.csv), kVersionFormat, spool));
  }
  const DataFormat& meta = data_format("metadata");
  made.files.push_back(make_file(
      "data/" + ds.name + meta.suffix,
      dataset_metadata_json(ds, made.files, site, readme_views, made.versions), meta, spool));
  return made;
}

}  // namespace

DataManifest make_data_manifest(const std::vector<Dataset>& datasets, const DataSite& site,
                                const DataSpool& spool, const std::vector<DataView>& readme_views,
                                const DataFilesBefore* before, int jobs) {
  DataManifest m;
  if (datasets.empty()) return m;
  // Each dataset's files on a thread (their spreadsheets are most of the work), then
  // listed in the datasets' order.
  std::vector<DatasetFiles> made(datasets.size());
  parallel_for(datasets.size(), jobs, [&](size_t i) {
    const Dataset& ds = datasets[i];
    if (can_take(before, ds.name)) {
      made[i] = {before->manifest.dataset_files(ds.name),
                 before->manifest.dataset_versions(ds.name)};
    } else {
      made[i] = make_dataset_files(ds, site, spool, readme_views);
    }
  });
  std::vector<ZipEntry> zip;
  Date newest;
  for (size_t i = 0; i < datasets.size(); ++i) {
    const Dataset& ds = datasets[i];
    for (const DataFile& f : made[i].files) zip.push_back(zip_entry(f, ds.updated));
    if (ds.updated.year &&
        (!newest.year || ds.updated.days_since_epoch() > newest.days_since_epoch())) {
      newest = ds.updated;
    }
    m.by_dataset[ds.name] = std::move(made[i].files);
    m.versions[ds.name] = std::move(made[i].versions);
  }
  DataFile package = make_file("data/datapackage.json", datapackage_json(datasets, m, site),
                               data_format("datapackage"), spool);
  DataFile catalog = make_file("data/catalog.jsonld", catalog_jsonld(datasets, m, site),
                               data_format("catalog"), spool);
  std::string readme = data_readme(datasets, m, site, readme_views);
  zip.push_back(zip_entry(package, newest));
  zip.push_back(zip_entry(catalog, newest));
  zip.push_back(ZipEntry{"README.txt", readme, "", newest});
  const DataFormat& zip_format = data_format("zip");
  if (spool.dir.empty()) {
    m.catalogue.push_back(make_file("data/all.zip", make_zip(std::move(zip)), zip_format, spool));
  } else {
    std::filesystem::path temp = spool.temp_path();
    if (write_zip(std::move(zip), temp)) {
      m.catalogue.push_back(spool.adopt(temp, "data/all.zip", zip_format));
    } else {
      std::error_code ec;
      std::filesystem::remove(temp, ec);
      m.catalogue.push_back(make_file("data/all.zip", make_zip(std::move(zip)), zip_format, {}));
    }
  }
  m.catalogue.push_back(std::move(package));
  m.catalogue.push_back(std::move(catalog));

  m.catalogue.push_back(checksums(m, spool));
  return m;
}

void emit_data_files(const DataManifest& manifest, OutputSet& out) {
  for_each_data_file(manifest, [&](const DataFile& f) {
    out.push_back(OutputFile{f.path, f.bytes, f.spooled});
  });
}

}  // namespace firefly
