// The words of the units Firefly knows (`unit: percent`) in each language, and how a
// site's languages find theirs: by BCP 47 fallback, as the theme's strings do.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/localized.h"

namespace firefly {

struct Dataset;

/// The words of the unit code `code` ("percent") in each language Firefly has them in,
/// at `pos`; an empty Localized when Firefly knows no words for it (a unit written as the
/// staff want it shown: "person-times", "人次").
Localized known_unit_words(std::string_view code, Pos pos = {});

/// The language codes of known_unit_words ("en", "zh-TW", "vi", …, "ja", "ko").
const std::vector<std::string>& unit_word_languages();

/// Gives each column whose unit is a code Firefly knows (Column::unit_code) the words of
/// each site language `langs` that has none written for it: those of its closest language
/// (closest_language: "vi" for "vi-VN", "id" for "id-ID", "zh-TW" for "zh-Hant-TW" and
/// "zh-HK", "en" for "en-GB"; never Simplified Chinese for Traditional). Each site language
/// is matched once, whatever the number of columns; pages, charts and downloads then find
/// the words by the site's own code.
void give_unit_words(std::vector<Dataset>& datasets, const std::vector<std::string>& langs);

}  // namespace firefly
