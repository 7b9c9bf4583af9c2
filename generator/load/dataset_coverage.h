// What a dataset's metadata declares about time and place (`issued`, `modified`,
// `temporal`, `spatial`) and the period its rows cover.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "core/localized.h"
#include "core/value.h"

namespace firefly {

struct Dataset;

/// A period of time: whole years ("2017/2021") or days.
struct Period {
  Date start;
  Date end;
  bool years = false;  ///< both ends are whole years

  /// ISO 8601 interval: "2017/2021" for years, "2017-01-05/2021-06-30" for days.
  std::string iso() const;
};

/// The EU data theme codes (http://publications.europa.eu/resource/authority/data-theme/).
inline const std::vector<std::string> kDataThemes = {"AGRI", "ECON", "EDUC", "ENER", "ENVI",
                                                     "GOVE", "HEAL", "INTR", "JUST", "REGI",
                                                     "SOCI", "TECH", "TRAN"};

/// Reads `issued`, `modified` (ISO dates), `temporal` ("2017/2021", "2017-01-05/2021-06-30"
/// or {start, end}), `spatial` (localizable text) and `themes` (EU data theme codes) of
/// `meta` into `ds`; mistakes go to
/// `diags` at the key.
void read_coverage(const Value& meta, const std::string& yaml_path, Dataset& ds,
                   Diagnostics& diags);

struct Column;

/// True for a word for "year" in the languages staff name columns in ("year", "tahun",
/// "taon", "năm", "ปี", "年", "年度", "年份"), in any letter case.
bool is_year_word(std::string_view text);

/// True for a column or field name made of a year word ("year", "award_year",
/// "tahun_penghargaan").
bool is_year_name(const std::string& name);

/// True for an integer column that holds years: named for them in English or Indonesian
/// ("year", "*_year", "year_*", "tahun", "*_tahun", "tahun_*"), in Vietnamese, Thai or
/// Chinese ("năm", "ปี", "年", "年度", "年份"), or titled with one of these words in any
/// language (a column `periode` titled "Tahun"). Years are shown without digit grouping
/// (2021, never 2.021) and give a dataset its period.
bool is_year_column(const Column& column);

/// True for a date column named or titled as the day its figures were published, released
/// or updated, or the day they run to ("as_of", "published", "release_date", "截至日期",
/// "公布日期", "ngày công bố", "per tanggal", "ณ วันที่"): no period of the rows.
bool is_as_of_column(const Column& column);

/// The index of the column that gives the dataset its period, or -1 when none has a date or
/// year: the first year column
/// (is_year_column) or date column named or titled as a period ("period", "month",
/// "quarter", "期間", "月份", "tháng", "bulan", "เดือน", "buwan"), else the first date column
/// of the `key`, else the first date column; a column without a value is passed over; never
/// an "as of" or publication date (is_as_of_column).
int period_column(const Dataset& ds);

/// The period the rows cover, from period_column(): the span of the rows with at least one
/// figure (a number; in a dataset without numbers, any cell but the key's, dates and years),
/// so a row written ahead with empty figures for the year to come does not extend it;
/// nullopt when there is none or it is empty.
std::optional<Period> rows_period(const Dataset& ds);

}  // namespace firefly

namespace firefly {

/// Warnings about what a reader or harvester of `ds` will miss: no date (outside git or in a
/// shallow clone, without `modified:`), a description under 50 characters, no keywords,
/// no temporal or spatial coverage, and title or description missing in one of `langs`
/// (the page shows the default language's text there).
void check_dataset_metadata(const Dataset& ds, const std::vector<std::string>& langs,
                            Diagnostics& diags);

}  // namespace firefly
