// Text segmentation by ICU's break rules (graphemes, words, sentences): cutting text for
// summaries, first sentences, reading counts and word boundaries; and what ICU tells of a
// character (CJK or not, how wide in a terminal). Thread-safe: each thread keeps its own
// break iterators.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace firefly {

/// The longest prefix of `text` of at most `max_units` reading units that ends at a
/// grapheme boundary (preferring a word or sentence boundary when one is near), with
/// "…" appended when cut. A Han character, kana or hangul syllable is one unit; so is
/// any other grapheme. Never splits a UTF-8 sequence or a grapheme cluster.
std::string truncate_text(std::string_view text, size_t max_units);

/// The first sentence of `text` (leading and trailing white space removed), found with
/// ICU's sentence break rules for `locale` (a BCP 47 tag such as "zh-Hant-TW" or "en";
/// abbreviations such as "e.g." do not end a sentence where ICU knows them). A text
/// without a sentence end (Thai marks phrases with spaces, not full stops) is one
/// sentence.
std::string first_sentence(std::string_view text, const std::string& locale);

/// A short summary of `text` for a card: its first sentence, cut at about `max_units`
/// reading units (see truncate_text: a Han character or any other grapheme is one unit)
/// with "…" when that is still longer. "" for an empty text.
std::string short_summary(std::string_view text, const std::string& locale, size_t max_units);

/// Reading units in `text`: Han/kana/hangul characters plus words of other scripts.
struct ReadingCount {
  size_t cjk_chars = 0;
  size_t words = 0;
};
ReadingCount count_reading(std::string_view text);
/// Minutes to read: CJK at 400 characters a minute plus words at 200 a minute, at least 1.
int reading_minutes(const ReadingCount& count);

/// The byte offsets of `text`'s word boundaries by ICU's word break rules (dictionary
/// words in Thai), from 0 to text.size(); empty when ICU cannot break the text.
std::vector<size_t> word_boundaries(std::string_view text);

/// True for a Han character, kana or hangul (also by script extension, like "ー").
bool is_cjk(uint32_t code_point);

/// Columns `code_point` takes in a terminal, by its East Asian Width (Unicode UAX #11):
/// 2 for a wide or full-width character (Han, kana, hangul syllables, full-width forms and
/// punctuation, most emoji), 0 for a combining mark (Thai vowel signs, Vietnamese tones
/// written apart), a hangul vowel or final consonant (they join the syllable before) and
/// an invisible format character (zero-width space and joiner), else 1.
int terminal_width(uint32_t code_point);
/// Columns `s` takes in a terminal: the sum of terminal_width of its characters, a tab
/// counted 4 and a byte that is not valid UTF-8 one.
size_t display_width(std::string_view s);

/// True for a code point that is a grapheme on its own wherever it stands, without
/// asking ICU: ASCII but CR (which joins a following LF), CJK punctuation (U+3000 to
/// U+3029), the CJK Unified Ideographs and the full-width forms of ASCII.
bool own_grapheme(uint32_t code_point);

}  // namespace firefly
