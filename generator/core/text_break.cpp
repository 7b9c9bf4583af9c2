// Text segmentation by ICU's break rules: graphemes, words and sentences. The only file
// that uses ICU's break iterators; each thread keeps its own.
#include "core/text_break.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <map>
#include <memory>
#include <optional>

#include "core/text.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace firefly {

namespace {

/// A UTF-8 view of `text` for ICU (indices are byte offsets into `text`).
struct Utf8Text {
  explicit Utf8Text(std::string_view text) {
    ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  }
  ~Utf8Text() { utext_close(ut); }
  Utf8Text(const Utf8Text&) = delete;
  Utf8Text& operator=(const Utf8Text&) = delete;
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = nullptr;
};

/// This thread's grapheme (kind = 0) or word (kind = 1) break iterator, or null.
icu::BreakIterator* breaker(int kind) {
  struct Breakers {
    std::unique_ptr<icu::BreakIterator> chars, words;
    Breakers() {
      UErrorCode s1 = U_ZERO_ERROR, s2 = U_ZERO_ERROR;
      chars.reset(icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), s1));
      words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), s2));
      if (U_FAILURE(s1)) chars.reset();
      if (U_FAILURE(s2)) words.reset();
    }
  };
  thread_local Breakers b;
  return kind == 0 ? b.chars.get() : b.words.get();
}

/// This thread's sentence break iterator for `locale`, or null. "@ss=standard" turns on
/// ICU's list of abbreviations that do not end a sentence ("e.g.", "Mr.") where it has one.
icu::BreakIterator* sentence_breaker(const std::string& locale) {
  thread_local std::map<std::string, std::unique_ptr<icu::BreakIterator>> cache;
  auto it = cache.find(locale);
  if (it == cache.end()) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale loc = icu::Locale::forLanguageTag(locale, status);
    if (U_FAILURE(status)) loc = icu::Locale::getRoot();
    icu::Locale with_suppressions(
        (std::string(loc.getName()) + (std::string(loc.getName()).find('@') == std::string::npos
                                           ? "@ss=standard"
                                           : ";ss=standard"))
            .c_str());
    status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> b(
        icu::BreakIterator::createSentenceInstance(with_suppressions, status));
    if (U_FAILURE(status)) b.reset();
    it = cache.emplace(locale, std::move(b)).first;
  }
  return it->second.get();
}

/// The code point ending just before byte `end` of `s` (negative when ill-formed or none).
UChar32 code_point_before(std::string_view s, size_t end) {
  if (end == 0) return -1;
  int32_t i = static_cast<int32_t>(end);
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, i, c);
  return c;
}

/// True for characters a cut text should not end with: spaces, commas, dashes, openers.
bool trailing_junk(UChar32 c) {
  if (c < 0) return false;
  if (u_isUWhiteSpace(c)) return true;
  switch (u_charType(c)) {
    case U_DASH_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
      return true;
    default:
      break;
  }
  static constexpr UChar32 kSeparators[] = {',', ';', ':', 0x3001, 0xFF0C, 0xFF1B, 0xFF1A};
  return std::find(std::begin(kSeparators), std::end(kSeparators), c) != std::end(kSeparators);
}

/// `text` without white space at either end (Unicode white space, as YAML folding leaves it).
std::string_view trim_unicode_space(std::string_view text) {
  auto at = [&](size_t i, bool back) {
    int32_t pos = static_cast<int32_t>(i);
    UChar32 c;
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    if (back) {
      U8_PREV(s, 0, pos, c);
    } else {
      U8_NEXT(s, pos, static_cast<int32_t>(text.size()), c);
    }
    return std::pair<UChar32, size_t>{c, static_cast<size_t>(pos)};
  };
  size_t start = 0, end = text.size();
  while (start < end) {
    auto [c, next] = at(start, false);
    if (c < 0 || !u_isUWhiteSpace(c)) break;
    start = next;
  }
  while (end > start) {
    auto [c, prev] = at(end, true);
    if (c < 0 || !u_isUWhiteSpace(c)) break;
    end = prev;
  }
  return text.substr(start, end - start);
}

}  // namespace

/// True for a Han character, kana or hangul (also by script extension, like "ー").
bool is_cjk(uint32_t code_point) {
  auto c = static_cast<UChar32>(code_point);
  if (c < 0x80) return false;  // ASCII has no Han, kana or hangul script extension
  return uscript_hasScript(c, USCRIPT_HAN) || uscript_hasScript(c, USCRIPT_HIRAGANA) ||
         uscript_hasScript(c, USCRIPT_KATAKANA) || uscript_hasScript(c, USCRIPT_HANGUL) ||
         u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC);
}

int terminal_width(uint32_t code_point) {
  auto c = static_cast<UChar32>(code_point);
  if (c < 0x300) return 1;  // Latin, no marks: the first combining mark is U+0300
  int width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  if (width == U_EA_WIDE || width == U_EA_FULLWIDTH) return 2;
  int8_t type = u_charType(c);
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR ||
      (c >= 0x1160 && c <= 0x11FF)) {
    return 0;
  }
  return 1;
}

size_t display_width(std::string_view s) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  auto size = static_cast<int32_t>(s.size());
  size_t width = 0;
  for (int32_t i = 0; i < size;) {
    if (bytes[i] < 0x80) {
      width += bytes[i++] == '\t' ? 4 : 1;
      continue;
    }
    int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, size, c);
    if (c < 0) {
      width += 1;
      i = start + 1;  // each byte that is not valid UTF-8 takes a column
      continue;
    }
    width += static_cast<size_t>(terminal_width(static_cast<uint32_t>(c)));
  }
  return width;
}

std::vector<size_t> word_boundaries(std::string_view text) {
  icu::BreakIterator* words = breaker(1);
  Utf8Text ut(text);
  UErrorCode status = U_ZERO_ERROR;
  if (words && U_SUCCESS(ut.status)) words->setText(ut.ut, status);
  if (!words || U_FAILURE(ut.status) || U_FAILURE(status)) return {};
  std::vector<size_t> stops{static_cast<size_t>(words->first())};
  for (int32_t end = words->next(); end != icu::BreakIterator::DONE; end = words->next()) {
    stops.push_back(static_cast<size_t>(end));
  }
  // The iterator keeps a pointer to the text: give it an empty one before ours is closed.
  words->setText(icu::UnicodeString());
  return stops;
}

bool own_grapheme(uint32_t c) {
  return (c < 0x80 && c != '\r') || (c >= 0x3000 && c <= 0x3029) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xFF01 && c <= 0xFF5E);
}

namespace {

/// Where the first `count` code points of `text` end, when its first count + 1 code points
/// are each a grapheme of their own (own_grapheme: then a grapheme ends after each of the
/// first `count`, at every code point's end up to there); -1 otherwise, and ICU must find
/// the graphemes. ASCII and Chinese (three bytes from one load) are read without U8_NEXT.
int32_t own_grapheme_cut(std::string_view text, size_t count) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  auto size = static_cast<int32_t>(text.size());
  for (int32_t i = 0, n = 0;; ++n) {  // code point n begins at i
    if (i >= size) return -1;
    const int32_t at = i;
    UChar32 c;
    if (bytes[i] < 0x80) {
      c = bytes[i++];
    } else if (i + 4 <= size && (c = three_byte_code_point_of_four(bytes + i)) >= 0) {
      i += 3;
    } else {
      U8_NEXT(bytes, i, size, c);
    }
    if (c < 0 || !own_grapheme(static_cast<uint32_t>(c))) return -1;
    if (static_cast<size_t>(n) == count) return at;
  }
}

}  // namespace

std::string truncate_text(std::string_view text, size_t max_units) {
  if (max_units >= text.size()) return std::string(text);  // never more graphemes than bytes
  icu::BreakIterator* chars = breaker(0);
  Utf8Text ut(text);
  if (!chars || U_FAILURE(ut.status)) return std::string(text);
  UErrorCode status = U_ZERO_ERROR;
  // The end of grapheme max_units. Most summaries begin with plain ASCII or Chinese, whose
  // code points are graphemes.
  int32_t cut = own_grapheme_cut(text, max_units);
  std::vector<int32_t> stops;  // the ends of the graphemes, when ICU must find them
  if (cut < 0) {
    chars->setText(ut.ut, status);
    if (U_FAILURE(status)) return std::string(text);
    stops.push_back(0);
    int32_t pos = chars->first();
    while (stops.size() <= max_units + 1) {
      pos = chars->next();
      if (pos == icu::BreakIterator::DONE) return std::string(text);  // fits
      stops.push_back(pos);
    }
    cut = stops[max_units];
  }
  UChar32 before = code_point_before(text, static_cast<size_t>(cut));
  icu::BreakIterator* words = breaker(1);
  if (cut > 0 && before >= 0 && !is_cjk(before) && words) {
    status = U_ZERO_ERROR;
    words->setText(ut.ut, status);
    if (U_SUCCESS(status) && !words->isBoundary(cut)) {
      // Back up to the last word boundary if that keeps at least half of the text allowed.
      int32_t word_end = words->preceding(cut);
      // The graphemes before word_end, when one ends there.
      std::optional<size_t> units;
      if (word_end > 0 && stops.empty()) {  // up to the cut, every code point is one
        if ((static_cast<unsigned char>(text[static_cast<size_t>(word_end)]) & 0xC0) != 0x80) {
          units =
              static_cast<size_t>(std::count_if(text.begin(), text.begin() + word_end, [](char b) {
                return (static_cast<unsigned char>(b) & 0xC0) != 0x80;
              }));
        }
      } else if (word_end > 0) {
        auto k = static_cast<size_t>(std::upper_bound(stops.begin(), stops.end(), word_end) -
                                     stops.begin() - 1);
        if (stops[k] == word_end) units = k;
      }
      if (units && *units * 2 >= max_units) cut = word_end;
    }
  }
  size_t end = static_cast<size_t>(cut);
  while (end > 0 && trailing_junk(code_point_before(text, end))) {
    int32_t i = static_cast<int32_t>(end);
    U8_BACK_1(reinterpret_cast<const uint8_t*>(text.data()), 0, i);
    end = static_cast<size_t>(i);
  }
  std::string out(text.substr(0, end));
  out += "\u2026";
  return out;
}

std::string first_sentence(std::string_view text, const std::string& locale) {
  text = trim_unicode_space(text);
  icu::BreakIterator* sentences = sentence_breaker(locale);
  if (text.empty() || !sentences) return std::string(text);
  Utf8Text ut(text);
  if (U_FAILURE(ut.status)) return std::string(text);
  UErrorCode status = U_ZERO_ERROR;
  sentences->setText(ut.ut, status);
  int32_t end = U_SUCCESS(status) ? sentences->following(0) : icu::BreakIterator::DONE;
  // The iterator keeps a pointer to the text: give it an empty one before ours is closed.
  sentences->setText(icu::UnicodeString());
  if (end == icu::BreakIterator::DONE || end <= 0) return std::string(text);
  return std::string(trim_unicode_space(text.substr(0, static_cast<size_t>(end))));
}

std::string short_summary(std::string_view text, const std::string& locale, size_t max_units) {
  return truncate_text(first_sentence(text, locale), max_units);
}

namespace {

/// True for a code point ICU segments with its CJK dictionary that counts as a reading
/// unit: Han, kana and other ideographs that are letters, letter numbers or marks.
bool ask_icu_dictionary_cjk(UChar32 c) {
  if (uscript_hasScript(c, USCRIPT_HANGUL) && !uscript_hasScript(c, USCRIPT_HAN)) return false;
  constexpr uint32_t kUnit = U_GC_L_MASK | U_GC_NL_MASK | U_GC_MN_MASK | U_GC_MC_MASK;
  return (U_GET_GC_MASK(c) & kUnit) != 0 && is_cjk(c);
}

/// ICU's answer for each code point from the CJK radicals to the end of the BMP, asked
/// once per process and code point (0: not asked yet, 1: no, 2: yes): a Chinese body
/// asks it for every character, and ICU takes six property look-ups to answer.
constexpr UChar32 kFirstCjk = 0x2E80;
std::atomic<uint8_t> dictionary_cjk_answers[0x10000 - kFirstCjk];

[[gnu::always_inline]] inline bool is_dictionary_cjk(UChar32 c) {
  // The CJK Unified Ideographs, most of Chinese: all of them are (a test asks ICU), known
  // without a load from the answers' table.
  if (c >= 0x4E00 && c <= 0x9FFF) return true;
  if (c < kFirstCjk) return false;  // below the CJK radicals no code point qualifies
  if (c > 0xFFFF) return ask_icu_dictionary_cjk(c);
  std::atomic<uint8_t>& answer = dictionary_cjk_answers[c - kFirstCjk];
  uint8_t known = answer.load(std::memory_order_relaxed);
  if (known == 0) {
    known = ask_icu_dictionary_cjk(c) ? 2 : 1;
    answer.store(known, std::memory_order_relaxed);  // two threads store the same answer
  }
  return known == 2;
}

constexpr bool ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool ascii_digit(char c) { return c >= '0' && c <= '9'; }
/// std::isalnum in the "C" locale (the process never sets another), without its call.
constexpr bool ascii_alnum(char c) { return ascii_alpha(c) || ascii_digit(c); }

/// Whether the byte at `i` of ASCII `text`, one of ' . : , ;, keeps the word around it
/// together: between two letters (' . :) or two digits (, . ; ').
bool joins_word(std::string_view text, size_t i) {
  if (i == 0 || i + 1 >= text.size()) return false;
  const char c = text[i], before = text[i - 1], after = text[i + 1];
  return ((c == '\'' || c == '.' || c == ':') && ascii_alpha(before) && ascii_alpha(after)) ||
         ((c == ',' || c == '.' || c == ';' || c == '\'') && ascii_digit(before) &&
          ascii_digit(after));
}

/// The bits set in `x` (< 2^16), without a call (the build targets CPUs without POPCNT).
constexpr size_t bits_set(unsigned x) {
  x = x - ((x >> 1) & 0x5555);
  x = (x & 0x3333) + ((x >> 2) & 0x3333);
  x = (x + (x >> 4)) & 0x0F0F;
  return (x + (x >> 8)) & 0x1F;
}
static_assert(bits_set(0xFFFF) == 16 && bits_set(0x8001) == 2 && bits_set(0) == 0);

/// Words of ASCII text as UAX #29 finds them: runs of letters, digits and '_', kept
/// together across one ' . : between letters and one , . ; ' between digits ("don't",
/// "e.g", "3.5", "1,000"). The same count as ICU's word iterator, without it: the runs
/// (16 bytes a step) less the bytes that join two of them.
size_t count_ascii_words(std::string_view text) {
  static constexpr auto kWordChar = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 256; ++c) t[c] = ascii_alnum(static_cast<char>(c)) || c == '_';
    return t;
  }();
  static constexpr auto kJoiner = [] {
    std::array<bool, 256> t{};
    for (unsigned char c : std::string_view("'.:,;")) t[c] = true;
    return t;
  }();
  const auto* b = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  size_t runs = 0, joins = 0, i = 0;
  bool word_before = false;  // the byte before i is a word character
#if defined(__SSE2__)
  auto in_range = [](__m128i v, char lo, char hi) {
    const __m128i d = _mm_sub_epi8(v, _mm_set1_epi8(lo));
    return _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(static_cast<char>(hi - lo))), d);
  };
  auto eq = [](__m128i v, char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
  for (; i + 16 <= size; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + i));
    const __m128i word =
        _mm_or_si128(_mm_or_si128(in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z'),
                                  in_range(v, '0', '9')),
                     eq(v, '_'));
    const __m128i joiner =
        _mm_or_si128(_mm_or_si128(eq(v, '\''), eq(v, '.')),
                     _mm_or_si128(eq(v, ':'), _mm_or_si128(eq(v, ','), eq(v, ';'))));
    const auto w = static_cast<unsigned>(_mm_movemask_epi8(word));
    const unsigned after_word = ((w << 1) | (word_before ? 1u : 0u)) & 0xFFFF;
    runs += bits_set(w & ~after_word);
    for (unsigned j = static_cast<unsigned>(_mm_movemask_epi8(joiner)) & after_word; j != 0;
         j &= j - 1) {
      joins += joins_word(text, i + static_cast<size_t>(__builtin_ctz(j)));
    }
    word_before = (w >> 15) & 1;
  }
#endif
  for (; i < size; ++i) {
    const bool word = kWordChar[b[i]];
    if (word && !word_before) ++runs;
    if (kJoiner[b[i]] && word_before) joins += joins_word(text, i);
    word_before = word;
  }
  return runs - joins;
}

void count_words(std::string_view text, ReadingCount& count) {
  // Text without letters, digits or marks (spaces, "。", "，") holds no word.
  constexpr uint32_t kWordish = U_GC_L_MASK | U_GC_N_MASK | U_GC_M_MASK;
  const auto* raw = reinterpret_cast<const uint8_t*>(text.data());
  auto length = static_cast<int32_t>(text.size());
  bool plain = true;
  for (int32_t i = 0; i < length && plain;) {
    UChar32 c;
    U8_NEXT(raw, i, length, c);
    plain = c >= 0 &&
            (c < 0x80 ? !ascii_alnum(static_cast<char>(c)) : (U_GET_GC_MASK(c) & kWordish) == 0);
  }
  if (plain) return;
  const auto* ascii = reinterpret_cast<const unsigned char*>(text.data());
  size_t k = 0;
  while (k + 8 <= text.size() && eight_ascii(ascii + k)) k += 8;
  while (k < text.size() && ascii[k] < 0x80) ++k;
  if (k == text.size()) {
    count.words += count_ascii_words(text);
    return;
  }
  icu::BreakIterator* words = breaker(1);
  Utf8Text ut(text);
  if (!words || U_FAILURE(ut.status)) return;
  UErrorCode status = U_ZERO_ERROR;
  words->setText(ut.ut, status);
  if (U_FAILURE(status)) return;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  int32_t start = words->first();
  for (int32_t end = words->next(); end != icu::BreakIterator::DONE;
       start = end, end = words->next()) {
    if (words->getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;  // spaces, punctuation
    size_t cjk = 0;
    for (int32_t i = start; i < end;) {
      UChar32 c;
      U8_NEXT(bytes, i, end, c);
      if (c >= 0 && is_cjk(c)) ++cjk;
    }
    if (cjk > 0) {
      count.cjk_chars += cjk;
    } else {
      ++count.words;
    }
  }
}

}  // namespace

ReadingCount count_reading(std::string_view text) {
  // Runs of Han and kana count one unit per character, without dictionary segmentation
  // (which finds the same characters, only far more slowly); the rest is broken into words.
  ReadingCount count;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  auto size = static_cast<int32_t>(text.size());
  int32_t run = 0;  // start of the current run of other text
  for (int32_t i = 0; i < size;) {
    if (bytes[i] < 0x80) {  // ASCII, never CJK: passed over without decoding, 8 at a time
      ++i;
      while (i + 8 <= size && eight_ascii(bytes + i)) i += 8;
      continue;
    }
    // A run of Chinese: each character checked and decoded from one load.
    UChar32 c;
    while (i + 4 <= size && (c = three_byte_code_point_of_four(bytes + i)) >= 0 &&
           is_dictionary_cjk(c)) {
      if (i > run) {  // (text between two characters, often none)
        count_words(text.substr(static_cast<size_t>(run), static_cast<size_t>(i - run)), count);
      }
      ++count.cjk_chars;
      i += 3;
      run = i;
    }
    if (i >= size || bytes[i] < 0x80) continue;
    int32_t at = i;
    c = valid_three_byte_code_point(bytes, static_cast<size_t>(i), static_cast<size_t>(size));
    if (c >= 0) {
      i += 3;
    } else {
      U8_NEXT(bytes, i, size, c);
    }
    if (c >= 0 && is_dictionary_cjk(c)) {
      if (at > run) {  // (text between two characters, often none)
        count_words(text.substr(static_cast<size_t>(run), static_cast<size_t>(at - run)), count);
      }
      ++count.cjk_chars;
      run = i;
    }
  }
  count_words(text.substr(static_cast<size_t>(run)), count);
  return count;
}

int reading_minutes(const ReadingCount& count) {
  // cjk/400 + words/200 minutes, rounded up, in exact integer arithmetic.
  size_t four_hundredths = count.cjk_chars + 2 * count.words;
  size_t minutes = (four_hundredths + 399) / 400;
  return minutes < 1 ? 1 : static_cast<int>(std::min<size_t>(minutes, 1000000));
}

}  // namespace firefly
