// For unit tests of the charts: the sample portal's awards per year, made in code.
#pragma once

#include "load/dataset.h"

namespace firefly {

/// A dataset "awards" with the columns year, all, national and place and no rows.
inline Dataset chart_test_awards() {
  Dataset ds;
  ds.name = "awards";
  ds.title.plain = "Awards";
  ds.columns = {Column{"year", ColumnType::kInteger, {{}, "Year", {}}, {}, {}, {}},
                Column{"all", ColumnType::kInteger, {{}, "All awards", {}}, {}, {}, {}},
                Column{"national", ColumnType::kInteger, {{}, "National", {}}, {}, {}, {}},
                Column{"place", ColumnType::kString, {{}, "Place", {}}, {}, {}, {}}};
  return ds;
}

}  // namespace firefly
