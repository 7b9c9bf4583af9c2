// The words of the units Firefly knows (`unit: percent`) in each language. A site's
// language finds its words by the BCP 47 lookup every language map has (Localized::get:
// "vi" for "vi-VN", "zh-TW" for "zh-HK", never Simplified Chinese for Traditional).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/localized.h"

namespace firefly {

/// The words of the unit code `code` ("percent") in each language Firefly has them in,
/// at `pos`; an empty Localized when Firefly knows no words for it (a unit written as the
/// staff want it shown: "person-times", "人次").
Localized known_unit_words(std::string_view code, Pos pos = {});

}  // namespace firefly
