#include "render/collate.h"

#include <algorithm>
#include <vector>

#include "core/locale.h"

namespace firefly {

void sort_by_title(List& items, const std::string& locale) {
  Collator collator(locale);
  // Each title read once and given its sort key: comparing keys by their bytes orders as
  // ICU's compare does, without going through ICU for every comparison.
  struct Titled {
    std::string key;
    std::string title;
    size_t at;
  };
  std::vector<Titled> titled;
  titled.reserve(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    std::string title = items[i].get("title").to_text();
    titled.push_back({collator.sort_key(title), std::move(title), i});
  }
  std::sort(titled.begin(), titled.end(), [](const Titled& a, const Titled& b) {
    return title_place_before({a.key, a.title, a.at}, {b.key, b.title, b.at});
  });
  List sorted;
  sorted.reserve(items.size());
  for (const Titled& t : titled) sorted.push_back(std::move(items[t.at]));
  items = std::move(sorted);
}

}  // namespace firefly
