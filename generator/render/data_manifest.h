// The one list of every open-data file a build publishes (path, bytes, SHA-256, media
// type). The download lists, SHA256SUMS, the data package, the DCAT catalogue and all.zip
// are all made from it.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/output.h"
#include "core/shared_text.h"
#include "load/dataset.h"
#include "render/data_files.h"
#include "render/data_spool.h"
#include "render/data_table.h"

namespace firefly {

/// A kind of published file: how it is named, typed and labelled.
struct DataFormat {
  const char* kind;          ///< "csv", "excel_csv", "json", ... , "zip", "sums"
  const char* suffix;        ///< appended to the dataset name (or the whole file name)
  const char* media_type;    ///< IANA media type, "text/csv"
  const char* format;        ///< short label shown beside a link, "CSV"
  const char* eu_file_type;  ///< the EU file-type vocabulary code, "CSV" ("" = none)
  const char* label_key;     ///< theme string of the link text
  const char* label_en;      ///< the link text when the theme has no such string
};

/// One published file: its bytes in memory, or (`spooled`) a file written as a stream.
struct DataFile {
  std::string path;    ///< relative to the output root: "data/awards.csv"
  SharedText bytes;    ///< the content, shared by copies; "" when `spooled`
  std::string sha256;  ///< lower-case hex SHA-256 of the content
  const DataFormat* format = nullptr;
  size_t size = 0;      ///< the content's length in bytes
  std::string spooled;  ///< the file on disk holding the content ("" = `bytes`)

  /// The site path: "/data/awards.csv".
  std::string url() const { return "/" + path; }
  /// The file name: "awards.csv".
  std::string name() const { return path.substr(path.rfind('/') + 1); }
};

/// Every open-data file of a build.
struct DataManifest {
  std::map<std::string, std::vector<DataFile>> by_dataset;  ///< dataset name -> its files
  std::vector<DataFile> catalogue;  ///< datapackage.json, catalog.jsonld, all.zip, SHA256SUMS
  /// dataset name -> its published past versions (data/<name>/versions/<date>-<hash>.csv),
  /// newest first
  std::map<std::string, std::vector<DataFile>> versions;
  /// dataset name -> the files of its charts (data/<name>/charts/<chart>.csv and
  /// <chart>.<lang>.svg), by path
  std::map<std::string, std::vector<DataFile>> charts;

  /// The files of dataset `name` in publishing order (empty when unknown).
  const std::vector<DataFile>& dataset_files(const std::string& name) const;
  /// The published past versions of dataset `name`, newest first (empty when none).
  const std::vector<DataFile>& dataset_versions(const std::string& name) const;
  /// The file of `kind` among `files`, or nullptr.
  static const DataFile* find(const std::vector<DataFile>& files, std::string_view kind);
};

/// The formats published for every dataset, in the order pages list them.
const std::vector<DataFormat>& dataset_formats();
/// Where a published past version of `ds` is: "data/<name>/versions/<date>-<hash>.csv".
std::string version_path(const Dataset& ds, const DatasetChange& change);
/// The site paths of every file the build publishes for `ds` itself, named as
/// make_data_manifest names them: each format ("/data/awards.csv", ..., the spreadsheets
/// when the rows fit one), the metadata file and each published past version
/// ("/data/awards/versions/2024-07-08-1a2b3c4.csv"). Links in content may point to any of
/// them; chart files are checked once the charts are drawn.
std::vector<std::string> dataset_file_paths(const Dataset& ds);
/// The site paths of the catalogue's files ("/data/all.zip", "/data/datapackage.json",
/// "/data/catalog.jsonld", "/data/SHA256SUMS"), published when the site has datasets.
std::vector<std::string> catalogue_file_paths();
/// The format of `kind` ("zip", "datapackage", "catalog", "sums" or a dataset format).
const DataFormat& data_format(std::string_view kind);

/// The files of an earlier build's datasets that a new one may take: those of the datasets
/// named, made from the same files, git history, configuration and theme.
struct DataFilesBefore {
  const DataManifest& manifest;
  std::set<std::string> datasets;
};

/// Makes every file: each dataset's formats, past versions and metadata file, then the data package
/// and catalogue (which describe them), the archive with its README, and SHA256SUMS over all of
/// them. Files are written as streams into `spool` (memory when its folder is ""); each
/// README is written in the languages of `readme_views` (the default language, English).
/// Empty without datasets. With `before`, a dataset it names keeps the files (formats, past
/// versions, metadata) it has there when they are held in memory. The datasets' own files
/// are made on up to `jobs` threads.
DataManifest make_data_manifest(const std::vector<Dataset>& datasets, const DataSite& site,
                                const DataSpool& spool = {},
                                const std::vector<DataView>& readme_views = {},
                                const DataFilesBefore* before = nullptr, int jobs = 1);

/// Adds the chart files `files` (paths "data/<dataset>/charts/...") to `manifest`, each path
/// once, and makes its SHA256SUMS again to cover them.
void add_chart_files(DataManifest& manifest, std::vector<DataFile> files);

/// The fingerprint of what make_data_manifest makes dataset `d`'s files from, the site's
/// configuration and theme aside: `own_files` (that of the files it was loaded from) and
/// what git told of it (the commits that changed its rows and texts, its dates).
std::uint64_t dataset_files_print(std::uint64_t own_files, const Dataset& d);

/// `manifest` (held in memory) without its chart files: as make_data_manifest made it,
/// before add_chart_files.
DataManifest without_charts(const DataManifest& manifest);

/// A published file held in memory.
DataFile make_data_file(std::string path, std::string_view bytes, const DataFormat& format);

/// Calls `visit(const DataFile&)` for every file of `manifest`: each dataset's, the past
/// versions, the charts, then the catalogue.
template <typename Visit>
void for_each_data_file(const DataManifest& manifest, Visit&& visit) {
  for (const auto* group : {&manifest.by_dataset, &manifest.versions, &manifest.charts}) {
    for (const auto& [name, files] : *group) {
      for (const DataFile& f : files) visit(f);
    }
  }
  for (const DataFile& f : manifest.catalogue) visit(f);
}

/// Adds every file of `manifest` to `out`.
void emit_data_files(const DataManifest& manifest, OutputSet& out);

}  // namespace firefly
