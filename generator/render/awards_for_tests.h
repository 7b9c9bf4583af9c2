// For unit tests of the dataset files: one small dataset made in code, with a BOM, a
// formula-like cell, a quoted comma and empty cells in its CSV.
#pragma once

#include "load/dataset.h"

namespace firefly {

/// A dataset "awards" of four columns (integer, number with a unit, string, boolean).
inline Dataset awards_test_dataset() {
  Dataset ds;
  ds.name = "awards";
  ds.title.by_lang = {{"zh-TW", "得獎"}, {"en", "Awards"}};
  ds.source.agency.plain = "Bureau";
  ds.frequency = "yearly";
  ds.updated = Date{2023, 6, 30};
  ds.columns = {Column{"year", ColumnType::kInteger, {{}, "Year", {}}, {}, {}, {}},
                Column{"delta", ColumnType::kNumber, {}, {}, {{}, "people", {}}, {}},
                Column{"note", ColumnType::kString, {}, {}, {}, {}},
                Column{"ok", ColumnType::kBoolean, {}, {}, {}, {}}};
  ds.csv_bytes = "\xEF\xBB\xBFyear,delta,note,ok\n2021,-5,=SUM(A1),true\n2022,,\"a,b\",\n";
  ds.index_rows();
  return ds;
}

}  // namespace firefly
