#include "render/xlsx_writer.h"

#include <xlsxwriter.h>

#include <ctime>
#include <mutex>
#include <string>

namespace firefly {

namespace {

/// 00:00 UTC of `d`.
time_t utc_midnight(const Date& d) {
  std::tm tm{};
  tm.tm_year = d.year - 1900;
  tm.tm_mon = d.month - 1;
  tm.tm_mday = d.day;
  return timegm(&tm);
}

/// Writes the text cells of `rows` from row 0; false on the first failure.
bool write_text_rows(lxw_worksheet* sheet, const std::vector<std::vector<std::string>>& rows,
                     lxw_format* first_column) {
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t c = 0; c < rows[r].size(); ++c) {
      if (rows[r][c].empty()) continue;
      if (worksheet_write_string(sheet, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c),
                                 rows[r][c].c_str(),
                                 c == 0 ? first_column : nullptr) != LXW_NO_ERROR) {
        return false;
      }
    }
  }
  return true;
}

/// Writes the rows of `ds` under the header; false on the first failure.
bool write_data(lxw_worksheet* sheet, const Dataset& ds, const SheetText& text, lxw_format* head,
                lxw_format* date_format) {
  for (size_t c = 0; c < text.headings.size(); ++c) {
    auto col = static_cast<lxw_col_t>(c);
    if (worksheet_set_column(sheet, col, col, text.widths[c], nullptr) != LXW_NO_ERROR ||
        worksheet_write_string(sheet, 0, col, text.headings[c].c_str(), head) != LXW_NO_ERROR) {
      return false;
    }
  }
  worksheet_freeze_panes(sheet, 1, 0);
  if (!ds.columns.empty()) {
    worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(ds.row_count()),
                         static_cast<lxw_col_t>(ds.columns.size() - 1));
  }
  for (size_t r = 0; r < ds.row_count(); ++r) {
    const std::vector<Value> row = ds.row(r);
    auto rr = static_cast<lxw_row_t>(r + 1);
    for (size_t c = 0; c < row.size() && c < ds.columns.size(); ++c) {
      auto cc = static_cast<lxw_col_t>(c);
      SheetCell cell = sheet_cell(row[c], ds.columns[c], text.lang);
      lxw_error e = LXW_NO_ERROR;
      switch (cell.kind) {
        case SheetCell::Kind::kEmpty:
          break;
        case SheetCell::Kind::kNumber:
          e = worksheet_write_number(sheet, rr, cc, cell.number, nullptr);
          break;
        case SheetCell::Kind::kBoolean:
          e = worksheet_write_boolean(sheet, rr, cc, cell.flag ? 1 : 0, nullptr);
          break;
        case SheetCell::Kind::kDate: {
          lxw_datetime dt{cell.date.year, cell.date.month, cell.date.day, 0, 0, 0};
          e = worksheet_write_datetime(sheet, rr, cc, &dt, date_format);
          break;
        }
        case SheetCell::Kind::kText:
          if (char_count(cell.text) > kSheetMaxCellChars) return false;
          e = worksheet_write_string(sheet, rr, cc, cell.text.c_str(), nullptr);
          break;
      }
      if (e != LXW_NO_ERROR) return false;
    }
  }
  return true;
}

}  // namespace

bool write_xlsx(const Dataset& ds, const SheetText& text, const std::filesystem::path& dest,
                const std::filesystem::path& tmpdir) {
  std::string tmp = tmpdir.string();
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  options.tmpdir = tmp.empty() ? nullptr : tmp.data();
  lxw_workbook* book = workbook_new_opt(dest.c_str(), &options);
  if (!book) return false;
  lxw_doc_properties props{};
  std::string title = text.title, comments = text.description, author = text.publisher;
  props.title = title.data();
  props.author = author.data();
  props.comments = comments.empty() ? nullptr : comments.data();
  // libxlsxwriter (1.1.4) always writes dcterms:created and dcterms:modified in
  // docProps/core.xml and takes 0 for the time of the build, which would make every build's
  // bytes differ; so an unknown date is 1980-01-01, the zip epoch that all.zip gives such
  // files too: recognisably no date. (Leaving the two out would mean rewriting core.xml.)
  props.created = utc_midnight(text.created.year ? text.created : Date{1980, 1, 1});
  workbook_set_properties(book, &props);
  lxw_format* head = workbook_add_format(book);
  format_set_bold(head);
  lxw_format* date_format = workbook_add_format(book);
  format_set_num_format(date_format, "yyyy-mm-dd");
  lxw_worksheet* data = workbook_add_worksheet(book, text.data_sheet.c_str());
  lxw_worksheet* about = workbook_add_worksheet(book, text.about_sheet.c_str());
  bool ok = data && about && write_data(data, ds, text, head, date_format);
  if (ok) {
    worksheet_set_column(about, 0, 0, 24, nullptr);
    worksheet_set_column(about, 1, 1, 60, nullptr);
    ok = write_text_rows(about, text.about, head);
  }
  // libxlsxwriter writes docProps/core.xml's dates with gmtime(), whose result is one buffer
  // the process shares: the datasets' files are made a dataset a thread, and two workbooks
  // closed at once could each carry the other's date (a build's visits.xlsx said modified
  // 2026-01-07, another dataset's date, beside its own created 2026-01-01). One closes at a time.
  static std::mutex closing;
  bool closed;
  {
    std::lock_guard<std::mutex> one(closing);
    closed = workbook_close(book) == LXW_NO_ERROR;
  }
  if (!ok || !closed) {
    std::error_code ec;
    std::filesystem::remove(dest, ec);
    return false;
  }
  return true;
}

}  // namespace firefly
