// What the spreadsheet files of a dataset (<name>.xlsx, <name>.ods) hold, independent of
// the file format: typed cells, the header row and the "about" sheet.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/value.h"
#include "load/dataset.h"
#include "render/data_files.h"
#include "render/data_table.h"

namespace firefly {

/// The most rows (header included), columns and characters in a cell that both Excel and
/// LibreOffice Calc open.
inline constexpr size_t kSheetMaxRows = 1048576;
inline constexpr size_t kSheetMaxColumns = 16384;
inline constexpr size_t kSheetMaxCellChars = 32767;

/// One cell as a spreadsheet types it.
struct SheetCell {
  enum class Kind { kEmpty, kNumber, kBoolean, kDate, kText };
  Kind kind = Kind::kEmpty;
  double number = 0;  ///< kNumber
  bool flag = false;  ///< kBoolean
  Date date;          ///< kDate
  std::string text;   ///< kText
};

/// The spreadsheet cell of a typed CSV value of `column`: the words in `lang` of a code the
/// column's `values` name, numbers as numbers, dates as dates, booleans as booleans, a
/// missing value as an empty cell, anything else as text.
SheetCell sheet_cell(const Value& value, const Column& column, const std::string& lang);

/// The text around the rows, in the file's language (the site's default).
struct SheetText {
  std::string lang;                             ///< "zh-TW"
  std::string title;                            ///< the dataset's title
  std::string description;                      ///< may be ""
  std::string publisher;                        ///< the site's publisher
  std::string data_sheet;                       ///< the rows' sheet name ("資料")
  std::string about_sheet;                      ///< the other sheet's name ("說明")
  std::vector<std::string> headings;            ///< per column: title (unit)
  std::vector<double> widths;                   ///< per column: a width in characters
  std::vector<std::vector<std::string>> about;  ///< the about sheet, row by row
  Date created;  ///< the files' date: the rows' last change (unset when unknown)
};

/// The SheetText of `ds`: headings and sheet names in the language of views[0]; the about
/// sheet (title, description, publisher, source, licence, citation, version, dates,
/// coverage, page, then the data dictionary) once per view.
SheetText sheet_text(const Dataset& ds, const DataSite& site, const std::vector<DataView>& views);

/// True when the rows and columns of `ds` fit in a spreadsheet (the writers refuse a cell
/// over kSheetMaxCellChars characters themselves).
bool fits_spreadsheet(const Dataset& ds);
/// The number of characters (code points) of UTF-8 `text`.
size_t char_count(std::string_view text);

/// `name` made a valid sheet name: without []:*?/\ and at most 31 characters.
std::string sheet_name(std::string_view name);

}  // namespace firefly
