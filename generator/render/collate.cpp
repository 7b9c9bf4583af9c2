#include "render/collate.h"

#include <algorithm>

#include "core/locale.h"

namespace firefly {

void sort_by_title(List& items, const std::string& locale) {
  Collator collator(locale);
  std::stable_sort(items.begin(), items.end(), [&](const Value& a, const Value& b) {
    return collator.compare(a.get("title").to_text(), b.get("title").to_text()) < 0;
  });
}

}  // namespace firefly
