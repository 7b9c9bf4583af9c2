// libFuzzer target: any bytes through the front-matter splitter and the YAML loader
// (with the dataset-metadata checks) must give diagnostics, never a crash or a hang.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/yaml.h"
#include "load/dataset.h"
#include "load/front_matter.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  firefly::Diagnostics diags;
  firefly::FrontMatterSplit split = firefly::split_front_matter(text, "content/fuzz.md", diags);
  firefly::Value front = firefly::parse_yaml(split.yaml, "content/fuzz.md", diags, split.yaml_line);
  if (diags.has_errors()) front = firefly::readable_entries(split.yaml, "content/fuzz.md", 1);
  (void)front;
  firefly::Diagnostics meta_diags;
  firefly::Value meta = firefly::parse_yaml(text, "data/fuzz.yaml", meta_diags);
  if (!meta_diags.has_errors()) {
    firefly::build_dataset("fuzz", meta, "year,value\n2020,1\n", meta_diags);
  }
  return 0;
}
