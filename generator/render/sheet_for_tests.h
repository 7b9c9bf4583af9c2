// For unit tests of the spreadsheet writers: a dataset made in code and its sheet text.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "load/dataset.h"
#include "render/data_sheet.h"

namespace firefly {

/// A dataset "classes" of `columns` (name and type) holding `csv`.
inline Dataset sheet_test_dataset(const std::vector<std::pair<std::string, ColumnType>>& columns,
                                  std::string csv) {
  Dataset ds;
  ds.name = "classes";
  for (const auto& [name, type] : columns) ds.columns.push_back(Column{name, type, {}, {}, {}, {}});
  ds.csv_bytes = std::move(csv);
  ds.index_rows();
  return ds;
}

/// Sheet text in zh-TW with `headings` (each 8 characters wide), dated 2023-06-30.
inline SheetText sheet_test_text(std::vector<std::string> headings) {
  SheetText t;
  t.lang = "zh-TW";
  t.title = "專班 & 就業";
  t.publisher = "勞工局";
  t.data_sheet = "資料";
  t.about_sheet = "說明";
  t.widths.assign(headings.size(), 8);
  t.headings = std::move(headings);
  t.about = {{"標題", "專班 & 就業"}, {}, {"year", "年度"}};
  t.created = Date{2023, 6, 30};
  return t;
}

}  // namespace firefly
