// Datasets: data/<name>.yaml (metadata and data dictionary) plus data/<name>.csv (typed rows).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "config/licenses.h"
#include "core/date.h"
#include "core/error.h"
#include "core/localized.h"
#include "core/value.h"
#include "load/csv.h"
#include "load/dataset_coverage.h"
#include "load/dataset_texts.h"
#include "load/git_history.h"
#include "load/indicator_spec.h"
#include "load/row_diff.h"

namespace firefly {

/// The type every cell of a column is checked against.
enum class ColumnType { kString, kInteger, kNumber, kBoolean, kDate };

/// The name of a column type as written in the metadata ("integer", ...).
const char* column_type_name(ColumnType type);

/// One column of the data dictionary.
struct Column {
  std::string name;  ///< the CSV header name
  ColumnType type = ColumnType::kString;
  Localized title;        ///< defaults to the name
  Localized description;  ///< may be empty
  Localized unit;         ///< may be empty; a code or words per language ("person-times")
  Pos pos;                ///< where the column is declared in the metadata
  /// `lang:`: the language its text cells are written in, a site language's code or a
  /// BCP 47 tag ("" = the site's default language). Numbers, dates, yes/no and the words of
  /// `values` are shown in the reader's language whatever it says.
  std::string lang = {};
  /// `values:`: the words of the column's codes per language ({at_least: {zh-TW: 至少}});
  /// pages and spreadsheets show them, the CSV and JSON keep the codes.
  std::vector<std::pair<std::string, Localized>> values = {};
  /// The unit's code when Firefly has words for it in each language (`unit: percent`;
  /// known_unit_words), else "".
  std::string unit_code = {};
  /// True when no title was written: the name stands for it (check_dataset_metadata warns).
  bool untitled = false;

  /// The words of `code` (nullptr when the column gives none).
  const Localized* label_of(std::string_view code) const;
};

/// The kinds of chart: bar (one series, or grouped bars for several), stacked (bars of
/// several series on top of each other), hbar (horizontal bars), line, and target (y is
/// [target, actual]: actual bars against target marks).
inline const std::vector<std::string> kChartKinds = {"bar", "stacked", "hbar", "line", "target"};

/// The chart a dataset page shows (metadata `chart:`) or an embed asks for.
struct ChartSpec {
  std::string x;               ///< column on the category / time axis
  std::vector<std::string> y;  ///< numeric columns plotted, one series each
  std::string kind = "bar";    ///< one of kChartKinds
  Localized title;             ///< may be empty (the dataset title is used)
  /// The title as HTML for the page, its parts in other languages in `lang` spans ("" =
  /// the title, escaped, with the lang it needs). Only generated charts (an indicator's)
  /// set it; the chart's SVG file keeps the plain title.
  std::string title_html = {};
  /// x is a sequence in time order even though its column is text (a plan's periods, as
  /// "2015-2018"); set by Firefly, never read from metadata. A text x is else a category.
  bool x_in_order = false;
  /// The x values a ```chart block's `where:` keeps (empty = every value); set by Firefly,
  /// never read from metadata. Over years, a year no row reports is a gap in the chart only
  /// when it is one of them: the years a `where:` leaves out are not drawn.
  std::vector<Value> x_kept = {};
};

/// Where a dataset's figures come from (metadata `source:`): the agency that produced
/// them and the document that published them. A plain text `source:` is the agency.
struct DatasetSource {
  Localized agency;          ///< who produced the figures
  Localized title;           ///< the document's title, may be empty
  std::optional<Date> date;  ///< the document's date
  std::string url;           ///< where the document can be read, may be empty

  bool empty() const { return agency.empty() && title.empty() && url.empty(); }
};

/// One commit that changed a dataset's rows: when, what it did to them, and (for the newest
/// few) the rows' file as that commit left it, published as a past version.
struct DatasetChange {
  HistoryEntry commit;
  RowDiff rows;            ///< against the previous change (every row added for the first)
  bool first = false;      ///< the commit that created the file
  std::string csv;         ///< the file at this commit; "" when this version is not published
  bool published = false;  ///< `csv` is published as /data/<name>/versions/<date>-<hash>.csv

  /// The file name of this version: "2023-07-08-1a2b3c4.csv".
  std::string version_file() const;
};

/// Which revision of the original a language's texts follow (`translated_from: {en: ...}`).
struct TranslatedFrom {
  std::string text;          ///< as written: a date (YYYY-MM-DD) or a commit
  Pos pos;                   ///< where the value is written
  std::optional<Date> date;  ///< the date written, else the commit's date when git knows it
  bool is_commit = false;    ///< `text` is not a date
};

/// A loaded, validated dataset.
struct Dataset {
  std::string name;       ///< file stem: data/<name>.csv
  std::string csv_path;   ///< "data/<name>.csv"
  std::string yaml_path;  ///< "data/<name>.yaml"
  Localized title;
  Localized description;
  /// `summary:`: a sentence for the catalogue's cards (may be empty: the description's
  /// first sentence is shown then).
  Localized summary;
  DatasetSource source;
  std::string version;    ///< declared `version:`, else "" (the modified date is used)
  std::string frequency;  ///< as written, may be empty
  std::string license;    ///< licence id, e.g. "OGDL-Taiwan-1.0" ("" = the site's default)
  std::optional<ChartSpec> chart;
  std::optional<IndicatorSpec> indicators;  ///< set when the rows are a plan's indicators
  std::vector<std::string> keywords;
  std::vector<std::string> key;           ///< `key:` columns that name a row (may be empty)
  std::vector<Column> columns;            ///< in CSV header order
  std::string csv_bytes;                  ///< the original file, byte for byte
  std::vector<std::uint32_t> row_starts;  ///< where each data row starts in csv_bytes
  Date updated;  ///< `modified`: the rows' last change (declared, else git); year 0 = unknown
  Date issued;   ///< the rows' first publication (declared, else git); year 0 = unknown
  std::optional<Date> declared_modified;  ///< `modified:` in the metadata
  std::optional<Date> declared_issued;    ///< `issued:` in the metadata
  std::optional<Period> temporal;         ///< `temporal:`, else the period of a date/year column
  Localized spatial;                      ///< `spatial:`, the place the figures are about
  std::vector<std::string> themes;        ///< `themes:`, EU data theme codes ("SOCI")
  std::vector<DatasetChange> history;     ///< commits that changed the rows, newest first
  /// Every text of the metadata file as it is on disk, with the commit (from git) that last
  /// changed each one's value: what tells which translations are stale.
  std::vector<MetadataText> texts;
  /// `translated_from:` per language code: what clears a stale-translation warning once the
  /// translation has been checked against a newer original.
  std::map<std::string, TranslatedFrom> translated_from;

  /// Index of the column named `name`, or -1.
  int column_index(std::string_view column) const;
  /// The names of all columns (for did_you_mean).
  std::vector<std::string> column_names() const;

  /// The number of data rows.
  size_t row_count() const { return row_starts.size(); }
  /// The cells of data row `r` as written (quotes removed), read again from csv_bytes: the
  /// rows are kept only as the file's bytes and one offset each, so a dataset takes little
  /// more memory than its file.
  std::vector<std::string> cells(size_t r) const;
  /// The typed cells of data row `r` (null = missing), in column order.
  std::vector<Value> row(size_t r) const;
  /// Calls `f(cells)` for each of the rows `*rows` (every row when null; a number past the
  /// last row is skipped), reading each row's cells again from csv_bytes into one reused
  /// record: what reads many rows, where cells() would allocate each row anew.
  template <class F>
  void for_each_row(const std::vector<size_t>* rows, F f) const;
  /// The 1-based line of csv_bytes where data row `r` starts.
  int row_line(size_t r) const;
  /// Sets row_starts to the data rows of csv_bytes (after the header), for a dataset made
  /// in code; build_dataset sets them while it checks the file.
  void index_rows();
  /// The bytes this dataset holds in memory for its rows (csv_bytes and row_starts).
  size_t memory_bytes() const;
};

template <class F>
void Dataset::for_each_row(const std::vector<size_t>* rows, F f) const {
  static const std::string kNoPath;
  Diagnostics ignored;  // the file was checked when it was loaded
  CsvRecord record;
  auto read = [&](size_t r) {
    if (r >= row_count()) return;
    CsvReader reader(csv_bytes, kNoPath, ignored, row_starts[r]);
    if (reader.next(record)) f(record.fields);
  };
  if (rows) {
    for (size_t r : *rows) read(r);
  } else {
    for (size_t r = 0; r < row_count(); ++r) read(r);
  }
}

/// Types one cell `text` of `column`: a null Value for an empty cell, else an int, double,
/// bool or string (dates as ISO text). On a bad value sets `*error` to the message
/// ("value 'abc' in column 'year' is not a whole number") and returns null.
Value type_cell(std::string_view text, const Column& column, std::string* error);

/// Builds a Dataset from its parsed metadata and CSV text (no file access, no history).
/// Errors name `yaml_path`/`csv_path`; returns nullopt when the dataset is unusable.
std::optional<Dataset> build_dataset(const std::string& name, const Value& meta,
                                     std::string csv_bytes, Diagnostics& diags);

/// Reads every data/*.yaml + data/*.csv pair of the site, validated and typed, sorted by
/// name, with `history` (the commits that changed the CSV, with their row changes and the
/// newest `versions_kept` files), `updated` (the newest) and `issued` (the oldest) from git
/// unless declared, and `texts` (with the commit that last changed each); a shallow clone's dates
/// are not used, nor are the files' modification times.
/// `withheld` (when not null) gets the name of each dataset left out for its errors, whose
/// page and files would be published once they are fixed.
std::vector<Dataset> load_datasets(const std::filesystem::path& site_dir, const TimeZone& zone,
                                   Diagnostics& diags, size_t versions_kept = 20,
                                   std::vector<std::string>* withheld = nullptr);

}  // namespace firefly
