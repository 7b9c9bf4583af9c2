#include "model/number_words.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#elif defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/cpu.h"

namespace firefly {

namespace {

constexpr std::array<std::string_view, 9> kOnes = {"one", "two",   "three", "four", "five",
                                                   "six", "seven", "eight", "nine"};
constexpr std::array<std::string_view, 10> kTeens = {"ten",      "eleven",  "twelve",  "thirteen",
                                                     "fourteen", "fifteen", "sixteen", "seventeen",
                                                     "eighteen", "nineteen"};
constexpr std::array<std::string_view, 8> kTens = {"twenty", "thirty",  "forty",  "fifty",
                                                   "sixty",  "seventy", "eighty", "ninety"};
constexpr std::array<std::string_view, 9> kOnesOrdinal = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"};
constexpr std::array<std::string_view, 10> kTeensOrdinal = {
    "tenth",     "eleventh",  "twelfth",     "thirteenth", "fourteenth",
    "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"};
constexpr std::array<std::string_view, 8> kTensOrdinal = {"twentieth", "thirtieth", "fortieth",
                                                          "fiftieth",  "sixtieth",  "seventieth",
                                                          "eightieth", "ninetieth"};

/// By byte: an ASCII letter.
constexpr auto kLetters = [] {
  std::array<bool, 256> letters{};
  for (int c = 'a'; c <= 'z'; ++c) letters[c] = letters[c - 'a' + 'A'] = true;
  return letters;
}();

bool is_letter(unsigned char c) { return kLetters[c]; }

#if defined(__SSE2__)
/// The ASCII letters among the 16 bytes from `p`, a bit each (byte k: bit k).
unsigned letter_bits(const char* p) {
  // A byte with 0x20 set is a letter when it is 'a' to 'z': 'A' to 'Z' become those.
  const __m128i lower =
      _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)), _mm_set1_epi8(0x20));
  const __m128i from_a = _mm_sub_epi8(lower, _mm_set1_epi8('a'));
  const __m128i letter = _mm_cmpeq_epi8(_mm_min_epu8(from_a, _mm_set1_epi8(25)), from_a);
  return static_cast<unsigned>(_mm_movemask_epi8(letter));
}
#endif

/// The first offset from `i` whose byte is a letter (`letter`) or is none (not `letter`), or
/// the size; 16 bytes a step: every word of every English text is stepped over here.
size_t next_where(std::string_view text, size_t i, bool letter) {
#if defined(__SSE2__)
  for (; i + 16 <= text.size(); i += 16) {
    const unsigned bits = letter ? letter_bits(text.data() + i) : ~letter_bits(text.data() + i);
    if (bits & 0xFFFF) return i + static_cast<size_t>(__builtin_ctz(bits & 0xFFFF));
  }
#endif
  while (i < text.size() && is_letter(static_cast<unsigned char>(text[i])) != letter) ++i;
  return i;
}

/// Where the letters from `i` end.
size_t word_end(std::string_view text, size_t i) { return next_where(text, i, false); }

/// What a number word is: a number ("seven", "twenty"), an ordinal ("seventh", "twentieth")
/// or a scale that multiplies the number before it ("hundred", "thousand"). "Hundredth" is
/// left out: "one hundredth" is more often a fraction than an ordinal.
enum class Kind { kNumber, kOrdinal, kScale };

/// A number word and its value.
struct NumberWord {
  std::string_view word;
  double value;
  Kind kind;
};

/// The longest number word ("seventeenth") has 11 letters.
constexpr size_t kLongest = 11;

/// The words above and the scales with their values, by length (3 to 11 letters) and first
/// letter.
using ByFirstLetter = std::array<std::vector<NumberWord>, 26>;
const std::array<ByFirstLetter, kLongest + 1> kByLength = [] {
  std::array<ByFirstLetter, kLongest + 1> by_length;
  auto add = [&](std::string_view word, double value, Kind kind) {
    by_length[word.size()][static_cast<size_t>(word[0] - 'a')].push_back({word, value, kind});
  };
  for (size_t k = 0; k < kTens.size(); ++k) add(kTens[k], (k + 2) * 10.0, Kind::kNumber);
  for (size_t k = 0; k < kTeens.size(); ++k) add(kTeens[k], k + 10.0, Kind::kNumber);
  for (size_t k = 0; k < kOnes.size(); ++k) add(kOnes[k], k + 1.0, Kind::kNumber);
  for (size_t k = 0; k < kTensOrdinal.size(); ++k) {
    add(kTensOrdinal[k], (k + 2) * 10.0, Kind::kOrdinal);
  }
  for (size_t k = 0; k < kTeensOrdinal.size(); ++k) add(kTeensOrdinal[k], k + 10.0, Kind::kOrdinal);
  for (size_t k = 0; k < kOnesOrdinal.size(); ++k) add(kOnesOrdinal[k], k + 1.0, Kind::kOrdinal);
  add("hundred", 1e2, Kind::kScale);
  add("thousand", 1e3, Kind::kScale);
  add("million", 1e6, Kind::kScale);
  add("billion", 1e9, Kind::kScale);
  return by_length;
}();

/// The word from `i` (the start of a word): where its letters end, and the number word it
/// is (null: none), in lower case or with a capital. Every word of every English page is
/// read here: most are turned down by their length and first letter, the rest compared with
/// the one or two number words of both.
struct Word {
  size_t end = 0;
  const NumberWord* number = nullptr;
};

Word word_from(std::string_view text, size_t i) {
  Word w{word_end(text, i), nullptr};
  const size_t size = w.end - i;
  if (size < 3 || size > kLongest) return w;
  const auto first = static_cast<size_t>((text[i] | 0x20) - 'a');  // a letter: 0 to 25
  const std::string_view rest = text.substr(i + 1, size - 1);
  for (const NumberWord& n : kByLength[size][first]) {
    if (rest == n.word.substr(1)) {
      w.number = &n;
      break;
    }
  }
  return w;
}

/// The word after the space at `at` (none when there is no space), as word_from reads it.
Word word_after_space(std::string_view text, size_t at) {
  if (at >= text.size() || text[at] != ' ') return {};
  return word_from(text, at + 1);
}

/// A number read from words: its value, where it ends, whether it is an ordinal (nothing
/// goes on after one).
struct Read {
  double value = 0;
  size_t end = 0;
  bool ordinal = false;
};

/// The number from 1 to 99 of `first`, the word at a word's start (a number or an ordinal),
/// and of the unit after it when it is tens ("twenty-five", "twenty five", "twenty-first").
Read below_hundred(std::string_view text, const Word& first) {
  Read r{first.number->value, first.end, first.number->kind == Kind::kOrdinal};
  const size_t end = first.end;
  if (r.ordinal || r.value < 20 || end >= text.size() || (text[end] != '-' && text[end] != ' ')) {
    return r;
  }
  const Word unit = word_from(text, end + 1);
  if (!unit.number || unit.number->value >= 10) return r;
  // An ordinal unit only joined by a hyphen: "twenty first-time buyers" are twenty.
  if (unit.number->kind == Kind::kNumber ||
      (unit.number->kind == Kind::kOrdinal && text[end] == '-')) {
    r.value += unit.number->value;
    r.end = unit.end;
    r.ordinal = unit.number->kind == Kind::kOrdinal;
  }
  return r;
}

/// Whether `w` is a number or an ordinal (not a scale).
bool begins_number(const Word& w) {
  return w.number && (w.number->kind == Kind::kNumber || w.number->kind == Kind::kOrdinal);
}

/// Whether "and" is the word after the space at `at`.
bool and_after_space(std::string_view text, size_t at) {
  const Word w = word_after_space(text, at);
  return w.end == at + 4 && text.substr(at + 1, 3) == "and";
}

/// `r`, a number below a hundred, multiplied by a "hundred" after it and with the number
/// after that added: "two hundred and five", "three hundred twenty", "twelve hundred".
Read with_hundreds(std::string_view text, Read r) {
  if (r.ordinal) return r;
  const Word scale = word_after_space(text, r.end);
  if (!scale.number || scale.number->value != 1e2) return r;
  r.value *= 1e2;
  r.end = scale.end;
  const size_t rest = and_after_space(text, r.end) ? r.end + 4 : r.end;
  if (Word more = word_after_space(text, rest); begins_number(more)) {
    const Read tail = below_hundred(text, more);
    r.value += tail.value;
    r.end = tail.end;
    r.ordinal = tail.ordinal;
  }
  return r;
}

/// The number written in words from `i`, the start of the word `first`: groups below a
/// thousand, each multiplied by a scale larger than the next one's ("two million three
/// hundred thousand", "two thousand and five"); "a" is one before a scale ("a hundred and
/// twelve", "a thousand"), nothing before any other word ("a second look").
std::optional<Read> number_from(std::string_view text, size_t i, const Word& first) {
  Read group;
  if (begins_number(first)) {
    group = with_hundreds(text, below_hundred(text, first));
  } else {
    if (first.end != i + 1 || (text[i] | 0x20) != 'a') return std::nullopt;
    const Word scale = word_after_space(text, first.end);
    if (!scale.number || scale.number->kind != Kind::kScale) return std::nullopt;
    group = with_hundreds(text, {1, first.end, false});
  }
  Read total{0, i, false};
  double last_scale = 1e12;
  while (true) {
    const Word scale = group.ordinal ? Word{} : word_after_space(text, group.end);
    if (!scale.number || scale.number->kind != Kind::kScale || scale.number->value < 1e3 ||
        scale.number->value >= last_scale) {
      total.value += group.value;
      total.end = group.end;
      total.ordinal = group.ordinal;
      return total;
    }
    total.value += group.value * scale.number->value;
    total.end = scale.end;
    last_scale = scale.number->value;
    const size_t rest = and_after_space(text, scale.end) ? scale.end + 4 : scale.end;
    const Word next = word_after_space(text, rest);
    if (!begins_number(next)) return total;
    group = with_hundreds(text, below_hundred(text, next));
  }
}

}  // namespace

std::vector<StatedNumber> english_number_words(std::string_view text) {
  std::vector<StatedNumber> out;
  for (size_t i = next_where(text, 0, true); i < text.size(); i = next_where(text, i, true)) {
    // A word's start (the loop steps over whole words): most words are no number.
    const Word word = word_from(text, i);
    std::optional<Read> n;
    if (word.number || word.end == i + 1) n = number_from(text, i, word);
    if (!n) {
      i = word.end;
      continue;
    }
    if (n->value > 10) {
      out.push_back({n->value, std::string(text.substr(i, n->end - i)), true, i});
    }
    i = n->end;
  }
  return out;
}

std::vector<std::string_view> english_word_marks(double value) {
  if (value <= 10 || value != std::floor(value)) return {};
  if (value >= 1000) return {"undred", "housand", "illion"};
  if (value >= 100) return {"undred"};
  if (value == 11) return {"leven"};
  if (value == 12) return {"welve", "welfth"};
  if (value < 20) return {"teen"};
  // The tens and their ordinals, without their first letter (either case): "wenty", "wentie".
  static constexpr std::array<std::array<std::string_view, 2>, 8> kTensMarks = {{
      {"wenty", "wentie"},
      {"hirty", "hirtie"},
      {"orty", "ortie"},
      {"ifty", "iftie"},
      {"ixty", "ixtie"},
      {"eventy", "eventie"},
      {"ighty", "ightie"},
      {"inety", "inetie"},
  }};
  const auto& marks = kTensMarks[static_cast<size_t>(value) / 10 - 2];
  return {marks[0], marks[1]};
}

namespace {

using Anchor = MarkSearch::Anchor;

/// Anchors at most, looked for at once (the marks of english_word_marks have 9 at most).
constexpr size_t kMaxAnchors = 16;

/// Whether a mark of `anchors` is in `text` where its anchor is at `at` (two bytes at least
/// before its end).
bool mark_at(std::string_view text, size_t at, const std::vector<Anchor>& anchors) {
  for (const Anchor& a : anchors) {
    // (Its first two bytes before the whole: most anchors differ in them.)
    if (text[at] != a.bytes[0] || text[at + 1] != a.bytes[1] ||
        text.substr(at, a.bytes.size()) != a.bytes) {
      continue;
    }
    for (const auto& [mark, offset] : a.marks) {
      if (at >= offset && text[at - offset] == mark[0] &&
          text.substr(at - offset, mark.size()) == mark) {
        return true;
      }
    }
  }
  return false;
}

#if defined(__SSE2__)
/// Whether a mark of `anchors` (of three bytes first, `three` of them) has its anchor at an
/// offset from `i` on, looked at 16 offsets a step while 18 bytes can be read; `i` is left
/// where the steps stop.
bool find_anchors_16(std::string_view text, size_t& i, const std::vector<Anchor>& anchors,
                     size_t three) {
  __m128i b0[kMaxAnchors], b1[kMaxAnchors], b2[kMaxAnchors];
  const size_t n = anchors.size();
  for (size_t k = 0; k < n; ++k) {
    const std::string_view a = anchors[k].bytes;
    b0[k] = _mm_set1_epi8(a[0]);
    b1[k] = _mm_set1_epi8(a[1]);
    b2[k] = _mm_set1_epi8(a[a.size() - 1]);
  }
  auto load = [&](size_t at) {
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + at));
  };
  for (; i + 18 <= text.size(); i += 16) {
    const __m128i c0 = load(i), c1 = load(i + 1), c2 = load(i + 2);
    __m128i hit = _mm_setzero_si128();
    for (size_t k = 0; k < three; ++k) {
      hit = _mm_or_si128(
          hit, _mm_and_si128(_mm_and_si128(_mm_cmpeq_epi8(c0, b0[k]), _mm_cmpeq_epi8(c1, b1[k])),
                             _mm_cmpeq_epi8(c2, b2[k])));
    }
    for (size_t k = three; k < n; ++k) {
      hit = _mm_or_si128(hit, _mm_and_si128(_mm_cmpeq_epi8(c0, b0[k]), _mm_cmpeq_epi8(c1, b1[k])));
    }
    for (auto bits = static_cast<unsigned>(_mm_movemask_epi8(hit)); bits; bits &= bits - 1) {
      if (mark_at(text, i + static_cast<size_t>(__builtin_ctz(bits)), anchors)) return true;
    }
  }
  return false;
}
#endif

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
/// find_anchors_16, 32 offsets a step while 34 bytes can be read (cpu_has_avx2()).
__attribute__((target("avx2"))) bool find_anchors_32(std::string_view text, size_t& i,
                                                     const std::vector<Anchor>& anchors,
                                                     size_t three) {
  __m256i b0[kMaxAnchors], b1[kMaxAnchors], b2[kMaxAnchors];
  const size_t n = anchors.size();
  for (size_t k = 0; k < n; ++k) {
    const std::string_view a = anchors[k].bytes;
    b0[k] = _mm256_set1_epi8(a[0]);
    b1[k] = _mm256_set1_epi8(a[1]);
    b2[k] = _mm256_set1_epi8(a[a.size() - 1]);
  }
  // (No lambda: it would not be compiled for AVX2.)
  const auto* p = reinterpret_cast<const char*>(text.data());
  for (; i + 34 <= text.size(); i += 32) {
    const __m256i c0 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i));
    const __m256i c1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i + 1));
    const __m256i c2 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i + 2));
    __m256i hit = _mm256_setzero_si256();
    for (size_t k = 0; k < three; ++k) {
      hit = _mm256_or_si256(hit, _mm256_and_si256(_mm256_and_si256(_mm256_cmpeq_epi8(c0, b0[k]),
                                                                   _mm256_cmpeq_epi8(c1, b1[k])),
                                                  _mm256_cmpeq_epi8(c2, b2[k])));
    }
    for (size_t k = three; k < n; ++k) {
      hit = _mm256_or_si256(
          hit, _mm256_and_si256(_mm256_cmpeq_epi8(c0, b0[k]), _mm256_cmpeq_epi8(c1, b1[k])));
    }
    for (auto bits = static_cast<unsigned>(_mm256_movemask_epi8(hit)); bits; bits &= bits - 1) {
      if (mark_at(text, i + static_cast<size_t>(__builtin_ctz(bits)), anchors)) return true;
    }
  }
  return false;
}
#endif

}  // namespace

bool holds_mark(std::string_view text, const std::vector<std::string_view>& marks) {
  return MarkSearch(marks).in(text);
}

MarkSearch::MarkSearch(const std::vector<std::string_view>& marks) : marks_(marks) {
  // Each mark is found by a part of it few other words hold ("ty" of every "wenty", "hirty"
  // and the other tens, "tie" of their ordinals), looked for at many offsets at once; where
  // one is, the marks it is part of are compared.
  static constexpr std::array<std::string_view, 9> kAnchors = {"tie", "ty", "dr",  "usa", "lli",
                                                               "lv",  "lf", "lev", "een"};
  for (std::string_view mark : marks) {
    longest_ = std::max(longest_, mark.size());
    std::string_view bytes = mark.substr(0, 2);
    size_t offset = 0;
    for (std::string_view anchor : kAnchors) {
      if (size_t at = mark.find(anchor); at != std::string_view::npos) {
        bytes = anchor;
        offset = at;
        break;
      }
    }
    auto it = std::find_if(anchors_.begin(), anchors_.end(),
                           [&](const Anchor& a) { return a.bytes == bytes; });
    if (it == anchors_.end()) {
      anchors_.push_back({bytes, {}});
      it = anchors_.end() - 1;
    }
    it->marks.emplace_back(mark, offset);
  }
  auto three = [](const Anchor& a) { return a.bytes.size() > 2; };
  std::stable_partition(anchors_.begin(), anchors_.end(), three);
  three_ = static_cast<size_t>(std::count_if(anchors_.begin(), anchors_.end(), three));
}

bool MarkSearch::in(std::string_view text, int step) const {
  size_t i = 0;
  if (step > 1 && anchors_.size() <= kMaxAnchors) {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
    if (step >= 32 && cpu_has_avx2() && find_anchors_32(text, i, anchors_, three_)) return true;
#endif
#if defined(__SSE2__)
    if (find_anchors_16(text, i, anchors_, three_)) return true;
#endif
    // The anchors from `i` on: their marks begin at most `longest_` bytes before them.
    i = i > longest_ ? i - longest_ : 0;
  }
  for (; i < text.size(); ++i) {
    for (std::string_view mark : marks_) {
      if (text[i] == mark[0] && text.substr(i, mark.size()) == mark) return true;
    }
  }
  return false;
}

}  // namespace firefly
