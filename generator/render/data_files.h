// The site as the open-data renderers see it, and the per-dataset row formats:
// <name>.csv, <name>.excel.csv and <name>.json.
#pragma once

#include <functional>
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
  std::string commit_lang;                       ///< BCP 47 tag of commit messages

  /// The default language code ("en" when none is configured).
  std::string default_lang() const;
  /// An absolute URL for a site path ("/data/a.csv" -> "https://host/data/a.csv").
  std::string absolute(std::string_view site_path) const;
};

/// The licence id of `ds`: its own, else the site's default.
std::string dataset_license(const Dataset& ds, const DataSite& site);

/// The version a citation names: the declared `version:`, else the date the rows last
/// changed ("2023-06-30"), else "".
std::string dataset_version(const Dataset& ds);

/// The published CSV: the original bytes without a leading BOM.
std::string canonical_csv(const Dataset& ds);
/// `cell` made safe for spreadsheets: a leading ' before = + - @ tab or CR (cells of
/// number columns that hold a valid number are left alone). A cell of a text column
/// (`is_text`) that a spreadsheet would read as a number, a date, a time or a truth
/// value (`001`, `0912345678`, `1/2`, `3-4`, `1e5`, `10:30`, `true`) is written `="001"`,
/// a formula whose value is the text itself, so that codes keep their leading zeros and no
/// text becomes a date.
std::string neutralise_cell(std::string_view cell, bool is_valid_number, bool is_text = false);
/// Receives a file's bytes piece by piece.
using ByteSink = std::function<void(std::string_view)>;

/// Writes the Excel CSV to `sink` piece by piece (see excel_csv).
void write_excel_csv(const Dataset& ds, const ByteSink& sink);
/// The number `cell` (a valid cell of a number or integer column) as JSON text with the
/// CSV's digits: "86.90", "15" and "99999999999999999999" as they are, "+3" as "3", ".5" as
/// "0.5", "5." as "5"; "" when it is spelled some other way.
std::string json_number(std::string_view cell);
/// Writes the JSON rows to `sink` piece by piece (see dataset_json).
void write_dataset_json(const Dataset& ds, const ByteSink& sink);
/// The Excel CSV: UTF-8 BOM, CRLF line ends, every cell neutralised and quoted as needed.
std::string excel_csv(const Dataset& ds);
/// The rows as a JSON array of objects with typed values (numbers, booleans, null); each
/// number as the CSV writes it (json_number), so "15" is not "15.0" nor "86.90" "86.9".
std::string dataset_json(const Dataset& ds);
}  // namespace firefly
