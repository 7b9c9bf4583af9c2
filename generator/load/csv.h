// RFC 4180 CSV reading: quoted fields, embedded commas and newlines, CRLF, a leading BOM.
#pragma once

#include <functional>
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

/// Reads the records of CSV text one at a time, from the start or from a record's offset.
class CsvReader {
 public:
  /// Reads `text` from byte `offset` (the start of a record), counting lines from `line`;
  /// problems go to `diags` naming `path`.
  CsvReader(std::string_view text, const std::string& path, Diagnostics& diags, size_t offset = 0,
            int line = 1)
      : text_(text), path_(path), diags_(diags), i_(offset), line_(line) {}

  /// Reads the next record into `out` (blank lines are skipped); false at the end of the
  /// text or after a fatal error.
  bool next(CsvRecord& out);
  /// The byte offset where the record last read by next() starts.
  size_t record_offset() const { return record_offset_; }
  /// True after a quoted field that is never closed: the record last read is the rest of
  /// the file, and no other follows.
  bool failed() const { return failed_; }

 private:
  void skip_newline();

  std::string_view text_;
  const std::string& path_;
  Diagnostics& diags_;
  size_t i_ = 0;
  int line_ = 1;
  size_t record_offset_ = 0;
  bool failed_ = false;
};

/// Parses `text` (UTF-8, RFC 4180; a leading BOM is skipped, CRLF, LF or CR end records,
/// blank lines are ignored). Problems (invalid UTF-8, an unterminated quote, text after a
/// closing quote, a row with a different number of fields than the header, an empty or
/// duplicate header name) go to `diags` naming `path` with Pos{line, field index}; the
/// rows that could be read are still returned.
CsvTable parse_csv(std::string_view text, const std::string& path, Diagnostics& diags);

/// Reads `text` like parse_csv, but hands each well-formed data row to `row` with the byte
/// offset where it starts in `text` instead of keeping it; `header` gets the header row.
/// False when the text is not UTF-8 or has no header.
bool scan_csv(std::string_view text, const std::string& path, Diagnostics& diags, CsvRecord& header,
              const std::function<void(const CsvRecord&, size_t)>& row);

/// Quotes `field` for a CSV file when it holds a comma, quote, CR or LF (or leading or
/// trailing spaces), doubling inner quotes.
std::string csv_quote(std::string_view field);

}  // namespace firefly
