// Human-facing lists in the reader's order: by the collation of the page's language.
#pragma once

#include <string>

#include "core/value.h"

namespace firefly {

/// Sorts list entries (maps) by their "title" in the collation of `locale` (an HTML lang
/// such as "zh-Hant-TW": stroke order; "vi": ICU's Vietnamese letters). Stable.
void sort_by_title(List& items, const std::string& locale);

}  // namespace firefly
