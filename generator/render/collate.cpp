#include "render/collate.h"

#include <algorithm>
#include <vector>

#include "core/locale.h"

namespace firefly {

void sort_by_title(List& items, const std::string& locale, SortKeys* kept) {
  Collator collator(locale);
  // Each title read once and given its sort key: comparing keys by their bytes orders as
  // ICU's compare does, without going through ICU for every comparison.
  struct Titled {
    std::string key;
    std::string title;
    size_t at;
  };
  std::vector<std::string> titles, keys;
  titles.reserve(items.size());
  for (const Value& item : items) titles.push_back(item.get("title").to_text());
  auto make = [&](const std::string& title) { return collator.sort_key(title); };
  if (kept) {
    kept->get(locale, titles, keys, make);
  } else {
    keys.reserve(titles.size());
    for (const std::string& title : titles) keys.push_back(make(title));
  }
  std::vector<Titled> titled;
  titled.reserve(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    titled.push_back({std::move(keys[i]), std::move(titles[i]), i});
  }
  std::stable_sort(titled.begin(), titled.end(), [](const Titled& a, const Titled& b) {
    if (int c = a.key.compare(b.key); c != 0) return c < 0;
    return a.title < b.title;  // as Collator::compare: equal by the collation, by bytes
  });
  List sorted;
  sorted.reserve(items.size());
  for (const Titled& t : titled) sorted.push_back(std::move(items[t.at]));
  items = std::move(sorted);
}

}  // namespace firefly
