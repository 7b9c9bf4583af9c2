// The open-data files of a build: per dataset <name>.csv, .excel.csv and .json; for the
// catalogue datapackage.json, catalog.jsonld, SHA256SUMS and all.zip.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/localized.h"
#include "core/output.h"
#include "load/dataset.h"

namespace firefly {

/// What the data renderers need to know about the site.
struct DataSite {
  /// One language of the site.
  struct Language {
    std::string code;       ///< "zh-TW"
    std::string html_lang;  ///< "zh-Hant-TW"
    std::string calendar;   ///< "" or "roc"
  };
  Localized title;
  Localized description;  ///< may be empty
  std::string base_url;   ///< "https://labor.example.gov.tw/"
  Localized publisher_name;
  std::string publisher_email;                   ///< may be empty
  std::string data_license = "OGDL-Taiwan-1.0";  ///< default licence of datasets
  std::vector<Language> languages;               ///< the first is the default

  /// The default language code ("en" when none is configured).
  std::string default_lang() const;
  /// An absolute URL for a site path ("/data/a.csv" -> "https://host/data/a.csv").
  std::string absolute(std::string_view site_path) const;
};

/// The licence id of `ds`: its own, else the site's default.
std::string dataset_license(const Dataset& ds, const DataSite& site);

/// The published CSV: the original bytes without a leading BOM.
std::string canonical_csv(const Dataset& ds);
/// `cell` made safe for spreadsheets: a leading ' before = + - @ tab or CR (cells of
/// number columns that hold a valid number are left alone).
std::string neutralise_cell(std::string_view cell, bool is_valid_number);
/// The Excel CSV: UTF-8 BOM, CRLF line ends, every cell neutralised and quoted as needed.
std::string excel_csv(const Dataset& ds);
/// The rows as a JSON array of objects with typed values (numbers, booleans, null).
std::string dataset_json(const Dataset& ds);
/// The Frictionless Data Package 2.0 descriptor of every dataset.
std::string datapackage_json(const std::vector<Dataset>& datasets, const DataSite& site);
/// The DCAT-AP catalogue as JSON-LD.
std::string catalog_jsonld(const std::vector<Dataset>& datasets, const DataSite& site);

/// Adds every non-HTML file under data/ to `out` (paths like "data/awards.csv").
/// Does nothing when there are no datasets.
void render_data_files(const std::vector<Dataset>& datasets, const DataSite& site, OutputSet& out);

}  // namespace firefly
