// Folding for search, through ICU: what the index and the search page's script
// (themes/default/assets/search-tokens.js, which folds alike) take a word to be, so that a
// query finds a page however either was typed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace firefly {

/// `text` folded for search: lower case, compatibility forms (full-width letters, the ﬁ
/// ligature, superscript digits) as their plain forms, no combining diacritics (U+0300 to
/// U+036F: Vietnamese tones, accents), and the Latin letters with a stroke or joined that
/// have no decomposition as the plain letters a reader types for them: đ, ð (U+00F0, which
/// some keyboards and fonts give for đ) and ɖ as d, ı as i, ł as l, ø as o, ß as ss, æ as
/// ae, œ as oe. The marks typed for an apostrophe (ʼ U+02BC, ʻ U+02BB, ´ U+00B4, `) are the
/// apostrophe ’ (U+2019), which is no letter: bureauʼs is bureau’s. Without the invisible
/// characters a word may hold (a soft hyphen, a zero-width joiner, non-joiner or word
/// joiner, U+FEFF). Thai, kana voicing and Hangul are kept (Thai as thai_normal_form
/// writes it, ำ split by compatibility into ํ and า).
std::string fold_for_search(std::string_view text);

/// `text` (Thai) with the spellings that look alike written one way: ำ (U+0E33) for
/// nikhahit and sara aa typed apart (U+0E4D U+0E32, as many keyboards and PDFs give it,
/// which normalization does not compose), a tone mark before ำ (น้ำ, typed นํ้า or นำ้), and
/// แ for two sara e (เเ). Returns false, `out` untouched, when `text` has none of these.
bool thai_normal_form(std::string_view text, std::string& out);

/// One piece of text search indexes: a folded word, or one folded Han, kana or hangul
/// character (`cjk`); `joined` when a CJK character directly follows the previous one.
struct SearchPiece {
  std::string text;
  bool cjk = false;
  bool joined = false;
};
/// The pieces of `text` in order: words of letters, digits and marks (Thai, in its
/// thai_normal_form, split at ICU's dictionary word breaks, other scripts at anything
/// else; a mark on no letter, as the U+FE0F of an emoji, is in none) and CJK characters
/// one by one.
std::vector<SearchPiece> search_pieces(std::string_view text);

/// True for a unified Han ideograph (U+3400 to U+4DBF, U+4E00 to U+9FFF), which folding
/// leaves as it is (compatibility ideographs change).
inline bool is_unified_ideograph(uint32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

/// True when folding changes nothing of `text` that search reads: it is ASCII, unified
/// Han ideographs and plain separators only (most Chinese and English text).
bool search_text_is_simple(std::string_view text);

/// The code point of the 3-byte UTF-8 sequence at byte `i` of `s` (Han and Thai are
/// such), else 0.
uint32_t three_byte_code_point(std::string_view s, size_t i);

}  // namespace firefly
