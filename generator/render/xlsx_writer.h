// <name>.xlsx through libxlsxwriter (the only file that includes it).
#pragma once

#include <filesystem>

#include "load/dataset.h"
#include "render/data_sheet.h"

namespace firefly {

/// Writes `ds` as an XLSX workbook to `dest`: a sheet of the rows under a bold, frozen
/// header row of `text.headings` (numbers, dates and booleans typed, missing values empty)
/// and an about sheet of `text.about`. Rows are written one by one in libxlsxwriter's
/// constant-memory mode (its temporary files go to `tmpdir`, or the system's when ""), and
/// the file's date is `text.created`, so the same input gives the same bytes. False (and
/// no file) when the library fails or a cell is longer than kSheetMaxCellChars.
bool write_xlsx(const Dataset& ds, const SheetText& text, const std::filesystem::path& dest,
                const std::filesystem::path& tmpdir);

}  // namespace firefly
