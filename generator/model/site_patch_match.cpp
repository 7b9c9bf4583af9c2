#include "model/site_patch_match.h"

#include <type_traits>
#include <unordered_map>

namespace firefly {

namespace {

template <typename Before>
std::vector<size_t> match(const Before& before, const std::vector<std::shared_ptr<Page>>& now) {
  auto at = [&](size_t j) -> const Page* {
    if constexpr (std::is_same_v<typename Before::value_type, const Page*>) {
      return before[j];
    } else {
      return before[j].get();
    }
  };
  std::vector<size_t> out(now.size(), kNoPageBefore);
  std::unordered_map<const Page*, size_t> index;  // made at the first page out of step
  size_t j = 0;
  for (size_t i = 0; i < now.size(); ++i) {
    const Page* p = now[i].get();
    if (j < before.size() && at(j) == p) {
      out[i] = j++;
      continue;
    }
    if (index.empty()) {
      index.reserve(before.size());
      for (size_t k = 0; k < before.size(); ++k) index.emplace(at(k), k);
    }
    auto it = index.find(p);
    if (it != index.end()) {
      out[i] = it->second;
      j = it->second + 1;
    }
  }
  return out;
}

}  // namespace

std::vector<size_t> shared_pages(const std::vector<const Page*>& before,
                                 const std::vector<std::shared_ptr<Page>>& now) {
  return match(before, now);
}

std::vector<size_t> shared_pages(const Site& before, const Site& now) {
  return match(before.pages, now.pages);
}

}  // namespace firefly
