// RFC 4180 CSV reading: quoted fields, embedded commas and newlines, CRLF, a leading BOM.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace firefly {

/// One record of a CSV file with the line it starts on.
struct CsvRecord {
  int line = 0;                     ///< 1-based physical line where the record starts
  std::vector<std::string> fields;  ///< unquoted field texts
};

/// A parsed CSV file: the header row and the data rows.
struct CsvTable {
  CsvRecord header;
  std::vector<CsvRecord> rows;
};

/// Parses `text` (UTF-8, RFC 4180; a leading BOM is skipped, CRLF, LF or CR end records,
/// blank lines are ignored). Problems (invalid UTF-8, an unterminated quote, text after a
/// closing quote, a row with a different number of fields than the header, an empty or
/// duplicate header name) go to `diags` naming `path` with Pos{line, field index}; the
/// rows that could be read are still returned.
CsvTable parse_csv(std::string_view text, const std::string& path, Diagnostics& diags);

/// Quotes `field` for a CSV file when it holds a comma, quote, CR or LF (or leading or
/// trailing spaces), doubling inner quotes.
std::string csv_quote(std::string_view field);

}  // namespace firefly
