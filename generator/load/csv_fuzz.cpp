// libFuzzer target: the CSV reader must never crash or hang on any bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "load/csv.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  firefly::Diagnostics diags;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  firefly::CsvTable table = firefly::parse_csv(text, "data/fuzz.csv", diags);
  for (const auto& row : table.rows) {
    if (row.fields.size() != table.header.fields.size()) __builtin_trap();
  }
  return 0;
}
