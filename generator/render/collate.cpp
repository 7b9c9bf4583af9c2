#include "render/collate.h"

#include <algorithm>
#include <vector>

#include "core/locale.h"

namespace firefly {

void sort_by_title(List& items, const std::string& locale) {
  Collator collator(locale);
  // Each title read once, not twice for every comparison.
  struct Titled {
    std::string title;
    size_t at;
  };
  std::vector<Titled> titled;
  titled.reserve(items.size());
  for (size_t i = 0; i < items.size(); ++i) titled.push_back({items[i].get("title").to_text(), i});
  std::stable_sort(titled.begin(), titled.end(), [&](const Titled& a, const Titled& b) {
    return collator.compare(a.title, b.title) < 0;
  });
  List sorted;
  sorted.reserve(items.size());
  for (const Titled& t : titled) sorted.push_back(std::move(items[t.at]));
  items = std::move(sorted);
}

}  // namespace firefly
