// RFC 4180 CSV reading: quoted fields, embedded commas and newlines, CRLF, a leading BOM.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace firefly {

/// The most bytes of one record (a row, its quoted line breaks included): a longer one is an
/// error that stops the file's reading. A row of honest data has kilobytes; a file of one
/// line (no line breaks, or a quote never closed) of 50 MB took 13 times that in memory.
inline constexpr size_t kMaxCsvRecordBytes = 1024 * 1024;

/// The most fields of one record: four times a spreadsheet's most columns (16,384). More is
/// an error that stops the file's reading: each column of a header costs a column's
/// description (a header of 25 million columns took 20 GB).
inline constexpr size_t kMaxCsvFields = 65536;

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
  /// True after a record over kMaxCsvRecordBytes or kMaxCsvFields (reported; failed() too):
  /// the record last read is cut short.
  bool too_long() const { return too_long_; }

 private:
  void skip_newline();
  /// Reports the record starting at `record_offset_` on `line` as too long (`why`) and ends
  /// the reading; returns true, as next() does for the record cut short.
  bool refuse(int line, int field, std::string why);

  std::string_view text_;
  const std::string& path_;
  Diagnostics& diags_;
  size_t i_ = 0;
  int line_ = 1;
  size_t record_offset_ = 0;
  bool failed_ = false;
  bool too_long_ = false;
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
