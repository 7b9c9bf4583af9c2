// The first sentence of a text, by ICU's sentence rules, for short summaries on cards.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace firefly {

/// The first sentence of `text` (leading and trailing white space removed), found with
/// ICU's sentence break rules for `locale` (a BCP 47 tag such as "zh-Hant-TW" or "en";
/// abbreviations such as "e.g." do not end a sentence where ICU knows them). A text
/// without a sentence end (Thai marks phrases with spaces, not full stops) is one
/// sentence. Thread-safe.
std::string first_sentence(std::string_view text, const std::string& locale);

/// A short summary of `text` for a card: its first sentence, cut at about `max_units`
/// reading units (see truncate_text: a Han character or any other grapheme is one unit)
/// with "…" when that is still longer. "" for an empty text.
std::string short_summary(std::string_view text, const std::string& locale, size_t max_units);

}  // namespace firefly
