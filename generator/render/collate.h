// Human-facing lists in the reader's order: by the collation of the page's language.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/value.h"

namespace firefly {

/// Sorts list entries (maps) by their "title" in the collation of `locale` (an HTML lang
/// such as "zh-Hant-TW": stroke order; "vi": ICU's Vietnamese letters). Stable.
void sort_by_title(List& items, const std::string& locale);

/// A title's place in sort_by_title's order: its collation sort key, the title, and where
/// the item stood before sorting.
struct TitlePlace {
  std::string_view key;
  std::string_view title;
  size_t at;
};

/// Whether `a` comes before `b` in sort_by_title's order: by the sort key, then (equal by the
/// collation) by the title's bytes, as Collator::compare, then by where they stood. A list
/// kept in this order between updates (the site map's) stays as a fresh sort would make it.
inline bool title_place_before(const TitlePlace& a, const TitlePlace& b) {
  if (int c = a.key.compare(b.key); c != 0) return c < 0;
  if (int c = a.title.compare(b.title); c != 0) return c < 0;
  return a.at < b.at;
}

}  // namespace firefly
