#include "load/csv.h"

#include <algorithm>
#include <set>

#include "core/legacy_encoding.h"
#include "core/text.h"
#include "core/yaml_scan.h"

namespace firefly {

bool CsvReader::next(CsvRecord& out) {
  while (i_ < text_.size() && (text_[i_] == '\n' || text_[i_] == '\r')) skip_newline();
  if (i_ >= text_.size() || failed_) return false;
  record_offset_ = i_;
  out.line = line_;
  out.fields.clear();
  const size_t end_of_record = std::min(text_.size(), i_ + kMaxCsvRecordBytes);
  for (;;) {
    if (out.fields.size() == kMaxCsvFields) {
      return refuse(out.line, static_cast<int>(out.fields.size()) + 1,
                    "this row has more than " + std::to_string(kMaxCsvFields) + " fields");
    }
    std::string field;
    int field_line = line_;
    if (i_ < text_.size() && text_[i_] == '"') {
      ++i_;
      bool closed = false;
      while (i_ < text_.size()) {
        if (i_ >= end_of_record) {
          return refuse(out.line, static_cast<int>(out.fields.size()) + 1,
                        "this row has more than " + std::to_string(kMaxCsvRecordBytes) + " bytes");
        }
        char c = text_[i_];
        if (c == '"') {
          if (i_ + 1 < text_.size() && text_[i_ + 1] == '"') {
            field += '"';
            i_ += 2;
            continue;
          }
          ++i_;
          closed = true;
          break;
        }
        if (c == '\r' || c == '\n') {
          skip_newline();
          field += '\n';
          continue;
        }
        field += c;
        ++i_;
      }
      if (!closed) {
        diags_.error(path_, Pos{field_line, static_cast<int>(out.fields.size()) + 1},
                     "a quoted field is never closed", "add the closing '\"'");
        failed_ = true;
        out.fields.push_back(std::move(field));
        return true;
      }
      if (i_ < text_.size() && text_[i_] != ',' && text_[i_] != '\n' && text_[i_] != '\r') {
        diags_.error(path_, Pos{line_, static_cast<int>(out.fields.size()) + 1},
                     "unexpected text after a closing quote",
                     "write a quote inside a quoted field as two quotes (\"\")");
        while (i_ < text_.size() && text_[i_] != ',' && text_[i_] != '\n' && text_[i_] != '\r')
          ++i_;
      }
    } else {
      size_t end = text_.find_first_of(",\r\n", i_);
      if (end == std::string_view::npos) end = text_.size();
      if (end > end_of_record) {
        return refuse(out.line, static_cast<int>(out.fields.size()) + 1,
                      "this row has more than " + std::to_string(kMaxCsvRecordBytes) + " bytes");
      }
      field.assign(text_.substr(i_, end - i_));
      i_ = end;
    }
    out.fields.push_back(std::move(field));
    if (i_ >= text_.size()) break;
    if (text_[i_] == ',') {
      ++i_;
      continue;
    }
    skip_newline();
    break;
  }
  return true;
}

bool CsvReader::refuse(int line, int field, std::string why) {
  diags_.error(path_, Pos{line, field},
               why + "; Firefly reads at most " + std::to_string(kMaxCsvFields) + " fields and " +
                   std::to_string(kMaxCsvRecordBytes) + " bytes in one row of a CSV file",
               "check that the rows end with line breaks and that every quoted field is closed; "
               "split longer data into several datasets");
  failed_ = true;
  too_long_ = true;
  return true;
}

void CsvReader::skip_newline() {
  if (text_[i_] == '\r' && i_ + 1 < text_.size() && text_[i_ + 1] == '\n') ++i_;
  ++i_;
  ++line_;
}

namespace {

/// A byte order mark (U+FEFF): at the start of a file, where it is skipped.
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

/// An error at each field of `record` with an invisible control character, which no
/// spreadsheet (XML) or page can hold (tabs and line breaks are text), or with a byte
/// order mark, which a reader of the data cannot see and a figure cannot hold.
void report_unshowable(const CsvRecord& record, const std::string& path, Diagnostics& diags) {
  for (size_t i = 0; i < record.fields.size(); ++i) {
    const Pos pos{record.line, static_cast<int>(i) + 1};
    if (ControlChar found = find_control_char(record.fields[i]);
        found.offset != std::string_view::npos) {
      diags.error(
          path, pos,
          "this field has an invisible control character (" + control_char_name(found.code) + ")",
          "remove it: spreadsheets (.xlsx, .ods) and pages cannot hold it (it often "
          "comes with text pasted from another program)");
    } else if (record.fields[i].find(kByteOrderMark) != std::string::npos) {
      diags.error(path, pos, "this field has an invisible byte order mark (U+FEFF)",
                  "remove it: it marks the start of a file, and is left inside one where two "
                  "files were joined or a file's text was pasted");
    }
  }
}

}  // namespace

bool scan_csv(std::string_view text, const std::string& path, Diagnostics& diags, CsvRecord& header,
              const std::function<void(const CsvRecord&, size_t)>& row) {
  const size_t bom = text.size() - strip_bom(text).size();
  text.remove_prefix(bom);
  // UTF-16 without a byte order mark is valid UTF-8 where it is letters, digits and commas
  // (each with a NUL byte): said as such, not as a control character in every field.
  if (!is_valid_utf8(text) || saved_as_utf16(text)) {
    Pos bad = first_invalid_utf8(text);
    diags.error(path, bad.line ? bad : Pos{1, 1}, "the file is not valid UTF-8",
                not_utf8_help(text, "save it as UTF-8 (in Excel: \"CSV UTF-8\")"));
    return false;
  }
  CsvReader reader(text, path, diags);
  if (!reader.next(header)) {
    diags.error(path, Pos{1, 1}, "the file is empty; it needs a header row");
    return false;
  }
  if (reader.too_long()) return false;  // a header cut short names no columns
  // Looked for field by field only in a file that has one (one pass over the bytes).
  const bool unshowable = find_control_char(text).offset != std::string_view::npos ||
                          text.find(kByteOrderMark) != std::string_view::npos;
  if (unshowable) report_unshowable(header, path, diags);
  std::set<std::string> seen;
  for (size_t i = 0; i < header.fields.size(); ++i) {
    std::string name(trim(header.fields[i]));
    Pos pos{header.line, static_cast<int>(i) + 1};
    if (name.empty()) {
      diags.error(path, pos, "column " + std::to_string(i + 1) + " of the header has no name");
    } else if (name.size() != header.fields[i].size()) {
      // Matched without them, but /data/<name>.csv is published as written: its header
      // would not name the columns its data package and metadata list.
      diags.error(path, pos,
                  "the header's name " + in_quotes(header.fields[i]) + " has spaces around it",
                  "write " + name +
                      ": the published CSV keeps its header as written, and "
                      "programs reading it would find no column '" +
                      name + "'");
    } else if (!seen.insert(name).second) {
      diags.error(path, pos, "column '" + name + "' appears twice in the header");
    }
    header.fields[i] = name;
  }
  const size_t width = header.fields.size();
  CsvRecord record;
  while (reader.next(record)) {
    if (unshowable) report_unshowable(record, path, diags);
    if (reader.failed()) break;  // the rest of the file in one field: its count says nothing
    if (record.fields.size() != width) {
      // Point at the first extra field, or at the last field of a short row.
      int col = static_cast<int>(record.fields.size() > width ? width + 1 : record.fields.size());
      diags.error(path, Pos{record.line, col},
                  "this row has " + std::to_string(record.fields.size()) +
                      (record.fields.size() == 1 ? " field" : " fields") + " but the header has " +
                      std::to_string(width),
                  "check for a missing or extra comma; quote fields that contain commas");
      continue;
    }
    row(record, bom + reader.record_offset());
  }
  return true;
}

CsvTable parse_csv(std::string_view text, const std::string& path, Diagnostics& diags) {
  CsvTable table;
  scan_csv(text, path, diags, table.header,
           [&](const CsvRecord& record, size_t) { table.rows.push_back(record); });
  return table;
}

std::string csv_quote(std::string_view field) {
  bool needs = field.find_first_of(",\"\r\n") != std::string_view::npos ||
               (!field.empty() && (field.front() == ' ' || field.back() == ' '));
  if (!needs) return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace firefly
